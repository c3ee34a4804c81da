# --oov error|skip|zero|unk: what a word missing from the vocabulary gives. Rows never shift
# silently: every policy keeps a labelled row per word, or says on stderr what it left out.
source "$(dirname "$0")/lib.sh"

train_demo_model
zeros=$(printf ' 0%.0s' $(seq 50))
unk_row=$("$EMBEDTOOL" lookup -m demo.emb --ids 1 | cut -d' ' -f2-)

# error (the default): the unknown word is named on stderr, the known ones are printed in order,
# and the status is 1.
run_embedtool lookup -m demo.emb cat zzz dog
[ "$status" -eq 1 ] || fail "--oov error: exit $status"
[ "$(cut -d' ' -f1 out | tr '\n' ' ')" = "cat dog " ] || fail "--oov error printed: $(cut -d' ' -f1 out)"
[ "$(grep -c . err)" -eq 1 ] && grep -q '^embedtool: error: unknown word "zzz"' err ||
  fail "--oov error stderr: $(cat err)"
# The same from standard input: the lines after the unknown word are still answered.
printf 'cat\nzzz\ndog\n' | "$EMBEDTOOL" lookup -m demo.emb >stdin.out 2>stdin.err
[ $? -eq 1 ] && [ "$(wc -l <stdin.out)" -eq 2 ] || fail "--oov error from stdin"
# A suggestion when the tokenized form is known.
run_embedtool lookup -m demo.emb Cat
grep -q 'did you mean "cat"' err || fail "no suggestion for Cat: $(cat err)"

# skip: no row, a warning naming the word, status 0.
run_embedtool lookup -m demo.emb --oov skip cat zzz dog
[ "$status" -eq 0 ] || fail "--oov skip: exit $status"
[ "$(cut -d' ' -f1 out | tr '\n' ' ')" = "cat dog " ] || fail "--oov skip printed: $(cut -d' ' -f1 out)"
grep -q '^embedtool: warning: skipped unknown word "zzz"' err || fail "--oov skip stderr: $(cat err)"

# zero: a zero vector labelled with the word, in its place.
run_embedtool lookup -m demo.emb --oov zero cat zzz dog
[ "$status" -eq 0 ] || fail "--oov zero: exit $status"
[ "$(sed -n 2p out)" = "zzz$zeros" ] || fail "--oov zero row: $(sed -n 2p out | cut -c1-60)"
[ "$(cut -d' ' -f1 out | tr '\n' ' ')" = "cat zzz dog " ] || fail "--oov zero order"
[ ! -s err ] || fail "--oov zero printed on stderr: $(cat err)"
run_embedtool lookup -m demo.emb --oov zero --format json zzz
grep -q '^{"word":"zzz","id":null,"vector":\[0,0,' out || fail "--oov zero json: $(head -c 60 out)"
run_embedtool lookup -m demo.emb --oov zero --format npy cat zzz dog
head -c 128 out | grep -aq "'shape': (3, 50)" || fail "--oov zero npy keeps 3 rows"

# unk: the row of id 1, labelled with the word.
run_embedtool lookup -m demo.emb --oov unk cat zzz dog
[ "$status" -eq 0 ] || fail "--oov unk: exit $status"
[ "$(sed -n 2p out)" = "zzz $unk_row" ] || fail "--oov unk row: $(sed -n 2p out | cut -c1-60)"
run_embedtool lookup -m demo.emb --oov unk --format json zzz
grep -q '^{"word":"zzz","id":1,' out || fail "--oov unk json: $(head -c 60 out)"

# Bad policies and combinations are usage errors.
expect_error 2 "oov" lookup -m demo.emb --oov maybe cat
expect_error 2 "oov zero and unk" lookup -m demo.emb --oov zero --nearest 3 cat
# Ids out of range are always errors (they are bugs, not gaps in a vocabulary).
run_embedtool lookup -m demo.emb --oov zero --ids 2 99999
[ "$status" -eq 1 ] && grep -q "out of range" err || fail "--ids out of range with --oov zero: $status"
echo "ok"
