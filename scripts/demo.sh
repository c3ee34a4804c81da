#!/usr/bin/env bash
# Sets everything up, trains a model on the shipped corpus of presidential speeches
# (data/speeches.txt, public domain: data/README.md), then shows what it learned: the nearest
# neighbours of a few words and three analogies (a - b + c). The README shows the output.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/demo_steps.sh build/embedtool build/demo.emb
