#!/usr/bin/env bash
# Faults of `mpirun -np N embedtool train` (issue 14): a rank that cannot read the corpus, and a
# rank killed while training, each end the whole job with a message that names the rank and the
# reason, and leave a model already at the output path as it was.
source "$(dirname "$0")/lib.sh"
source "$PROJECT/tests/e2e/mpi_lib.sh"
require_mpi

echo "the model of an earlier run" >"$WORK/model.emb"
keep=$(sha256sum <"$WORK/model.emb")

# The corpus path is relative and every rank starts in its own folder: rank 1's has no corpus,
# as a node without the shared storage would not.
mkdir "$WORK/rank0" "$WORK/rank1"
cp "$PROJECT/data/corpus.txt" "$WORK/rank0/corpus.txt"
"${MPIRUN[@]}" -np 2 sh -c 'cd "$1/rank$OMPI_COMM_WORLD_RANK" && exec "$2" train corpus.txt \
  -o "$1/model.emb" --threads 1 --epochs 1 --quiet' sh "$WORK" "$EMBEDTOOL" \
  >"$WORK/out" 2>"$WORK/err" </dev/null
status=$?
[ "$status" -ne 0 ] || fail "a corpus rank 1 cannot read: the job succeeded"
[ "$(grep -c '^embedtool: error: ' "$WORK/err")" -eq 1 ] ||
  fail "the error should be told once: $(cat "$WORK/err")"
grep -q '^embedtool: error: every MPI rank must read the same corpus corpus.txt: rank 1: .*corpus.txt' \
  "$WORK/err" || fail "the message does not name rank 1 and why: $(cat "$WORK/err")"
[ "$(sha256sum <"$WORK/model.emb")" = "$keep" ] || fail "the earlier model was changed"
echo "ok: a corpus rank 1 cannot read: $(grep '^embedtool: error' "$WORK/err")"

# A rank killed while the job trains: the launcher ends the others and names it.
"${MPIRUN[@]}" -np 2 "$EMBEDTOOL" train "$PROJECT/data/speeches.txt" -o "$WORK/model.emb" \
  --threads 1 --epochs 100 --output-dim 24 >"$WORK/out" 2>"$WORK/err" </dev/null &
launcher=$!
rank1=""
for _ in $(seq 200); do
  if grep -q '^embedtool: info: memory: ' "$WORK/err"; then  # counted; training starts
    for pid in $(pgrep -P "$launcher"); do
      tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qx 'OMPI_COMM_WORLD_RANK=1' && rank1=$pid
    done
    [ -n "$rank1" ] && break
  fi
  sleep 0.1
done
[ -n "$rank1" ] || { kill "$launcher"; fail "rank 1 never started training: $(cat "$WORK/err")"; }
sleep 0.5
kill -9 "$rank1"
wait "$launcher"
status=$?
[ "$status" -ne 0 ] || fail "a killed rank: the job succeeded"
grep -qiE 'rank 1 .*(signal 9|killed)' "$WORK/err" ||
  fail "the launcher's message does not name rank 1 and the signal: $(cat "$WORK/err")"
[ "$(sha256sum <"$WORK/model.emb")" = "$keep" ] || fail "the earlier model was changed"
[ -z "$(ls "$WORK" | grep -v -e '^model.emb$' -e '^rank[01]$' -e '^out$' -e '^err$')" ] ||
  fail "files left behind: $(ls "$WORK")"
echo "ok: a killed rank ends the job: $(grep -iE 'rank 1 .*(signal 9|killed)' "$WORK/err" | head -1)"
