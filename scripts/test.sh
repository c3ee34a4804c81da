#!/usr/bin/env bash
# Sets everything up (packages, build) and runs every test stage; CI runs this.
#   1. the unit and end-to-end tests on the Release build (build/);
#   2. the same suite built with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/);
#   3. every libFuzzer target for FUZZ_SECONDS each (default 60; scripts/fuzz.sh).
# The ThreadSanitizer build (scripts/tsan.sh) is not a stage yet: see docs/ROBUSTNESS.md.
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
cmake -S . -B build-asan -DEMBEDTOOL_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-asan -j "$jobs" >/dev/null
# Instrumented training runs several times slower, hence the longer per-test timeout.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" --timeout 1500

stage "fuzzing every parser for ${FUZZ_SECONDS:-60}s"
./scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
stage "all stages passed"
