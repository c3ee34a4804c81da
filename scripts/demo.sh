#!/usr/bin/env bash
# Sets everything up, trains a model on the shipped corpus of presidential speeches
# (data/speeches.txt, public domain: data/README.md), then shows what it learned: the nearest
# neighbours of a few words, three analogies (a - b + c) and a map of words (build/demo-map.svg).
# The README shows the output and the map.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/demo_steps.sh build/embedtool build/demo.emb
