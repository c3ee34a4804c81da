#!/usr/bin/env bash
# With one thread and a fixed seed, training is deterministic; this keeps the vectors each
# architecture x head writes on the shipped corpus fixed, so that a refactoring of the trainer
# (issue 11 made skip-gram and CBOW one step function and the heads a registry) is seen to change
# nothing. A deliberate change of the vectors updates the digests below and says why in its
# commit.
#
# The digests are of the .npy that `convert` writes (E as little-endian float32, bit for bit).
# The training kernels round differently on CPUs with and without AVX2+FMA (vector_kernels.h), so
# the digests are per kind of CPU; on one this file has none for, the test skips and says so.
source "$(dirname "$0")/lib.sh"

if grep -qw avx2 /proc/cpuinfo && grep -qw fma /proc/cpuinfo; then
  cpu=x86-64-v3
  declare -A expected=(
    [skipgram-softmax]=e2032c03f76dd36e [skipgram-ns]=3cb6ff7b2f7c5cdd [skipgram-hs]=45a3e0d54c0eb2e4
    [cbow-softmax]=81080fc530448225 [cbow-ns]=5d06a8fc3760b4c3 [cbow-hs]=bcc08db469aa8962
  )
else
  echo "skipped: no recorded digests for a CPU without AVX2 and FMA (the kernels round differently)"
  exit "$SKIP"
fi

for arch in skipgram cbow; do
  for loss in softmax ns hs; do
    run_embedtool train "$PROJECT/data/corpus.txt" --threads 1 --seed 1 --arch "$arch" \
      --loss "$loss" --epochs 2 --output-dim 24 --quiet -o "$WORK/$arch-$loss.emb"
    [ "$status" -eq 0 ] || fail "train --arch $arch --loss $loss exited $status: $(cat "$WORK/err")"
    run_embedtool convert "$WORK/$arch-$loss.emb" "$WORK/$arch-$loss.npy" --quiet
    [ "$status" -eq 0 ] || fail "convert exited $status: $(cat "$WORK/err")"
    digest=$(sha256sum <"$WORK/$arch-$loss.npy" | cut -c1-16)
    [ "$digest" = "${expected[$arch-$loss]}" ] ||
      fail "$arch/$loss on $cpu: E's digest is $digest, recorded ${expected[$arch-$loss]}"
  done
done
echo "ok: the six architecture x head models are bit for bit the recorded ones ($cpu)"
