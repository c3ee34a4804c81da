# lookup --sentence on a word model (a classifier's n-gram rows are tested in classify.sh and the
# unit tests): one vector per line, the mean of its words' rows, a zero row for a line without a
# known word, in every format; predict and test refuse a word model with one line.
source "$(dirname "$0")/lib.sh"

train_demo_model

# The mean of cat's and dog's rows, computed here with awk from lookup's own rows.
"$EMBEDTOOL" lookup -m demo.emb cat dog >words.txt || fail "lookup cat dog failed"
awk '{ for (i = 2; i <= NF; i++) sum[i] += $i } END { for (i = 2; i <= NF; i++) printf "%s%.6f", (i > 2 ? " " : ""), sum[i] / NR; print "" }' \
  words.txt >expected.txt

printf 'Cat, dog!\nnothing-known-here qqq\n\ncat\n' >sentences.txt
run_embedtool lookup -m demo.emb --sentence sentences.txt
[ "$status" -eq 0 ] || fail "lookup --sentence exited $status: $(cat "$WORK/err")"
[ "$(wc -l <out)" -eq 4 ] || fail "lookup --sentence: $(wc -l <out) rows for 4 lines"
# The model lowercases and drops punctuation, as its corpus was tokenized.
head -1 out | awk '{ for (i = 1; i <= NF; i++) printf "%s%.6f", (i > 1 ? " " : ""), $i; print "" }' >got.txt
awk 'NR == FNR { for (i = 1; i <= NF; i++) e[i] = $i; next }
     { for (i = 1; i <= NF; i++) if ((e[i] - $i) > 1e-5 || ($i - e[i]) > 1e-5) exit 1 }' \
  expected.txt got.txt || fail "the vector of 'Cat, dog!' is not the mean of cat and dog: $(cat got.txt) vs $(cat expected.txt)"
[ "$(sed -n 2p out | tr ' ' '\n' | sort -u)" = 0 ] || fail "a line without known words is not a zero row: $(sed -n 2p out)"
[ "$(sed -n 3p out | wc -w)" -eq 50 ] || fail "an empty line should give a row of 50 numbers"
[ "$(sed -n 4p out)" = "$(grep '^cat ' words.txt | cut -d' ' -f2-)" ] || fail "one word's sentence vector is its row exactly"
grep -q "2 of 4 lines had no word the model knows" err || fail "no warning about lines without words: $(cat err)"

# Standard input, and - among files; tsv with a header, json, npy.
run_embedtool lookup -m demo.emb --sentence - sentences.txt <sentences.txt
[ "$(wc -l <out)" -eq 8 ] || fail "- and a file: $(wc -l <out) rows"
printf 'cat dog\n' | "$EMBEDTOOL" lookup -m demo.emb --sentence --format tsv --header >tsv.txt ||
  fail "--format tsv --header failed"
[ "$(head -1 tsv.txt | cut -f1,50)" = "$(printf 'v1\tv50')" ] || fail "tsv header: $(head -1 tsv.txt | cut -f1-3)"
printf 'cat dog\n' | "$EMBEDTOOL" lookup -m demo.emb --sentence --format json --normalize >json.txt ||
  fail "--format json failed"
python3 -c 'import json, math; v = json.load(open("json.txt"))["vector"]; assert len(v) == 50 and abs(math.hypot(*v) - 1) < 1e-5' ||
  fail "json: not one unit-length vector of 50: $(head -c 100 json.txt)"
"$EMBEDTOOL" lookup -m demo.emb --sentence --format npy -o s.npy --quiet sentences.txt || fail "--format npy failed"
head -c 80 s.npy | grep -aq "'shape': (4, 50)" || fail "npy shape: $(head -c 80 s.npy | tr -d '\0')"

# Answers stream: a line's vector comes before the next line is sent.
coproc SENTENCE { "$EMBEDTOOL" lookup -m demo.emb --sentence 2>/dev/null; }
sentence_pid=$SENTENCE_PID  # bash unsets SENTENCE_PID once the coprocess has ended
echo "cat dog" >&"${SENTENCE[1]}"
IFS= read -r -t 10 -u "${SENTENCE[0]}" answer || fail "lookup --sentence: no answer within 10 s"
[ "$(echo "$answer" | wc -w)" -eq 50 ] || fail "streamed answer: $answer"
exec {SENTENCE[1]}>&-
wait "$sentence_pid" || fail "lookup --sentence as a coprocess exited $?"

expect_error 2 "--sentence reads lines of text" lookup -m demo.emb --sentence --nearest 3
expect_error 2 "--sentence reads lines of text" lookup -m demo.emb --sentence --ids
expect_error 1 "cannot open missing.txt" lookup -m demo.emb --sentence missing.txt

# predict and test need a classifier.
expect_error 1 "demo.emb is not a classifier \(it has no labels\); train one with .embedtool train --supervised." \
  predict -m demo.emb sentences.txt
expect_error 1 "demo.emb is not a classifier" test -m demo.emb sentences.txt
expect_error 1 "is not an embedtool model" predict -m sentences.txt sentences.txt
expect_error 2 "-k 0: give 1 or more labels, or -1 for every label" predict -m demo.emb -k 0
expect_error 2 "threshold" test -m demo.emb --threshold 1.5
echo "ok"
