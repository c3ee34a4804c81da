#!/usr/bin/env bash
# Sets everything up (packages, build) and runs every test stage; CI runs this.
#   1. the unit and end-to-end tests on the Release build (build/);
#   2. the same suite built with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/);
#   3. the same suite built with ThreadSanitizer (build-tsan/): every race fails it; the lock-free
#      (Hogwild) training updates are left uninstrumented by design (CMakeLists.txt lists the
#      files, docs/ROBUSTNESS.md says why);
#   4. every libFuzzer target for FUZZ_SECONDS each (default 60; scripts/fuzz.sh), one per core at
#      a time.
# `scripts/test.sh --quick` runs stage 1 only (a few minutes, for everyday work).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
jobs=$(nproc)
stage() { echo "== test: $* ($(date -u +%T))" >&2; }

stage "Release build"
ctest --test-dir build --output-on-failure -j "$jobs"
if [ "${1:-}" = "--quick" ]; then
  exit 0
fi

stage "AddressSanitizer + UBSan build"
# Unity builds, as build/ (scripts/setup.sh says why).
cmake -S . -B build-asan -DEMBEDTOOL_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_UNITY_BUILD=ON >/dev/null
cmake --build build-asan -j "$jobs" >/dev/null
# Instrumented training runs several times slower, hence the longer per-test timeout.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" --timeout 1500

stage "ThreadSanitizer build"
cmake -S . -B build-tsan -DEMBEDTOOL_TSAN=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_UNITY_BUILD=ON >/dev/null
cmake --build build-tsan -j "$jobs" >/dev/null
# Any race is fatal (the process stops with status 66). Reports go to files rather than to
# standard error, so that one from a run whose status a test does not look at (a run it kills on
# purpose) still fails the stage; the folder is writable by all because e2e_permissions runs the
# binary as `nobody`. No report is suppressed (the two tests that build hnswlib graphs run without
# the deadlock detector: tests/CMakeLists.txt says why).
tsan_reports="$PWD/build-tsan/tsan-reports"
rm -rf "$tsan_reports"
mkdir -m 1777 "$tsan_reports"
tsan_status=0
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 log_path=$tsan_reports/report" \
  ctest --test-dir build-tsan --output-on-failure -j "$jobs" --timeout 1500 || tsan_status=$?
if [ -n "$(ls -A "$tsan_reports")" ]; then
  cat "$tsan_reports"/* >&2
  echo "== test: ThreadSanitizer reported the races above" >&2
  exit 1
fi
[ "$tsan_status" -eq 0 ] || exit "$tsan_status"

stage "fuzzing every parser for ${FUZZ_SECONDS:-60}s"
./scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
stage "all stages passed"
