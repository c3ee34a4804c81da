#!/usr/bin/env bash
# Text classification side by side in one run: fastText (Debian's 0.9.2) with its defaults and
# tuned by hand, and embedtool with its defaults and with fastText's settings, on the labelled
# sets of ../shared/data/classify. Prints one Markdown table: test accuracy (P@1) and train time
# (the median of --runs runs; accuracy is the same every run, one thread and a fixed seed).
# See docs/BENCHMARKS.md, "Classifying text".
#
# With --subwords "MINN MAXN", the table is instead each variant without and with character
# n-grams (fastText's -minn/-maxn, embedtool's --minn/--maxn), side by side: "without / with".
# See docs/BENCHMARKS.md, "Classifying text with character n-grams".
#
# With --typos P, the models are tested on a copy of each test set with typos: in every ASCII
# word of 4 or more characters, with probability P, two neighbouring letters after the first are
# swapped (the same copy on every run: awk's generator seeded with 1).
#
# usage: bench/classify.sh [--runs N] [--sets trec6,trec50,mr] [--embedtool PATH] [--threads N]
#                          [--subwords "MINN MAXN"] [--typos P]
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
PROJECT=$(dirname "$HERE")
DATA="$PROJECT/../shared/data/classify"
runs=1
sets=trec6,trec50,mr
embedtool="$PROJECT/build/embedtool"
threads=1
subwords=""
typos=""
while (($#)); do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --sets) sets=$2; shift 2 ;;
    --embedtool) embedtool=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --subwords) subwords=$2; shift 2 ;;
    --typos) typos=$2; shift 2 ;;
    *) echo "classify.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -d "$DATA" ] || { echo "classify.sh: $DATA is missing (the shared data sets)" >&2; exit 1; }
command -v fasttext >/dev/null || { echo "classify.sh: fasttext is not installed (apt-get install fasttext)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Seconds of wall time of a command, its output to $work/out.
timed() {
  local start end
  start=$(date +%s.%N)
  "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; return 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

# The test file of a set: the shared one, or its copy with typos (--typos).
test_file() {
  if [ -z "$typos" ]; then echo "$DATA/$1-test.txt"; return; fi
  awk -v p="$typos" 'BEGIN { srand(1) }
    {
      for (i = 1; i <= NF; i++) {
        n = length($i)
        # Letters only: a swap inside a UTF-8 sequence would make the line invalid.
        if ($i ~ /^__label__/ || $i ~ /[\200-\377]/ || n < 4 || rand() >= p) continue
        k = 2 + int(rand() * (n - 2))  # swap letters k and k + 1, 2 <= k < n
        $i = substr($i, 1, k - 1) substr($i, k + 1, 1) substr($i, k, 1) substr($i, k + 2)
      }
      print
    }' "$DATA/$1-test.txt" >"$work/$1-typos.txt"
  echo "$work/$1-typos.txt"
}

median() { sort -g | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.2f", m}'; }

# The variants: name | how it trains | how it tests.
fasttext_variant() {  # $1 set, $2 extra fastText flags
  local times=() i
  for ((i = 0; i < runs; i++)); do
    times+=("$(timed fasttext supervised -input "$DATA/$1-train.txt" -output "$work/ft" \
      -thread "$threads" -seed 1 -verbose 0 $2)")
  done
  fasttext test "$work/ft.bin" "$(test_file "$1")" >"$work/out"
  accuracy=$(awk -F'\t' '$1 == "P@1" {print $2}' "$work/out")
  seconds=$(printf '%s\n' "${times[@]}" | median)
}

embedtool_variant() {  # $1 set, $2 extra embedtool flags
  local times=() i
  for ((i = 0; i < runs; i++)); do
    times+=("$(timed "$embedtool" train --supervised "$DATA/$1-train.txt" -o "$work/et.emb" \
      --threads "$threads" --seed 1 --quiet $2)")
  done
  "$embedtool" test -m "$work/et.emb" "$(test_file "$1")" >"$work/out"
  accuracy=$(awk -F'\t' '$1 == "P@1" {print $2}' "$work/out")
  seconds=$(printf '%s\n' "${times[@]}" | median)
}

tuned_fasttext="-epoch 25 -lr 0.5 -wordNgrams 2"
# fastText's settings spelled for embedtool: its head (softmax), rate, epochs and n-grams. The
# text is read as fastText reads it by default (split at white space, case kept).
as_fasttext_defaults="--loss softmax --lr 0.1 --epochs 5 --word-ngrams 1"
as_fasttext_tuned="--loss softmax --lr 0.5 --epochs 25 --word-ngrams 2"

IFS=, read -ra set_list <<<"$sets"
if [ -n "$subwords" ]; then
  read -r minn maxn <<<"$subwords"
  # "accuracy (time) / accuracy (time)": the variant without, then with n-grams.
  pair() {  # $1 fasttext_variant or embedtool_variant, $2 set, $3 its flags, $4 the n-gram flags
    local without
    "$1" "$2" "$3"; without="$accuracy ($seconds s)"
    "$1" "$2" "$3 $4"; cell="$without / $accuracy ($seconds s)"
  }
  ft_ngrams="-minn $minn -maxn $maxn"
  et_ngrams="--minn $minn --maxn $maxn"
  echo "| set | fastText defaults | embedtool, fastText's defaults | fastText tuned | embedtool, fastText's tuned | embedtool defaults |"
  echo "|---|--:|--:|--:|--:|--:|"
  for set in "${set_list[@]}"; do
    row="| $set"
    pair fasttext_variant "$set" "" "$ft_ngrams"; row+=" | $cell"
    pair embedtool_variant "$set" "$as_fasttext_defaults" "$et_ngrams"; row+=" | $cell"
    pair fasttext_variant "$set" "$tuned_fasttext" "$ft_ngrams"; row+=" | $cell"
    pair embedtool_variant "$set" "$as_fasttext_tuned" "$et_ngrams"; row+=" | $cell"
    pair embedtool_variant "$set" "" "$et_ngrams"; row+=" | $cell"
    echo "$row |"
  done
  echo
  echo "Test accuracy (P@1${typos:+ on the test sets with typos, p = $typos}) and train time" \
       "without / with character n-grams of $minn to $maxn characters (median of $runs" \
       "run(s), $threads thread(s), seed 1)."
  exit 0
fi

echo "| set | fastText defaults | fastText tuned | embedtool, fastText's defaults | embedtool, fastText's tuned | embedtool defaults |"
echo "|---|--:|--:|--:|--:|--:|"
for set in "${set_list[@]}"; do
  row="| $set"
  fasttext_variant "$set" ""; row+=" | $accuracy ($seconds s)"
  fasttext_variant "$set" "$tuned_fasttext"; row+=" | $accuracy ($seconds s)"
  embedtool_variant "$set" "$as_fasttext_defaults"; row+=" | $accuracy ($seconds s)"
  embedtool_variant "$set" "$as_fasttext_tuned"; row+=" | $accuracy ($seconds s)"
  embedtool_variant "$set" ""; row+=" | $accuracy ($seconds s)"
  echo "$row |"
done
echo
echo "Test accuracy (P@1${typos:+ on the test sets with typos, p = $typos}) and train time" \
     "(median of $runs run(s), $threads thread(s), seed 1)."
