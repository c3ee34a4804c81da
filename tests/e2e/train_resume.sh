# Interrupting and resuming `train`: SIGINT/SIGTERM write a checkpoint and stop with 130/143 and
# no model; --resume ends with the model an uninterrupted run writes, byte for byte (one thread);
# --checkpoint-every changes nothing in the result; a checkpoint that does not fit is refused.
source "$(dirname "$0")/lib.sh"

corpus="$PROJECT/data/corpus.txt"
settings=(--output-dim 20 --epochs 12 --threads 1 --seed 5 --loss ns)

"$EMBEDTOOL" train "$corpus" -o plain.emb "${settings[@]}" --quiet || fail "the uninterrupted run failed"

# handles_stop_signals PID: true once the process catches SIGINT and SIGTERM (bits 1 and 14 of
# the SigCgt mask in /proc), i.e. once train has installed its handlers.
handles_stop_signals() {
  local mask
  mask=$(sed -n 's/^SigCgt:[[:space:]]*//p' "/proc/$1/status" 2>/dev/null) || return 1
  [ -n "$mask" ] && (((0x$mask & 0x4002) == 0x4002))
}

# interrupt SIGNAL OUTPUT ARGS...: starts `train ARGS... -o OUTPUT` in the background, sends
# SIGNAL as soon as it handles signals, and leaves its exit status in $status (stderr in err).
# A signal that arrives while the corpus is still being counted takes effect at the first
# checkpoint poll after training starts, so the run is interrupted however fast the machine.
interrupt() {
  local signal=$1 output=$2
  shift 2
  # <&0: a background command would otherwise read /dev/null instead of the caller's stdin.
  "$EMBEDTOOL" train "$@" -o "$output" --quiet 2>err <&0 &
  local pid=$!
  for _ in $(seq 400); do
    handles_stop_signals "$pid" && break
    sleep 0.01
  done
  kill "-$signal" "$pid" 2>/dev/null
  wait "$pid"
  status=$?
  # 0: the run ended before the signal; a model and "as training ended": the signal came after
  # the trainer's last poll (train saves the finished model then, and still exits 128 + signal).
  if [ "$status" -eq 0 ] || { [ -e "$output" ] && grep -q "arrived as training ended" err; }; then
    echo "SKIP: training ended before it could be interrupted (a very fast machine)"
    exit $SKIP
  fi
}

# SIGINT: a checkpoint, one line saying how to go on, status 130, no model.
interrupt INT int.emb "$corpus" "${settings[@]}"
[ "$status" -eq 130 ] || fail "SIGINT: exit status $status, expected 130; stderr: $(cat err)"
[ -s int.emb.ckpt ] || fail "SIGINT left no checkpoint int.emb.ckpt"
[ -e int.emb ] && fail "SIGINT wrote a model file"
[ "$(wc -l <err)" -eq 1 ] || fail "SIGINT: expected one line on stderr, got: $(cat err)"
grep -q "checkpoint written to int.emb.ckpt; continue with: embedtool train .* --resume int.emb.ckpt" err ||
  fail "SIGINT: the message does not say how to resume: $(cat err)"
# The same command line plus --resume: the uninterrupted model, and the checkpoint is removed.
run_embedtool train "$corpus" -o int.emb "${settings[@]}" --resume int.emb.ckpt
[ "$status" -eq 0 ] || fail "--resume exited $status: $(cat err)"
grep -q "resuming from int.emb.ckpt" err || fail "--resume does not say where it resumes: $(cat err)"
cmp -s plain.emb int.emb || fail "the run resumed after SIGINT wrote another model than the uninterrupted one"
[ -e int.emb.ckpt ] && fail "the checkpoint is left behind after the model was saved"

# SIGTERM: 143; --resume alone takes the corpus and the settings from the checkpoint.
interrupt TERM term.emb "$corpus" "${settings[@]}" --checkpoint term.ckpt
[ "$status" -eq 143 ] || fail "SIGTERM: exit status $status, expected 143; stderr: $(cat err)"
[ -s term.ckpt ] || fail "SIGTERM left no checkpoint at --checkpoint term.ckpt"
run_embedtool train --resume term.ckpt -o term.emb --quiet
[ "$status" -eq 0 ] || fail "--resume term.ckpt exited $status: $(cat err)"
cmp -s plain.emb term.emb || fail "the run resumed after SIGTERM wrote another model"

# Standard input: piped in again, spooled again, same model.
"$EMBEDTOOL" train - -o stdin_plain.emb "${settings[@]}" --quiet <"$corpus" || fail "train - failed"
interrupt INT stdin.emb - "${settings[@]}" <"$corpus"
[ "$status" -eq 130 ] || fail "SIGINT on train -: exit status $status; stderr: $(cat err)"
grep -q "continue with: embedtool train - --resume" err || fail "train -: $(cat err)"
expect_error 2 "standard input" train --resume stdin.emb.ckpt -o stdin.emb
run_embedtool train - --resume stdin.emb.ckpt -o stdin.emb --quiet <"$corpus"
[ "$status" -eq 0 ] || fail "train - --resume exited $status: $(cat err)"
cmp -s stdin_plain.emb stdin.emb || fail "the resumed run on standard input wrote another model"

# Periodic checkpoints pause the run without changing it.
run_embedtool train "$corpus" -o periodic.emb "${settings[@]}" --checkpoint-every 1ms
[ "$status" -eq 0 ] || fail "--checkpoint-every exited $status: $(cat err)"
grep -q "checkpoint written to periodic.emb.ckpt" err || fail "no periodic checkpoint was logged: $(cat err)"
cmp -s plain.emb periodic.emb || fail "--checkpoint-every changed the model"

# Refusals, each one line: flags that contradict the checkpoint, another corpus, not a checkpoint.
interrupt INT bad.emb "$corpus" "${settings[@]}"
[ "$status" -eq 130 ] || fail "SIGINT: exit status $status"
expect_error 2 "--window 3 conflicts with the checkpoint's 5" train "$corpus" --resume bad.emb.ckpt --window 3
expect_error 2 "--threads 2 conflicts" train "$corpus" --resume bad.emb.ckpt --threads 2
expect_error 2 "--ns-exponent 0.5 conflicts with the checkpoint's 0.75" train "$corpus" --resume bad.emb.ckpt --ns-exponent 0.5
expect_error 2 "--init cannot be used with --resume" train --resume bad.emb.ckpt --init plain.emb
head -n 1000 "$corpus" >other.txt
expect_error 1 "other.txt is not the corpus the checkpoint bad.emb.ckpt was made on" \
  train other.txt --resume bad.emb.ckpt -o bad.emb
expect_error 1 "plain.emb is not a usable checkpoint" train --resume plain.emb
head -c 5000 bad.emb.ckpt >short.ckpt
expect_error 1 "short.ckpt is not a usable checkpoint" train --resume short.ckpt
expect_error 2 "--checkpoint-every takes a duration" train "$corpus" --checkpoint-every soon
expect_error 2 "--checkpoint must name another file" train "$corpus" -o same.emb --checkpoint same.emb
[ -e bad.emb ] && fail "a refused resume wrote a model"
[ -s bad.emb.ckpt ] || fail "a refused resume removed the checkpoint"

# A classifier: its word n-gram rows are in the checkpoint too, so the resumed run ends with the
# uninterrupted model. Enough lines that training outlasts the first poll for the signal.
make_labelled_lines 50000 4 >labelled.txt
clf=(--supervised --word-ngrams 2 --buckets 4096 --epochs 40 --threads 1 --seed 5)
"$EMBEDTOOL" train labelled.txt -o clf_plain.emb "${clf[@]}" --quiet || fail "the classifier failed"
interrupt INT clf.emb labelled.txt "${clf[@]}"
[ "$status" -eq 130 ] || fail "SIGINT on a classifier: exit status $status; stderr: $(cat err)"
run_embedtool train labelled.txt -o clf.emb "${clf[@]}" --resume clf.emb.ckpt --quiet
[ "$status" -eq 0 ] || fail "--resume of a classifier exited $status: $(cat err)"
cmp -s clf_plain.emb clf.emb || fail "the resumed classifier differs from the uninterrupted one"
# With --validation the threads meet at every epoch end; checkpoints taken meanwhile change
# nothing either.
make_labelled_lines 200 9 >valid.txt
head -n 2000 labelled.txt >few.txt
"$EMBEDTOOL" train few.txt -o valid_plain.emb "${clf[@]}" --validation valid.txt --quiet ||
  fail "the classifier with --validation failed"
run_embedtool train few.txt -o valid_periodic.emb "${clf[@]}" --validation valid.txt \
  --checkpoint-every 1ms
[ "$status" -eq 0 ] || fail "--validation with --checkpoint-every exited $status: $(cat err)"
cmp -s valid_plain.emb valid_periodic.emb || fail "--checkpoint-every changed a validated model"
exit 0
