# `embedtool vocab` on the real ~8M-word corpus agrees with an independent count written in
# Python (str.lower, Keras' filters, str.split), word for word and count for count.
source "$(dirname "$0")/lib.sh"

corpus="$PROJECT/../shared/data/en-raw.txt"
if [ ! -r "$corpus" ]; then
  echo "SKIP: $corpus is not present (the shared data folder is optional)"
  exit $SKIP
fi
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit $SKIP; }

start=$(date +%s%N)
"$EMBEDTOOL" vocab --quiet "$corpus" >embedtool.tsv || fail "vocab on en-raw.txt failed"
end=$(date +%s%N)
echo "embedtool vocab en-raw.txt: $(((end - start) / 1000000)) ms, $(wc -l <embedtool.tsv) words"

python3 "$PROJECT/scripts/count_words.py" "$corpus" >python.tsv || fail "count_words.py failed"
# Same words with the same counts; the order is checked separately (ties by first appearance
# are only defined by embedtool's own ordering rule, which count_words.py also follows).
if ! cmp -s embedtool.tsv python.tsv; then
  diff embedtool.tsv python.tsv | head -20 >&2
  fail "embedtool vocab and scripts/count_words.py disagree on en-raw.txt"
fi
echo "ok: $(wc -l <embedtool.tsv) words agree"
