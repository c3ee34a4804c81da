#!/usr/bin/env bash
# Sets everything up (packages, build) and runs the whole test suite:
#   1. the unit tests and end-to-end tests on the Release build (build/);
#   2. the same suite built with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/);
#   3. every libFuzzer target for a bounded time (scripts/fuzz.sh; FUZZ_SECONDS per target).
# EMBEDTOOL_QUICK_TEST=1 runs step 1 only (for a fast edit-test loop; CI runs everything).
# Instrumented code runs several times slower, hence the longer per-test timeout in step 2.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
jobs=$(nproc)

echo "== test: Release build" >&2
ctest --test-dir build --output-on-failure -j "$jobs"
if [ "${EMBEDTOOL_QUICK_TEST:-0}" = 1 ]; then
  echo "== test: EMBEDTOOL_QUICK_TEST=1: sanitizer build and fuzzing skipped" >&2
  exit 0
fi

echo "== test: AddressSanitizer + UBSan build" >&2
cmake -S . -B build-asan -DEMBEDTOOL_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-asan -j "$jobs" >/dev/null
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" --timeout 1500

echo "== test: fuzzing every parser for ${FUZZ_SECONDS:-20}s" >&2
./scripts/fuzz.sh "${FUZZ_SECONDS:-20}"
