# train --supervised --validation through the real binary: the accuracy of every epoch is
# logged, the best epoch is the model, and its accuracy is what `embedtool test` then reports on
# the same file. Bad validation files are refused before training, with nothing written.
source "$(dirname "$0")/lib.sh"
cd "$WORK"

make_labelled_lines 400 1 >train.txt
make_labelled_lines 100 2 >valid.txt
printf '__label__never seen label\nno label here\n' >>valid.txt

run_embedtool train --supervised train.txt --validation valid.txt -o clf.emb --threads 2 \
  --epochs 8
[ "$status" -eq 0 ] || fail "train --validation exited $status: $(cat err)"
grep -q 'validation: 101 examples in valid.txt, 1 of them with labels the training file does not have (always missed); 1 lines without a label skipped' err ||
  fail "the validation summary: $(grep validation err)"
[ "$(grep -c 'info: epoch [0-9] of 8: validation accuracy' err)" -eq 8 ] ||
  fail "expected one accuracy line per epoch: $(cat err)"
kept=$(sed -n 's/.*kept epoch \([0-9]*\) of 8: validation accuracy \([0-9.]*\).*/\1 \2/p' err)
[ -n "$kept" ] || fail "no 'kept epoch' line: $(cat err)"
read -r kept_epoch kept_accuracy <<<"$kept"
# The kept epoch is one whose accuracy was the best so far and is not beaten later.
best=$(sed -n 's/.*info: epoch [0-9] of 8: validation accuracy \([0-9.]*\).*/\1/p' err | sort -n | tail -1)
[ "$best" = "$kept_accuracy" ] || fail "kept $kept_accuracy, but the best epoch scored $best"
grep -q "epoch $kept_epoch of 8: validation accuracy $kept_accuracy (best)" err ||
  fail "epoch $kept_epoch is not logged as the best: $(cat err)"

# `embedtool test` on the validation file gives the kept epoch's accuracy: the model is that
# epoch's weights, and both read the file alike.
run_embedtool test -m clf.emb valid.txt --format json
python3 - "$kept_accuracy" "$kept_epoch" <<'PY' || fail "test after --validation: $(cat out)"
import json, sys
report = json.load(open("out"))
assert abs(report["accuracy"] - float(sys.argv[1])) < 5e-5, (report["accuracy"], sys.argv[1])
PY
run_embedtool info --format json clf.emb
python3 - "$kept_epoch" <<'PY' || fail "info after --validation: $(cat out)"
import json, sys
meta = json.load(open("out"))["metadata"]
assert meta["validation"]["file"] == "valid.txt", meta
assert meta["validation"]["epoch"] == int(sys.argv[1]), meta
PY

# --log-json: each epoch's accuracy, and the kept epoch in the run record.
run_embedtool train --supervised train.txt --validation valid.txt -o logged.emb --threads 1 \
  --epochs 4 --log-json run.jsonl --quiet
[ "$status" -eq 0 ] || fail "train --validation --log-json: $(cat err)"
python3 - <<'PY' || fail "--log-json with --validation: $(cat run.jsonl)"
import json
lines = [json.loads(line) for line in open("run.jsonl")]
epochs = [l for l in lines if l["type"] == "epoch"]
run = lines[-1]
assert [e["epoch"] for e in epochs] == [1, 2, 3, 4], epochs
best = max(e["validation_accuracy"] for e in epochs)
assert run["type"] == "run" and run["validation_accuracy"] == best, (run, best)
assert epochs[run["kept_epoch"] - 1]["validation_accuracy"] == best, run
PY

# Refused before training, nothing written.
printf 'no labels\n' >plain.txt
expect_error 1 'plain.txt has no labelled line to validate on' \
  train --supervised train.txt --validation plain.txt -o none.emb
[ ! -e none.emb ] || fail "a failed run left none.emb behind"
expect_error 1 'missing.txt' train --supervised train.txt --validation missing.txt -o none.emb
[ ! -e none.emb ] || fail "a failed run left none.emb behind"
expect_error 2 '--validation needs --supervised' train train.txt --validation valid.txt -o none.emb
echo "ok: kept epoch $kept_epoch at validation accuracy $kept_accuracy"
