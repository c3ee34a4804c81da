# Messages that named the wrong thing (issue 15): each mistake is now named as what it is, in
# one line, with the option that fixes it.
source "$(dirname "$0")/lib.sh"

printf 'The cat sat on the mat\nthe dog sat on the log\n' >sents.txt
"$EMBEDTOOL" vocab sents.txt -o vocab.tsv --quiet || fail "vocab failed"
"$EMBEDTOOL" train sents.txt -o model.emb --output-dim 4 --epochs 1 --threads 1 --quiet ||
  fail "train failed"

# No model.emb in the folder and no -m: say -m (it said "cannot open model.emb").
mkdir empty
(cd empty && expect_error 2 'no model given, and there is no model.emb here: name one with -m FILE' lookup cat) ||
  exit 1
(cd empty && expect_error 2 'with -m FILE' eval --similarity pairs.txt) || exit 1
# A vocabulary file as a model (it said "cannot open vocab.metadata.tsv").
expect_error 2 'vocab.tsv is a vocabulary file .* not vectors; .*train CORPUS --vocab vocab.tsv' \
  lookup -m vocab.tsv cat
expect_error 2 'vocab.tsv is a vocabulary file' info vocab.tsv
# A model as a corpus (it said "invalid UTF-8 (model.emb: line 1, byte 0)").
expect_error 2 'model.emb is an embedtool model \(.emb\), not text.*--init model.emb' \
  train model.emb -o other.emb
expect_error 2 'model.emb is an embedtool model \(.emb\), not text' vocab model.emb
[ ! -e other.emb ] || fail "train on a model wrote other.emb"
# Words without --vocab (it said only 'not an integer id: "the"').
expect_error 1 'not an integer id: "The" \(sents.txt: line 1, byte 0\); lines of words need --vocab' pad sents.txt
# A folder is "it is a directory" everywhere (train said "Is a directory").
mkdir folder
for command in vocab pad train; do
  expect_error 1 'cannot read folder: it is a directory' "$command" folder
done
# What still works: a model named with -m, a model as pad's --vocab, verify and info on a model.
"$EMBEDTOOL" lookup -m model.emb cat >/dev/null || fail "lookup -m model.emb failed"
"$EMBEDTOOL" lookup cat >/dev/null || fail "lookup with model.emb in the folder failed"
"$EMBEDTOOL" pad --vocab model.emb sents.txt >/dev/null || fail "pad --vocab model.emb failed"
"$EMBEDTOOL" verify model.emb >/dev/null || fail "verify model.emb failed"
echo "ok"
