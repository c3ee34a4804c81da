# On a terminal, the progress line that rewrites itself ends before the next message: "trained"
# used to be logged on the same line (`... ETA 0s embedtool: info: trained ...`) (issue 15).
source "$(dirname "$0")/lib.sh"

script -qec true /dev/null </dev/null >/dev/null 2>&1 ||
  { echo "SKIP: script(1) cannot give embedtool a terminal here"; exit "$SKIP"; }
# script(1) gives the command a pseudo-terminal and copies what it writes to our stdout.
script -qec "'$EMBEDTOOL' train '$PROJECT/data/corpus.txt' -o model.emb --epochs 2 --threads 1 \
  --output-dim 20" /dev/null </dev/null >terminal.txt 2>&1 || fail "train on a terminal failed: $(cat terminal.txt)"
# Without colours, each \r-rewritten line as the terminal shows it (the text after the last \r).
sed -e 's/\x1b\[[0-9;]*m//g' terminal.txt | tr -d '\n' | tr '\r' '\n' >lines.txt
grep -q 'ETA' lines.txt || fail "no progress line was drawn: $(cat -A terminal.txt)"
! grep -n 'ETA.*embedtool: info' lines.txt || fail "a message ran into the progress line (above)"
grep -q '^embedtool: info: trained' lines.txt || fail "'trained' does not start a line: $(cat -A terminal.txt)"
echo "ok"
