# fastText .bin models read as fastText reads them: fastText itself trains a subword model, and
# `embedtool lookup` must give the vectors `fasttext print-word-vectors` gives, for words in its
# dictionary and for words it never saw (their character n-grams' rows); --nearest and
# --similarity work on the .bin; broken files are refused with one line each.
source "$(dirname "$0")/lib.sh"

command -v fasttext >/dev/null || { echo "SKIP: fasttext is not installed (Debian: apt-get install fasttext)"; exit "$SKIP"; }

head -c 300000 "$PROJECT/data/corpus.txt" >small.txt
fasttext skipgram -input small.txt -output ft -minn 3 -maxn 6 -dim 20 -epoch 1 -minCount 1 \
  -thread 1 -verbose 0 >/dev/null 2>&1 || fail "fasttext skipgram failed"

# 40 dictionary words (from the .vec fastText wrote) and words it never saw, some multi-byte
# (whose n-grams hash bytes >= 0x80, where fastText's hash differs from textbook FNV-1a).
tail -n +2 ft.vec | head -40 | cut -d' ' -f1 >known.txt
printf '%s\n' catz dogge zzyzx unseenword xylophones q élan naïveté 日本語 Größe >unseen.txt
cat known.txt unseen.txt >words.txt
grep -qx -f unseen.txt known.txt && fail "an 'unseen' word is in the dictionary"
fasttext print-word-vectors ft.bin <words.txt >expected.txt || fail "fasttext print-word-vectors failed"
run_embedtool lookup -m ft.bin $(cat words.txt)
[ "$status" -eq 0 ] || fail "lookup on ft.bin: exit $status: $(cat err)"
cp out actual.txt

# fastText prints 5 significant digits, so a printed x is off by up to half a unit of its 5th
# digit: agreement within 1e-5 beyond that rounding.
python3 - expected.txt actual.txt <<'PY' || fail "lookup differs from fasttext print-word-vectors"
import math, sys
def printing_error(x):
    return 0.0 if x == 0 else 0.5 * 10 ** (math.floor(math.log10(abs(x))) - 4)
expected = [line.split() for line in open(sys.argv[1], encoding="utf-8")]
actual = [line.split() for line in open(sys.argv[2], encoding="utf-8")]
assert len(expected) == len(actual) == 50, (len(expected), len(actual))
worst = 0.0
for e, a in zip(expected, actual):
    assert e[0] == a[0], (e[0], a[0])
    assert len(e) == len(a) == 21, (e[0], len(e), len(a))
    for x, y in zip(e[1:], a[1:]):
        x, y = float(x), float(y)
        worst = max(worst, abs(x - y))
        assert abs(x - y) <= 1e-5 + printing_error(x), (e[0], x, y)
print(f"max |embedtool - fasttext| over 50 words x 20 dims: {worst:.3g}")
PY

# --oov error still applies when asked; subword is the default only.
run_embedtool lookup -m ft.bin --oov error catz
[ "$status" -eq 1 ] && grep -q 'unknown word "catz"' err || fail "--oov error on ft.bin: $status $(cat err)"

# --nearest: a dictionary word and an unseen one (by its n-grams), neighbours from the dictionary.
first=$(head -1 known.txt | grep -v '</s>' || sed -n 2p known.txt)
run_embedtool lookup -m ft.bin --nearest 3 "$first" catz
[ "$status" -eq 0 ] || fail "--nearest on ft.bin: exit $status: $(cat err)"
[ "$(wc -l <out)" -eq 6 ] || fail "--nearest printed: $(cat out)"
[ "$(cut -f1 out | uniq | tr '\n' ' ')" = "$first catz " ] || fail "--nearest labels: $(cut -f1 out)"
tail -n +2 ft.vec | cut -d' ' -f1 >dictionary.txt
cut -f2 out | while read -r neighbour; do
  grep -Fqx -- "$neighbour" dictionary.txt || fail "--nearest neighbour $neighbour is not a word of ft.bin"
done || exit 1

run_embedtool lookup -m ft.bin --similarity "$first" catz
[ "$status" -eq 0 ] && [ "$(wc -l <out)" -eq 1 ] || fail "--similarity on ft.bin: $status $(cat out err)"

# info: fastText's settings and the n-gram rows, without computing vectors.
run_embedtool info ft.bin
grep -q '^format      fasttext (version 12)' out && grep -q 'char-ngrams, 2000000 x 20' out &&
  grep -q '"minn": 3' out && grep -q '"maxn": 6' out || fail "info ft.bin: $(cat out)"

# convert: the word vectors fastText's own .vec holds.
run_embedtool convert ft.bin ft-converted.vec
[ "$status" -eq 0 ] || fail "convert ft.bin: $(cat err)"
[ "$(head -1 ft-converted.vec)" = "$(head -1 ft.vec | tr -d ' ')" ] ||
  [ "$(head -1 ft-converted.vec)" = "$(head -1 ft.vec)" ] || fail "convert header: $(head -1 ft-converted.vec)"

# Broken files: one line each, exit 1.
expect_one_line_error() {
  local file=$1 pattern=$2
  run_embedtool lookup -m "$file" catz
  [ "$status" -eq 1 ] || fail "$file: exit $status"
  [ "$(grep -c . err)" -eq 1 ] && grep -q "$pattern" err || fail "$file: $(cat err)"
}
for length in 6 40 100 5000 1000000; do
  head -c "$length" ft.bin >cut.bin
  expect_one_line_error cut.bin "cut.bin is truncated"
done
python3 - <<'PY'
import struct
data = bytearray(open("ft.bin", "rb").read())
newer = bytearray(data); newer[4:8] = struct.pack("<i", 13)
open("newer.bin", "wb").write(newer)
# The quantization flag follows the dictionary: find it by walking the entries.
at = 8 + 56
size, nwords, nlabels, ntokens, pruned = struct.unpack_from("<iiiqq", data, at)
at += 28
for _ in range(size):
    at = data.index(0, at) + 1 + 9
quantized = bytearray(data); quantized[at] = 1
open("flagged.ftz", "wb").write(quantized)
PY
expect_one_line_error newer.bin "fastText file format version 13; embedtool reads versions 11 and 12"
# A dense matrix under the quantization flag: read as a quantized one, it makes no sense.
expect_one_line_error flagged.ftz "flagged.ftz is not a valid fastText model: the input matrix's"
# eval scores pairs with unseen words through their n-grams, as fastText would, and says so.
printf '%s\t%s\t8\n%s\tcatz\t6\n%s\tzzyzx\t1\n' "$first" "$(sed -n 3p known.txt)" \
  "$first" "$(sed -n 4p known.txt)" >pairs.tsv
run_embedtool eval -m ft.bin --similarity pairs.tsv --format json
[ "$status" -eq 0 ] || fail "eval on ft.bin: $(cat err)"
python3 - <<'PY' || fail "eval through subwords: $(cat out)"
import json
result = json.load(open("out"))["similarity"][0]
assert result["used"] == 3 and result["skipped"] == 0 and result["through_subwords"] == 2, result
PY
exit 0
