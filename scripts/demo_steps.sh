#!/usr/bin/env bash
# The demo's own steps, given the binary and where to put the model: what scripts/demo.sh runs
# after setting up, and what e2e_demo_output runs to check that the README shows their output.
# usage: scripts/demo_steps.sh EMBEDTOOL MODEL
# Writes the model and, beside it, MODEL-map.svg (a 2-D map of some of its words); the map's path
# goes to standard error so that standard output is the README's block.
set -euo pipefail
embedtool=$1
model=$2
corpus="$(dirname "$0")/../data/speeches.txt"
# 20 passes over 488k words: a small corpus needs many. One thread, so that every run prints
# the same answers (README); about 20 s.
"$embedtool" train "$corpus" -o "$model" --epochs 20 --min-count 3 --threads 1
echo "== nearest neighbours (query, neighbour, cosine similarity)"
"$embedtool" lookup -m "$model" --nearest 4 president taxes children soviet
echo "== analogies: a - b + c (the words of the question are left out of the answers)"
for question in "sons - fathers + mothers" "his - he + she" "truman - harry + dwight"; do
  "$embedtool" lookup -m "$model" --nearest 2 "$question"
done
# Words of five topics; the map's two axes are their first two principal components.
map="${model%.emb}-map.svg"
"$embedtool" plot map -m "$model" -o "$map" --quiet \
  --title "Words of presidential speeches (PCA of the demo model)" \
  carter nixon truman eisenhower reagan kennedy roosevelt \
  soviet russia china germany japan vietnam war peace army navy \
  taxes inflation budget deficit jobs wages \
  children mothers fathers sons daughters wives
echo "== a map of 29 words: $map (open it in a browser)" >&2
