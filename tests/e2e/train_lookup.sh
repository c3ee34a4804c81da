# Train on the shipped corpus, then look words up: vectors, ids, and neighbours that make sense.
source "$(dirname "$0")/lib.sh"

train_demo_model
model=demo.emb

# A vector line is the word and 50 numbers.
run_embedtool lookup -m $model cat dog
[ "$status" -eq 0 ] || fail "lookup cat dog exited $status: $(cat err)"
[ "$(wc -l <out)" -eq 2 ] || fail "lookup cat dog printed $(wc -l <out) lines"
[ "$(head -1 out | awk '{print $1, NF}')" = "cat 51" ] || fail "bad vector line: $(head -1 out)"

# Words from stdin give the same lines as words in arguments.
cp out by_argument
printf 'cat\ndog\n' | "$EMBEDTOOL" lookup -m $model >by_stdin || fail "lookup from stdin failed"
cmp -s by_argument by_stdin || fail "lookup from stdin differs from lookup by argument"

# --ids: the row of cat's id is cat's vector. The vocabulary in the model is in id order.
cat_id=$("$EMBEDTOOL" vocab --quiet "$PROJECT/data/corpus.txt" | awk -F'\t' '$1 == "cat" {print NR + 1}')
[ -n "$cat_id" ] || fail "cat is not in the vocabulary of data/corpus.txt"
"$EMBEDTOOL" lookup -m $model --ids "$cat_id" >by_id || fail "lookup --ids failed"
[ "$(head -1 by_id)" = "$(head -1 by_argument)" ] || fail "lookup --ids $cat_id is not cat's row"

# Neighbours: the corpus puts animals in shared contexts, so most of cat's nearest words must be
# animals, and none a food or a colour. A trainer that does not learn fails this.
animals="dog bird fish horse cow sheep mouse rabbit goat duck pig lion tiger bear wolf fox frog"
unrelated="bread cheese apple rice soup milk butter egg cake red blue green yellow black white"
run_embedtool lookup -m $model --nearest 5 cat
[ "$status" -eq 0 ] || fail "lookup --nearest exited $status: $(cat err)"
[ "$(wc -l <out)" -eq 5 ] || fail "--nearest 5 printed $(wc -l <out) lines"
awk -F'\t' '$1 != "cat" || NF != 3 {exit 1}' out || fail "bad --nearest lines: $(cat out)"
neighbours=$(cut -f2 out)
animal_hits=0
for word in $neighbours; do
  for animal in $animals; do [ "$word" = "$animal" ] && animal_hits=$((animal_hits + 1)); done
  for other in $unrelated; do [ "$word" = "$other" ] && fail "cat's neighbours include $other: $neighbours"; done
done
[ "$animal_hits" -ge 3 ] || fail "only $animal_hits of cat's 5 neighbours are animals: $neighbours"

# Similarities come sorted, best first, and are cosines.
cut -f3 out | sort -g -r -c || fail "neighbours are not sorted by similarity"
awk -F'\t' '$3 > 1.0001 || $3 < -1.0001 {exit 1}' out || fail "similarity outside [-1, 1]"

# An unknown word: named on stderr, exit 1, the known words still printed.
run_embedtool lookup -m $model cat no-such-word dog
[ "$status" -eq 1 ] || fail "unknown word: exit $status"
[ "$(wc -l <out)" -eq 2 ] || fail "known words should still be printed"
grep -q '"no-such-word"' err || fail "the unknown word is not named: $(cat err)"

# Training from stdin gives the same model as from the file (same seed, one thread).
"$EMBEDTOOL" train "$PROJECT/data/corpus.txt" -o from_file.emb --output-dim 50 --epochs 2 \
  --window 3 --threads 1 --quiet || fail "train --threads 1 failed"
"$EMBEDTOOL" train - -o from_stdin.emb --output-dim 50 --epochs 2 --window 3 --threads 1 --quiet \
  <"$PROJECT/data/corpus.txt" || fail "train - failed"
cmp -s from_file.emb from_stdin.emb || fail "train - wrote a different model than train FILE"
# --dtype float16 halves the matrix; lookups read it back as floats.
"$EMBEDTOOL" train "$PROJECT/data/corpus.txt" -o half.emb --output-dim 50 --epochs 1 --dtype float16 \
  --quiet || fail "train --dtype float16 failed"
"$EMBEDTOOL" info half.emb | grep -q 'float16' || fail "info does not report float16: $("$EMBEDTOOL" info half.emb)"
[ "$("$EMBEDTOOL" lookup -m half.emb cat | awk '{print NF}')" -eq 51 ] || fail "lookup in a float16 model"
echo "ok"
