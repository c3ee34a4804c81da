# train --supervised --validation --autotune-duration through the real binary: trials are
# logged, the first takes the defaults, the flags given stay fixed, the best trial is the model
# (its accuracy is what `embedtool test` reports on the validation file), and misuse is refused.
source "$(dirname "$0")/lib.sh"
cd "$WORK"

# Small enough that a trial takes a fraction of the budget even under TSan on a loaded machine.
make_labelled_lines 500 1 >train.txt
make_labelled_lines 200 2 >valid.txt

run_embedtool train --supervised train.txt --validation valid.txt --autotune-duration 3s \
  --output-dim 20 --threads 2 -o tuned.emb
[ "$status" -eq 0 ] || fail "autotune exited $status: $(cat err)"
# Finished trials only: the last one started may be stopped by the deadline.
trials=$(grep -c 'info: autotune trial [0-9]* (.*): validation accuracy' err)
[ "$trials" -ge 2 ] || fail "expected at least two finished trials in 3s: $(cat err)"
grep -q 'autotune trial 1 (lr 0.25, epochs 50, dim 20, word-ngrams 2' err ||
  fail "the first trial does not take the defaults: $(grep 'trial 1' err)"
grep 'info: autotune trial' err | grep -v 'dim 20,' && fail "a trial changed --output-dim 20"
best=$(sed -n 's/.*autotune: the best of [0-9]* trials: .*validation accuracy \([0-9.]*\)$/\1/p' err)
[ -n "$best" ] || fail "no summary line: $(cat err)"
top=$(sed -n 's/.*autotune trial [0-9]* (.*): validation accuracy \([0-9.]*\) at epoch.*/\1/p' err |
  sort -n | tail -1)
[ "$best" = "$top" ] || fail "the summary says $best, the best trial scored $top"

run_embedtool test -m tuned.emb valid.txt --format json
python3 - "$best" <<'PY' || fail "test after autotune: $(cat out)"
import json, sys
report = json.load(open("out"))
assert abs(report["accuracy"] - float(sys.argv[1])) < 5e-5, (report["accuracy"], sys.argv[1])
PY
run_embedtool info --format json tuned.emb
python3 - "$trials" <<'PY' || fail "info after autotune: $(cat out)"
import json, sys
meta = json.load(open("out"))["metadata"]
assert meta["autotune"]["trials"] == int(sys.argv[1]) and meta["autotune"]["budget_seconds"] == 3, meta
assert meta["output_dim"] == 20, meta
PY

expect_error 2 '--autotune-duration needs --validation' \
  train --supervised train.txt --autotune-duration 3s -o x.emb
expect_error 2 '--checkpoint-every cannot be used with --autotune-duration' \
  train --supervised train.txt --validation valid.txt --autotune-duration 3s \
  --checkpoint-every 1s -o x.emb
expect_error 2 '--autotune-duration takes a duration' \
  train --supervised train.txt --validation valid.txt --autotune-duration soon -o x.emb
expect_error 2 '--autotune-duration needs --supervised' \
  train train.txt --autotune-duration 3s -o x.emb
[ ! -e x.emb ] || fail "a refused run wrote x.emb"
echo "ok: $trials trials, best validation accuracy $best"
