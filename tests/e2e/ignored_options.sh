# Options that would be accepted and silently ignored are refused (issue 15): one line naming
# both options, status 2, and nothing written.
source "$(dirname "$0")/lib.sh"

printf 'the cat sat on the mat\nthe dog sat on the log\n' >corpus.txt
"$EMBEDTOOL" vocab corpus.txt -o v.tsv --quiet || fail "vocab failed"
"$EMBEDTOOL" train corpus.txt -o model.emb --output-dim 4 --epochs 1 --threads 1 --quiet ||
  fail "train failed"

# train: the vocabulary file fixes the words; --input-dim and --min-count would be ignored.
expect_error 2 '--vocab and --input-dim cannot be used together' \
  train corpus.txt --vocab v.tsv --input-dim 100 -o ignored.emb
expect_error 2 '--vocab and --min-count cannot be used together' \
  train corpus.txt --vocab v.tsv --min-count 5 -o ignored.emb
# ... also when the settings file gives one of them.
printf '{"vocab": "v.tsv", "min_count": 5}\n' >settings.json
expect_error 2 '--vocab and --min-count cannot be used together' \
  train corpus.txt --config settings.json -o ignored.emb
# --neg only sets negative sampling.
expect_error 2 '--neg has no effect with --loss hs' train corpus.txt --loss hs --neg 3 -o ignored.emb
[ ! -e ignored.emb ] || fail "a refused train wrote a model"
expect_error 2 '--ns-exponent has no effect with --loss softmax' train corpus.txt --loss softmax --ns-exponent 0.5 -o ignored.emb
expect_error 2 '--ns-exponent' train corpus.txt --ns-exponent 1.5 -o ignored.emb
# ... and with --loss auto, which would choose softmax for this vocabulary, --neg chooses it.
run_embedtool train corpus.txt --neg 3 -o neg.emb --output-dim 4 --epochs 1 --threads 1
[ "$status" -eq 0 ] || fail "train --neg 3 exited $status: $(cat err)"
grep -q -- '--neg 3 with --loss auto: negative sampling' err || fail "train --neg 3 does not say it chose ns: $(cat err)"
"$EMBEDTOOL" info --format json neg.emb | grep -q '"loss": "ns"' || fail "train --neg 3 did not train with --loss ns"
"$EMBEDTOOL" train corpus.txt -o auto.emb --output-dim 4 --epochs 1 --threads 1 --quiet || fail "train failed"
"$EMBEDTOOL" info --format json auto.emb | grep -q '"loss": "softmax"' || fail "this test needs --loss auto to choose softmax here"

# --ns-exponent chooses ns too, is kept in the model, and changes the noise words drawn.
run_embedtool train corpus.txt --ns-exponent 0 -o uniform.emb --output-dim 4 --epochs 1 --threads 1
[ "$status" -eq 0 ] || fail "train --ns-exponent 0 exited $status: $(cat err)"
grep -q -- '--ns-exponent 0 with --loss auto: negative sampling' err || fail "--ns-exponent 0 does not say it chose ns: $(cat err)"
"$EMBEDTOOL" info --format json uniform.emb | grep -q '"ns_exponent": 0.0' || fail "the model does not record --ns-exponent 0"
"$EMBEDTOOL" train corpus.txt --loss ns -o counted.emb --output-dim 4 --epochs 1 --threads 1 --quiet || fail "train --loss ns failed"
"$EMBEDTOOL" info --format json counted.emb | grep -q '"ns_exponent": 0.75' || fail "the default exponent is not 0.75"
cmp -s uniform.emb counted.emb && fail "--ns-exponent 0 trained the same model as 0.75"

# A flag and its negation: the last one would win.
expect_error 2 '--lowercase and --no-lowercase say opposite things: give one' \
  vocab corpus.txt --lowercase --no-lowercase
expect_error 2 '--no-filter and --filter say opposite things' train corpus.txt --no-filter --filter

# lookup: --pad-vector is for --batch; --oov is for words, not --batch's ids or --sentence.
expect_error 2 '--pad-vector has no effect without --batch' lookup -m model.emb --pad-vector row cat
expect_error 2 '--batch and --oov cannot be used together' lookup -m model.emb --batch --oov skip
expect_error 2 '--oov and --sentence cannot be used together' lookup -m model.emb --sentence --oov zero
# pad: lines of ids are not tokenized, so tokenizer options need --vocab.
expect_error 2 '--lowercase has no effect without --vocab' pad --no-lowercase
expect_error 2 '--filters has no effect without --vocab' pad --filters=.,
# --filters with --no-filter would filter nothing.
expect_error 2 '--filters: has no effect with --no-filter' vocab --no-filter --filters=., corpus.txt
# A classifier filters nothing by default; --filters asks for it rather than being dropped.
printf '__label__a good,film\n__label__b bad,film\n' >labelled.txt
"$EMBEDTOOL" train --supervised labelled.txt --filters=, -o clf.emb --epochs 1 --quiet || fail "train --supervised --filters failed"
"$EMBEDTOOL" info --format json clf.emb | grep -q '"filter_punctuation": true' ||
  fail "train --supervised --filters=, did not filter"

# eval: --restrict is for analogies.
expect_error 2 '--restrict has no effect without --analogy' eval -m model.emb --restrict 5

# predict: json always has the probabilities.
expect_error 2 '--probabilities has no effect with --format json' \
  predict -m model.emb --probabilities --format json corpus.txt

# Help says so.
"$EMBEDTOOL" lookup --help | grep -q -- '--pad-vector.*(needs --batch)' || fail "lookup --help: --pad-vector needs --batch"
"$EMBEDTOOL" train --help | grep -q -- '--min-count.*(not with --vocab)' || fail "train --help: --min-count not with --vocab"
echo "ok"
