# convert --to fasttext writes a .bin that fastText itself loads: `fasttext print-word-vectors`
# gives the model's vectors, `fasttext nn` its neighbours, and embedtool reads the file back to
# the same vectors. What a fastText file cannot hold is refused with one line and no file.
source "$(dirname "$0")/lib.sh"

command -v fasttext >/dev/null || { echo "SKIP: fasttext is not installed (Debian: apt-get install fasttext)"; exit "$SKIP"; }

"$EMBEDTOOL" train "$PROJECT/data/corpus.txt" -o words.emb --output-dim 20 --epochs 2 \
  --save-head --quiet || fail "training the word model failed"
run_embedtool convert words.emb words.bin --to fasttext
[ "$status" -eq 0 ] || fail "convert --to fasttext: exit $status: $(cat err)"
grep -q "head" err && fail "the ns head is written as fastText's output matrix, yet: $(cat err)"

# fastText's own vectors for 30 words, against embedtool's from the .emb: fastText prints 5
# significant digits, so they agree to half a unit of the fifth (exactly, by the read-back below).
"$EMBEDTOOL" vocab "$PROJECT/data/corpus.txt" 2>/dev/null | head -30 | cut -f1 >words.txt
fasttext print-word-vectors words.bin <words.txt >expected.txt || fail "fasttext cannot read words.bin"
run_embedtool lookup -m words.emb $(cat words.txt)
[ "$status" -eq 0 ] || fail "lookup on words.emb: $(cat err)"
python3 - expected.txt out <<'PY' || fail "fasttext print-word-vectors differs from the model"
import sys
expected = [line.split() for line in open(sys.argv[1], encoding="utf-8")]
actual = [line.split() for line in open(sys.argv[2], encoding="utf-8")]
assert len(expected) == len(actual) == 30, (len(expected), len(actual))
for e, a in zip(expected, actual):
    assert e[0] == a[0] and len(e) == len(a) == 21, (e[0], a[0], len(e), len(a))
    for x, y in zip(e[1:], a[1:]):
        assert abs(float(x) - float(y)) <= 5e-5 * abs(float(y)) + 1e-9, (e[0], x, y)
PY

# fasttext nn on the file: the nearest word of the first query is embedtool's too.
word=$(sed -n 5p words.txt)
ft_first=$(echo "$word" | fasttext nn words.bin 1 2>/dev/null | sed -n 's/^Query word? //p' | cut -d' ' -f1)
run_embedtool lookup -m words.emb --nearest 1 "$word"
[ "$ft_first" = "$(cut -f2 out)" ] || fail "fasttext nn: $ft_first, embedtool: $(cat out)"

# Read back: the same vectors bit for bit (float32 in both files).
run_embedtool lookup -m words.bin $(cat words.txt)
cmp -s out <("$EMBEDTOOL" lookup -m words.emb $(cat words.txt) 2>/dev/null) ||
  fail "embedtool reads words.bin back to other vectors"

# Refused: a classifier (its n-grams are hashed from ids), a word fastText would split.
make_labelled_lines 200 1 >labelled.txt
"$EMBEDTOOL" train --supervised labelled.txt -o clf.emb --epochs 2 --quiet || fail "classifier"
expect_error 1 'it is a classifier' convert clf.emb clf.bin --to fasttext
[ ! -e clf.bin ] || fail "a refused conversion wrote clf.bin"
echo "ok: fastText reads the converted model ($(wc -c <words.bin) bytes)"
