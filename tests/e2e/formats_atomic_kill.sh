# Killing a writer (SIGKILL: no chance to clean up) at random moments never leaves a broken file
# at the target path, never damages the old file there, and leaves no temporary file behind,
# except a complete one when the kill lands in the two system calls just before the rename.
source "$(dirname "$0")/lib.sh"

# About 40 MB of vectors: writing them takes long enough to be interrupted at many points. An
# instrumented binary (ASan, TSan) writes several times slower, so there a fifth of the rows is
# still interrupted at as many points (under ASan: 21 writers killed, against 18 with all the
# rows, and the same spread of old, new and no file), and every convert below costs a fifth.
rows=50000
instrumented && rows=10000
awk -v rows="$rows" 'BEGIN { srand(11); print rows " 100";
             for (i = 0; i < rows; i++) { printf "w%d", i;
               for (j = 0; j < 100; j++) printf " %.6g", rand() - 0.5; print "" } }' >big.vec
"$EMBEDTOOL" convert big.vec big.emb --quiet || fail "convert big.vec failed"
mkdir out
"$EMBEDTOOL" convert big.emb out/new.vec --quiet || fail "writing the expected .vec failed"
"$EMBEDTOOL" convert big.emb out/new.emb --quiet || fail "writing the expected .emb failed"
mv out/new.vec expected.vec
mv out/new.emb expected.emb
"$EMBEDTOOL" convert big.emb old.vec --limit 100 --quiet || fail "writing the old .vec failed"
"$EMBEDTOOL" convert big.emb old.emb --limit 100 --quiet || fail "writing the old .emb failed"

# How long an uninterrupted write takes, in milliseconds, to spread the kills over it.
duration_ms() {
  local start end
  start=$(date +%s%N)
  "$EMBEDTOOL" convert big.emb "$1" --quiet
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

RANDOM=7
kills=0
for target in out/model.vec out/model.emb; do
  extension=${target##*.}
  span=$(duration_ms "out/probe.$extension")
  rm -f "out/probe.$extension"
  saw_old=0
  saw_new=0
  saw_none=0
  saw_leftover=0
  for attempt in $(seq 1 15); do
    # Mostly an old file to replace; now and then none, and then "no file" is the old state.
    if [ $((attempt % 5)) -eq 0 ]; then
      rm -f "$target"
    else
      cp "old.$extension" "$target"
    fi
    "$EMBEDTOOL" convert big.emb "$target" --quiet &
    writer=$!
    delay=$((RANDOM % (span + span / 4 + 1)))
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    kill -KILL "$writer" 2>/dev/null && kills=$((kills + 1))
    wait "$writer" 2>/dev/null

    if [ ! -e "$target" ]; then
      [ $((attempt % 5)) -eq 0 ] || fail "$target vanished after a kill at ${delay} ms"
      saw_none=$((saw_none + 1))
    elif cmp -s "$target" "expected.$extension"; then
      saw_new=$((saw_new + 1))
    elif cmp -s "$target" "old.$extension"; then
      saw_old=$((saw_old + 1))
    else
      fail "$target is neither the old nor the new file after a kill at ${delay} ms"
    fi
    if [ "$extension" = emb ] && [ -e "$target" ]; then
      "$EMBEDTOOL" verify --quiet "$target" >/dev/null || fail "$target does not verify after a kill"
    fi
    # A kill between naming the finished temporary file and renaming it over the target (two
    # system calls, see AtomicFileWriter::commit) leaves that temporary behind. It must then be
    # the complete new file, nothing less; anything else left behind is a bug.
    while IFS= read -r leftover; do
      cmp -s "$leftover" "expected.$extension" ||
        fail "an incomplete temporary file was left after a kill at ${delay} ms: $leftover"
      rm -f "$leftover"
      saw_leftover=$((saw_leftover + 1))
    done < <(find out -name '.*.tmp.*')
  done
  echo "$target: old file kept $saw_old times, new file complete $saw_new times," \
    "no file (none before) $saw_none times, complete temporary file left $saw_leftover times"
done
[ "$kills" -gt 0 ] || fail "no writer was ever killed: every write finished before its kill"
echo "ok ($kills writers killed)"
