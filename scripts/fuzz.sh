#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer + UBSan) and runs each for a bounded time.
# Fails on any crash, leak, timeout or sanitizer report; the input that caused it is left in
# build-fuzz/findings/. Targets run side by side, one per core (FUZZ_JOBS overrides the count).
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}

missing=()
for package in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "fuzz: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A unity build, as build/ (scripts/setup.sh says why).
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DEMBEDTOOL_FUZZ=ON -DBUILD_TESTING=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_UNITY_BUILD=ON >/dev/null
targets=(fuzz_emb_reader fuzz_ann_index fuzz_vector_formats fuzz_vocabulary_file fuzz_tokenizer fuzz_id_sequence
  fuzz_settings_json fuzz_fasttext_bin)
cmake --build build-fuzz -j "$(nproc)" --target "${targets[@]}" embedtool >/dev/null

# Seed corpora: small valid inputs of each kind, written here so nothing binary is committed.
seeds=build-fuzz/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{fuzz_emb_reader,fuzz_ann_index,fuzz_vector_formats,fuzz_vocabulary_file,fuzz_tokenizer,fuzz_id_sequence,fuzz_settings_json,fuzz_fasttext_bin}
printf 'the cat sat on the mat\nthe dog sat\n' >"$seeds/corpus.txt"
build-fuzz/embedtool train "$seeds/corpus.txt" --output-dim 3 --epochs 1 --quiet -o "$seeds/fuzz_emb_reader/tiny.emb"
# A classifier (head, labels, bucket rows: format version 4's sections), made from docs/FORMAT.md
# since nothing trains one yet.
python3 scripts/emb_add_classifier.py "$seeds/fuzz_emb_reader/tiny.emb" "$seeds/fuzz_emb_reader/classifier.emb" \
  --head softmax 3 --buckets word-ngrams 4
# An ANN index of the tiny model, and one of a model large enough to have upper levels.
build-fuzz/embedtool index --ann --quiet --threads 1 "$seeds/fuzz_emb_reader/tiny.emb"
mv "$seeds/fuzz_emb_reader/tiny.emb.ann" "$seeds/fuzz_ann_index/tiny.emb.ann"
awk 'BEGIN { srand(5); print "300 2"; for (i = 0; i < 300; i++) print "w" i, rand() - 0.5, rand() - 0.5 }' \
  >"$seeds/small.vec"
build-fuzz/embedtool convert --quiet "$seeds/small.vec" "$seeds/small.emb"
build-fuzz/embedtool index --ann --quiet --threads 1 --links 4 "$seeds/small.emb"
mv "$seeds/small.emb.ann" "$seeds/fuzz_ann_index/small.emb.ann"
# The vector-format target takes a selector byte first: 0 word2vec text, 1 GloVe, 2 binary, 3 npy.
selector=0
for format in word2vec-text glove word2vec-binary npy; do
  build-fuzz/embedtool convert --quiet --to "$format" "$seeds/fuzz_emb_reader/tiny.emb" "$seeds/tiny.$format"
  { printf "\\x0$selector"; cat "$seeds/tiny.$format"; } >"$seeds/fuzz_vector_formats/tiny.$format"
  selector=$((selector + 1))
done
build-fuzz/embedtool vocab --quiet "$seeds/corpus.txt" >"$seeds/fuzz_vocabulary_file/vocab.tsv"
printf '\x03Caf\xc3\xa9 \xc3\x89LAN, 日本 don'"'"'t\r\nline two\r\xef\xbb\xbf\n' >"$seeds/fuzz_tokenizer/mixed.txt"
printf '3 17 0 -5 +2\t9\r\n' >"$seeds/fuzz_id_sequence/ids.txt"
cp config.example.json "$seeds/fuzz_settings_json/"
# A tiny fastText subword model (few buckets, so that it stays small), made by fastText itself.
if command -v fasttext >/dev/null; then
  fasttext skipgram -input "$seeds/corpus.txt" -output "$seeds/fuzz_fasttext_bin/tiny" -minn 2 -maxn 3 \
    -dim 3 -bucket 8 -minCount 1 -epoch 1 -thread 1 -verbose 0 >/dev/null 2>&1
  rm -f "$seeds/fuzz_fasttext_bin/tiny.vec"
  # Quantized models (.ftz) of a tiny classifier (quantizing needs 256 rows: 300 buckets):
  # plain, with quantized norms, and pruned.
  printf '__label__a the cat sat\n__label__b the dog ran\n' >"$seeds/labelled.txt"
  fasttext supervised -input "$seeds/labelled.txt" -output "$seeds/classifier" -minn 2 -maxn 3 \
    -dim 3 -bucket 300 -epoch 1 -thread 1 -verbose 0 >/dev/null 2>&1
  quantize_seed() {
    local name=$1
    shift
    cp "$seeds/classifier.bin" "$seeds/$name.bin"
    fasttext quantize -input "$seeds/labelled.txt" -output "$seeds/$name" -verbose 0 "$@" >/dev/null 2>&1
    cp "$seeds/$name.ftz" "$seeds/fuzz_fasttext_bin/"
  }
  quantize_seed plain
  quantize_seed qnorm -qnorm
  quantize_seed pruned -cutoff 260
fi

mkdir -p build-fuzz/findings
run_target() {
  local target=$1 corpus=build-fuzz/corpus/$1 runs
  mkdir -p "$corpus"
  echo "fuzz: $target for ${seconds}s" >&2
  if ! build-fuzz/fuzz/$target "$corpus" "$seeds/$target" -max_total_time="$seconds" \
      -timeout=10 -rss_limit_mb=2048 -max_len=65536 -artifact_prefix=build-fuzz/findings/$target- \
      -print_final_stats=1 >"build-fuzz/$target.log" 2>&1; then
    echo "fuzz: $target FAILED; see build-fuzz/$target.log and build-fuzz/findings/" >&2
    tail -30 "build-fuzz/$target.log" >&2
    return 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "build-fuzz/$target.log" | grep -o '[0-9]*$')
  echo "fuzz: $target ok, ${runs:-?} inputs in ${seconds}s, corpus $(ls "$corpus" | wc -l) files" >&2
}
# One target per core at a time (each is one process), so the stage takes about
# ceil(targets / cores) x SECONDS instead of targets x SECONDS; each target still gets SECONDS.
slots=${FUZZ_JOBS:-$(nproc)}
status=0
running=0
for target in "${targets[@]}"; do
  if ((running >= slots)); then
    wait -n || status=1
    running=$((running - 1))
  fi
  run_target "$target" &
  running=$((running + 1))
done
while ((running > 0)); do
  wait -n || status=1
  running=$((running - 1))
done
exit $status
