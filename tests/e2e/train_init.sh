# train --init VECTORS: E starts from pretrained vectors (any format convert reads) for the words
# they have; their size is the default --output-dim; a size that contradicts --output-dim, or a
# file that cannot be read, is a one-line error.
source "$(dirname "$0")/lib.sh"

corpus="$PROJECT/data/corpus.txt"
"$EMBEDTOOL" train "$corpus" -o pre.emb --output-dim 12 --epochs 2 --threads 1 --quiet ||
  fail "training the pretrained model failed"
"$EMBEDTOOL" convert pre.emb pre.vec --quiet || fail "convert to .vec failed"

# A learning rate so small that the rows stay where --init put them.
run_embedtool train "$corpus" -o init.emb --init pre.vec --lr 1e-9 --epochs 1 --threads 1
[ "$status" -eq 0 ] || fail "train --init exited $status: $(cat err)"
grep -q -- "--init: 369 of 369 words start from pre.vec" err || fail "--init does not log its count: $(cat err)"
"$EMBEDTOOL" info init.emb | grep -q "output_dim  *12" || fail "--output-dim was not taken from pre.vec"
for word in cat dog bread; do
  "$EMBEDTOOL" lookup -m pre.emb "$word" >pre.txt || fail "lookup $word failed"
  "$EMBEDTOOL" lookup -m init.emb "$word" >init.txt || fail "lookup $word failed"
  paste -d' ' pre.txt init.txt | awk '{ n = (NF - 2) / 2; for (i = 2; i <= n + 1; i++) {
      d = $i - $(i + n + 1); if (d < -1e-4 || d > 1e-4) exit 1 } }' ||
    fail "$word's vector moved away from its --init value: $(cat pre.txt) vs $(cat init.txt)"
done

# Only some words known: the others start at random, and the count says so.
head -n 50 pre.vec | awk 'NR == 1 { print 49, $2; next } { print }' >some.vec
run_embedtool train "$corpus" -o some.emb --init some.vec --epochs 1 --threads 1
[ "$status" -eq 0 ] || fail "train --init some.vec exited $status: $(cat err)"
grep -q -- "--init: 49 of 369 words start from some.vec, the other 320 at random" err ||
  fail "partial --init count: $(cat err)"

expect_error 2 "--init pre.vec has 12-dimensional vectors but --output-dim is 30" \
  train "$corpus" --init pre.vec --output-dim 30
expect_error 1 "cannot open missing.vec" train "$corpus" --init missing.vec
exit 0
