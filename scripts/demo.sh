#!/usr/bin/env bash
# Sets everything up, trains a model on the shipped corpus (data/corpus.txt), then looks up
# "cat" and "dog" and prints their nearest neighbours.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
model=build/demo.emb
build/embedtool train data/corpus.txt -o "$model" --output-dim 50 --epochs 5 --window 3
echo "== vectors of cat and dog (first 8 of 50 components shown)"
build/embedtool lookup -m "$model" cat dog | cut -d' ' -f1-9
echo "== nearest neighbours (query, neighbour, cosine similarity)"
build/embedtool lookup -m "$model" --nearest 5 cat dog
