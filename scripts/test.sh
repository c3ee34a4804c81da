#!/usr/bin/env bash
# Sets everything up (packages, build) and runs the whole test suite: the library's unit tests
# and the end-to-end tests that drive the real binary.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
