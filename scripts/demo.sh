#!/usr/bin/env bash
# Sets everything up, trains a model on the shipped corpus of presidential speeches
# (data/speeches.txt, public domain: data/README.md), then shows what it learned: the nearest
# neighbours of a few words and three analogies (a - b + c).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
model=build/demo.emb
# 20 passes over 488k words: a small corpus needs many. One thread, so that every run prints
# the same answers (README); about 20 s.
build/embedtool train data/speeches.txt -o "$model" --epochs 20 --min-count 3 --threads 1
echo "== nearest neighbours (query, neighbour, cosine similarity)"
build/embedtool lookup -m "$model" --nearest 4 president taxes children soviet
echo "== analogies: a - b + c (the words of the question are left out of the answers)"
for question in "sons - fathers + mothers" "his - he + she" "truman - harry + dwight"; do
  build/embedtool lookup -m "$model" --nearest 2 "$question"
done
