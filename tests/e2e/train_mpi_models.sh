#!/usr/bin/env bash
# The other kinds of model under `mpirun -np 2 embedtool train` (issue 14): a classifier
# (--supervised) and a subword model (--minn/--maxn) train as one job, with one process's
# vocabulary and labels, and learn about what one process learns.
source "$(dirname "$0")/lib.sh"
source "$PROJECT/tests/e2e/mpi_lib.sh"
require_mpi
cd "$WORK"

# A classifier: the same words and labels as one process, and about its accuracy.
# Two lines without a label, in the second half (rank 1's share): the ranks count them, and name
# the first by its line number in the whole file, as one process does.
make_labelled_lines 2000 1 | sed -e '1500s/__label__[^ ]* //g' -e '1700s/__label__[^ ]* //g' >train.txt
make_labelled_lines 300 2 >test.txt
settings=(--supervised --epochs 5 --output-dim 16 --seed 1)
run_embedtool train train.txt -o single.emb --threads 2 "${settings[@]}"
[ "$status" -eq 0 ] || fail "one process: $(cat err)"
grep -o 'skipped 2 of 2000 lines of train.txt that have no label (the first is line 1500)' err >single.skipped ||
  fail "one process: no warning of the unlabelled lines: $(cat err)"
run_mpi 2 train train.txt -o mpi.emb --threads 1 --sync-every 2k "${settings[@]}"
[ "$status" -eq 0 ] || fail "2 ranks, --supervised: exited $status: $(cat err)"
grep -q '^embedtool: info: MPI: 2 ranks combined their models' err || fail "no sync: $(cat err)"
grep -q 'counted by 2 MPI ranks' err || fail "2 ranks, --supervised: the file was not counted by both ranks: $(cat err)"
grep -o 'skipped 2 of 2000 lines of train.txt that have no label (the first is line [0-9]*)' err | head -n 1 >mpi.skipped
cmp -s single.skipped mpi.skipped ||
  fail "2 ranks, --supervised: the unlabelled lines are told otherwise: $(cat mpi.skipped) / $(cat single.skipped)"
for model in single mpi; do
  "$EMBEDTOOL" info --format json "$model.emb" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["labels"])' >"$model.labels" ||
    fail "info $model.emb: no labels"
  vocabulary_of "$model.emb" >"$model.words"
  run_embedtool test -m "$model.emb" test.txt
  [ "$status" -eq 0 ] || fail "test $model.emb: $(cat err)"
  sed -n 's/^accuracy\t//p' out >"$model.accuracy"
done
cmp -s single.words mpi.words || fail "2 ranks, --supervised: other words than one process's"
cmp -s single.labels mpi.labels || fail "2 ranks, --supervised: other labels than one process's"
awk -v a="$(cat mpi.accuracy)" -v b="$(cat single.accuracy)" 'BEGIN { exit !(a >= b - 0.05) }' ||
  fail "2 ranks, --supervised: accuracy $(cat mpi.accuracy), one process $(cat single.accuracy)"
echo "ok: a classifier on 2 ranks: one process's words and labels, accuracy $(cat mpi.accuracy)" \
     "(one process: $(cat single.accuracy))"

# A subword model: the same vocabulary as one process, and its loss near (the last epoch's, on
# rank 0's share; measured +4 %). The syncs are counted in words, as in train_mpi.sh.
corpus="$PROJECT/data/speeches.txt"
settings=(--minn 3 --maxn 5 --buckets 20000 --epochs 2 --window 3 --output-dim 24 --min-count 2
          --seed 3)
run_embedtool train "$corpus" -o single-sub.emb --threads 2 "${settings[@]}"
[ "$status" -eq 0 ] || fail "one process, subwords: $(cat err)"
run_mpi 2 train "$corpus" -o mpi-sub.emb --threads 1 --sync-every 20k "${settings[@]}"
[ "$status" -eq 0 ] || fail "2 ranks, subwords: exited $status: $(cat err)"
vocabulary_of single-sub.emb >single-sub.words
vocabulary_of mpi-sub.emb >mpi-sub.words
cmp -s single-sub.words mpi-sub.words || fail "2 ranks, subwords: other words than one process's"
single_loss=$(metadata_number single-sub.emb final_average_loss)
mpi_loss=$(metadata_number mpi-sub.emb final_average_loss)
awk -v a="$mpi_loss" -v b="$single_loss" 'BEGIN { exit !(a < b * 1.1) }' ||
  fail "2 ranks, subwords: final loss $mpi_loss, one process $single_loss"
run_embedtool lookup -m mpi-sub.emb unseenwordish
[ "$status" -eq 0 ] && [ "$(wc -w <out)" -eq 25 ] || fail "2 ranks, subwords: lookup of an unseen word: $(cat out err)"
echo "ok: a subword model on 2 ranks: one process's words, final loss $mpi_loss (one process: $single_loss)"
