# Subword models are interchangeable with fastText's: a model embedtool trains with --minn and
# --maxn, written with `convert --to fasttext`, gives in `fasttext print-word-vectors` the vectors
# embedtool gives, for words it saw and words it never saw; a fastText model converted to .emb
# keeps its n-gram rows (the same vectors for unseen words) and converts back to a .bin fastText
# reads to the same vectors. Impossible ranges are refused.
source "$(dirname "$0")/lib.sh"

command -v fasttext >/dev/null || { echo "SKIP: fasttext is not installed (Debian: apt-get install fasttext)"; exit "$SKIP"; }

head -c 300000 "$PROJECT/data/corpus.txt" >small.txt
printf '%s\n' catz dogge zzyzx unseenword xylophones q élan naïveté 日本語 Größe >unseen.txt

# Vectors in fastText's text form (word v1 v2 ...): fastText prints 5 significant digits, so
# each of its numbers is within half a unit of its fifth digit of the true value; beyond that,
# 1e-6 is allowed for float rounding.
same_vectors() {
  python3 - "$1" "$2" "$3" <<'PY'
import math, sys
expected = [line.split() for line in open(sys.argv[1], encoding="utf-8")]
actual = [line.split() for line in open(sys.argv[2], encoding="utf-8")]
assert len(expected) == len(actual) == int(sys.argv[3]), (len(expected), len(actual))
worst = 0.0
for e, a in zip(expected, actual):
    assert e[0] == a[0] and len(e) == len(a), (e[0], a[0], len(e), len(a))
    for x, y in zip(e[1:], a[1:]):
        x, y = float(x), float(y)
        worst = max(worst, abs(x - y))
        printed = 0.5 * 10 ** (math.floor(math.log10(abs(x))) - 4) if x != 0 else 0.0
        assert abs(x - y) <= printed + 1e-6, (e[0], x, y)
print(f"max difference {worst:.3g}")
PY
}

for arch in skipgram cbow; do
  run_embedtool train small.txt --arch "$arch" --minn 3 --maxn 6 --output-dim 20 --epochs 2 \
    --threads 1 -o "$arch.emb"
  [ "$status" -eq 0 ] || fail "train --arch $arch --minn 3 --maxn 6: exit $status: $(cat err)"
  grep -q 'subwords: character n-grams of 3 to 6 characters' err || fail "no subword line: $(cat err)"
  run_embedtool info "$arch.emb"
  grep -q '^buckets     char-ngrams, [0-9]* x 20 (n-grams of 3 to 6 characters)' out ||
    fail "info $arch.emb: $(cat out)"

  "$EMBEDTOOL" vocab small.txt 2>/dev/null | head -30 | cut -f1 >known.txt
  cat known.txt unseen.txt >words.txt
  run_embedtool lookup -m "$arch.emb" $(cat words.txt)
  [ "$status" -eq 0 ] || fail "lookup with unseen words on $arch.emb: exit $status: $(cat err)"
  cp out embedtool.txt
  run_embedtool convert "$arch.emb" "$arch.bin" --to fasttext
  [ "$status" -eq 0 ] || fail "convert $arch.emb --to fasttext: $(cat err)"
  grep -q 'bucket rows' err && fail "the n-gram rows were not written: $(cat err)"
  fasttext print-word-vectors "$arch.bin" <words.txt >fasttext.txt ||
    fail "fasttext cannot read $arch.bin"
  same_vectors fasttext.txt embedtool.txt 40 ||
    fail "fasttext print-word-vectors $arch.bin differs from embedtool lookup -m $arch.emb"
done

# Unseen words answer every query through their n-grams, and eval says how many it scored so.
run_embedtool lookup -m skipgram.emb --nearest 3 catz
[ "$status" -eq 0 ] && [ "$(wc -l <out)" -eq 3 ] || fail "--nearest catz: $status $(cat out err)"
run_embedtool lookup -m skipgram.emb --similarity "$(sed -n 5p known.txt)" dogge
[ "$status" -eq 0 ] && [ "$(wc -l <out)" -eq 1 ] || fail "--similarity with dogge: $(cat out err)"
printf '%s\t%s\t8\n%s\tcatz\t6\n' "$(sed -n 3p known.txt)" "$(sed -n 4p known.txt)" \
  "$(sed -n 5p known.txt)" >pairs.tsv
# Analogies too: catz (unseen) as a, b or c is answered; an unseen answer d cannot be.
printf ': s\n%s %s %s %s\n%s catz %s %s\n%s %s %s catz\n' \
  "$(sed -n 3p known.txt)" "$(sed -n 4p known.txt)" "$(sed -n 5p known.txt)" "$(sed -n 6p known.txt)" \
  "$(sed -n 3p known.txt)" "$(sed -n 5p known.txt)" "$(sed -n 6p known.txt)" \
  "$(sed -n 3p known.txt)" "$(sed -n 4p known.txt)" "$(sed -n 5p known.txt)" >questions.txt
run_embedtool eval -m skipgram.emb --similarity pairs.tsv --analogy questions.txt --format json
python3 - <<'PY' || fail "eval through subwords: $(cat out err)"
import json
report = json.load(open("out"))
result = report["similarity"][0]
assert result["used"] == 2 and result["through_subwords"] == 1, result
analogy = report["analogy"][0]
assert analogy["answered"] == 2 and analogy["skipped"] == 1 and analogy["through_subwords"] == 1, analogy
PY
run_embedtool eval -m skipgram.emb --analogy questions.txt
grep -q '1 of the 2 answered questions have a word known only through its character n-grams' out ||
  fail "eval's table does not count the questions answered through n-grams: $(cat out)"

# A sentence of one unseen word has that word's vector; lookup --sentence counts unseen words.
printf 'catz\n' >one.txt
run_embedtool lookup -m skipgram.emb --sentence one.txt
[ "$status" -eq 0 ] || fail "lookup --sentence: $(cat err)"
cp out sentence.txt  # one vector per line, no label
run_embedtool lookup -m skipgram.emb catz
cut -d' ' -f2- out >word.txt
python3 - sentence.txt word.txt <<'PY' || fail "the sentence 'catz' is not the vector of catz"
import sys
a = [float(x) for x in open(sys.argv[1]).read().split()]
b = [float(x) for x in open(sys.argv[2]).read().split()]
assert len(a) == len(b) == 20 and any(b), (len(a), len(b))
assert max(abs(x - y) for x, y in zip(a, b)) <= 1e-6, (a, b)
PY

# fastText's own subword model: to .emb (n-gram rows kept) and back to .bin.
fasttext skipgram -input small.txt -output ft -minn 2 -maxn 5 -dim 20 -epoch 1 -minCount 2 \
  -bucket 50000 -thread 1 -verbose 0 >/dev/null 2>&1 || fail "fasttext skipgram failed"
tail -n +2 ft.vec | head -30 | cut -d' ' -f1 >known.txt
cat known.txt unseen.txt >words.txt
fasttext print-word-vectors ft.bin <words.txt >expected.txt || fail "fasttext print-word-vectors"
run_embedtool convert ft.bin ft.emb
[ "$status" -eq 0 ] || fail "convert ft.bin ft.emb: $(cat err)"
run_embedtool info ft.emb
grep -q '^buckets     char-ngrams, 50000 x 20 (n-grams of 2 to 5 characters)' out ||
  fail "ft.emb lost its n-gram rows: $(cat out)"
run_embedtool lookup -m ft.emb $(cat words.txt)
cp out from-emb.txt
same_vectors expected.txt from-emb.txt 40 || fail "ft.emb gives other vectors than ft.bin"
run_embedtool convert ft.emb back.bin --to fasttext
[ "$status" -eq 0 ] || fail "convert ft.emb back.bin: $(cat err)"
fasttext print-word-vectors back.bin <words.txt >back.txt || fail "fasttext cannot read back.bin"
same_vectors expected.txt back.txt 40 || fail "back.bin gives other vectors than ft.bin"

# Impossible ranges, and flags that need one, are usage errors naming the flag.
expect_error 2 '--minn must be at most --maxn \(got --minn 5 and --maxn 3\)' \
  train small.txt --minn 5 --maxn 3 -o x.emb
expect_error 2 '--minn needs --maxn' train small.txt --minn 3 -o x.emb
make_labelled_lines 50 1 >labelled.txt
expect_error 2 '--minn must be at most --maxn \(got --minn 4 and --maxn 2\)' \
  train --supervised labelled.txt --minn 4 --maxn 2 -o x.emb
expect_error 2 '--buckets needs --supervised \(word n-grams\) or --minn and --maxn' \
  train small.txt --buckets 1000 -o x.emb
[ ! -e x.emb ] || fail "a refused run wrote x.emb"
echo "ok"
