# `embedtool index` and the row norms section (format version 5) through the real binary: a
# model without norms answers --nearest the same, with one line saying how to add them; `index`
# adds them in place, verify checks them, and the answers do not change; a damaged norms section
# is an error, not wrong cosines.
source "$(dirname "$0")/lib.sh"

PYTHON=/usr/bin/python3
train_demo_model

queries='cat dog\ncat - bread + cheese\n'
printf "$queries" | "$EMBEDTOOL" lookup -m demo.emb --nearest 5 >with.out 2>with.err ||
  fail "--nearest: $(cat with.err)"
[ ! -s with.err ] || fail "a model with norms should print nothing on stderr: $(cat with.err)"

# The same model without its norms section (version 5 allows that: fields 288..319 zero, the
# file ending with the section before), as a model from an older writer would be.
"$PYTHON" - <<'PY' || fail "could not strip the norms"
import struct, zlib
data = bytearray(open("demo.emb", "rb").read())
assert struct.unpack_from("<I", data, 4)[0] == 5 and struct.unpack_from("<Q", data, 312)[0] > 0
end = sum(struct.unpack_from("<QQ", data, 80))
for block in (128, 192):  # the head's and the bucket rows' fields, present if their kind is set
    if struct.unpack_from("<I", data, block + 4)[0]:
        end = max(end, sum(struct.unpack_from("<QQ", data, block + 8)))
del data[end:]
data[288:320] = bytes(32)
struct.pack_into("<Q", data, 40, len(data))
struct.pack_into("<I", data, 8, 0)
struct.pack_into("<I", data, 8, zlib.crc32(bytes(data[:320])))
open("plain.emb", "wb").write(data)
PY

run_embedtool verify plain.emb
[ "$status" -eq 0 ] || fail "a model without norms should verify: $(cat err)"
printf "$queries" | "$EMBEDTOOL" lookup -m plain.emb --nearest 5 >without.out 2>without.err ||
  fail "--nearest without norms: $(cat without.err)"
# Lengths computed as the pass goes are float sums, stored ones double: the last digit may differ.
[ "$(cut -f1,2 with.out)" = "$(cut -f1,2 without.out)" ] || fail "neighbours differ without norms: $(diff with.out without.out)"
paste with.out without.out | awk -F'\t' '{ d = $3 - $6; if (d > 1e-5 || d < -1e-5) exit 1 }' ||
  fail "cosines differ by more than 1e-5 without norms: $(diff with.out without.out)"
[ "$(wc -l <without.err)" -eq 1 ] && grep -q "info: plain.emb has no stored row norms: \`embedtool index plain.emb\` adds them" without.err ||
  fail "the hint line: $(cat without.err)"
"$EMBEDTOOL" lookup -m plain.emb --nearest 5 --quiet cat >/dev/null 2>quiet.err && [ ! -s quiet.err ] ||
  fail "--quiet should silence the hint: $(cat quiet.err)"

run_embedtool index plain.emb
[ "$status" -eq 0 ] || fail "index exited $status: $(cat err)"
grep -q "plain.emb: row norms of [0-9]* rows added" err || fail "index should say what it did: $(cat err)"
cmp -s plain.emb demo.emb || fail "indexed, the model should be byte for byte what train wrote"
run_embedtool index plain.emb
grep -q "already has its row norms" err || fail "a second index: $(cat err)"
ls -a | grep -q '\.tmp\.' && fail "index left a temporary file: $(ls -a)"

# A flipped bit in the norms: --nearest and verify refuse, naming the section.
"$PYTHON" - <<'PY' || fail "could not damage the norms"
import struct
data = bytearray(open("demo.emb", "rb").read())
data[struct.unpack_from("<Q", data, 296)[0] + 6] ^= 4
open("damaged.emb", "wb").write(data)
PY
expect_error 1 "damaged.emb has a corrupt norms section \(checksum mismatch" lookup -m damaged.emb --nearest 3 cat
expect_error 1 "damaged.emb has a corrupt norms section" verify damaged.emb
expect_error 1 "damaged.emb has a corrupt norms section" index damaged.emb
echo "ok: index and row norms"
