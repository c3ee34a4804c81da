#!/usr/bin/env bash
# Checkpoints of `mpirun -np N embedtool train` (issue 14): the job's periodic checkpoint holds
# every rank's place, a job stopped after one resumes with the same number of ranks and writes
# its model, and resuming with another number of ranks, or without mpirun, is refused clearly.
source "$(dirname "$0")/lib.sh"
source "$PROJECT/tests/e2e/mpi_lib.sh"
require_mpi

# About 3 s of training unloaded (1.5 s with 30 epochs was too short: on an idle machine the
# job could end before the test saw its log line and stopped it, and the test skipped). The job
# is stopped as soon as its first checkpoint is on disk (200 ms into training) and its log line
# has come: seconds before its end on any machine.
corpus="$PROJECT/data/corpus.txt"
"${MPIRUN[@]}" -np 2 "$EMBEDTOOL" train "$corpus" -o "$WORK/model.emb" --threads 1 \
  --epochs 60 --output-dim 24 --sync-every 100ms --checkpoint-every 200ms \
  >"$WORK/out" 2>"$WORK/err" </dev/null &
launcher=$!
for _ in $(seq 1200); do
  [ -s "$WORK/model.emb.ckpt" ] && grep -q '^embedtool: info: checkpoint written' "$WORK/err" &&
    break
  sleep 0.025
done
kill -TERM "$launcher"
wait "$launcher"
if [ -e "$WORK/model.emb" ]; then
  echo "SKIP: the job ended before it could be stopped (a machine 10 times faster than ours)"
  exit "$SKIP"
fi
grep -q '^embedtool: info: checkpoint written to .*model.emb.ckpt' "$WORK/err" ||
  fail "no checkpoint was written: $(cat "$WORK/err")"
[ ! -e "$WORK/model.emb" ] || fail "a stopped job wrote a model"
[ -f "$WORK/model.emb.ckpt" ] || fail "the checkpoint is missing"
cp "$WORK/model.emb.ckpt" "$WORK/saved.ckpt"

expect_error 2 'was made by 2 MPI ranks, not one process: resume it with mpirun -np 2' \
  train --resume "$WORK/saved.ckpt" -o "$WORK/model.emb"
run_mpi 4 train --resume "$WORK/saved.ckpt" -o "$WORK/model.emb"
[ "$status" -ne 0 ] || fail "4 ranks resumed a 2-rank checkpoint"
[ "$(grep -c 'embedtool: error: ' "$WORK/err")" -eq 1 ] &&
  grep -q 'embedtool: error: rank 0 of 4: the checkpoint .* was made by 2 MPI ranks, not 4 MPI ranks: resume it with mpirun -np 2' "$WORK/err" ||
  fail "4 ranks on a 2-rank checkpoint: $(cat "$WORK/err")"

# Resumed with 2 ranks, the job ends and writes its model.
run_mpi 2 train --resume "$WORK/saved.ckpt" -o "$WORK/model.emb"
[ "$status" -eq 0 ] || fail "resuming with 2 ranks exited $status: $(cat "$WORK/err")"
grep -q '^embedtool: info: resuming from ' "$WORK/err" || fail "not resumed: $(cat "$WORK/err")"
"$EMBEDTOOL" verify "$WORK/model.emb" >/dev/null || fail "the resumed model does not verify"
echo "ok: a 2-rank job's checkpoint resumes with 2 ranks and is refused with 4 or 1"

# Checkpoints asked for while one rank has finished its share and the other trains on: every rank
# takes part in saving them (the finished rank once did not, and the job hung there for good).
rm -f "$WORK/model.emb"
timeout 120 "${MPIRUN[@]}" -np 2 "$EMBEDTOOL" train "$corpus" -o "$WORK/model.emb" --threads 1 \
  --epochs 20 --output-dim 24 --sync-every 100ms --checkpoint-every 100ms \
  >"$WORK/out" 2>"$WORK/err" </dev/null
status=$?
[ "$status" -ne 124 ] || fail "a job with checkpoints every 100 ms hung"
[ "$status" -eq 0 ] || fail "a job with checkpoints every 100 ms exited $status: $(cat "$WORK/err")"
[ -f "$WORK/model.emb" ] && [ ! -e "$WORK/model.emb.ckpt" ] ||
  fail "a job with checkpoints every 100 ms: $(ls "$WORK")"
echo "ok: a job that checkpoints every 100 ms to its end writes its model"
