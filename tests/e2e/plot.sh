# embedtool plot loss|map|confusion (issue 15): each picture rendered by a real renderer
# (rsvg-convert) and checked for what it drew: the size asked, the curves in their colours, every
# label present with ink inside its box and none overlapping, the counts of the confusion
# matrix; and bad input refused with one line, leaving no file behind. png_probe.py reads the
# PNGs (standard library only).
source "$(dirname "$0")/lib.sh"

if ! command -v rsvg-convert >/dev/null; then
  echo "SKIP: rsvg-convert is missing, so the pictures cannot be rendered (Debian: apt-get install librsvg2-bin)"
  exit "$SKIP"
fi
probe() { python3 "$PROJECT/tests/e2e/png_probe.py" "$@"; }
render() { rsvg-convert "$1" -o "$2" || fail "rsvg-convert could not render $1"; }
expect_size() {
  [ "$(probe size "$1")" = "$2 $3" ] || fail "$1 is $(probe size "$1") pixels, expected $2 $3"
}

# --- plot loss ----------------------------------------------------------------------------------
# The log has a progress record every half second. At dim 20 an idle machine trained the two
# epochs in 0.65 s (2 records, and the check below failed); dim 200, window 10 and no
# subsampling take 3.7 s there (8 records), enough for a CPU twice as fast.
"$EMBEDTOOL" train "$PROJECT/data/speeches.txt" -o speeches.emb --output-dim 200 --epochs 2 \
  --window 10 --sample 0 --threads 1 --quiet --log-json run.jsonl || fail "train --log-json failed"
[ "$(grep -c '"progress"' run.jsonl)" -ge 3 ] || fail "train --log-json wrote fewer than 3 progress records"
"$EMBEDTOOL" plot loss run.jsonl -o loss.svg --width 700 --height 450 || fail "plot loss failed"
render loss.svg loss.png
expect_size loss.png 700 450
grep -q 'class="loss-curve"' loss.svg || fail "plot loss drew no loss curve"
grep -q 'class="lr-curve"' loss.svg || fail "plot loss drew no learning-rate curve"
[ "$(grep -c 'class="epoch-loss"' loss.svg)" -eq 2 ] || fail "plot loss: not one dot per epoch"
[ "$(grep -c 'class="epoch-mark"' loss.svg)" -eq 2 ] || fail "plot loss: not an epoch mark in each panel"
# Drawn: pixels of each curve's colour (blue loss, green learning rate, orange epoch means).
[ "$(probe colour loss.png 1f77b4 0 0 700 450)" -ge 40 ] || fail "plot loss: the loss curve is not visible"
[ "$(probe colour loss.png 2ca02c 0 0 700 450)" -ge 40 ] || fail "plot loss: the learning-rate curve is not visible"
[ "$(probe colour loss.png e6550d 0 0 700 450)" -ge 40 ] || fail "plot loss: the epoch dots are not visible"
grep -q '>epoch</text>' loss.svg || fail "plot loss: no x axis title"
grep -q '>learning rate</text>' loss.svg || fail "plot loss: no learning-rate axis title"
# From standard input, to standard output (not a terminal here).
"$EMBEDTOOL" plot loss - <run.jsonl >stdout.svg || fail "plot loss - > stdout failed"
head -c 5 stdout.svg | grep -q '<?xml' || fail "plot loss to stdout wrote no SVG"
# A run stopped before its end: no run record, drawn against the words read.
grep '"progress"' run.jsonl >stopped.jsonl
"$EMBEDTOOL" plot loss stopped.jsonl -o stopped.svg || fail "plot loss of a stopped run failed"
grep -q '>words read</text>' stopped.svg || fail "plot loss of a stopped run: x is not the words read"

# --- plot map -----------------------------------------------------------------------------------
"$EMBEDTOOL" train "$PROJECT/data/corpus.txt" -o model.emb --output-dim 30 --epochs 4 --window 3 \
  --threads 1 --quiet || fail "train failed"
words="cat dog coffee tea rain sun car bus"
# shellcheck disable=SC2086
"$EMBEDTOOL" plot map -m model.emb $words -o map.svg --width 600 --height 500 || fail "plot map failed"
render map.svg map.png
expect_size map.png 600 500
[ "$(grep -c 'class="word-point"' map.svg)" -eq 8 ] || fail "plot map: not 8 points"
probe labels map.svg map.png word-label >labels.txt || fail "plot map: $(cat labels.txt)"
[ "$(cut -f1 labels.txt | tr '\n' ' ')" = "$words " ] || fail "plot map labelled $(cut -f1 labels.txt | tr '\n' ' ')"
awk -F'\t' '$2 < 5 { exit 1 }' labels.txt || fail "plot map: a label's box holds no ink: $(cat labels.txt)"
# Every label's ink lies inside its box: the width estimate is not short.
probe only-class map.svg word-label labels-only.svg || fail "cannot keep only the labels of map.svg"
render labels-only.svg labels-only.png
[ "$(probe ink-outside labels-only.svg labels-only.png word-label)" -eq 0 ] ||
  fail "plot map: label ink outside the label boxes (text widths underestimated)"
grep -q 'principal component' map.svg || fail "plot map: no axis title"

# The most frequent words by default: 100 points; crowded labels are left out, never overlapped.
"$EMBEDTOOL" plot map -m model.emb -o top.svg || fail "plot map (most frequent) failed"
render top.svg top.png
expect_size top.png 900 700
[ "$(grep -c 'class="word-point"' top.svg)" -eq 100 ] || fail "plot map: not 100 points by default"
probe labels top.svg top.png word-label >top-labels.txt || fail "plot map --top: $(cat top-labels.txt)"
[ "$(wc -l <top-labels.txt)" -ge 80 ] || fail "plot map: only $(wc -l <top-labels.txt) of 100 labels placed"
most_frequent=$("$EMBEDTOOL" vocab --quiet "$PROJECT/data/corpus.txt" | head -1 | cut -f1)
[ "$(head -1 top-labels.txt | cut -f1)" = "$most_frequent" ] ||
  fail "plot map: the first label is not the most frequent word, $most_frequent"

# Words that XML must escape, and any UTF-8: the document stays well-formed, the words intact.
for i in 1 2 3 4 5 6; do
  echo "<b> a&b \"q\" it's café 猫 Жук <b> a&b \"q\" it's café 猫 Жук"
done >odd.txt
"$EMBEDTOOL" train odd.txt -o odd.emb --no-filter --no-lowercase --output-dim 8 --epochs 1 --min-count 1 \
  --threads 1 --quiet || fail "train on odd words failed"
"$EMBEDTOOL" plot map -m odd.emb '<b>' 'a&b' '"q"' "it's" café 猫 Жук -o odd.svg || fail "plot map of odd words failed"
render odd.svg odd.png
probe labels odd.svg odd.png word-label >odd-labels.txt || fail "plot map of odd words: $(cat odd-labels.txt)"
[ "$(cut -f1 odd-labels.txt | tr '\n' ' ')" = "<b> a&b \"q\" it's café 猫 Жук " ] ||
  fail "plot map: odd words came back as $(cut -f1 odd-labels.txt | tr '\n' ' ')"
grep -q '&lt;b&gt;' odd.svg || fail "plot map: <b> is not escaped"
probe only-class odd.svg word-label odd-only.svg || fail "cannot keep only the labels of odd.svg"
render odd-only.svg odd-only.png
[ "$(probe ink-outside odd-only.svg odd-only.png word-label)" -eq 0 ] ||
  fail "plot map: ink of an odd word outside its box"

# --- plot confusion -----------------------------------------------------------------------------
make_labelled_lines 600 1 >train.txt
make_labelled_lines 90 2 >test.txt
"$EMBEDTOOL" train --supervised train.txt -o clf.emb --epochs 20 --output-dim 16 --threads 1 --quiet ||
  fail "train --supervised failed"
"$EMBEDTOOL" plot confusion -m clf.emb test.txt -o confusion.svg --width 500 --height 420 ||
  fail "plot confusion failed"
render confusion.svg confusion.png
expect_size confusion.png 500 420
[ "$(grep -c 'class="cell"' confusion.svg)" -eq 9 ] || fail "plot confusion: not 3 x 3 cells"
# The counts written in the cells add up to the test lines, and match embedtool test --confusion.
[ "$(grep -o 'class="count"[^>]*>[0-9]*<' confusion.svg | grep -o '>[0-9]*<' | tr -d '<>' | awk '{ s += $1 } END { print s }')" -eq 90 ] ||
  fail "plot confusion: the counts do not add up to 90 lines"
"$EMBEDTOOL" test -m clf.emb --confusion test.txt | sed -n '/^gold/,$p' | tail -n +2 | cut -f2- | tr '\t' '\n' | sort -n >counts-test.txt
grep -o 'class="count"[^>]*>[0-9]*<' confusion.svg | grep -o '>[0-9]*<' | tr -d '<>' | sort -n >counts-plot.txt
cmp -s counts-test.txt counts-plot.txt || fail "plot confusion: counts differ from embedtool test --confusion"
for label in pos neg neu; do
  grep -q "class=\"row-label\"[^>]*>$label<" confusion.svg || fail "plot confusion: no row label $label"
  grep -q "class=\"column-label\"[^>]*>$label<" confusion.svg || fail "plot confusion: no column label $label"
done
[ "$(probe colour confusion.png 08306b 0 0 500 420)" -ge 100 ] || fail "plot confusion: no dark cell drawn"
# The size fits the labels when none is asked; --top keeps the most frequent and says so.
"$EMBEDTOOL" plot confusion -m clf.emb test.txt --top 2 -o top2.svg || fail "plot confusion --top 2 failed"
grep -q 'the 2 most frequent of 3 labels' top2.svg || fail "plot confusion --top 2: the title does not say so"
[ "$(grep -c 'class="row-label"' top2.svg)" -eq 2 ] || fail "plot confusion --top 2: not 2 rows"

# --- help ---------------------------------------------------------------------------------------
for chart in loss map confusion; do
  "$EMBEDTOOL" plot "$chart" --help >help.txt || fail "plot $chart --help failed"
  sed '/^$/d' help.txt | tail -n 1 | grep -q "embedtool plot $chart " || fail "plot $chart --help does not end with an example"
done

# --- bad input: one line, the usual status, no file written or replaced ---------------------------
echo "a picture that must survive" >keep.svg
expect_error 1 'not a log from `embedtool train --log-json FILE`.*corpus.txt: line 1\)' plot loss "$PROJECT/data/corpus.txt" -o keep.svg
: >empty.jsonl
expect_error 1 'empty.jsonl is empty' plot loss empty.jsonl -o keep.svg
grep -v '"progress"' run.jsonl >no-progress.jsonl
expect_error 1 'no "progress" record' plot loss no-progress.jsonl -o keep.svg
expect_error 1 'not a log' plot loss speeches.emb -o keep.svg
expect_error 1 'unknown word "kangaroo" \(not in the vocabulary of model.emb\)' plot map -m model.emb cat kangaroo -o keep.svg
expect_error 1 '2 unknown words: "kangaroo", "wombat"' plot map -m model.emb cat kangaroo wombat -o keep.svg
expect_error 2 'a map needs 2 words or more' plot map -m model.emb cat -o keep.svg
expect_error 2 'a map needs 2 words or more' plot map -m model.emb cat cat -o keep.svg
expect_error 2 'words and --top cannot be used together' plot map -m model.emb --top 5 cat dog -o keep.svg
expect_error 2 '--top: must be from 2 to 2000, not 1' plot map -m model.emb --top 1 -o keep.svg
expect_error 1 'model.emb is not a classifier' plot confusion -m model.emb test.txt -o keep.svg
expect_error 1 'no labelled line' plot confusion -m clf.emb "$PROJECT/data/corpus.txt" -o keep.svg
mkdir elsewhere && cd elsewhere || fail "cannot make a folder"
expect_error 2 'no model given, and there is no model.emb here: name one with -m FILE' plot confusion ../test.txt -o ../keep.svg
cd .. || fail "cannot go back"
"$EMBEDTOOL" vocab "$PROJECT/data/corpus.txt" -o vocab.tsv --quiet
expect_error 2 'vocab.tsv is a vocabulary file' plot map -m vocab.tsv -o keep.svg
expect_error 2 'plot needs one of its commands first: loss, map or confusion' plot
expect_error 2 'unknown command "lost" for plot; did you mean loss\?' plot lost run.jsonl
expect_error 2 'unknown option --topp for plot map; did you mean --top\?' plot map --topp 5
expect_error 2 '--width: must be from 300 to 20000, not 10' plot loss run.jsonl --width 10 -o keep.svg
expect_error 1 'cannot write no-such-folder/loss.svg' plot loss run.jsonl -o no-such-folder/loss.svg
[ "$(cat keep.svg)" = "a picture that must survive" ] || fail "a failed plot replaced keep.svg"
[ ! -e no-such-folder ] || fail "a failed plot created a folder"
leftovers=$(find . -name '.*tmp*')
[ -z "$leftovers" ] || fail "a failed plot left temporary files: $leftovers"
echo "ok"
