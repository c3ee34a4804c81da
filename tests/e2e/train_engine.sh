# The training engine end to end: every architecture and head, bit-for-bit reproducibility with
# one thread, several threads, long lines, progress logs.
source "$(dirname "$0")/lib.sh"

corpus="$PROJECT/data/corpus.txt"
animals="dog bird fish horse cow sheep mouse rabbit goat duck pig lion tiger bear wolf fox frog"
unrelated="bread cheese apple rice soup milk butter egg cake red blue green yellow black white"

# expect_animal_neighbours MODEL: most of cat's 5 nearest words are animals, none a food or colour.
expect_animal_neighbours() {
  local neighbours hits=0
  neighbours=$("$EMBEDTOOL" lookup -m "$1" --nearest 5 cat | cut -f2) || fail "lookup on $1 failed"
  for word in $neighbours; do
    for animal in $animals; do [ "$word" = "$animal" ] && hits=$((hits + 1)); done
    for other in $unrelated; do
      [ "$word" = "$other" ] && fail "$1: cat's neighbours include $other: $neighbours"
    done
  done
  [ "$hits" -ge 3 ] || fail "$1: only $hits of cat's 5 neighbours are animals: $neighbours"
}

# One thread and a fixed seed: two runs write the same bytes, for every head and architecture;
# another seed writes other bytes.
for setup in "--arch skipgram --loss ns" "--arch skipgram --loss hs" "--arch cbow --loss softmax"; do
  # shellcheck disable=SC2086
  for run in 1 2; do
    "$EMBEDTOOL" train "$corpus" -o "same$run.emb" $setup --output-dim 20 --epochs 1 --threads 1 \
      --seed 3 --quiet || fail "train $setup failed"
  done
  cmp -s same1.emb same2.emb || fail "train $setup --threads 1 --seed 3 wrote different bytes twice"
done
"$EMBEDTOOL" train "$corpus" -o other.emb --arch cbow --loss softmax --output-dim 20 --epochs 1 \
  --threads 1 --seed 4 --quiet || fail "train --seed 4 failed"
cmp -s same1.emb other.emb && fail "--seed 4 wrote the same model as --seed 3"

# Several threads (more than this machine may have cores): a model whose neighbours make sense.
run_embedtool train "$corpus" -o threads.emb --loss ns --threads 3 --epochs 3 --output-dim 30
[ "$status" -eq 0 ] || fail "train --threads 3 exited $status: $(cat err)"
grep -q "3 threads" err || fail "the thread count is not logged: $(cat err)"
expect_animal_neighbours threads.emb
run_embedtool train "$corpus" -o cbow_hs.emb --arch cbow --loss hs --threads 2 --epochs 3 --output-dim 30 --quiet
[ "$status" -eq 0 ] || fail "train --arch cbow --loss hs exited $status: $(cat err)"
expect_animal_neighbours cbow_hs.emb

# --loss auto logs its choice: the exact softmax for up to 100 words, negative sampling beyond.
run_embedtool train "$corpus" -o auto.emb --epochs 1 --output-dim 10 --input-dim 102 --threads 1
grep -q "loss auto: softmax" err || fail "the automatic loss choice is not logged: $(cat err)"
run_embedtool train "$corpus" -o auto.emb --epochs 1 --output-dim 10 --input-dim 103 --threads 1
grep -q "loss auto: ns" err || fail "auto should choose ns for 101 words: $(cat err)"

# Not a terminal: progress comes as plain log lines (no carriage returns); --log-json writes one
# JSON object per report.
grep -q $'\r' err && fail "progress on a non-terminal contains carriage returns"
run_embedtool train "$corpus" -o json.emb --epochs 1 --output-dim 10 --log-json progress.jsonl --quiet
[ "$status" -eq 0 ] || fail "train --log-json exited $status: $(cat err)"
[ ! -s err ] || fail "--quiet printed: $(cat err)"
[ -s progress.jsonl ] || fail "--log-json wrote nothing"
grep '"type":"progress"' progress.jsonl >reports.jsonl || fail "no progress record: $(cat progress.jsonl)"
while IFS= read -r line; do
  for key in words loss lr elapsed; do
    [[ "$line" =~ \"$key\":[-0-9.e+]+ ]] || fail "progress line without a numeric \"$key\": $line"
  done
done <reports.jsonl
tail -1 reports.jsonl | grep -q '"words":177384,' || fail "the last report does not cover the run: $(tail -1 reports.jsonl)"
# Then one record per epoch and, last, the whole run with the final loss the log prints.
[ "$(grep -c '"type":"epoch"' progress.jsonl)" -eq 1 ] || fail "expected one epoch record: $(cat progress.jsonl)"
python3 - <<'PY' || fail "the run record: $(tail -1 progress.jsonl)"
import json
lines = [json.loads(line) for line in open("progress.jsonl")]
run, epoch = lines[-1], lines[-2]
assert run["type"] == "run" and run["words"] == 177384 and run["epochs"] == 1, run
assert epoch["type"] == "epoch" and epoch["epoch"] == 1 and epoch["loss"] == run["loss"], (epoch, run)
assert run["seconds"] > 0 and run["words_per_second"] > 0, run
PY

# A corpus that is one line of 30,000 words with no line end trains like the same words in lines:
# the vocabulary is the same, and the line is cut into sentences of 10,000 words.
awk '{printf "%s ", $0}' "$corpus" | head -c 200000 | awk '{$1=$1; printf "%s", $0}' >one_line.txt
[ "$(wc -l <one_line.txt)" -eq 0 ] || fail "one_line.txt should have no line end"
run_embedtool train one_line.txt -o one_line.emb --epochs 1 --output-dim 10 --threads 2
[ "$status" -eq 0 ] || fail "training on a single long line exited $status: $(cat err)"
grep -q "corpus: 1 lines" err || fail "the single line was not counted as one: $(cat err)"
"$EMBEDTOOL" vocab --quiet one_line.txt >vocab_whole.tsv || fail "vocab on the long line failed"
tr ' ' '\n' <one_line.txt | "$EMBEDTOOL" vocab --quiet >vocab_lines.tsv || fail "vocab on split lines failed"
cmp -s vocab_whole.tsv vocab_lines.tsv || fail "the long line's vocabulary differs from its words'"

# Bad values name their flag.
expect_error 2 "--neg" train "$corpus" --neg 0
expect_error 2 "--threads" train "$corpus" --threads 0
expect_error 2 "--loss" train "$corpus" --loss fancy
expect_error 2 "--arch" train "$corpus" --arch glove
expect_error 2 "--sample" train "$corpus" --sample -1
echo "ok"
