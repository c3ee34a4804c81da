# lookup as a coprocess: the answer to a line comes before the next line is sent, for words,
# --batch, --nearest and --similarity; and memory stays flat on a long input stream.
source "$(dirname "$0")/lib.sh"

train_demo_model

# converse ARGS... -- LINE1 LINE2: starts lookup ARGS as a coprocess, sends LINE1, reads one
# answer line (waiting at most 10 s), then sends LINE2 and reads again. The answers go to
# $answers. A lookup that waits for more input or for the end of input before answering fails.
converse() {
  local args=() line answer
  while [ "$1" != "--" ]; do args+=("$1"); shift; done
  shift
  answers=()
  coproc LOOKUP { "$EMBEDTOOL" lookup -m demo.emb "${args[@]}" 2>"$WORK/coproc.err"; }
  for line in "$@"; do
    printf '%s\n' "$line" >&"${LOOKUP[1]}"
    IFS= read -r -t 10 -u "${LOOKUP[0]}" answer ||
      { kill "$LOOKUP_PID" 2>/dev/null; fail "lookup ${args[*]}: no answer to '$line' within 10 s"; }
    answers+=("$answer")
  done
  exec {LOOKUP[1]}>&-
  wait "$LOOKUP_PID" || fail "lookup ${args[*]} exited $?: $(cat "$WORK/coproc.err")"
}

converse -- cat dog
[ "${answers[0]%% *}" = cat ] && [ "${answers[1]%% *}" = dog ] || fail "words: ${answers[*]:0:2}"

converse --batch -- "0 2 3" "4 5 0"
[ "$(echo "${answers[0]}" | wc -w)" -eq 150 ] || fail "--batch answer has $(echo "${answers[0]}" | wc -w) numbers"

converse --nearest 1 -- cat "cat - bread + cheese"
[ "$(echo "${answers[1]}" | cut -f1)" = "cat - bread + cheese" ] || fail "--nearest answer: ${answers[1]}"

# Two lines in one write ("cat", then an empty line): answered without waiting for a third.
converse --nearest 1 -- $'cat\n' dog
[ "$(echo "${answers[1]}" | cut -f1)" = dog ] || fail "--nearest after an empty line: ${answers[*]}"

converse --similarity -- "cat dog" "cat bread"
[ "$(echo "${answers[1]}" | cut -f1,2)" = "$(printf 'cat\tbread')" ] || fail "--similarity answer: ${answers[1]}"

converse --format json -- cat dog
[ "${answers[1]:0:14}" = '{"word":"dog",' ] || fail "json answer: ${answers[1]:0:40}"

# A fifo works like a pipe that stays open: lookup answers while its writer is still there.
mkfifo in.fifo
"$EMBEDTOOL" lookup -m demo.emb <in.fifo >fifo.out &
reader=$!
exec {writer}>in.fifo
echo cat >&$writer
for _ in $(seq 100); do [ -s fifo.out ] && break; sleep 0.1; done
[ -s fifo.out ] || fail "no answer through a fifo while its writer is open"
exec {writer}>&-
wait $reader || fail "lookup from a fifo exited $?"

# Memory is flat: 40 times more input takes no more memory (peak RSS within 4 MB). Not under a
# sanitizer (scripts/test.sh sets its options): ASan keeps freed blocks in a quarantine of up to
# 256 MB, so its peak grows with the work done whatever the program holds.
if instrumented; then
  echo "memory check skipped: sanitizer build"
elif [ -x /usr/bin/time ]; then
  # (the output goes through cksum rather than to /dev/null: it is big, and cksum reads it all)
  peak() {
    /usr/bin/time -f %M -o "$WORK/rss" "$EMBEDTOOL" lookup -m demo.emb "$@" | cksum >"$WORK/sum"
    cat "$WORK/rss"
  }
  # (yes ends by SIGPIPE, which pipefail would count as a failure: make the inputs first)
  { yes cat | head -n 25000 >words.small; yes cat | head -n 1000000 >words.large; } || true
  { yes '2 3 0 5' | head -n 25000 >ids.small; yes '2 3 0 5' | head -n 1000000 >ids.large; } || true
  small=$(peak <words.small) && large=$(peak <words.large) || fail "lookup on a long stream failed"
  [ $((large - small)) -lt 4096 ] || fail "peak memory grew from $small KB to $large KB with 40x the input"
  small=$(peak --batch <ids.small) && large=$(peak --batch --format npy <ids.large) ||
    fail "--batch on a long stream failed"
  [ $((large - small)) -lt 4096 ] || fail "--batch peak memory grew from $small KB to $large KB"
else
  echo "memory check skipped: no /usr/bin/time"
fi
echo "ok"
