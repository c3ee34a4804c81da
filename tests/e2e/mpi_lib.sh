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
  # Open MPI's own code is not instrumented, and trips both sanitizers. Under ASan, what it
  # allocates at start-up and never frees is reported as leaks when the ranks exit (in
  # libopen-pal, libmpi and its unloaded components; none in embedtool): the ranks run with leak
  # detection off, every other check on.
  if [ -n "${ASAN_OPTIONS:-}" ]; then
    echo "note: leak detection is off for the MPI ranks: Open MPI leaks at exit by design"
    MPIRUN+=(-x "ASAN_OPTIONS=$ASAN_OPTIONS:detect_leaks=0")
  fi
  # Under TSan, Open MPI's TCP transport reports a lock-order inversion of its own while
  # MPI_Init connects the ranks (mca_btl_tcp_add_procs against mca_btl_tcp_proc_remove): the
  # ranks, all on this machine, talk through shared memory only, and TSan then finds nothing.
  if [ -n "${TSAN_OPTIONS:-}" ]; then
    echo "note: the MPI ranks use shared memory only (--mca btl self,vader): Open MPI's TCP" \
         "transport trips ThreadSanitizer"
    MPIRUN+=(--mca btl self,vader -x "TSAN_OPTIONS=$TSAN_OPTIONS")
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
