#!/usr/bin/env bash
# `lookup` of one word in a fastText .bin as large as the pretrained ones (cc.en.300.bin:
# 2,000,000 words x 300, 2,000,000 n-gram buckets, n-grams of 5 characters; 7.2 GB), as whole
# processes: a word of the vocabulary and a word it never saw (the mean of its n-gram rows),
# with the file in the page cache and, when this user may drop the cache, with it cold; beside
# `fasttext print-word-vectors` (Debian's fasttext), which reads the whole file first.
# Prints a Markdown table; see docs/BENCHMARKS.md ("A word in a 2M-word fastText model").
#
# usage: bench/fasttext_lookup.sh [--words N] [--dims D] [--buckets B] [--runs N]
#                                 [--embedtool PATH] [--keep DIR]
# The model is random (numpy), written in fastText 0.9.2's layout (magic, version 12, the
# arguments, the dictionary, the input matrix with its buckets, an all-zero output matrix), made
# once into a temporary folder (deleted at the end unless --keep names one): about 7.3 GB.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
EMBEDTOOL="$(dirname "$HERE")/build/embedtool"
WORDS=2000000 DIMS=300 BUCKETS=2000000 RUNS=5 KEEP=""
while [ $# -gt 0 ]; do
  case $1 in
    --words) WORDS=$2; shift 2 ;;
    --dims) DIMS=$2; shift 2 ;;
    --buckets) BUCKETS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --embedtool) EMBEDTOOL=$(realpath "$2"); shift 2 ;;
    --keep) KEEP=$2; shift 2 ;;
    *) echo "fasttext_lookup.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
source "$HERE/work_folder.sh"
work_folder "$KEEP" fasttext-lookup
cd "$work"

if [ ! -f big.bin ]; then
  /usr/bin/python3 - "$WORDS" "$DIMS" "$BUCKETS" <<'PY'
import struct, sys
import numpy as np
words, dims, buckets = (int(a) for a in sys.argv[1:4])
rng = np.random.default_rng(5)
with open("big.bin.part", "wb") as out:
    out.write(struct.pack("<ii", 793712314, 12))
    # dim, ws, epoch, minCount, neg, wordNgrams, loss (ns = 2), model (skipgram = 2), bucket,
    # minn, maxn, lrUpdateRate, t
    out.write(struct.pack("<12i", dims, 5, 5, 5, 10, 1, 2, 2, buckets, 5, 5, 100))
    out.write(struct.pack("<d", 1e-4))
    out.write(struct.pack("<iiiqq", words, words, 0, 10 * words, -1))
    entry = bytearray()
    for i in range(words):  # counts fall with the id, as fastText sorts them
        entry += f"w{i}".encode() + b"\0" + struct.pack("<qb", words + 10 - i, 0)
    out.write(entry)
    out.write(struct.pack("<?qq", False, words + buckets, dims))
    rows = words + buckets
    chunk = 100000
    for start in range(0, rows, chunk):
        n = min(chunk, rows - start)
        out.write((rng.standard_normal((n, dims), dtype=np.float32) * 0.1).tobytes())
    out.write(struct.pack("<?qq", False, words, dims))
    zeros = bytes(chunk * dims * 4)
    for start in range(0, words, chunk):
        out.write(zeros[: min(chunk, words - start) * dims * 4])
PY
  mv big.bin.part big.bin
fi

# time_ms COMMAND...: the median wall time of RUNS whole processes, in ms, and the largest
# maximum RSS, in MB.
time_ms() {
  local times=() rss=0 kb start end
  for _ in $(seq "$RUNS"); do
    [ "$cold" = 1 ] && sync && echo 3 >/proc/sys/vm/drop_caches
    start=$(date +%s%N)
    /usr/bin/time -f %M -o rss.txt "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
    kb=$(tail -1 rss.txt)
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  printf '%s\n' "${times[@]}" | sort -n |
    awk -v n="$RUNS" -v rss="$rss" '{ t[NR] = $1 } END { printf "%.1f ms | %d MB", t[int((n + 1) / 2)] / 1000, rss / 1024 }'
}

cold=0
can_drop=0
if sync && echo 3 >/proc/sys/vm/drop_caches 2>/dev/null; then can_drop=1; fi
echo "| command (whole process) | page cache | wall, median of $RUNS | max RSS |"
echo "|---|---|--:|--:|"
for state in warm cold; do
  if [ "$state" = cold ]; then
    [ "$can_drop" = 1 ] || { echo "| (cold runs left out: this user cannot drop the page cache) | | | |"; continue; }
    cold=1
  else
    cat big.bin >/dev/null
  fi
  echo "| embedtool lookup, a word of the vocabulary | $state | $(time_ms "$EMBEDTOOL" lookup -m big.bin w12345) |"
  echo "| embedtool lookup, an unseen word (its n-grams) | $state | $(time_ms "$EMBEDTOOL" lookup -m big.bin unseenword) |"
done
cold=0
cat big.bin >/dev/null
if command -v fasttext >/dev/null; then
  RUNS=1
  echo "| fasttext print-word-vectors, an unseen word (1 run) | warm | $(time_ms sh -c 'echo unseenword | fasttext print-word-vectors big.bin') |"
fi
echo
echo "Model: $WORDS words x $DIMS, $BUCKETS buckets, $(stat -c %s big.bin) bytes."
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(date -u '+%F %H:%M') UTC; load average $(cut -d' ' -f1-3 /proc/loadavg)."
