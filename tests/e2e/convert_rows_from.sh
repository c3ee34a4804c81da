# convert VECTORS E.npy --rows-from VOCAB: row i of E.npy is the pretrained vector of the word with
# id i in VOCAB (a vocab file or a model), checked by id against the source file in numpy; zero
# or seeded random rows for the words the vectors lack; the coverage line; any input format;
# bad input is one line, a non-zero exit and no output touched.
source "$(dirname "$0")/lib.sh"

PYTHON=${PYTHON:-/usr/bin/python3}
require_python_module numpy

# My vocabulary: the shipped corpus plus two words no pretrained file has.
printf 'zebra unicorn\nzebra\n' >extra.txt
"$EMBEDTOOL" vocab "$PROJECT/data/corpus.txt" extra.txt -o vocab.tsv --quiet || fail "vocab failed"
words=$(wc -l <vocab.tsv)

# Pretrained GloVe vectors (6 dims) in another order than the vocabulary's (reversed, so no id
# lines up by chance), lacking every tenth word, and with words the vocabulary lacks.
awk -F'\t' 'BEGIN { srand(11) } $1 != "zebra" && $1 != "unicorn" && NR % 10 != 5 {
    line = $1; for (j = 0; j < 6; j++) line = line " " sprintf("%.6f", rand() * 2 - 1); print line
  } END { print "owl 1 2 3 4 5 6"; print "Cat 6 5 4 3 2 1" }' vocab.tsv | tac >pre.txt
missing=$((words - $(wc -l <pre.txt) + 2))

run_embedtool convert pre.txt E.npy --rows-from vocab.tsv
[ "$status" -eq 0 ] || fail "convert --rows-from exited $status: $(cat err)"
found=$((words - missing))
with_commas() { echo "$1" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta'; }
pattern="found $(with_commas "$found") of $(with_commas "$words") words \([0-9.]+%\) in pre.txt; $missing missing \(zero rows\), e.g. \"[a-z]+\", \"[a-z]+\""
grep -qE "^embedtool: info: $pattern" err || fail "coverage line: $(cat err) (expected $pattern)"
grep -q "input_dim $((words + 2)) (<pad>, <unk> and $words words), output_dim 6" err ||
  fail "no input_dim/output_dim line: $(cat err)"

# Row by row against the source, by id (line k of vocab.tsv is id k + 1).
check_rows() {  # check_rows E.npy MISSING: zero|random
  "$PYTHON" - "$1" "$2" <<'PY'
import sys
import numpy as np
E = np.load(sys.argv[1])
words = [line.split("\t")[0] for line in open("vocab.tsv", encoding="utf-8").read().splitlines()]
pre = {}
for line in open("pre.txt", encoding="utf-8"):
    word, *values = line.split()
    pre[word] = np.array([np.float32(v) for v in values], dtype=np.float32)
assert E.dtype == np.float32 and E.shape == (len(words) + 2, 6), E.shape
assert not E[0].any() and not E[1].any(), "reserved rows are not zero"
listed = open(sys.argv[1][:-4] + ".vocab.txt", encoding="utf-8").read().splitlines()
assert listed == ["<pad>", "<unk>"] + words, "word list is not the vocabulary in id order"
rows = np.stack(list(pre.values())).astype(np.float64)
norms = np.linalg.norm(rows, axis=1).mean()
low = rows.mean(axis=0) - np.sqrt(3) * rows.std(axis=0) - 1e-5  # the spread draws are uniform in
high = rows.mean(axis=0) + np.sqrt(3) * rows.std(axis=0) + 1e-5  # mean ± √3·std, per column
for k, word in enumerate(words):
    row = E[k + 2]
    if word in pre:
        assert np.array_equal(row, pre[word]), (word, row, pre[word])
    elif sys.argv[2] == "zero":
        assert not row.any(), (word, row)
    else:  # drawn with the pretrained spread: a norm like theirs
        assert 0.3 * norms < np.linalg.norm(row) < 3 * norms, (word, row, norms)
        assert np.all((low <= row) & (row <= high)), (word, row, low, high)
PY
}
check_rows E.npy zero || fail "E.npy rows do not match pre.txt by id (--missing zero)"

# --missing random: seeded, the same bytes again, others with another seed; found rows unchanged.
run_embedtool convert pre.txt R.npy --rows-from vocab.tsv --missing random --seed 5
[ "$status" -eq 0 ] || fail "--missing random exited $status: $(cat err)"
grep -q "$missing missing (random rows)" err || fail "random coverage line: $(cat err)"
check_rows R.npy random || fail "R.npy rows do not match pre.txt by id (--missing random)"
"$EMBEDTOOL" convert pre.txt R2.npy --rows-from vocab.tsv --missing random --seed 5 --quiet
cmp -s R.npy R2.npy || fail "--missing random --seed 5 gave different files twice"
"$EMBEDTOOL" convert pre.txt R3.npy --rows-from vocab.tsv --missing random --seed 6 --quiet
cmp -s R.npy R3.npy && fail "--seed 6 gave the rows of --seed 5"

# The same matrix from every input format convert reads, and from a model's vocabulary.
"$EMBEDTOOL" convert pre.txt pre.bin --quiet || fail "convert to word2vec binary"
"$EMBEDTOOL" convert pre.txt pre.emb --quiet || fail "convert to emb"
"$EMBEDTOOL" convert pre.txt mine.emb --rows-from vocab.tsv --quiet || fail "--rows-from to .emb"
for source in pre.bin pre.emb; do
  "$EMBEDTOOL" convert "$source" F.npy --rows-from vocab.tsv --quiet || fail "--rows-from from $source"
  cmp -s E.npy F.npy || fail "E.npy from $source differs from the one from pre.txt"
done
"$EMBEDTOOL" convert pre.txt M.npy --rows-from mine.emb --quiet || fail "--rows-from a model"
cmp -s E.npy M.npy || fail "--rows-from mine.emb gave other rows than --rows-from vocab.tsv"

# A text output keeps the ids without the reserved rows: line k is id k + 1, as in vocab.tsv.
"$EMBEDTOOL" convert pre.txt E.txt --rows-from vocab.tsv --quiet || fail "--rows-from to GloVe"
[ "$(cut -d' ' -f1 E.txt)" = "$(cut -f1 vocab.tsv)" ] || fail "E.txt rows are not in vocab.tsv's order"

# Bad input: one line, non-zero exit, and the output that was there is left as it was.
cp E.npy before.npy
printf 'cat\t1\ndog\n' >corrupt.tsv
expect_error 1 "corrupt.tsv: line 2" convert pre.txt E.npy --rows-from corrupt.tsv
printf 'cat 1 2 3 4 5 6\ndog 1 2 3\n' >short.txt
expect_error 1 "expected 6 .*short.txt: line 2" convert short.txt E.npy --rows-from vocab.tsv
: >empty.txt
expect_error 1 "empty.txt holds no word vectors" convert empty.txt E.npy --rows-from vocab.tsv
expect_error 1 "cannot open absent.tsv" convert pre.txt E.npy --rows-from absent.tsv
expect_error 2 '--missing: must be zero or random, not "ones"' \
  convert pre.txt E.npy --rows-from vocab.tsv --missing ones
expect_error 2 "give --rows-from VOCAB too" convert pre.txt E.npy --missing random
expect_error 2 "give --rows-from VOCAB too" convert pre.txt E.npy --seed 3
expect_error 2 "with --missing zero it has no use" convert pre.txt E.npy --rows-from vocab.tsv --seed 3
cmp -s E.npy before.npy || fail "a failed run changed E.npy"
exit 0
