#!/usr/bin/env bash
# Sets everything up (packages, build) and runs the test suite: the unit tests and the
# end-to-end tests on the Release build (build/).
#
# `scripts/test.sh --all` also runs
#   2. the same suite built with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/);
#   3. every libFuzzer target for a bounded time (scripts/fuzz.sh; FUZZ_SECONDS per target).
# CI runs the first stage only until a full run of stages 2 and 3 has been seen green on a clean
# checkout (see the note on the hardening issue).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
jobs=$(nproc)

echo "== test: Release build" >&2
ctest --test-dir build --output-on-failure -j "$jobs"
if [ "${1:-}" != "--all" ]; then
  exit 0
fi

echo "== test: AddressSanitizer + UBSan build" >&2
cmake -S . -B build-asan -DEMBEDTOOL_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-asan -j "$jobs" >/dev/null
# Instrumented training runs several times slower, hence the longer per-test timeout.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" --timeout 1500

echo "== test: fuzzing every parser for ${FUZZ_SECONDS:-20}s" >&2
./scripts/fuzz.sh "${FUZZ_SECONDS:-20}"
