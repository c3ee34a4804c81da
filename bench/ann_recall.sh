#!/usr/bin/env bash
# The ANN index of any .emb model against its exact search: builds MODEL.emb.ann if it is
# missing (timed with /usr/bin/time -v), then for each beam of --ef-list runs `lookup --nearest
# 10` through the index on the query words (one whole process, words on stdin) and prints its
# recall@10 against `--exact` and its time a query; and the time of a one-word process. Prints a
# Markdown table; see docs/BENCHMARKS.md ("Approximate nearest neighbours"). bench/nearest.sh
# --ann does the same on a random model, beside the exact search's timings.
#
# usage: bench/ann_recall.sh MODEL.emb QUERIES.txt [--embedtool PATH] [--ef-list "E1 E2 ..."]
#                            [--ids]
# QUERIES.txt: one word a line (row ids with --ids).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
EMBEDTOOL="$(dirname "$HERE")/build/embedtool"
EF_LIST="16 32 64 128 256"
IDS=()
MODEL=$1 QUERIES=$2
shift 2
while [ $# -gt 0 ]; do
  case $1 in
    --embedtool) EMBEDTOOL=$(realpath "$2"); shift 2 ;;
    --ef-list) EF_LIST=$2; shift 2 ;;
    --ids) IDS=(--ids); shift ;;
    *) echo "ann_recall.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
build=""
if [ ! -f "$MODEL.ann" ]; then
  /usr/bin/time -v -o "$work/build.txt" "$EMBEDTOOL" index --ann --quiet "$MODEL"
  build=$(awk -F': ' '/Elapsed \(wall clock\)/ { wall = $2 } /User time/ { user = $2 }
    /System time/ { sys = $2 } /Maximum resident/ { rss = $2 }
    END { printf "wall %s, CPU %.0f s, peak RSS %d MB", wall, user + sys, rss / 1024 }' "$work/build.txt")
fi
cat "$MODEL" "$MODEL.ann" >/dev/null  # warm
count=$(wc -l <"$QUERIES")
"$EMBEDTOOL" lookup -m "$MODEL" "${IDS[@]}" --nearest 10 --exact --quiet --format tsv <"$QUERIES" >"$work/exact.tsv"
recall_of() {  # recall_of FOUND.tsv: its recall@10 against the exact answers
  /usr/bin/python3 "$HERE/recall_at_k.py" "$work/exact.tsv" "$1"
}
elapsed_us() {  # elapsed_us COMMAND...: runs it (stdin from $input, stdout to $output), prints µs
  local start end
  start=$(date +%s%N)
  "$@" <"$input" >"$output"
  end=$(date +%s%N)
  echo $(((end - start) / 1000))
}
input=$QUERIES output=$work/exact-timed.tsv
exact_us=$(elapsed_us "$EMBEDTOOL" lookup -m "$MODEL" "${IDS[@]}" --nearest 10 --exact --quiet --format tsv)
echo "| search | recall@10 vs exact, $count words | $count words on stdin, whole process | a query |"
echo "|---|--:|--:|--:|"
awk -v t="$exact_us" -v q="$count" 'BEGIN { printf "| exact | 1 | %.0f ms | %.2f ms |\n", t / 1000, t / q / 1000 }'
for ef in $EF_LIST; do
  output=$work/ann.tsv
  t=$(elapsed_us "$EMBEDTOOL" lookup -m "$MODEL" "${IDS[@]}" --nearest 10 --ef "$ef" --quiet --format tsv)
  awk -v ef="$ef" -v r="$(recall_of "$work/ann.tsv")" -v t="$t" -v q="$count" \
    'BEGIN { printf "| ANN, ef %s | %s | %.0f ms | %.2f ms |\n", ef, r, t / 1000, t / q / 1000 }'
done
first=$(head -1 "$QUERIES")
one() {  # the median of 5 one-word processes, in ms, and the largest max RSS
  local times=() rss=0 kb i start end
  for i in 1 2 3 4 5; do
    start=$(date +%s%N)
    /usr/bin/time -f %M -o "$work/rss" "$EMBEDTOOL" lookup -m "$MODEL" "${IDS[@]}" --nearest 10 --quiet "$@" "$first" >/dev/null
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
    kb=$(tail -1 "$work/rss")
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v rss="$rss" 'NR == 3 { printf "%.1f ms (max RSS %d MB)", $1 / 1000, rss / 1024 }'
}
echo
echo "One word, whole process, median of 5: exact $(one --exact); ANN at the default ef $(one)."
echo "Index: $(stat -c %s "$MODEL.ann") bytes (model $(stat -c %s "$MODEL")); build: ${build:-not timed (it existed)}."
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(date -u '+%F %H:%M') UTC; load average $(cut -d' ' -f1-3 /proc/loadavg)."
