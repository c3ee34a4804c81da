# Helpers for the end-to-end tests. Each test script is run by ctest as
#   bash tests/e2e/<name>.sh path/to/embedtool path/to/project
# and sources this file. A test fails at the first broken expectation, naming it.
set -uo pipefail

EMBEDTOOL=$1
PROJECT=$2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/embedtool-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
export LC_ALL=C.UTF-8

# ctest treats this exit status as "skipped" (SKIP_RETURN_CODE in tests/CMakeLists.txt).
SKIP=77

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# require_python_module MODULE...: unless $PYTHON (default /usr/bin/python3, Debian's, where
# python3-numpy and python3-gensim live) imports every MODULE, says which one is missing and
# exits $SKIP, so ctest reports the test as skipped rather than as passed having checked less.
require_python_module() {
  local python=${PYTHON:-/usr/bin/python3} module
  for module in "$@"; do
    if ! "$python" -c "import $module" 2>/dev/null; then
      echo "SKIP: $python cannot import $module (Debian: apt-get install python3-$module)"
      exit "$SKIP"
    fi
  done
}

# A command that run_embedtool (and so expect_error) puts before the binary, e.g. one that drops
# privileges (tests/e2e/permissions.sh); empty by default.
RUN_AS=()

# run_embedtool ARGS...: runs the binary, leaving its stdout in $WORK/out, stderr in $WORK/err
# and its exit status in $status.
run_embedtool() {
  ${RUN_AS[@]+"${RUN_AS[@]}"} "$EMBEDTOOL" "$@" >"$WORK/out" 2>"$WORK/err"
  status=$?
}

# expect_error STATUS PATTERN ARGS...: the command must exit with STATUS and print exactly one
# line on stderr besides progress information ("embedtool: info: ..."), "embedtool: error: ...",
# matching the extended regex PATTERN; stdin is empty.
expect_error() {
  local expected_status=$1 pattern=$2
  shift 2
  run_embedtool "$@" </dev/null
  [ "$status" -eq "$expected_status" ] ||
    fail "embedtool $* exited $status, expected $expected_status; stderr: $(cat "$WORK/err")"
  grep -a -v '^embedtool: info: ' "$WORK/err" >"$WORK/err.lines"
  mv "$WORK/err.lines" "$WORK/err"
  [ "$(wc -l <"$WORK/err")" -eq 1 ] ||
    fail "embedtool $* printed $(wc -l <"$WORK/err") lines on stderr, expected one: $(cat "$WORK/err")"
  grep -aqE "^embedtool: error: .*${pattern}" "$WORK/err" ||
    fail "embedtool $*: stderr '$(cat "$WORK/err")' does not match '$pattern'"
}

# instrumented: true when the binary runs under a sanitizer, which makes it several times slower
# (and its memory peak meaningless). scripts/test.sh sets ASAN_OPTIONS or TSAN_OPTIONS for those
# stages; the options are only read by an instrumented binary, so they tell the build apart.
instrumented() {
  [ -n "${ASAN_OPTIONS:-}${TSAN_OPTIONS:-}" ]
}

# A model trained on the shipped corpus, shared by the tests that need one (trains in seconds).
train_demo_model() {
  "$EMBEDTOOL" train "$PROJECT/data/corpus.txt" -o "$WORK/demo.emb" --output-dim 50 \
    --epochs 5 --window 3 --quiet || fail "training on data/corpus.txt failed"
}

# make_labelled_lines N SEED: N lines of fastText's format over three labels told apart by their
# words (pos: good..., neg: bad..., neu: neither), with filler words around them.
make_labelled_lines() {
  awk -v n="$1" -v seed="$2" 'BEGIN {
    srand(seed)
    split("good great fine lovely nice superb", pos); split("bad awful poor terrible nasty ugly", neg)
    split("the a movie film plot actor it was is", filler)
    split("pos neg neu", labels)
    for (i = 0; i < n; i++) {
      label = labels[int(rand() * 3) + 1]; line = "__label__" label
      for (j = 0; j < 4; j++) line = line " " filler[int(rand() * 9) + 1]
      for (j = 0; j < 2; j++) {
        if (label == "pos") line = line " " pos[int(rand() * 6) + 1]
        if (label == "neg") line = line " " neg[int(rand() * 6) + 1]
      }
      print line
    }
  }'
}
