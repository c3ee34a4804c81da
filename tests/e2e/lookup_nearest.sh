# --nearest and --similarity on a model trained on data/corpus.txt: neighbours that make sense,
# a 3CosAdd expression, scores that numpy agrees with, and the errors of bad queries.
source "$(dirname "$0")/lib.sh"

PYTHON=/usr/bin/python3
train_demo_model

# cat's neighbours include dog and are animals (the corpus gives animals shared contexts).
run_embedtool lookup -m demo.emb --nearest 10 cat
[ "$status" -eq 0 ] || fail "--nearest exited $status: $(cat err)"
[ "$(wc -l <out)" -eq 10 ] || fail "--nearest 10 printed $(wc -l <out) lines"
cut -f2 out | grep -qx dog || fail "dog is not among cat's neighbours: $(cut -f2 out | tr '\n' ' ')"
! cut -f2 out | grep -qxE 'cat|bread|red|paris' || fail "cat's neighbours: $(cut -f2 out | tr '\n' ' ')"
cut -f3 out | sort -g -r -c || fail "neighbours are not sorted by similarity"

# Several words answer each in turn, as separate queries, whether in arguments or on a line.
run_embedtool lookup -m demo.emb --nearest 2 cat bread
[ "$(cut -f1 out | tr '\n' ' ')" = "cat cat bread bread " ] || fail "two queries: $(cut -f1 out)"
printf 'cat bread\n' | "$EMBEDTOOL" lookup -m demo.emb --nearest 2 >stdin.out || fail "from stdin"
cmp -s out stdin.out || fail "--nearest from stdin differs from arguments"

# An expression: the query words are never answers; cat - bread + cheese is still an animal.
run_embedtool lookup -m demo.emb --nearest 3 cat - bread + cheese
[ "$status" -eq 0 ] || fail "expression exited $status: $(cat err)"
[ "$(cut -f1 out | sort -u)" = "cat - bread + cheese" ] || fail "expression label: $(cut -f1 out)"
! cut -f2 out | grep -qxE 'cat|bread|cheese' || fail "query words among the answers: $(cut -f2 out)"
animals="dog bird fish mouse rabbit horse cow sheep goat pig duck"
echo " $animals " | grep -q " $(head -1 out | cut -f2) " || fail "cat - bread + cheese gave $(head -1 out | cut -f2)"
# The same expression quoted as one argument, and on a line of standard input.
"$EMBEDTOOL" lookup -m demo.emb --nearest 3 "cat - bread + cheese" >quoted.out || fail "quoted expression"
cmp -s out quoted.out || fail "a quoted expression differs"
echo "cat - bread + cheese" | "$EMBEDTOOL" lookup -m demo.emb --nearest 3 >line.out || fail "expression on stdin"
cmp -s out line.out || fail "an expression on stdin differs"
cp out expression.out

# json: one object per query.
run_embedtool lookup -m demo.emb --nearest 2 --format json cat
grep -q '^{"query":"cat","neighbours":\[{"word":"[a-z]*","similarity":[0-9.e-]*},{' out ||
  fail "--nearest json: $(cat out)"

# --similarity: pairs from arguments or lines; cat is nearer dog than bread.
run_embedtool lookup -m demo.emb --similarity cat dog cat bread
[ "$status" -eq 0 ] || fail "--similarity exited $status: $(cat err)"
[ "$(cut -f1,2 out | tr '\t\n' '  ')" = "cat dog cat bread " ] || fail "--similarity pairs: $(cat out)"
awk -F'\t' 'NR == 1 {a = $3} NR == 2 {exit !(a > $3)}' out || fail "cat is not nearer dog than bread: $(cat out)"
cp out similarity.out
printf 'cat dog\ncat bread\n' | "$EMBEDTOOL" lookup -m demo.emb --similarity >stdin.out || fail "--similarity from stdin"
cmp -s similarity.out stdin.out || fail "--similarity from stdin differs"

# Bad queries: named on stderr, the rest still answered, status 1.
run_embedtool lookup -m demo.emb --nearest 2 cat zzz
[ "$status" -eq 1 ] && [ "$(wc -l <out)" -eq 2 ] && grep -q 'unknown word "zzz"' err ||
  fail "unknown word with --nearest: status $status, $(cat err)"
run_embedtool lookup -m demo.emb --nearest 2 --oov skip cat zzz
[ "$status" -eq 0 ] && grep -q 'warning: skipped unknown word "zzz"' err || fail "--oov skip with --nearest"
printf 'cat - \ndog\n' | "$EMBEDTOOL" lookup -m demo.emb --nearest 1 >bad.out 2>bad.err
[ $? -eq 1 ] && [ "$(cut -f1 bad.out)" = dog ] && grep -q 'missing after the last operator' bad.err ||
  fail "a bad expression: $(cat bad.err)"
expect_error 1 'unknown word "queen"' lookup -m demo.emb --nearest 2 cat - queen
expect_error 1 "two operators" lookup -m demo.emb --nearest 2 cat - + dog
expect_error 2 "pairs" lookup -m demo.emb --similarity cat dog bird
printf 'cat dog bird\n' >three.txt
run_embedtool lookup -m demo.emb --similarity <three.txt
[ "$status" -eq 1 ] && grep -q "line 1 of <stdin> has 3 words, not 2" err || fail "3 words on a --similarity line"
expect_error 2 "one" lookup -m demo.emb --similarity --nearest 3 cat dog
expect_error 2 "npy is for vectors" lookup -m demo.emb --nearest 3 --format npy cat
expect_error 2 "normalize" lookup -m demo.emb --similarity --normalize cat dog
expect_error 2 "nearest" lookup -m demo.emb --nearest 0 cat

# Numpy agrees with the scores: cosines, and 3CosAdd over unit vectors with the words left out.
require_python_module numpy
"$EMBEDTOOL" convert demo.emb E.npy --quiet || fail "convert to npy"
"$PYTHON" - <<'PY' || fail "numpy disagrees with lookup's scores"
import numpy as np
E = np.load("E.npy").astype(np.float64)
words = [w.strip() for w in open("E.vocab.txt")]
id_of = {w: i for i, w in enumerate(words)}
norms = np.linalg.norm(E, axis=1)
U = np.divide(E, norms[:, None], out=np.zeros_like(E), where=norms[:, None] > 0)
for line in open("similarity.out"):
    a, b, s = line.split("\t")
    assert abs(U[id_of[a]] @ U[id_of[b]] - float(s)) < 1e-5, line
target = U[id_of["cat"]] - U[id_of["bread"]] + U[id_of["cheese"]]
scores = U @ (target / np.linalg.norm(target))
scores[:2] = -np.inf
for w in ("cat", "bread", "cheese"):
    scores[id_of[w]] = -np.inf
best = np.argsort(-scores, kind="stable")[:3]
got = [l.split("\t") for l in open("expression.out")]
assert [g[1] for g in got] == [words[i] for i in best], (got, [words[i] for i in best])
for g, i in zip(got, best):
    assert abs(float(g[2]) - scores[i]) < 1e-5, (g, scores[i])
PY
# A zero vector has no direction: no neighbours, and a warning says why nothing is printed.
printf 'zero 0 0 0\nx 1 0 0\ny 0 1 0\n' >zero.txt
"$EMBEDTOOL" convert zero.txt zero.emb --from glove --quiet || fail "convert zero.txt failed"
run_embedtool lookup -m zero.emb --nearest 2 zero x
[ "$status" -eq 0 ] || fail "--nearest of a zero row exited $status: $(cat err)"
grep -q '^zero' out && fail "a zero row got neighbours: $(cat out)"
[ "$(grep -c '^x' out)" -eq 2 ] || fail "x lost its neighbours beside a zero query: $(cat out)"
grep -q 'warning: zero: its vector is zero, so it has no nearest neighbours' err ||
  fail "no warning for the zero query: $(cat err)"
echo "ok"
