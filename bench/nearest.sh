#!/usr/bin/env bash
# `lookup --nearest 10` on a random 1,000,000 x 300 model, float32 and float16, as whole
# processes with the file in the page cache, beside the limit: a plain C pass over the same mapped
# rows (bench/plain_pass.c, one dot product per row, nothing else). Prints a Markdown table; see
# docs/BENCHMARKS.md ("Nearest neighbours").
#
# usage: bench/nearest.sh [--rows N] [--dims D] [--runs N] [--queries N] [--embedtool PATH]
#                         [--before PATH] [--keep DIR] [--ann] [--ef-list "E1 E2 ..."]
#
# --ann also builds the float32 model's ANN index (`embedtool index --ann`, once, timed with
# /usr/bin/time: wall, CPU, peak RSS, and the index's size), times `lookup --nearest` through it
# beside the exact rows (those pass --exact), and then measures recall@10 against the exact
# answers for the --queries words at each beam of --ef-list (one whole process each, its time a
# query). Building the index of a 1,000,000 x 300 random model takes tens of minutes.
#
# Times are wall-clock medians of --runs whole processes (date +%s%N around each), every command
# run once per round so that all see the same load; memory is the largest maximum RSS of those
# runs (/usr/bin/time, with the median CPU time, user + sys: on a shared machine it varies less
# than wall time), which counts the mapped file's pages that the process touched. The words
# on stdin row gives the time a word (whole process / words) in place of a ratio. The files are made once (numpy, then `embedtool convert`), with a copy of
# the float32 model without its row norms section (made by the --before embedtool, an older one
# that writes format version 4, when given, else cut from model.emb); --before times that older
# embedtool on it too. gensim's most_similar (load + one query, whole process) is
# timed if /usr/bin/python3 has gensim (Debian: python3-gensim). Needs about 3.5 GB of disk in a
# temporary folder (deleted at the end unless --keep names one) and cc.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PROJECT=$(dirname "$HERE")
EMBEDTOOL="$PROJECT/build/embedtool"
ROWS=1000000 DIMS=300 RUNS=5 QUERIES=1000 BEFORE="" KEEP="" ANN=0 EF_LIST="32 64 128 256 512 1024"
PYTHON=/usr/bin/python3  # Debian's, where python3-numpy and python3-gensim live

while [ $# -gt 0 ]; do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    --dims) DIMS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --queries) QUERIES=$2; shift 2 ;;
    --embedtool) EMBEDTOOL=$(realpath "$2"); shift 2 ;;
    --before) BEFORE=$(realpath "$2"); shift 2 ;;
    --keep) KEEP=$2; shift 2 ;;
    --ann) ANN=1; shift ;;
    --ef-list) EF_LIST=$2; shift 2 ;;
    *) echo "nearest.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
source "$HERE/work_folder.sh"
work_folder "$KEEP" nearest
cd "$work"

# ---- The files, made once.
if [ ! -f vectors.npy ]; then
  "$PYTHON" - "$ROWS" "$DIMS" <<'PY'
import sys
import numpy as np
rows, dims = int(sys.argv[1]), int(sys.argv[2])
np.save("vectors.npy", np.random.default_rng(3).standard_normal((rows, dims), dtype=np.float32))
with open("vectors.vocab.txt", "w") as out:
    out.writelines(f"w{i}\n" for i in range(rows))
rng = np.random.default_rng(4)
with open("queries.txt", "w") as out:
    out.writelines(f"w{i}\n" for i in rng.integers(0, rows, 100000))
PY
fi
[ -f model.emb ] || "$EMBEDTOOL" convert vectors.npy model.emb --quiet
[ -f model16.emb ] || "$EMBEDTOOL" convert vectors.npy model16.emb --dtype float16 --quiet
if [ ! -f nonorms.emb ] && [ -n "$BEFORE" ]; then
  "$BEFORE" convert vectors.npy nonorms.emb --quiet
elif [ ! -f nonorms.emb ]; then
  # The float32 model without its norms section: fields 288..319 zero, the file cut after the
  # matrix (docs/FORMAT.md, "Norms section").
  "$PYTHON" - <<'PY'
import struct, zlib
data = bytearray(open("model.emb", "rb").read())
del data[sum(struct.unpack_from("<QQ", data, 80)):]
data[288:320] = bytes(32)
struct.pack_into("<Q", data, 40, len(data))
struct.pack_into("<I", data, 8, 0)
struct.pack_into("<I", data, 8, zlib.crc32(bytes(data[:320])))
open("nonorms.emb", "wb").write(data)
PY
fi
head -n "$QUERIES" queries.txt >some-queries.txt
cc -O3 -march=native -ffast-math -pthread -o plain_pass "$HERE/plain_pass.c"
ann_build=""
if [ "$ANN" = 1 ]; then
  cat model.emb >/dev/null
  if [ ! -f model.emb.ann ]; then
    /usr/bin/time -v -o ann-build.txt "$EMBEDTOOL" index --ann model.emb 2>ann-build.err ||
      { cat ann-build.err >&2; exit 1; }
  fi
  if [ -f ann-build.txt ]; then
    ann_build=$(awk -F': ' '/Elapsed \(wall clock\)/ { wall = $2 } /User time/ { user = $2 }
      /System time/ { sys = $2 } /Maximum resident/ { rss = $2 }
      END { printf "wall %s, CPU %.0f s, peak RSS %d MB", wall, user + sys, rss / 1024 }' ann-build.txt)
  fi
fi
cat model.emb model16.emb nonorms.emb >/dev/null  # into the page cache: every run is warm
[ "$ANN" = 1 ] && cat model.emb.ann >/dev/null

# ---- Timing. Every command is run once per round, RUNS rounds, so that all of them see the same
# machine load (others may be building on a shared machine); each row is the median wall time
# of its runs and the largest max RSS.
labels=() inputs=() commands=() limits=() files=()
add() {  # add LABEL LIMIT_NAME FILE STDIN COMMAND...
  labels+=("$1") limits+=("$2") files+=("$3") inputs+=("$4")
  shift 4
  commands+=("$(printf '%q ' "$@")")
}
# The one-word query: w12345, or the last word of a smaller model (rows 0 and 1 are <pad> and
# <unk>, so word wK is row K + 2).
query_index=$((ROWS > 12345 ? 12345 : ROWS - 1))
query_word=w$query_index query_row=$((query_index + 2))
cores=$(nproc)
# The limit uses every core, as embedtool does; one thread for reference.
add "plain C pass, float32, $cores threads (limit)" plain32 model.emb /dev/null ./plain_pass model.emb $query_row "$cores"
add "plain C pass, float16, $cores threads (limit)" plain16 model16.emb /dev/null ./plain_pass model16.emb $query_row "$cores"
add "plain C pass, float32, 1 thread" plain32 model.emb /dev/null ./plain_pass model.emb $query_row 1
add "plain C pass, float16, 1 thread" plain16 model16.emb /dev/null ./plain_pass model16.emb $query_row 1
# --exact: the float32 model may have an ANN index beside it (--ann), timed in rows of its own.
add "embedtool, 1 word, float32" plain32 model.emb /dev/null "$EMBEDTOOL" lookup --nearest 10 --exact --quiet -m model.emb "$query_word"
add "embedtool, 1 word, float16" plain16 model16.emb /dev/null "$EMBEDTOOL" lookup --nearest 10 --exact --quiet -m model16.emb "$query_word"
add "embedtool, 1 word, float32 without stored norms" plain32 nonorms.emb /dev/null "$EMBEDTOOL" lookup --nearest 10 --exact --quiet -m nonorms.emb "$query_word"
add "embedtool, $QUERIES words on stdin, float32" "" model.emb some-queries.txt "$EMBEDTOOL" lookup --nearest 10 --exact --quiet -m model.emb
add "embedtool, $QUERIES words on stdin, float16" "" model16.emb some-queries.txt "$EMBEDTOOL" lookup --nearest 10 --exact --quiet -m model16.emb
if [ "$ANN" = 1 ]; then
  add "embedtool ANN (default ef), 1 word, float32" plain32 model.emb /dev/null "$EMBEDTOOL" lookup --nearest 10 --quiet -m model.emb "$query_word"
  add "embedtool ANN (default ef), $QUERIES words on stdin, float32" "" model.emb some-queries.txt "$EMBEDTOOL" lookup --nearest 10 --quiet -m model.emb
fi
if [ -n "$BEFORE" ]; then
  add "before (load, verify, normalize), 1 word, float32" plain32 nonorms.emb /dev/null "$BEFORE" lookup --nearest 10 --quiet -m nonorms.emb "$query_word"
fi
gensim=""
if "$PYTHON" -c "import gensim" 2>/dev/null; then
  cat >gensim_one.py <<'PY'
import sys, warnings
warnings.filterwarnings("ignore")
import numpy as np
from gensim.models import KeyedVectors
words = [w.rstrip("\n") for w in open("vectors.vocab.txt")]
vectors = np.load("vectors.npy", mmap_mode="r")
kv = KeyedVectors(vectors.shape[1])
kv.add_vectors(words, vectors)
print(kv.most_similar(sys.argv[1], topn=10))
PY
  add "gensim most_similar, 1 word (load + query)" plain32 model.emb /dev/null "$PYTHON" gensim_one.py "$query_word"
  gensim=", gensim $("$PYTHON" -c 'import gensim; print(gensim.__version__)')"
fi

count=${#commands[@]}
declare -A times cpu rss
for round in $(seq "$RUNS"); do
  for i in $(seq 0 $((count - 1))); do
    start=$(date +%s%N)
    eval "/usr/bin/time -f '%M %U %S' -o rss.txt ${commands[$i]}" <"${inputs[$i]}" >answers.txt 2>err.txt ||
      { cat err.txt >&2; exit 1; }
    end=$(date +%s%N)
    times[$i]+="$(((end - start) / 1000)) "
    read -r kb user sys < <(tail -1 rss.txt)
    cpu[$i]+="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }') "
    [ "$kb" -gt "${rss[$i]:-0}" ] && rss[$i]=$kb
  done
done
median_of() { printf '%s\n' $1 | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
declare -A limit_us
for i in $(seq 0 $((count - 1))); do
  case ${labels[$i]} in *"threads (limit)") limit_us[${limits[$i]}]=$(median_of "${times[$i]}") ;; esac
done

echo "| whole process | wall, median of $RUNS | × plain pass (wall) | CPU (user + sys) | max RSS |"
echo "|---|--:|--:|--:|--:|"
for i in $(seq 0 $((count - 1))); do
  t=$(median_of "${times[$i]}")
  lim=0
  [ -z "${limits[$i]}" ] || lim=${limit_us[${limits[$i]}]:-0}
  size_mb=$(($(stat -c %s "${files[$i]}") / 1048576))
  c=$(median_of "${cpu[$i]}")
  awk -v l="${labels[$i]}" -v t="$t" -v lim="$lim" -v c="$c" -v m="$((rss[$i] / 1024))" -v f="$size_mb" -v q="$QUERIES" 'BEGIN {
    ratio = lim > 0 ? sprintf("%.2f", t / lim) : sprintf("%.1f ms a word", t / q / 1000)
    printf "| %s | %.0f ms | %s | %.2f s | %d MB (file %d MB) |\n", l, t / 1000, ratio, c / 1000, m, f }'
done

if [ "$ANN" = 1 ]; then
  # Recall@10 of the index against the exact answers, for the same words, beam by beam.
  "$EMBEDTOOL" lookup --nearest 10 --exact --quiet --format tsv -m model.emb <some-queries.txt >exact.tsv
  echo
  echo "| ANN beam (--ef) | recall@10 vs exact, $QUERIES words | $QUERIES words on stdin, whole process | a query |"
  echo "|--:|--:|--:|--:|"
  for ef in $EF_LIST; do
    start=$(date +%s%N)
    "$EMBEDTOOL" lookup --nearest 10 --ef "$ef" --quiet --format tsv -m model.emb <some-queries.txt >ann.tsv
    end=$(date +%s%N)
    recall=$("$PYTHON" "$HERE/recall_at_k.py" exact.tsv ann.tsv)
    awk -v ef="$ef" -v r="$recall" -v t="$(((end - start) / 1000))" -v q="$QUERIES" \
      'BEGIN { printf "| %s | %s | %.0f ms | %.2f ms |\n", ef, r, t / 1000, t / q / 1000 }'
  done
  echo
  echo "ANN index: $(stat -c %s model.emb.ann) bytes; build: ${ann_build:-not timed (made by an earlier run)}."
fi
echo
echo "$ROWS x $DIMS, warm page cache; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //');" \
  "AVX2 kernels: $(grep -q avx2 /proc/cpuinfo && echo yes || echo no)$gensim; $(date -u '+%F %H:%M') UTC;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)."
