#!/usr/bin/env bash
# Builds the suite with ThreadSanitizer (build-tsan/) and runs it. Races in the lock-free SGD
# updates of E are the design and suppressed (tsan.supp explains why); any other race fails.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-tsan -DEMBEDTOOL_TSAN=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-tsan -j "$(nproc)" >/dev/null
# Extra arguments go to ctest (e.g. -R training to run only the training tests).
TSAN_OPTIONS="suppressions=$PWD/tsan.supp halt_on_error=1 second_deadlock_stack=1" \
  ctest --test-dir build-tsan --output-on-failure -j "$(nproc)" --timeout 1500 "$@"
