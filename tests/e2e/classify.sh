# A classifier end to end (issue 12): train --supervised, then predict, test and lookup
# --sentence on it, through the real binary. Skips, saying why, until the trainer and the .emb
# format that keeps labels (version 4) are in this build.
source "$(dirname "$0")/lib.sh"

if ! "$EMBEDTOOL" train --help 2>/dev/null | grep -q -- '--supervised'; then
  echo "SKIP: embedtool train has no --supervised yet (issue 12's trainer is on another branch)"
  exit "$SKIP"
fi

make_labelled_lines 600 1 >train.txt
make_labelled_lines 200 2 >test.txt
cut -d' ' -f2- test.txt >text.txt

"$EMBEDTOOL" train --supervised train.txt -o clf.emb --epochs 20 --output-dim 16 --loss softmax \
  --threads 1 --quiet || fail "train --supervised failed"
run_embedtool predict -m clf.emb text.txt
if [ "$status" -ne 0 ] && grep -q "is not a classifier" err; then
  echo "SKIP: the saved model keeps no labels yet (.emb version 4 is on another branch): $(cat err)"
  exit "$SKIP"
fi
[ "$status" -eq 0 ] || fail "predict exited $status: $(cat err)"

# predict: one label per line, as fastText prints it, and the right one on this easy data.
[ "$(wc -l <out)" -eq 200 ] || fail "predict: $(wc -l <out) lines for 200"
grep -vqE '^__label__(pos|neg|neu)$' out && fail "predict printed a line that is not one label: $(grep -vE '^__label__(pos|neg|neu)$' out | head -1)"
right=$(paste -d' ' <(cut -d' ' -f1 test.txt) out | awk '$1 == $2' | wc -l)
[ "$right" -ge 180 ] || fail "predict: only $right of 200 right"

# Labels in the input are ignored; a line without any known word gets an empty line.
printf '__label__neg good good\nqqq zzz\n\ngood\n' | "$EMBEDTOOL" predict -m clf.emb --quiet >mixed.txt ||
  fail "predict on stdin failed"
[ "$(cat mixed.txt)" = "$(printf '__label__pos\n\n\n__label__pos')" ] || fail "predict: $(cat mixed.txt)"

# -k, --probabilities (fastText's predict-prob), --threshold, --format json.
run_embedtool predict -m clf.emb -k 2 --probabilities text.txt
grep -vqE '^__label__[a-z]+ [0-9.e-]+ __label__[a-z]+ [0-9.e-]+$' out &&
  fail "predict -k 2 --probabilities: $(head -1 out)"
run_embedtool predict -m clf.emb -k -1 --probabilities text.txt
awk '{ s = 0; for (i = 2; i <= NF; i += 2) s += $i; if (NF != 6 || s < 0.999 || s > 1.001) exit 1 }' out ||
  fail "softmax: every label's probability should sum to 1: $(head -1 out)"
run_embedtool predict -m clf.emb -k -1 --threshold 0.5 text.txt
awk 'NF > 1 { exit 1 }' out || fail "--threshold 0.5 let two labels through: $(awk 'NF > 1' out | head -1)"
run_embedtool predict -m clf.emb -k 2 --format json text.txt
python3 -c '
import json
for line in open("out"):
    p = json.loads(line)["predictions"]
    assert len(p) == 2 and p[0]["probability"] >= p[1]["probability"], line
' || fail "predict --format json: $(head -1 out)"

# As a coprocess: each answer comes before the next line is sent.
coproc PREDICT { "$EMBEDTOOL" predict -m clf.emb 2>/dev/null; }
predict_pid=$PREDICT_PID
for line in "good film" "awful plot"; do
  echo "$line" >&"${PREDICT[1]}"
  IFS= read -r -t 10 -u "${PREDICT[0]}" answer || fail "predict: no answer to '$line' within 10 s"
  answers+=("$answer")
done
exec {PREDICT[1]}>&-
wait "$predict_pid" || fail "predict as a coprocess exited $?"
[ "${answers[*]}" = "__label__pos __label__neg" ] || fail "coprocess answers: ${answers[*]}"

# test: fastText's layout, then accuracy.
run_embedtool test -m clf.emb test.txt
[ "$status" -eq 0 ] || fail "test exited $status: $(cat err)"
[ "$(cut -f1 out | tr '\n' ' ')" = "N P@1 R@1 accuracy " ] || fail "test layout: $(cat out)"
[ "$(sed -n 1p out)" = "$(printf 'N\t200')" ] || fail "test N: $(sed -n 1p out)"
awk -F'\t' 'NR > 1 && $2 < 0.9 { exit 1 }' out || fail "test: scores below 0.9 on easy data: $(cat out)"
run_embedtool test -m clf.emb -k 2 test.txt
[ "$(sed -n 2p out | cut -f1)" = "P@2" ] || fail "test -k 2: $(cat out)"
run_embedtool test -m clf.emb --per-label --confusion test.txt
[ "$(grep -cE '^F1-Score : [0-9.-]+  Precision : [0-9.-]+  Recall : [0-9.-]+   __label__[a-z]+$' out)" -eq 3 ] ||
  fail "test --per-label: $(head -3 out)"
grep -qE '^gold\\predicted	__label__' out || fail "test --confusion: no matrix header: $(cat out)"
run_embedtool test -m clf.emb --format json test.txt
python3 -c 'import json; r = json.load(open("out")); assert r["examples"] == 200 and r["accuracy"] > 0.9, r' ||
  fail "test --format json: $(cat out)"

# Lines without a label are skipped and counted; a label the model never saw counts as missed.
{ head -10 test.txt; echo "good film without a label"; echo "__label__unseen good film"; } >odd.txt
run_embedtool test -m clf.emb odd.txt
[ "$(sed -n 1p out)" = "$(printf 'N\t11')" ] || fail "test with odd lines: $(cat out)"
grep -q "1 line without a label skipped" err || fail "no note on the unlabelled line: $(cat err)"
grep -q "the label __label__unseen (1 line) is not one the model was trained on" err ||
  fail "no note on the unseen label: $(cat err)"
expect_error 1 "has no labelled line to test on" test -m clf.emb text.txt

# lookup --sentence on a classifier: its h, one row per line.
run_embedtool lookup -m clf.emb --sentence text.txt
[ "$(wc -l <out)" -eq 200 ] && [ "$(head -1 out | wc -w)" -eq 16 ] || fail "lookup --sentence on a classifier"

# Word n-grams (their bucket rows must be saved and used) and hierarchical softmax.
if "$EMBEDTOOL" train --help | grep -q -- '--word-ngrams'; then
  "$EMBEDTOOL" train --supervised train.txt -o bigrams.emb --epochs 20 --output-dim 16 \
    --word-ngrams 2 --threads 1 --quiet || fail "train --supervised --word-ngrams 2 failed"
  run_embedtool test -m bigrams.emb test.txt
  awk -F'\t' 'NR == 2 && $2 < 0.9 { exit 1 }' out || fail "word n-grams: $(cat out)"
fi
"$EMBEDTOOL" train --supervised train.txt -o hs.emb --epochs 20 --output-dim 16 --loss hs \
  --threads 1 --quiet || fail "train --supervised --loss hs failed"
run_embedtool predict -m hs.emb -k -1 --probabilities text.txt
awk '{ s = 0; for (i = 2; i <= NF; i += 2) s += $i; if (s < 0.999 || s > 1.001) exit 1 }' out ||
  fail "hs: every label's probability should sum to 1: $(head -1 out)"
echo "ok"
