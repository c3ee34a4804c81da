# `embedtool eval` as a user runs it: tables and JSON on stdout, skipped words counted, and one
# error line naming the file and line for a malformed test set.
source "$(dirname "$0")/lib.sh"

train_demo_model
model=demo.emb

# Word pairs over the demo corpus' words (animals, foods, colours), tab- or space-separated, with
# a comment and a pair of unknown words. The scores follow the corpus' categories: 8 within one,
# 1 across. A model whose cosines put every same-category pair above every cross-category pair
# gets rho = 12 / sqrt(210) = 0.83 (the most these ties allow); require most of that.
printf '# pairs\ncat\tdog\t8\nCat horse 8\ncat\tbread\t1\nred blue 8\nbread\tcheese\t8\ndog\tblue\t1\nunicorn dragon 5\n' >pairs.tsv
run_embedtool eval -m $model --similarity pairs.tsv
[ "$status" -eq 0 ] || fail "eval --similarity exited $status: $(cat err)"
head -1 out | grep -q "Spearman" || fail "no table header: $(cat out)"
# 7 pairs, 6 used (case ignored: Cat is cat), 1 skipped (14.3%).
grep -qE "^pairs.tsv +7 +6 +1 \(14\.3%\) +0\.[5-8]" out || fail "unexpected similarity line: $(cat out)"

# JSON for scripts.
run_embedtool eval -m $model --similarity pairs.tsv --format json
[ "$status" -eq 0 ] || fail "eval --format json exited $status: $(cat err)"
grep -q '"used": 6' out || fail "JSON lacks used=6: $(cat out)"
grep -q '"skipped": 1' out || fail "JSON lacks skipped=1: $(cat out)"
grep -q '"analogy": \[\]' out || fail "JSON lacks the empty analogy list: $(cat out)"

# Analogies: sections, a question with an unknown word skipped, and --restrict.
printf ': animals\ncat dog bird fish\ndog cat fish bird\ncat dog bird unicorn\n\n: colours\nred blue green yellow\n' >questions.txt
run_embedtool eval -m $model --analogy questions.txt
[ "$status" -eq 0 ] || fail "eval --analogy exited $status: $(cat err)"
grep -qE "^animals +3 +2 " out || fail "animals: 3 questions, 2 answered expected: $(cat out)"
grep -qE "^colours +1 +1 " out || fail "colours: 1 question, 1 answered expected: $(cat out)"
grep -qE "^overall +4 +3 " out || fail "overall: 4 questions, 3 answered expected: $(cat out)"
grep -q "^skipped: 1 (25.0%) of 4 questions" out || fail "skipped line: $(cat out)"
# The 5 most frequent words of the corpus are function words: every question is skipped.
run_embedtool eval -m $model --analogy questions.txt --restrict 5 --format json
grep -q '"searched_words": 5' out || fail "--restrict 5 not applied: $(cat out)"
grep -q '"answered": 0' out || fail "--restrict 5 should leave no question answered: $(cat out)"

# Both kinds at once, one from standard input, and a settings file.
run_embedtool eval -m $model --similarity - --analogy questions.txt <pairs.tsv
[ "$status" -eq 0 ] || fail "eval with stdin exited $status: $(cat err)"
grep -q "^<stdin> " out || fail "stdin pairs not reported: $(cat out)"
grep -q "^overall" out || fail "analogy table missing: $(cat out)"
printf '{"format": "json", "restrict": 7}\n' >settings.json
run_embedtool eval --config settings.json -m $model --analogy questions.txt
grep -q '"searched_words": 7' out || fail "settings file not applied: $(cat out)"

# Malformed test sets: one error line naming the file and line, status 1, nothing on stdout.
printf '# c\ncat dog 9\ncat dog\n' >short.tsv
expect_error 1 "found 2 \(short.tsv: line 3\)" eval -m $model --similarity short.tsv
[ ! -s out ] || fail "a failed eval printed data: $(cat out)"
printf 'cat dog nine\n' >word-score.tsv
expect_error 1 'score "nine" is not a number \(word-score.tsv: line 1\)' eval -m $model --similarity word-score.tsv
printf ': s\ncat dog bird\n' >three.txt
expect_error 1 "found 3 \(three.txt: line 2\)" eval -m $model --analogy three.txt
printf 'cat dog bird fish\n' >headless.txt
expect_error 1 "section. header \(headless.txt: line 1\)" eval -m $model --analogy headless.txt
printf '# nothing\n' >empty.tsv
expect_error 1 "no word pairs in empty.tsv" eval -m $model --similarity empty.tsv
expect_error 1 "no-such-file.tsv" eval -m $model --similarity no-such-file.tsv
expect_error 1 "no-such-model.emb" eval -m no-such-model.emb --similarity pairs.tsv

# Usage errors: nothing to evaluate, bad --format or --restrict.
expect_error 2 "nothing to evaluate" eval -m $model
expect_error 2 "format" eval -m $model --similarity pairs.tsv --format xml
expect_error 2 "restrict" eval -m $model --analogy questions.txt --restrict 0
echo "ok"
