# pad --vocab model.emb: the ids pad writes are the rows of that model's E, whatever its
# tokenizer settings; explicit tokenizer options still win.
source "$(dirname "$0")/lib.sh"

train_demo_model
"$EMBEDTOOL" vocab --quiet "$PROJECT/data/corpus.txt" >vocab.tsv || fail "vocab failed"
printf 'The Cat sat, on the MAT!\nzzz dog\n\n' >text.txt

# The same ids from the model as from the vocabulary file it was trained with.
"$EMBEDTOOL" pad --vocab demo.emb --input-length 6 text.txt >from_model.txt || fail "pad --vocab demo.emb"
"$EMBEDTOOL" pad --vocab vocab.tsv --input-length 6 text.txt >from_vocab.txt || fail "pad --vocab vocab.tsv"
cmp -s from_model.txt from_vocab.txt || fail "ids from the model differ from the vocab file's"
# A vocab file through a pipe is still a vocab file (its first bytes are not consumed by a look).
"$EMBEDTOOL" pad --vocab /dev/stdin --input-length 6 text.txt <vocab.tsv >from_pipe.txt || fail "pad --vocab /dev/stdin"
cmp -s from_pipe.txt from_vocab.txt || fail "ids from a piped vocab file differ"
# And each id is the row of its word in the model.
cat_id=$(sed -n 1p from_model.txt | cut -d' ' -f2)  # the cat sat on the mat
[ "$("$EMBEDTOOL" lookup -m demo.emb --ids "$cat_id" | cut -d' ' -f1)" = cat ] || fail "id $cat_id is not cat's row"
[ "$(sed -n 2p from_model.txt)" = "0 0 0 0 1 $(sed -n 2p from_model.txt | cut -d' ' -f6)" ] ||
  fail "zzz is not unknown: $(sed -n 2p from_model.txt)"

# A model trained without lowercasing stores that: pad keeps "The" and "Cat" apart from the
# lowercase words (they become unknown, 1), unless --lowercase is given, on the command line or
# in a --config file.
"$EMBEDTOOL" train "$PROJECT/data/corpus.txt" -o cased.emb --output-dim 8 --epochs 1 --no-lowercase \
  --quiet || fail "train --no-lowercase"
run_embedtool pad --vocab cased.emb --input-length 6 text.txt
[ "$(sed -n 1p out | cut -d' ' -f1-3)" = "1 1 $(sed -n 1p from_model.txt | cut -d' ' -f3)" ] &&
  [ "$(sed -n 1p out | cut -d' ' -f6)" = 1 ] || fail "the model's no-lowercase setting was not used: $(sed -n 1p out)"
"$EMBEDTOOL" pad --vocab cased.emb --input-length 6 --lowercase text.txt >lowered.txt || fail "--lowercase"
cmp -s lowered.txt from_model.txt || fail "--lowercase did not win over the model's setting"
printf '{"lowercase": true}\n' >lower.json
"$EMBEDTOOL" pad --vocab cased.emb --input-length 6 --config lower.json text.txt >config.txt || fail "--config"
cmp -s config.txt from_model.txt || fail "lowercase from --config did not win over the model's setting"

# Not a model nor a vocab file, or a damaged model: one error line.
head -c 100 demo.emb >cut.emb
expect_error 1 "cut.emb" pad --vocab cut.emb text.txt
expect_error 1 "no-such.emb" pad --vocab no-such.emb text.txt

# The whole pipeline: text -> ids of E's rows -> Y = E[X], one line of L*D numbers per sentence.
head -20 "$PROJECT/data/corpus.txt" | "$EMBEDTOOL" pad --vocab demo.emb --input-length 5 |
  "$EMBEDTOOL" lookup -m demo.emb --batch >Y.txt || fail "pad | lookup --batch"
[ "$(wc -l <Y.txt)" -eq 20 ] && [ "$(awk '{print NF}' Y.txt | sort -u)" = 250 ] || fail "Y.txt shape"
echo "ok"
