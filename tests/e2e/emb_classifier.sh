# The .emb labels and bucket sections (format version 4) through the real binary: nothing trains
# a classifier yet, so scripts/emb_add_classifier.py adds them from docs/FORMAT.md alone (Python,
# not the library); then info, verify, lookup and convert must see them, and damage to them must
# be reported.
source "$(dirname "$0")/lib.sh"

# 300 words x 16 dims, made here so the test needs nothing else.
awk 'BEGIN { srand(3); print "300 16";
             for (i = 0; i < 300; i++) { printf "w%d", i;
               for (j = 0; j < 16; j++) printf " %.7g", rand() * 2 - 1; print "" } }' >source.vec
"$EMBEDTOOL" convert source.vec plain.emb --quiet || fail "convert source.vec plain.emb failed"
add_classifier() { python3 "$PROJECT/scripts/emb_add_classifier.py" "$@" || fail "emb_add_classifier.py $* failed"; }

# A word model: no labels, no bucket rows.
run_embedtool info plain.emb
grep -qE '^labels +none$' out && grep -qE '^buckets +none$' out ||
  fail "info should say 'labels none' and 'buckets none' for a word model: $(cat out)"
run_embedtool info plain.emb --format json
python3 -c 'import json; i = json.load(open("out")); assert i["labels"] is None and i["buckets"] is None, i' ||
  fail "info --format json should give null labels and buckets: $(cat out)"

add_classifier plain.emb cls.emb --head softmax 3
run_embedtool info cls.emb
[ "$status" -eq 0 ] || fail "info cls.emb exited $status: $(cat err)"
grep -qE '^format +emb \(version 5\)$' out || fail "info should say version 5: $(cat out)"
grep -qE '^head +softmax, 3 x 16$' out || fail "info should say 'head softmax, 3 x 16': $(cat out)"
grep -qE '^labels +3: __label__pos \(7\), __label__neg \(5\), __label__中立 \(1\)$' out ||
  fail "info should list the 3 labels with their counts: $(cat out)"
grep -qE '^buckets +word-ngrams, 10 x 16$' out || fail "info should say 'buckets word-ngrams, 10 x 16': $(cat out)"
run_embedtool info cls.emb --format json
python3 - "$WORK/out" <<'PY' || fail "info --format json labels and buckets: $(cat out)"
import json, sys
info = json.load(open(sys.argv[1]))
assert info["labels"] == {"count": 3, "first": [{"name": "__label__pos", "count": 7},
                                                {"name": "__label__neg", "count": 5},
                                                {"name": "__label__中立", "count": 1}]}, info["labels"]
assert info["buckets"] == {"kind": "word-ngrams", "rows": 10, "dims": 16}, info["buckets"]
PY

# Many labels: the first five, and how many more.
add_classifier plain.emb many.emb --labels a:9,b:8,c:7,d:6,e:5,f:4,g:3 --buckets char-ngrams 2
run_embedtool info many.emb
grep -qE '^labels +7: a \(9\), b \(8\), c \(7\), d \(6\), e \(5\), and 2 more$' out ||
  fail "info should show the first 5 of 7 labels: $(cat out)"

run_embedtool verify cls.emb many.emb
[ "$status" -eq 0 ] && grep -q "cls.emb: ok (emb version 5" out && grep -q "many.emb: ok" out ||
  fail "verify cls.emb many.emb: $(cat out) $(cat err)"

# Lookups are unchanged by the new sections.
"$EMBEDTOOL" lookup -m plain.emb w7 w299 >plain.out || fail "lookup -m plain.emb failed"
run_embedtool lookup -m cls.emb w7 w299
[ "$status" -eq 0 ] && cmp -s plain.out out || fail "lookup -m cls.emb gives other vectors than plain.emb"

# convert to .emb keeps labels and bucket rows (f32, also with --dtype float16), without a notice.
run_embedtool convert cls.emb half.emb --dtype float16
[ "$status" -eq 0 ] || fail "convert cls.emb half.emb --dtype float16 failed: $(cat err)"
grep -q "not written" err && fail "convert to .emb should drop nothing: $(cat err)"
run_embedtool info half.emb
grep -qE '^labels +3: __label__pos \(7\)' out && grep -qE '^buckets +word-ngrams, 10 x 16$' out &&
  grep -qE '^dtype +float16$' out || fail "a float16 copy should keep labels and bucket rows: $(cat out)"
python3 - <<'PY' || fail "the float16 copy's bucket rows are not the same f32 values"
import struct
a, b = open("cls.emb", "rb").read(), open("half.emb", "rb").read()
def buckets(d):
    offset, size = struct.unpack_from("<QQ", d, 200)
    return d[offset:offset + size]
assert len(buckets(a)) == 10 * 16 * 4 and buckets(a) == buckets(b)
PY

# Other formats hold word vectors only: one notice names what is left out.
run_embedtool convert cls.emb cls.vec
[ "$status" -eq 0 ] || fail "convert cls.emb cls.vec failed: $(cat err)"
grep -qF "word2vec-text holds word vectors only: the softmax head (3 x 16), 3 labels and the word-ngrams bucket rows (10 x 16) of cls.emb are not written" err ||
  fail "convert to .vec should name what it drops: $(cat err)"
[ "$(grep -c 'not written' err)" -eq 1 ] || fail "the notice should be one line: $(cat err)"
"$EMBEDTOOL" convert plain.emb plain.vec --quiet
cmp -s plain.vec cls.vec || fail "cls.vec should hold the same vectors as plain.vec"
run_embedtool convert plain.emb again.vec
grep -q "not written" err && fail "converting a word model should need no notice: $(cat err)"

# Damage: verify names the section; a lookup in this small file does too (it checks every
# checksum on opening).
python3 - <<'PY' || fail "could not damage cls.emb"
import struct
data = bytearray(open("cls.emb", "rb").read())
labels_offset, labels_size = struct.unpack_from("<QQ", data, 264)
bucket_offset, bucket_size = struct.unpack_from("<QQ", data, 200)
one = bytearray(data); one[labels_offset + labels_size - 1] ^= 1; open("labels-flipped.emb", "wb").write(one)
two = bytearray(data); two[bucket_offset + 5] ^= 1; open("buckets-flipped.emb", "wb").write(two)
newer = bytearray(data); struct.pack_into("<I", newer, 4, 6); open("newer.emb", "wb").write(newer)
PY
expect_error 1 "labels-flipped.emb has a corrupt labels section \(checksum mismatch" verify labels-flipped.emb
expect_error 1 "labels-flipped.emb has a corrupt labels section" lookup -m labels-flipped.emb w7
expect_error 1 "buckets-flipped.emb has a corrupt bucket section \(checksum mismatch" verify buckets-flipped.emb
expect_error 1 "newer.emb was written by format version 6; this embedtool reads up to version 5" info newer.emb
echo "ok: labels and bucket rows in .emb"
