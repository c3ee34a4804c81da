# Option traps of CLI11 2.1's defaults (issue 15): a value that starts with - taken as an
# option's value, and unknown subcommands and options reported without a hint.
source "$(dirname "$0")/lib.sh"

printf 'the cat sat on the mat\nthe dog sat on the log\n' >corpus.txt
"$EMBEDTOOL" train corpus.txt -o model.emb --output-dim 4 --epochs 1 --threads 1 --quiet ||
  fail "train failed"

# `-o --format npy cat` wrote a file named --format and then looked up "npy".
expect_error 2 '-o needs a value, but --format follows it .*--output=--format' \
  lookup -m model.emb -o --format npy cat
[ ! -e ./--format ] || fail "lookup created a file named --format"
expect_error 2 '--vocab needs a value, but --input-length follows it' pad --vocab --input-length 3
expect_error 2 '--filters needs a value' vocab --filters -.
# ... unless written with = (or a negative number, or - for standard input).
"$EMBEDTOOL" lookup -m model.emb --output=--format cat || fail "--output=--format was refused"
[ -s ./--format ] || fail "--output=--format did not write the file"
printf '1 2\n' | "$EMBEDTOOL" pad --value -1 --input-length 3 >out || fail "pad --value -1 failed"
[ "$(cat out)" = "-1 1 2" ] || fail "pad --value -1 wrote '$(cat out)'"
"$EMBEDTOOL" lookup -m model.emb -o - cat >out || fail "lookup -o - failed"
# -m=FILE would be -m with the value "=FILE".
expect_error 2 '-m=model.emb: a short option takes its value without =; write -m model.emb or --model=model.emb' \
  lookup -m=model.emb cat
# A word that starts with - is a query after --.
expect_error 1 'unknown word.*-lrb-' lookup -m model.emb -- -lrb-
expect_error 2 'unknown option -lrb- for lookup; a word that starts with - goes after --' \
  lookup -m model.emb -lrb-

# A misspelt subcommand is named, with the nearest one.
expect_error 2 'unknown command "trian"; did you mean train\?' trian corpus.txt
expect_error 2 'unknown command "frobnicate"; the commands are vocab, pad, train' frobnicate
# No command, or a command's option before the command (CLI11: "A subcommand is required",
# "not expected").
expect_error 2 'no command given; the commands are vocab, pad, train'
expect_error 2 '--quiet is an option of vocab: put it after the command' --quiet vocab corpus.txt
expect_error 2 'unknown option --vresion; did you mean --version\?' --vresion

# Unknown options: the nearest option, or ours for the name another tool uses.
expect_error 2 'unknown option --maxlen for pad; did you mean --input-length \(Keras' pad --maxlen 8
expect_error 2 'unknown option --dim for train; did you mean --output-dim \(fastText' train --dim 8 corpus.txt
expect_error 2 'unknown option --output_dim for train; did you mean --output-dim\?' \
  train --output_dim 8 corpus.txt
expect_error 2 'unknown option -epoch for train; did you mean --epochs' train -epoch 3 corpus.txt
expect_error 2 'unknown option -minCount for vocab; did you mean --min-count\?' vocab -minCount 2
expect_error 2 'unknown option -output for train; did you mean --output\?' train corpus.txt -output m
expect_error 2 'unknown option --neerest for lookup; did you mean --nearest\?' lookup --neerest 3 cat
expect_error 2 'unknown option --bogus for vocab \(see' vocab --bogus corpus.txt

# A settings file's unknown key gets the same hint, in the file's spelling.
printf '{"output_dims": 8}\n' >typo.json
expect_error 2 'unknown settings key "output_dims" .*; did you mean output_dim\?' train corpus.txt --config typo.json
printf '{"dim": 8}\n' >fasttext.json
expect_error 2 'unknown settings key "dim" .*; did you mean output_dim \(fastText' train corpus.txt --config fasttext.json
echo "ok"
