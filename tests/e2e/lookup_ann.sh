# `embedtool index --ann` and `lookup --nearest` through the ANN index beside the model, through
# the real binary: the index is written beside the model (which is left as it was), answers agree
# with --exact (recall@10 over every word), info and verify show and check it, and an index that
# no longer matches its model, or is damaged, is refused with one line rather than followed.
source "$(dirname "$0")/lib.sh"

PYTHON=/usr/bin/python3
train_demo_model
cp demo.emb before.emb

run_embedtool index --ann --threads 2 demo.emb
[ "$status" -eq 0 ] || fail "index --ann exited $status: $(cat err)"
grep -q "demo.emb: ANN index of 369 rows (M 16, ef_construction 100, ef 64) built in .* s: demo.emb.ann, [0-9]* bytes" err ||
  fail "index --ann should say what it built: $(cat err)"
[ -f demo.emb.ann ] || fail "no demo.emb.ann beside the model"
cmp -s demo.emb before.emb || fail "index --ann must leave a model with norms byte for byte as it was"
ls -a | grep -q '\.tmp\.' && fail "index --ann left a temporary file: $(ls -a)"

# recall@10 against the exact search, every word a query (rows 2 to 370).
seq 2 370 >ids.txt
"$EMBEDTOOL" lookup -m demo.emb --ids --nearest 10 --exact --format tsv <ids.txt >exact.tsv 2>exact.err ||
  fail "--exact: $(cat exact.err)"
"$EMBEDTOOL" lookup -m demo.emb --ids --nearest 10 --format tsv <ids.txt >ann.tsv 2>ann.err ||
  fail "--nearest through the index: $(cat ann.err)"
[ ! -s ann.err ] || fail "a search through the index should print nothing on stderr: $(cat ann.err)"
[ "$(wc -l <ann.tsv)" -eq "$(wc -l <exact.tsv)" ] || fail "as many answers through the index as without"
"$PYTHON" - <<'PY' || fail "recall@10 through the index"
from collections import defaultdict
def answers(path):
    found = defaultdict(set)
    for line in open(path):
        query, word, cosine = line.rstrip("\n").split("\t")
        found[query].add(word)
    return found
exact, ann = answers("exact.tsv"), answers("ann.tsv")
recall = sum(len(exact[q] & ann[q]) for q in exact) / sum(len(exact[q]) for q in exact)
print(f"recall@10 {recall:.4f}")
assert recall >= 0.95, recall
PY
# An expression goes through the index too; --ef changes the beam; both answer.
"$EMBEDTOOL" lookup -m demo.emb --nearest 3 'cat - bread + cheese' >expression.out 2>&1 &&
  [ "$(wc -l <expression.out)" -eq 3 ] || fail "an expression through the index: $(cat expression.out)"
# same_answers A B: the same neighbours in the same order, cosines equal to float rounding (the
# exact pass sums a row's products in another order than a single-row dot product).
same_answers() {
  [ "$(cut -f1,2 "$1")" = "$(cut -f1,2 "$2")" ] &&
    paste "$1" "$2" | awk -F'\t' '{ d = $3 - $6; if (d > 1e-6 || d < -1e-6) exit 1 }'
}
"$EMBEDTOOL" lookup -m demo.emb --nearest 3 --ef 400 cat >wide.out 2>&1 &&
  "$EMBEDTOOL" lookup -m demo.emb --nearest 3 --exact cat >exact3.out 2>&1 && same_answers wide.out exact3.out ||
  fail "a beam wider than the model should give the exact answers: $(diff wide.out exact3.out)"
# --limit shows only the first words, which the index does not know apart: the search is exact.
"$EMBEDTOOL" lookup -m demo.emb --limit 50 --nearest 3 cold >limited.out 2>&1 &&
  "$EMBEDTOOL" lookup -m demo.emb --limit 50 --nearest 3 --exact cold >limited-exact.out 2>&1 &&
  cmp -s limited.out limited-exact.out || fail "--limit with an index: $(diff limited.out limited-exact.out)"

run_embedtool info demo.emb
grep -q "^ann index   demo.emb.ann: 369 rows linked, M 16, ef 64 (built with ef_construction 100), " out ||
  fail "info should show the index: $(cat out)"
run_embedtool info --format json demo.emb
grep -q '"usable": true' out || fail "info --format json: $(cat out)"
run_embedtool verify demo.emb
[ "$status" -eq 0 ] && grep -q "its ANN index demo.emb.ann is sound" out || fail "verify with an index: $(cat out err)"

# Usage errors: options that would be ignored.
expect_error 2 "--exact and --ef cannot be used together" lookup -m demo.emb --nearest 3 --exact --ef 10 cat
expect_error 2 "--links has no effect without --ann" index --links 8 demo.emb
expect_error 2 "--ef is the beam of a search through an ANN index, and before.emb has none" \
  lookup -m before.emb --nearest 3 --ef 10 cat

# A model written again over the indexed one: its index is refused, naming the way out.
cp demo.emb.ann before.emb.ann
"$EMBEDTOOL" train "$PROJECT/data/corpus.txt" -o demo.emb --output-dim 50 --epochs 5 --window 3 --seed 2 --quiet ||
  fail "retraining"
expect_error 1 "demo.emb.ann is the ANN index of another version of demo.emb \(the model's matrix has changed since: checksum 0x[0-9a-f]{8}, the index was built over 0x[0-9a-f]{8}\): rebuild it with \`embedtool index --ann demo.emb\`, delete it, or search without it with --exact" \
  lookup -m demo.emb --nearest 3 cat
run_embedtool lookup -m demo.emb --nearest 3 --exact cat
[ "$status" -eq 0 ] || fail "--exact should bypass a stale index: $(cat err)"
run_embedtool info demo.emb
grep -q "^ann index   demo.emb.ann, not usable: demo.emb.ann is the ANN index of another version" out ||
  fail "info with a stale index: $(cat out err)"
expect_error 1 "demo.emb.ann is the ANN index of another version of demo.emb" verify demo.emb
run_embedtool index --ann demo.emb
[ "$status" -eq 0 ] || fail "rebuilding the index: $(cat err)"
run_embedtool lookup -m demo.emb --nearest 3 cat
[ "$status" -eq 0 ] || fail "after rebuilding the index: $(cat err)"

# Damage: a flipped header bit is refused by every search; a flipped link by verify.
"$PYTHON" - <<'PY' || fail "could not damage the index"
import struct
data = bytearray(open("before.emb.ann", "rb").read())
header = bytearray(data); header[30] ^= 1
open("header.emb.ann", "wb").write(header)
level0 = struct.unpack_from("<Q", data, 88)[0]
data[level0 + 5 * 4 * 33 + 4] ^= 0x40
open("links.emb.ann", "wb").write(data)
PY
cp before.emb header.emb
expect_error 1 "header.emb.ann has a corrupt header \(checksum mismatch" lookup -m header.emb --nearest 3 cat
cp before.emb links.emb
expect_error 1 "links.emb.ann has a corrupt level-0 links section \(checksum mismatch" verify links.emb

# A model without row norms (an older writer's) gets them first, then its index.
"$PYTHON" - <<'PY' || fail "could not strip the norms"
import struct, zlib
data = bytearray(open("before.emb", "rb").read())
del data[struct.unpack_from("<Q", data, 296)[0]:]
data[288:320] = bytes(32)
struct.pack_into("<Q", data, 40, len(data))
struct.pack_into("<I", data, 8, 0)
struct.pack_into("<I", data, 8, zlib.crc32(bytes(data[:320])))
open("plain.emb", "wb").write(data)
PY
run_embedtool index --ann plain.emb
[ "$status" -eq 0 ] && grep -q "plain.emb: row norms of 371 rows added" err && [ -f plain.emb.ann ] ||
  fail "index --ann on a model without norms: $(cat err)"
cmp -s plain.emb before.emb || fail "with its norms, the model should be what train wrote"

# float16 rows are searched as float16.
"$EMBEDTOOL" convert before.emb half.emb --dtype float16 --quiet || fail "convert to float16"
run_embedtool index --ann half.emb
[ "$status" -eq 0 ] || fail "index --ann on float16 rows: $(cat err)"
"$EMBEDTOOL" lookup -m half.emb --nearest 3 --ef 400 cat >half.out 2>&1 &&
  "$EMBEDTOOL" lookup -m half.emb --nearest 3 --exact cat >half-exact.out 2>&1 && same_answers half.out half-exact.out ||
  fail "float16 through the index: $(diff half.out half-exact.out)"
echo "ok: ANN index"
