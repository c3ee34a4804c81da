#!/usr/bin/env bash
# The exact softmax head on a small vocabulary: words/s and the GFLOP/s its matrix products
# reach, beside the negative-sampling head on the same words. Prints a Markdown table.
#
# usage: bench/softmax_head.sh [--input-dim N] [--lines N] [--runs N] [--embedtool PATH]
#
# One skip-gram step of the softmax head for a centre word is three sweeps over the head's
# V x D weights (src/embedtool/training/softmax_head.cpp): scores W·h, then in one pass the
# gradient Wᵀg and the update W -= lr·g·hᵀ, 2·V·D floating-point operations each. So
#   GFLOP/s = steps · 6 · V · D / seconds / 1e9,
# with one step per trained word (--sample 0 keeps every word; windows are never empty here).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PROJECT=$(dirname "$HERE")
EMBEDTOOL="$PROJECT/build/embedtool"
CORPUS="$PROJECT/../shared/data/en-norm.txt"
INPUT_DIM=2000 LINES=50000 RUNS=3 DIM=100

while [ $# -gt 0 ]; do
  case $1 in
    --input-dim) INPUT_DIM=$2; shift 2 ;;
    --lines) LINES=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --embedtool) EMBEDTOOL=$2; shift 2 ;;
    --corpus) CORPUS=$2; shift 2 ;;
    *) echo "softmax_head.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -f "$CORPUS" ] || { echo "softmax_head.sh: no corpus at $CORPUS" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -n "$LINES" "$CORPUS" >"$work/corpus.txt"

echo "| head | threads | trained words | seconds (median of $RUNS) | words/s | GFLOP/s |"
echo "|---|---|---|---|---|---|"
for loss in softmax ns; do
  for threads in 1 2; do
    seconds=()
    for _ in $(seq "$RUNS"); do
      "$EMBEDTOOL" train "$work/corpus.txt" -o "$work/m.emb" --loss "$loss" --input-dim "$INPUT_DIM" \
        --output-dim "$DIM" --sample 0 --epochs 1 --threads "$threads" 2>"$work/log" >/dev/null
      seconds+=("$(sed -n 's/.*trained .* in \([0-9.]*\)s.*/\1/p' "$work/log")")
    done
    median=$(printf '%s\n' "${seconds[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
    words=$("$EMBEDTOOL" info "$work/m.emb" | sed -n 's/.*"corpus_words_per_epoch": *\([0-9]*\).*/\1/p')
    rows=$((INPUT_DIM - 2))
    awk -v loss="$loss" -v t="$threads" -v w="$words" -v s="$median" -v v="$rows" -v d="$DIM" 'BEGIN {
      gflops = loss == "softmax" ? sprintf("%.1f", w * 6 * v * d / s / 1e9) : "–"
      printf "| %s | %d | %d | %.2f | %.0f | %s |\n", loss, t, w, s, w / s, gflops }'
  done
done
echo
echo "V = $((INPUT_DIM - 2)) words (--input-dim $INPUT_DIM), D = $DIM, skip-gram, window 5, --sample 0," \
  "1 epoch on the first $LINES lines of $(basename "$CORPUS"); $(nproc) cores," \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(date -u +%F); load average $(cut -d' ' -f1-3 /proc/loadavg)."
