# Helpers for the tests that run embedtool under mpirun (tests/e2e/train_mpi*.sh); sourced after
# lib.sh. They skip, saying why, where MPI cannot run.

# mpirun ARGS...: Open MPI's launcher as these tests need it on a 2-core machine (more ranks than
# cores) and in CI, which runs as root.
MPIRUN=(mpirun --oversubscribe)
[ "$(id -u)" -eq 0 ] && MPIRUN+=(--allow-run-as-root)

require_mpi() {
  if ! command -v mpirun >/dev/null; then
    echo "SKIP: mpirun is not installed (Debian: apt-get install openmpi-bin)"
    exit "$SKIP"
  fi
  if [ ! -f "$(dirname "$EMBEDTOOL")/libembedtool_mpi.so" ]; then
    echo "SKIP: this embedtool was built without MPI (no libembedtool_mpi.so beside it)"
    exit "$SKIP"
  fi
  # Open MPI's own code is not instrumented, and trips the sanitizers: under ASan its start-up
  # allocations are reported as leaks at exit, and under TSan its progress thread's accesses
  # as races. Those are not embedtool's; the Release build runs these tests in full.
  if instrumented; then
    echo "SKIP: Open MPI itself trips the sanitizers (leaks at exit under ASan, races in its" \
         "progress thread under TSan); the Release build runs this test"
    exit "$SKIP"
  fi
}

# run_mpi RANKS ARGS...: embedtool ARGS under mpirun with RANKS ranks; stdout in $WORK/out, stderr
# in $WORK/err, the exit status in $status.
run_mpi() {
  local ranks=$1
  shift
  "${MPIRUN[@]}" -np "$ranks" "$EMBEDTOOL" "$@" >"$WORK/out" 2>"$WORK/err" </dev/null
  status=$?
}

# vocabulary_of MODEL: the model's words in id order.
vocabulary_of() {
  "$EMBEDTOOL" convert "$1" "$WORK/vocabulary_of.vec" --quiet || fail "convert $1 failed"
  tail -n +2 "$WORK/vocabulary_of.vec" | cut -d' ' -f1
}

# metadata_number MODEL KEY: a number from the model's metadata (embedtool info).
metadata_number() {
  "$EMBEDTOOL" info "$1" | sed -n "s/^ *\"$2\": \([0-9.e+-]*\),\?$/\1/p"
}
