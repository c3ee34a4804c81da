# The README's examples run as written: every line of every ```sh block, in the README's order,
# in one folder, as a reader following the README would, with `embedtool` on the PATH. The files
# the examples name but do not make (corpus.txt, glove.txt, cc.en.300.bin, train.txt, ...) are
# made first, small, by embedtool itself where they are vector files. Each line must exit 0 and
# print no error; a line that names an output file (`-o FILE`, `> FILE`) must leave it non-empty.
#
# Two lines cannot run literally, and the test says so when it changes them:
# - `--checkpoint-every 10m   # Ctrl-C, ...` is interrupted with SIGINT as soon as it handles
#   signals (as a reader's Ctrl-C), must stop with status 130 and leave the checkpoint the next
#   line resumes from;
# - `--autotune-duration 2m` runs for 5s: the search is bounded by its budget, and two minutes
#   would make this the suite's slowest test without checking anything more.
# Blocks that are not ```sh (output shown, the Keras Python lines, the quick start's scripts,
# which e2e_demo_output and CI run) are not run here.
source "$(dirname "$0")/lib.sh"

# ---- The README's command lines, continuation lines (after `|` or `\`) joined.
awk '/^```sh$/ { inside = 1; next }
     /^```/ { inside = 0; next }
     inside {
       line = pending $0
       if (line ~ /(\||\\)[[:space:]]*(#.*)?$/ && line !~ /^[[:space:]]*#/) {
         sub(/[[:space:]]*#[^|\\]*$/, "", line); sub(/\\$/, "", line); pending = line " "; next
       }
       pending = ""; print line
     }' "$PROJECT/README.md" >commands.txt
[ "$(wc -l <commands.txt)" -ge 30 ] || fail "found only $(wc -l <commands.txt) example lines in README.md"

# ---- What the examples read.
mkdir bin && ln -s "$EMBEDTOOL" bin/embedtool
export PATH="$WORK/bin:$PATH"
# The shipped corpus, plus the words the examples ask about that it lacks (analogies and maps of
# king, queen, man, woman; the similarity of cup and mug), each often enough for --min-count 5.
{
  cat "$PROJECT/data/corpus.txt"
  for _ in $(seq 12); do
    echo "the king spoke to the queen and the man listened to the woman"
    echo "the queen and the king met a man and a woman in the hall"
    echo "she drank tea from a mug and coffee from a cup"
  done
} >corpus.txt
head -200 corpus.txt >sentences.txt
cp sentences.txt reviews.txt
gzip -k -c corpus.txt >big.txt.gz
embedtool train corpus.txt -o fixture.emb --output-dim 16 --epochs 1 --quiet &&
  embedtool train corpus.txt -o fixture-sub.emb --output-dim 16 --epochs 1 --minn 3 --maxn 5 --quiet ||
  fail "training the fixture models failed"
for vectors in glove.txt glove.6B.100d.txt wiki.en.vec; do
  embedtool convert fixture.emb "$vectors" --quiet || fail "making $vectors failed"
done
embedtool convert fixture.emb - --to glove --quiet | gzip >vectors.txt.gz || fail "making vectors.txt.gz failed"
embedtool convert fixture-sub.emb cc.en.300.bin --to fasttext --quiet || fail "making cc.en.300.bin failed"
printf '# word1 word2 score\ncat dog 8.5\ncup mug 7.9\nking queen 8.6\nbread truck 1.2\nman woman 8.3\n' >wordsim353.tsv
printf ': family\nking queen man woman\nman woman king queen\n: things\ncat dog cup mug\n' >questions-words.txt
make_labelled_lines 600 1 >train.txt
make_labelled_lines 150 2 >test.txt
make_labelled_lines 150 3 >dev.txt
make_labelled_lines 300 4 >tags.txt
embedtool train --supervised train.txt -o clf.emb --epochs 5 --quiet || fail "training the fixture classifier failed"

# ---- Every example line, in order.
# outputs_of LINE: the files the line says it writes (-o FILE, > FILE), one per line.
outputs_of() {
  grep -oE '(-o|>) +[^ |#&;]+' <<<"$1" | sed -E 's/^(-o|>) +//' | grep -v '^-$' || true
}
number=0
while IFS= read -r line; do
  number=$((number + 1))
  command=$line
  if [[ $command == *"--autotune-duration 2m"* ]]; then
    command=${command//--autotune-duration 2m/--autotune-duration 5s}
    echo "note: example $number runs with --autotune-duration 5s instead of 2m"
  fi
  if [[ $command == *"--checkpoint-every"* ]]; then
    # With its 5 epochs the run took 0.3 s on an idle machine and ended before its first poll
    # for the signal (every 500 ms): 50 epochs make sure the signal finds it training.
    command=${command/--checkpoint-every/--epochs 50 --checkpoint-every}
    echo "note: example $number runs with --epochs 50 and is interrupted with SIGINT once it" \
         "handles signals"
    bash -c "exec $command" >out.txt 2>err.txt </dev/null &
    pid=$!
    for _ in $(seq 400); do
      mask=$(sed -n 's/^SigCgt:[[:space:]]*//p' "/proc/$pid/status" 2>/dev/null)
      [ -n "$mask" ] && (((0x$mask & 0x4002) == 0x4002)) && break
      sleep 0.01
    done
    kill -INT "$pid" 2>/dev/null
    wait "$pid"
    status=$?
    [ "$status" -eq 130 ] || fail "example $number ($line) exited $status after SIGINT, expected 130: $(cat err.txt)"
    ls ./*.ckpt >/dev/null 2>&1 || fail "example $number ($line) left no checkpoint after SIGINT"
    continue
  fi
  bash -o pipefail -c "$command" >out.txt 2>err.txt <sentences.txt
  status=$?
  [ "$status" -eq 0 ] || fail "example $number exited $status: $line
$(cat err.txt)"
  grep -q 'embedtool: error' err.txt && fail "example $number printed an error: $line
$(cat err.txt)"
  while IFS= read -r output; do
    [ -n "$output" ] || continue
    [ -s "$output" ] || [ -d "$output" ] || fail "example $number did not write $output: $line"
  done < <(outputs_of "$command")
done <commands.txt
echo "ran $number example lines from README.md"
