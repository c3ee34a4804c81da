# The .emb head section (format version 3 on) through the real binary: a head is added here from
# docs/FORMAT.md alone (Python, not the library), then info,
# verify, lookup and convert must see it, and damage to it must be reported.
source "$(dirname "$0")/lib.sh"

# 300 words x 16 dims, made here so the test needs nothing else.
awk 'BEGIN { srand(2); print "300 16";
             for (i = 0; i < 300; i++) { printf "w%d", i;
               for (j = 0; j < 16; j++) printf " %.7g", rand() * 2 - 1; print "" } }' >source.vec
"$EMBEDTOOL" convert source.vec plain.emb --quiet || fail "convert source.vec plain.emb failed"

# A model without a head: version 5, "head none", JSON null.
run_embedtool info plain.emb
[ "$status" -eq 0 ] || fail "info plain.emb exited $status: $(cat err)"
grep -qE '^format +emb \(version 5\)$' out || fail "info should say version 5: $(cat out)"
grep -qE '^head +none$' out || fail "info should say 'head none' for a model without one: $(cat out)"
run_embedtool info plain.emb --format json
python3 -c 'import json, sys; assert json.load(open("out"))["head"] is None' ||
  fail "info --format json should give \"head\": null: $(cat out)"

# Append a 3-row "softmax" head to plain.emb as docs/FORMAT.md lays it out.
python3 - <<'PY' || fail "could not add a head to plain.emb"
import struct, zlib
data = bytearray(open("plain.emb", "rb").read())
assert struct.unpack_from("<I", data, 4)[0] == 5 and len(data) >= 320
dims = struct.unpack_from("<Q", data, 32)[0]
matrix_offset, matrix_size = struct.unpack_from("<QQ", data, 80)
# The row norms (version 5) end the file, after where the head goes: dropped here (they are
# optional), so that the head can follow the matrix.
assert struct.unpack_from("<Q", data, 296)[0] >= matrix_offset + matrix_size
del data[matrix_offset + matrix_size:]
data[288:320] = bytes(32)
data += bytes(-len(data) % 64)
head_offset = len(data)
rows = 3
head = b"".join(struct.pack("<f", 0.5 * r - 0.125 * c) for r in range(rows) for c in range(dims))
data += head
kind = b"softmax"
struct.pack_into("<IIQQQQ", data, 128, zlib.crc32(head), len(kind), head_offset, len(head), rows, dims)
data[168:192] = kind + bytes(24 - len(kind))
struct.pack_into("<Q", data, 40, len(data))
struct.pack_into("<I", data, 8, 0)
struct.pack_into("<I", data, 8, zlib.crc32(bytes(data[:320])))
open("head.emb", "wb").write(data)
PY

run_embedtool info head.emb
[ "$status" -eq 0 ] || fail "info head.emb exited $status: $(cat err)"
grep -qE '^head +softmax, 3 x 16$' out || fail "info should say 'head softmax, 3 x 16': $(cat out)"
run_embedtool info head.emb --format json
python3 -c 'import json; h = json.load(open("out"))["head"]
assert h == {"kind": "softmax", "rows": 3, "dims": 16}, h' || fail "info --format json head: $(cat out)"
run_embedtool verify head.emb
[ "$status" -eq 0 ] && grep -q "head.emb: ok (emb version 5" out || fail "verify head.emb: $(cat out) $(cat err)"

# Lookups are unchanged by the head.
"$EMBEDTOOL" lookup -m plain.emb w7 w299 >plain.out || fail "lookup -m plain.emb failed"
run_embedtool lookup -m head.emb w7 w299
[ "$status" -eq 0 ] && cmp -s plain.out out || fail "lookup -m head.emb gives other vectors than plain.emb"

# convert to .emb keeps the head (as f32, also with --dtype float16); other formats drop it.
run_embedtool convert head.emb half.emb --dtype float16
[ "$status" -eq 0 ] || fail "convert head.emb half.emb --dtype float16 failed: $(cat err)"
run_embedtool info half.emb
grep -qE '^head +softmax, 3 x 16$' out && grep -qE '^dtype +float16$' out ||
  fail "a float16 copy should keep the head: $(cat out)"
python3 - <<'PY' || fail "the float16 copy's head is not the same f32 values"
import struct
a, b = open("head.emb", "rb").read(), open("half.emb", "rb").read()
def head(d):
    offset, size = struct.unpack_from("<QQ", d, 136)
    return d[offset:offset + size]
assert len(head(a)) == 3 * 16 * 4 and head(a) == head(b)
PY

# Damage to the head: verify names it; a lookup in this small file does too (it checks every
# checksum on opening).
cp head.emb flipped.emb
size=$(stat -c %s flipped.emb)
printf 'X' | dd of=flipped.emb bs=1 seek=$((size - 10)) conv=notrunc status=none
expect_error 1 "flipped.emb has a corrupt head section \(checksum mismatch" verify flipped.emb
expect_error 1 "flipped.emb has a corrupt head section" lookup -m flipped.emb w7

# train --save-head stores the head it trained (hs: a row per inner node of the tree, one fewer
# than the words); without it the model has none, as before.
run_embedtool train "$PROJECT/data/corpus.txt" --loss hs --save-head --epochs 1 --output-dim 8 \
  --threads 1 --quiet -o trained.emb
[ "$status" -eq 0 ] || fail "train --save-head failed: $(cat err)"
run_embedtool info trained.emb --format json
python3 - "$WORK/out" <<'PY' || fail "train --save-head: the model's head is not hs, (words - 1) x 8"
import json, sys
info = json.load(open(sys.argv[1]))
head, words = info["head"], info["words"]
assert head == {"kind": "hs", "rows": words - 1, "dims": 8}, (head, words)
PY
run_embedtool train "$PROJECT/data/corpus.txt" --loss hs --epochs 1 --output-dim 8 --threads 1 \
  --quiet -o plain.emb
run_embedtool info plain.emb
grep -qE '^head +none$' out || fail "a model trained without --save-head has a head: $(cat out)"
echo "ok: train --save-head stores the trained head"
