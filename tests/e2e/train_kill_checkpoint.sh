# kill -9 at random moments of a `train` that writes checkpoints: whatever moment it dies, the
# checkpoint on disk is a complete one (never half-written), it resumes, and the resumed run ends
# with the model an uninterrupted run writes, byte for byte (one thread).
source "$(dirname "$0")/lib.sh"

corpus="$PROJECT/data/corpus.txt"
# A run must last long enough for many checkpoints (one per 500 ms poll) and epoch ends to fall
# among the kills: 30 epochs took 9 s on a busy machine in a Release build, but 35 s under ASan,
# and the whole test 3-4 minutes under a sanitizer. Instrumented, 8 epochs make a run about as
# long as the Release build's.
epochs=30
instrumented && epochs=8
settings=(--output-dim 20 --epochs "$epochs" --threads 1 --seed 3 --loss ns)
start=$(date +%s%N)
"$EMBEDTOOL" train "$corpus" -o plain.emb "${settings[@]}" --quiet || fail "the uninterrupted run failed"
run_ms=$((($(date +%s%N) - start) / 1000000))
echo "an uninterrupted run takes ${run_ms} ms"

RANDOM=7  # the same kill moments on every run of the test
resumed=0
for round in $(seq 8); do
  rm -f killed.emb killed.emb.ckpt
  # Checkpoints as often as train polls for them (every 500 ms).
  "$EMBEDTOOL" train "$corpus" -o killed.emb "${settings[@]}" --checkpoint-every 1ms --quiet &
  pid=$!
  delay_ms=$((300 + RANDOM % (run_ms > 400 ? run_ms - 100 : 300)))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  status=$?
  if [ "$status" -eq 0 ]; then
    echo "round $round: the run ended before the kill at ${delay_ms} ms"
    continue
  fi
  [ "$status" -eq 137 ] || fail "round $round: train exited $status, not killed"
  # Nothing but the checkpoint may be left: temporary files are unnamed until they are complete.
  leftovers=$(ls -A | grep -v -E '^(plain.emb|killed.emb|killed.emb.ckpt|out|err)$')
  [ -z "$leftovers" ] || fail "round $round: files left behind by the killed run: $leftovers"
  if [ -e killed.emb ]; then
    # The kill landed after the model was saved, as the process was exiting (slowly when
    # instrumented: LeakSanitizer runs then). The file must then be the finished model.
    cmp -s plain.emb killed.emb ||
      fail "round $round: a run killed at ${delay_ms} ms left a model file that is not the finished one"
    echo "round $round: killed at ${delay_ms} ms, after the model was saved"
    continue
  fi
  if [ ! -e killed.emb.ckpt ]; then
    echo "round $round: killed at ${delay_ms} ms, before the first checkpoint"
    continue
  fi
  run_embedtool train "$corpus" -o killed.emb "${settings[@]}" --resume killed.emb.ckpt --quiet
  [ "$status" -eq 0 ] || fail "round $round: the checkpoint left by a kill at ${delay_ms} ms does not resume: $(cat err)"
  cmp -s plain.emb killed.emb || fail "round $round: the resumed run wrote another model than the uninterrupted one"
  echo "round $round: killed at ${delay_ms} ms, resumed to the same model"
  resumed=$((resumed + 1))
done
[ "$resumed" -gt 0 ] || { echo "SKIP: no kill landed after a checkpoint (runs take ${run_ms} ms here)"; exit $SKIP; }
echo "ok"
