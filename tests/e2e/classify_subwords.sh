# A classifier with character n-grams (train --supervised --minn --maxn, issue 13): a line of
# misspelled or unseen words, which a word classifier cannot read at all, is classified through
# its n-grams; the model keeps what that needs; lookup and lookup --sentence agree with the
# rows a line is read from; --validation scores as test does; what cannot be done is refused
# with one line.
source "$(dirname "$0")/lib.sh"
cd "$WORK"

make_labelled_lines 600 1 >train.txt
make_labelled_lines 150 2 >test.txt
# Unseen words only, each a misspelling or inflection of one of the training words.
printf 'terribble awfull\nlovelly superbb\nnastyy uglyy\ngoood greatt\n' >unseen.txt
printf '__label__neg\n__label__pos\n__label__neg\n__label__pos\n' >unseen.expected

common=(--epochs 20 --output-dim 16 --threads 1 --seed 3 --quiet)
"$EMBEDTOOL" train --supervised train.txt -o words.emb "${common[@]}" ||
  fail "train --supervised without subwords failed"
"$EMBEDTOOL" train --supervised train.txt -o sub.emb --minn 2 --maxn 4 "${common[@]}" ||
  fail "train --supervised --minn 2 --maxn 4 failed"

# Without subwords, none of those lines has an input row: four empty answers and a warning.
run_embedtool predict -m words.emb unseen.txt
[ "$status" -eq 0 ] && [ "$(grep -c . out)" -eq 0 ] && [ "$(wc -l <out)" -eq 4 ] ||
  fail "a word classifier should give unseen words empty lines: $(cat out err)"
grep -q '4 of 4 lines had no word the model knows' err || fail "predict's warning: $(cat err)"
# With them, each is read through its n-grams, and rightly.
run_embedtool predict -m sub.emb unseen.txt
[ "$status" -eq 0 ] || fail "predict -m sub.emb exited $status: $(cat err)"
diff out unseen.expected >/dev/null || fail "predict of unseen words: $(paste out unseen.expected)"

# Known words classify as well as without subwords (the data are easy: both all but perfect).
run_embedtool test -m sub.emb test.txt
[ "$status" -eq 0 ] || fail "test -m sub.emb exited $status: $(cat err)"
awk -F'\t' '$1 == "P@1" && $2 + 0 >= 0.95 {ok = 1} END {exit !ok}' out ||
  fail "test accuracy with subwords: $(cat out)"

# The model says how its n-grams are addressed; word and character n-grams share the rows.
run_embedtool info --format json sub.emb
python3 - <<'PY' || fail "info: $(cat out)"
import json
info = json.load(open("out"))
meta = info["metadata"]
assert meta["minn"] == 2 and meta["maxn"] == 4 and meta["word_ngrams"] == 2, meta
assert info["buckets"]["kind"] == "char-ngrams", info["buckets"]
assert info["buckets"]["rows"] == meta["buckets"], (info["buckets"], meta["buckets"])
PY

# A word's vector is the mean of its own row and its n-grams' (fastText's getWordVector), and
# an unseen word's the mean of its n-grams': with words alone (--word-ngrams 1) a one-word line
# is read from exactly those rows, so lookup --sentence must give lookup's vector, seen or not.
"$EMBEDTOOL" train --supervised train.txt -o sub1.emb --minn 2 --maxn 4 --word-ngrams 1 \
  "${common[@]}" || fail "train --supervised --minn 2 --maxn 4 --word-ngrams 1 failed"
for word in terrible terribble; do
  "$EMBEDTOOL" lookup -m sub1.emb "$word" | cut -d' ' -f2- >word.txt || fail "lookup $word"
  echo "$word" | "$EMBEDTOOL" lookup -m sub1.emb --sentence >sentence.txt || fail "--sentence $word"
  paste -d' ' word.txt sentence.txt | awk '{
      n = NF / 2
      for (i = 1; i <= n; i++) { d = $i - $(i + n); if (d < 0) d = -d; if (d > 1e-5) exit 1 }
      if (n != 16) exit 1
    }' || fail "lookup and lookup --sentence differ for $word: $(cat word.txt sentence.txt)"
done
# The unseen word's nearest words are the ones it misspells' kind.
run_embedtool lookup -m sub1.emb --nearest 2 terribble
grep -qE 'terribble	(terrible|awful|bad|poor|nasty|ugly)	' out || fail "nearest of terribble: $(cat out)"

# --validation reads its lines as test does, unseen words through their n-grams: on lines of
# unseen words alone (none of which would have a row otherwise) the kept epoch's accuracy is
# test's on the same file.
paste -d' ' unseen.expected unseen.txt >unseen-labelled.txt
run_embedtool train --supervised train.txt --minn 2 --maxn 4 --validation unseen-labelled.txt \
  -o valid.emb --epochs 12 --output-dim 16 --threads 1 --seed 3
[ "$status" -eq 0 ] || fail "train --validation with subwords exited $status: $(cat err)"
kept=$(sed -n 's/.*kept epoch [0-9]* of 12: validation accuracy \([0-9.]*\).*/\1/p' err)
[ -n "$kept" ] || fail "no 'kept epoch' line: $(cat err)"
run_embedtool test -m valid.emb unseen-labelled.txt --format json
python3 - "$kept" <<'PY' || fail "test after --validation: $(cat out), kept $kept"
import json, sys
report = json.load(open("out"))
assert abs(report["accuracy"] - float(sys.argv[1])) < 5e-5, (report["accuracy"], sys.argv[1])
assert report["accuracy"] >= 0.75, report
PY

# fastText itself, on the same lines with the same n-grams, reads the unseen words alike, and
# embedtool reads its supervised .bin (labels in its dictionary, one bucket table) as it does:
# each word's vector, seen or not, is print-word-vectors' (to its 5 printed digits). (predict
# takes .emb classifiers only: a fastText classifier is not read as one.)
if command -v fasttext >/dev/null; then
  fasttext supervised -input train.txt -output ft -minn 2 -maxn 4 -epoch 20 -dim 16 \
    -bucket 100000 -thread 1 -seed 1 -verbose 0 || fail "fasttext supervised failed"
  fasttext predict ft.bin unseen.txt >ft.out || fail "fasttext predict failed"
  diff ft.out unseen.expected >/dev/null || fail "fastText reads the unseen words otherwise: $(cat ft.out)"
  printf 'terrible\nterribble\nlovelly\n' >words.txt
  fasttext print-word-vectors ft.bin <words.txt >ft-vectors.txt || fail "fasttext print-word-vectors"
  run_embedtool lookup -m ft.bin terrible terribble lovelly
  [ "$status" -eq 0 ] || fail "lookup -m ft.bin exited $status: $(cat err)"
  python3 - ft-vectors.txt out <<'PY' || fail "lookup -m ft.bin: $(cat out)"
import math, sys
expected = [line.split() for line in open(sys.argv[1])]
actual = [line.split() for line in open(sys.argv[2])]
assert len(expected) == len(actual) == 3, (expected, actual)
for e, a in zip(expected, actual):
    assert e[0] == a[0] and len(e) == len(a) == 17, (e, a)
    for x, y in zip(map(float, e[1:]), map(float, a[1:])):
        printed = 0.5 * 10 ** (math.floor(math.log10(abs(x))) - 4) if x != 0 else 0.0
        assert abs(x - y) <= printed + 1e-6, (e[0], x, y)
PY
else
  echo "note: fastText is not installed (Debian: apt-get install fasttext); its checks skipped"
fi

# Refused, one line each: a fastText file of a classifier, an impossible range.
expect_error 1 'cannot write sub.bin as a fastText model: it is a classifier' \
  convert sub.emb sub.bin --to fasttext
expect_error 2 '--minn must be at most --maxn \(got --minn 5 and --maxn 3\)' \
  train --supervised train.txt --minn 5 --maxn 3 -o x.emb
[ ! -e x.emb ] && [ ! -e sub.bin ] || fail "a refused command wrote a file"
echo "ok"
