# Quantized fastText models (.ftz) read as fastText reads them. fastText quantizes classifiers
# only, so it trains a small one with character n-grams and quantizes it four ways: plainly, with
# quantized norms (and pieces of 3 columns, so the last is shorter), pruned with -cutoff and
# retrained, and with its output matrix quantized too. On each, `embedtool lookup` must give the
# vectors `fasttext print-word-vectors` gives, for the words of its dictionary and for words it
# never saw (a pruned model's dropped words among them); --nearest, --similarity, info, eval and
# convert work on them; cut-short files are refused with one line each.
source "$(dirname "$0")/lib.sh"

command -v fasttext >/dev/null || { echo "SKIP: fasttext is not installed (Debian: apt-get install fasttext)"; exit "$SKIP"; }

make_labelled_lines 600 1 >train.txt
# 300 labels, so that the output matrix has the 256 rows quantizing needs.
awk 'BEGIN { srand(3); for (i = 0; i < 3000; i++) { l = int(rand() * 300)
  printf "__label__c%d w%d x%d the\n", l, l, int(rand() * 50) } }' >many.txt

# supervised INPUT NAME: a classifier with n-grams of 2 to 4 characters, in NAME.bin.
supervised() {
  fasttext supervised -input "$1" -output "$2" -minn 2 -maxn 4 -dim 10 -bucket 4096 -epoch 5 \
    -thread 1 -verbose 0 >/dev/null 2>&1 || fail "fasttext supervised on $1 failed"
}
# quantize INPUT NAME OPTIONS...: NAME.ftz from a copy of the classifier of INPUT.
quantize() {
  local input=$1 name=$2
  shift 2
  cp "${input%.txt}.bin" "$name.bin"
  fasttext quantize -input "$input" -output "$name" -thread 1 -verbose 0 "$@" >/dev/null 2>&1 ||
    fail "fasttext quantize $* failed"
  [ -s "$name.ftz" ] || fail "fasttext quantize $* wrote no $name.ftz"
}
supervised train.txt train
supervised many.txt many
quantize train.txt plain
quantize train.txt qnorm -qnorm -dsub 3
quantize train.txt pruned -cutoff 300 -retrain -epoch 1
quantize many.txt qout -qout -qnorm

# Words the models never saw, some multi-byte (n-grams hashed from bytes >= 0x80).
printf '%s\n' catz goood nastyy zzyzx unseenword q élan naïveté 日本語 Größe >unseen.txt
# Half a unit of the fifth significant digit fastText prints, plus 1e-6.
cat >compare.py <<'PY'
import math, sys
expected = [line.split() for line in open(sys.argv[1], encoding="utf-8")]
actual = [line.split() for line in open(sys.argv[2], encoding="utf-8")]
assert len(expected) == len(actual) == int(sys.argv[3]), (len(expected), len(actual), sys.argv[3])
worst = 0.0
for e, a in zip(expected, actual):
    assert e[0] == a[0] and len(e) == len(a) == 11, (e[0], a[0], len(e), len(a))
    for x, y in zip(e[1:], a[1:]):
        x, y = float(x), float(y)
        digit = 10.0 ** (math.floor(math.log10(abs(x))) - 4) if x != 0 else 0.0
        assert abs(x - y) <= digit / 2 + 1e-6, (e[0], x, y)
        worst = max(worst, abs(x - y))
print(f"{sys.argv[4]}: max |embedtool - fasttext| over {len(expected)} words: {worst:.3g}")
PY

for name in plain qnorm pruned qout; do
  # The dictionary's words, as fastText lists them; then every training word it lacks, and
  # words nothing had.
  fasttext dump "$name.ftz" dict | awk 'NR > 1 && $3 == "word" { print $1 }' >"$name.dict"
  [ -s "$name.dict" ] || fail "fasttext dump $name.ftz dict listed no words"
  tr ' ' '\n' <"$([ "$name" = qout ] && echo many.txt || echo train.txt)" | grep -v '^__label__' |
    grep . | sort -u | grep -vxF -f "$name.dict" >"$name.dropped" || true
  cat "$name.dict" "$name.dropped" unseen.txt >"$name.words"
  grep -qxF -f unseen.txt "$name.dict" && fail "an 'unseen' word is in $name.ftz's dictionary"
  fasttext print-word-vectors "$name.ftz" <"$name.words" >"$name.expected" ||
    fail "fasttext print-word-vectors $name.ftz failed"
  run_embedtool lookup -m "$name.ftz" $(cat "$name.words")
  [ "$status" -eq 0 ] || fail "lookup on $name.ftz: exit $status: $(cat err)"
  python3 compare.py "$name.expected" out "$(wc -l <"$name.words")" "$name" ||
    fail "lookup on $name.ftz differs from fasttext print-word-vectors"
done
# The pruned model lost words (looked up above through their n-grams) and n-gram rows.
[ -s pruned.dropped ] || fail "-cutoff 300 dropped no word: the pruned dictionary is not tested"

# info: the settings, the rows kept, and no vector computed.
run_embedtool info pruned.ftz
grep -q '^dtype       product-quantized' out && grep -q '"pruned": true' out &&
  grep -qE "^input_dim   $(($(grep -c . pruned.dict) + 2)) rows" out &&
  grep -qE '^buckets     char-ngrams, [0-9]+ x 10 \(n-grams of 2 to 4' out || fail "info pruned.ftz: $(cat out)"
run_embedtool info qout.ftz --format json
python3 - <<'PY' || fail "info qout.ftz: $(cat out)"
import json
info = json.load(open("out"))
quantized = info["metadata"]["fasttext"]["quantized"]
assert quantized == {"dsub": 2, "qnorm": True, "qout": True, "pruned": False}, quantized
assert info["buckets"]["rows"] == 4096 and info["labels"]["count"] == 300, info
PY

# --nearest and --similarity: a dictionary word and a word it lacks; neighbours from the dictionary.
# (A dropped word whose n-grams all lost their rows has a zero vector, as in fastText, and no
# neighbours: take one that kept some.)
first=$(grep -vx '</s>' pruned.dict | head -1)
dropped=$(awk 'NR == FNR { lost[$1]; next }
  $1 in lost { for (i = 2; i <= NF; i++) if ($i != 0) { print $1; exit } }' pruned.dropped pruned.expected)
[ -n "$dropped" ] || fail "every word pruned.ftz dropped has a zero vector: $(cat pruned.dropped)"
run_embedtool lookup -m pruned.ftz --nearest 3 "$first" "$dropped"
[ "$status" -eq 0 ] && [ "$(wc -l <out)" -eq 6 ] || fail "--nearest on pruned.ftz: $status $(cat out err)"
cut -f2 out | while read -r neighbour; do
  grep -Fqx -- "$neighbour" pruned.dict || fail "--nearest neighbour $neighbour is not a word of pruned.ftz"
done || exit 1
run_embedtool lookup -m pruned.ftz --similarity "$first" "$dropped"
[ "$status" -eq 0 ] && [ "$(wc -l <out)" -eq 1 ] || fail "--similarity on pruned.ftz: $status $(cat out err)"

# eval scores pairs with words outside the dictionary through their n-grams, and counts them.
printf '%s\t%s\t8\n%s\t%s\t6\n%s\tzzyzx\t1\n' "$first" "$(sed -n 3p pruned.dict)" \
  "$first" "$dropped" "$(sed -n 4p pruned.dict)" >pairs.tsv
run_embedtool eval -m pruned.ftz --similarity pairs.tsv --format json
[ "$status" -eq 0 ] || fail "eval on pruned.ftz: $(cat err)"
python3 - <<'PY' || fail "eval through subwords: $(cat out)"
import json
result = json.load(open("out"))["similarity"][0]
assert result["used"] == 3 and result["skipped"] == 0 and result["through_subwords"] == 2, result
PY

# convert: the dictionary's word vectors, fastText's.
run_embedtool convert qnorm.ftz qnorm.vec
[ "$status" -eq 0 ] || fail "convert qnorm.ftz: $(cat err)"
[ "$(head -1 qnorm.vec)" = "$(grep -c . qnorm.dict) 10" ] || fail "convert header: $(head -1 qnorm.vec)"
tail -n +2 qnorm.vec >converted.txt
head -n "$(grep -c . qnorm.dict)" qnorm.expected >dictionary.expected
python3 compare.py dictionary.expected converted.txt "$(grep -c . qnorm.dict)" "convert qnorm.ftz" ||
  fail "convert qnorm.ftz differs from fasttext print-word-vectors"

# Cut short anywhere: one line, exit 1.
size=$(wc -c <qnorm.ftz)
for length in 100 400 2000 $((size - 5000)) $((size - 1)); do
  head -c "$length" qnorm.ftz >cut.ftz
  expect_error 1 "cut.ftz is truncated" lookup -m cut.ftz catz
done
exit 0
