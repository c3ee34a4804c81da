#!/usr/bin/env bash
# Trains embedtool, fastText and gensim on the same corpus with the same settings, side by side
# in one run, and prints one Markdown table: wall time, words/s, peak memory, WordSim-353
# Spearman and analogy accuracy, every model scored by `embedtool eval`. See docs/BENCHMARKS.md.
#
# usage: bench/compare_peers.sh [options] [-- extra `embedtool train` flags]
#   --runs N          train each model N times; the table shows medians (default 1)
#   --corpus FILE     default ../shared/data/en-norm.txt (whitespace-tokenized, lowercased)
#   --quick           smoke run: the first 20,000 lines and 1 epoch (--lines/--epochs override)
#   --lines N         use only the first N lines of the corpus
#   --epochs N        default 5
#   --lr RATE         starting learning rate for every tool and variant (default 0.025, the
#                     issue's); e.g. 0.05, word2vec's and fastText's default for CBOW
#   --variants LIST   comma-separated, default sg-ns,cbow-ns,sg-hs,cbow-hs; also sg-softmax,
#                     cbow-softmax (embedtool and fastText only: meant for small vocabularies)
#   --tools LIST      comma-separated, default embedtool,fasttext,gensim
#   --subwords MIN,MAX  subword models (character n-grams of MIN..MAX characters, e.g. 3,6):
#                     embedtool --minn/--maxn, fastText -minn/-maxn (scored from its .bin, so
#                     that words outside its vocabulary get their n-grams' vectors, as
#                     embedtool's do); gensim n/a. Default: whole words only (fastText -minn 0)
#   --embedtool PATH  default build/embedtool
#   --keep DIR        keep models, logs and results.tsv in DIR (default: a temporary folder)
#
# Shared settings (the issue's): dim 100, window 5, negative sampling 5 (or hs / softmax as the
# variant says), sample 1e-4, min-count 5, 5 epochs, 2 threads, lr 0.025 for every variant
# (--lr changes it for all).
# embedtool flags that this build does not have yet are left out and named under the table; a
# variant whose architecture or head the build lacks is shown as n/a.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
PROJECT=$(dirname "$HERE")
SHARED="$PROJECT/../shared/data"
PYTHON=${PYTHON:-/usr/bin/python3}
EMBEDTOOL="$PROJECT/build/embedtool"
CORPUS="$SHARED/en-norm.txt"
WORDSIM="$SHARED/wordsim353.tsv"
ANALOGIES="$SHARED/questions-words.txt"
RUNS=1 LINES="" EPOCHS="" QUICK=0 KEEP="" MINN=0 MAXN=0
VARIANTS=sg-ns,cbow-ns,sg-hs,cbow-hs
TOOLS=embedtool,fasttext,gensim
EXTRA_FLAGS=()
DIM=100 WINDOW=5 NEG=5 SAMPLE=1e-4 MIN_COUNT=5 THREADS=2 LR=0.025

die() { echo "compare_peers.sh: $*" >&2; exit 1; }
log() { echo "compare_peers.sh: $*" >&2; }

while [ $# -gt 0 ]; do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --corpus) CORPUS=$2; shift 2 ;;
    --quick) QUICK=1; shift ;;
    --lines) LINES=$2; shift 2 ;;
    --epochs) EPOCHS=$2; shift 2 ;;
    --lr) LR=$2; shift 2 ;;
    --variants) VARIANTS=$2; shift 2 ;;
    --tools) TOOLS=$2; shift 2 ;;
    --embedtool) EMBEDTOOL=$2; shift 2 ;;
    --subwords) [[ $2 =~ ^([1-9][0-9]*),([1-9][0-9]*)$ ]] || die "--subwords needs MIN,MAX"
                MINN=${BASH_REMATCH[1]} MAXN=${BASH_REMATCH[2]}; shift 2 ;;
    --keep) KEEP=$2; shift 2 ;;
    --) shift; EXTRA_FLAGS=("$@"); break ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[ "$QUICK" = 1 ] && { LINES=${LINES:-20000}; EPOCHS=${EPOCHS:-1}; }
EPOCHS=${EPOCHS:-5}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive number"
[[ $EPOCHS =~ ^[1-9][0-9]*$ ]] || die "--epochs needs a positive number"
[[ $LR =~ ^[0-9]*\.?[0-9]+([eE]-?[0-9]+)?$ ]] || die "--lr needs a positive number"
[ -z "$LINES" ] || [[ $LINES =~ ^[1-9][0-9]*$ ]] || die "--lines needs a positive number"
for file in "$CORPUS" "$WORDSIM" "$ANALOGIES"; do [ -r "$file" ] || die "cannot read $file"; done
[ -x "$EMBEDTOOL" ] || die "no embedtool at $EMBEDTOOL (build it, or give --embedtool PATH)"
"$EMBEDTOOL" eval --help >/dev/null 2>&1 || die "$EMBEDTOOL has no eval subcommand"
[ -x /usr/bin/time ] || die "/usr/bin/time is needed (Debian: apt-get install time)"
if [[ ,$TOOLS, == *,fasttext,* ]]; then
  command -v fasttext >/dev/null || die "fasttext is not installed"
fi
"$PYTHON" -c 'import numpy' 2>/dev/null || die "$PYTHON lacks numpy"
if [[ ,$TOOLS, == *,gensim,* ]]; then
  "$PYTHON" -c 'import gensim' 2>/dev/null || die "$PYTHON lacks gensim"
fi

source "$HERE/work_folder.sh"
work_folder "$KEEP" compare-peers
WORK=$work
RESULTS="$WORK/results.tsv"
NOTES="$WORK/notes.txt"
: >"$RESULTS"
: >"$NOTES"

if [ -n "$LINES" ]; then
  head -n "$LINES" "$CORPUS" >"$WORK/corpus.txt"
  TRAIN_CORPUS="$WORK/corpus.txt"
else
  TRAIN_CORPUS=$CORPUS
fi
CORPUS_WORDS=$(wc -w <"$TRAIN_CORPUS")

# --- embedtool's flags: the training engine is growing; use what this build has ------------
EMBEDTOOL_HELP=$("$EMBEDTOOL" train --help 2>&1)
has_flag() { grep -qE -- "(^|[ ,])$1([ ,=:]|$)" <<<"$EMBEDTOOL_HELP"; }
MISSING_FLAGS=()
EMBEDTOOL_TUNING=()
for pair in "--sample:$SAMPLE" "--threads:$THREADS"; do
  flag=${pair%%:*} value=${pair#*:}
  if has_flag "$flag"; then EMBEDTOOL_TUNING+=("$flag" "$value"); else MISSING_FLAGS+=("$flag"); fi
done

# word2vec text -> .emb: `embedtool convert` where this build has it, else a Python stand-in.
if "$EMBEDTOOL" convert --help >/dev/null 2>&1; then
  CONVERT=("$EMBEDTOOL" convert --quiet --from word2vec-text)
else
  CONVERT=("$PYTHON" "$HERE/vec_to_emb.py")
fi

# train_command TOOL VARIANT PREFIX: sets CMD (the training command) and OUTPUT (the vectors
# it writes); returns 1 with REASON set when TOOL cannot train VARIANT.
train_command() {
  local tool=$1 variant=$2 prefix=$3 arch=${2%-*} loss=${2#*-}
  REASON="" CMD=()
  case $tool in
    embedtool)
      OUTPUT="$prefix.emb"
      CMD=("$EMBEDTOOL" train "$TRAIN_CORPUS" -o "$OUTPUT" --output-dim "$DIM" --window "$WINDOW"
           --epochs "$EPOCHS" --lr "$LR" --min-count "$MIN_COUNT" --quiet)
      if has_flag --arch; then
        CMD+=(--arch "$([ "$arch" = sg ] && echo skipgram || echo cbow)")
      elif [ "$arch" != sg ]; then
        REASON="this build has no --arch"; return 1
      fi
      if has_flag --loss; then
        CMD+=(--loss "$loss")
      elif [ "$loss" != softmax ]; then
        REASON="this build has no --loss (full softmax only)"; return 1
      fi
      if [ "$loss" = ns ]; then
        if has_flag --neg; then CMD+=(--neg "$NEG"); else NOTE_NO_NEG=1; fi
      fi
      [ "$MAXN" = 0 ] || CMD+=(--minn "$MINN" --maxn "$MAXN")
      CMD+=("${EMBEDTOOL_TUNING[@]}" "${EXTRA_FLAGS[@]}")
      ;;
    fasttext)
      OUTPUT="$prefix.vec"
      CMD=(fasttext "$([ "$arch" = sg ] && echo skipgram || echo cbow)" -input "$TRAIN_CORPUS"
           -output "$prefix" -minn "$MINN" -maxn "$MAXN" -dim "$DIM" -ws "$WINDOW" -neg "$NEG" -t "$SAMPLE"
           -minCount "$MIN_COUNT" -epoch "$EPOCHS" -thread "$THREADS" -lr "$LR" -loss "$loss"
           -verbose 0)
      ;;
    gensim)
      OUTPUT="$prefix.vec"
      [ "$loss" = softmax ] && { REASON="gensim has no full softmax"; return 1; }
      [ "$MAXN" = 0 ] || { REASON="gensim_train.py trains whole words only"; return 1; }
      CMD=("$PYTHON" "$HERE/gensim_train.py" "$TRAIN_CORPUS" "$OUTPUT"
           --sg "$([ "$arch" = sg ] && echo 1 || echo 0)"
           --hs "$([ "$loss" = hs ] && echo 1 || echo 0)"
           --negative "$([ "$loss" = ns ] && echo "$NEG" || echo 0)"
           --window "$WINDOW" --size "$DIM" --sample "$SAMPLE" --min-count "$MIN_COUNT"
           --epochs "$EPOCHS" --workers "$THREADS" --alpha "$LR")
      ;;
    *) die "unknown tool $tool (embedtool, fasttext or gensim)" ;;
  esac
}

# time_field FILE LABEL: a value from /usr/bin/time -v's report.
time_field() { sed -n "s/^[[:space:]]*$2: //p" "$1"; }

# seconds H:MM:SS.ss or M:SS.ss
seconds() {
  awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<<"$1"
}

# record VARIANT TOOL RUN STATUS [WALL RSS CPU SPEARMAN ACCURACY ANSWERED QUESTIONS]
record() { (IFS=$'\t'; echo "$*") >>"$RESULTS"; }

measure() {
  local variant=$1 tool=$2 run=$3 prefix="$WORK/$2-$1-run$3"
  if ! train_command "$tool" "$variant" "$prefix"; then
    [ "$run" = 1 ] && log "$tool $variant: n/a ($REASON)"
    record "$variant" "$tool" "$run" "n/a: $REASON"
    return
  fi
  log "$tool $variant run $run: ${CMD[*]}"
  if ! /usr/bin/time -v -o "$prefix.time" "${CMD[@]}" >"$prefix.log" 2>&1; then
    log "$tool $variant run $run FAILED; see $prefix.log: $(tail -n 1 "$prefix.log")"
    record "$variant" "$tool" "$run" "failed"
    return
  fi
  local wall rss cpu model="$OUTPUT"
  wall=$(seconds "$(time_field "$prefix.time" 'Elapsed (wall clock) time (h:mm:ss or m:ss)')")
  rss=$(time_field "$prefix.time" 'Maximum resident set size (kbytes)')
  # The share of a core the tool got (200% = both threads busy all along): shows a loaded machine.
  cpu=$(time_field "$prefix.time" 'Percent of CPU this job got' | tr -d '%')
  # Peers write word2vec text; embedtool eval reads .emb, and fastText's .bin with its n-grams.
  if [ "$tool" = fasttext ] && [ "$MAXN" != 0 ]; then
    model="$prefix.bin"
  elif [ "$tool" != embedtool ]; then
    model="$prefix.emb"
    "${CONVERT[@]}" "$OUTPUT" "$model" || die "could not convert $OUTPUT"
  fi
  "$EMBEDTOOL" eval -m "$model" --similarity "$WORDSIM" --analogy "$ANALOGIES" --format json \
    --quiet >"$prefix.eval.json" || die "embedtool eval failed on $model"
  local scores
  scores=$("$PYTHON" -c '
import json, sys
report = json.load(open(sys.argv[1]))
similarity, analogy = report["similarity"][0], report["analogy"][0]
print(similarity["spearman"], analogy["accuracy"], analogy["answered"], analogy["questions"],
      similarity["used"], similarity.get("through_subwords", 0), sep="\t")
' "$prefix.eval.json")
  record "$variant" "$tool" "$run" ok "$wall" "$rss" "$cpu" "$scores" "$(basename "$prefix.eval.json")"
  [ -n "$KEEP" ] || rm -f "$prefix".{emb,vec,bin}
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "corpus $TRAIN_CORPUS: $CORPUS_WORDS words; $EPOCHS epochs; $RUNS run(s); work folder $WORK"
for run in $(seq "$RUNS"); do
  for variant in ${VARIANTS//,/ }; do
    [[ $variant =~ ^(sg|cbow)-(ns|hs|softmax)$ ]] || die "unknown variant $variant"
    for tool in ${TOOLS//,/ }; do measure "$variant" "$tool" "$run"; done
  done
done

[ -z "${NOTE_NO_NEG:-}" ] || MISSING_FLAGS+=(--neg)
settings="dim $DIM, window $WINDOW, negatives $NEG, sample $SAMPLE, min-count $MIN_COUNT"
settings+=", $THREADS threads, lr $LR"
[ "$MAXN" = 0 ] || settings+=", character n-grams of $MINN to $MAXN characters"
cpu_model=$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)
{
  echo "- Corpus: $(basename "$CORPUS")${LINES:+ (first $LINES lines)}, $CORPUS_WORDS words;" \
    "$EPOCHS epoch(s), $settings; median of $RUNS run(s)."
  [ ${#EXTRA_FLAGS[@]} -eq 0 ] || echo "- Extra embedtool flags: ${EXTRA_FLAGS[*]}"
  echo "- Machine: $(nproc) cores, $cpu_model; $(date -u '+%Y-%m-%d %H:%M UTC');" \
    "load average before the run: $LOAD_BEFORE."
  [ ${#MISSING_FLAGS[@]} -eq 0 ] ||
    echo "- embedtool: this build has no ${MISSING_FLAGS[*]}; it ran without them."
} >>"$NOTES"
"$PYTHON" "$HERE/peer_table.py" "$RESULTS" "$NOTES" --words "$CORPUS_WORDS" --epochs "$EPOCHS"
