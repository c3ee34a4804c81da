#!/usr/bin/env bash
# Data-parallel training over MPI against one process, in one run (issue 14): 1 process x 2
# threads against 2 ranks x 1 thread (and, with --ranks 4, 1 process x 4 threads against 4 ranks
# x 1 thread, oversubscribed),
# on en-norm or the first --bytes of it. Prints one Markdown row per run: wall time, WordSim-353
# Spearman, analogy accuracy, and for MPI runs the syncs, the bytes each rank puts into each
# sync and the seconds spent in MPI (waits for slower ranks included). docs/SCALING.md builds its
# cost model on these figures.
#
# Single runs are noisy (WordSim-353 ±0.03, the analogies more): --seeds "1 2 3" repeats every
# run with each --seed, interleaved so that the machine's load falls on all alike, and ends with
# the median of each. docs/SCALING.md's tables: --bytes 40000000 --epochs 1 --seeds "1 2 3".
#
# usage: bench/mpi_scaling.sh [--bytes N] [--epochs N] [--sync-every WORDS|TIME] [--ranks 2|4]
#                             [--seeds "1 2 3"] [--embedtool PATH]
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
PROJECT=$(dirname "$HERE")
DATA="$PROJECT/../shared/data"
embedtool="$PROJECT/build/embedtool"
bytes=0  # 0: the whole corpus
epochs=5
sync_every=""  # none: embedtool's default
max_ranks=2
seeds=""  # none: the default seed, once
while (($#)); do
  case "$1" in
    --bytes) bytes=$2; shift 2 ;;
    --epochs) epochs=$2; shift 2 ;;
    --sync-every) sync_every=$2; shift 2 ;;
    --ranks) max_ranks=$2; shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    --embedtool) embedtool=$2; shift 2 ;;
    *) echo "mpi_scaling.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -f "$DATA/en-norm.txt" ] || { echo "mpi_scaling.sh: $DATA/en-norm.txt is missing" >&2; exit 1; }
command -v mpirun >/dev/null || { echo "mpi_scaling.sh: mpirun is not installed (openmpi-bin)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus="$DATA/en-norm.txt"
if [ "$bytes" -gt 0 ]; then
  head -c "$bytes" "$corpus" >"$work/corpus.txt"
  corpus="$work/corpus.txt"
fi
mpirun=(mpirun --oversubscribe)
[ "$(id -u)" -eq 0 ] && mpirun+=(--allow-run-as-root)
# The settings of the peer table in ../shared/data/README.md.
settings=(--arch skipgram --loss ns --neg 5 --window 5 --output-dim 100 --sample 1e-4
          --min-count 5 --epochs "$epochs" --lr 0.025)

run() {  # run NAME COMMAND...
  local name=$1 start end
  shift
  local seed_options=()
  [ "$seed" != default ] && seed_options=(--seed "$seed")
  start=$(date +%s.%N)
  "$@" "${settings[@]}" "${seed_options[@]}" -o "$work/$name.emb" 2>"$work/$name.log"
  end=$(date +%s.%N)
  local seconds wordsim analogy mpi
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
  "$embedtool" eval -m "$work/$name.emb" --similarity "$DATA/wordsim353.tsv" \
    --analogy "$DATA/questions-words.txt" --format json >"$work/$name.json" 2>/dev/null
  wordsim=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("%.3f" % r["similarity"][0]["spearman"])' "$work/$name.json" 2>/dev/null || echo "?")
  analogy=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("%.1f %%" % (100 * r["analogy"][0]["accuracy"]))' "$work/$name.json" 2>/dev/null || echo "?")
  mpi=$(sed -n 's/.*MPI: [0-9]* ranks combined their models //p' "$work/$name.log")
  local label=$name
  [ "$seed" != default ] && label="$name, seed $seed"
  echo "| $label | $seconds s | $wordsim | $analogy | ${mpi:--} |"
  echo "$name	$seconds	$wordsim	$analogy" >>"$work/rows.tsv"
}

echo "| run | wall time | WordSim-353 | analogies | syncs (rank 0) |"
echo "|---|---|---|---|---|"
for seed in ${seeds:-default}; do
  run "1 process x 2 threads" "$embedtool" train "$corpus" --threads 2
  run "2 ranks x 1 thread" "${mpirun[@]}" -np 2 "$embedtool" train "$corpus" --threads 1 ${sync_every:+--sync-every "$sync_every"}
  if [ "$max_ranks" -ge 4 ]; then
    # 4 ranks against one process with as many threads in all (issue 14's target).
    run "1 process x 4 threads" "$embedtool" train "$corpus" --threads 4
    run "4 ranks x 1 thread" "${mpirun[@]}" -np 4 "$embedtool" train "$corpus" --threads 1 ${sync_every:+--sync-every "$sync_every"}
  fi
done
if [ -n "$seeds" ]; then
  echo
  echo "| run, median of seeds $seeds | wall time | WordSim-353 | analogies |"
  echo "|---|---|---|---|"
  python3 - "$work/rows.tsv" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, *values = line.rstrip("\n").split("\t")
    rows.setdefault(name, []).append(values)
def median(values, unit):
    numbers = [float(v.split()[0]) for v in values if v != "?"]
    return ("%.1f" if unit else "%.3f") % statistics.median(numbers) + unit if numbers else "?"
for name, runs in rows.items():
    seconds, wordsim, analogy = zip(*runs)
    print("| %s | %s | %s | %s |" % (name, median(seconds, " s"), median(wordsim, ""),
                                     median(analogy, " %")))
PY
fi
