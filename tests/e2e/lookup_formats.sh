# lookup's output formats (text, tsv, json, npy), --precision, --normalize, -o and --config.
source "$(dirname "$0")/lib.sh"

PYTHON=/usr/bin/python3
train_demo_model

# text: word and 50 numbers, each the shortest text of its float32: the same as convert's .vec.
"$EMBEDTOOL" convert demo.emb demo.vec --quiet || fail "convert to .vec"
run_embedtool lookup -m demo.emb cat dog
[ "$status" -eq 0 ] || fail "lookup exited $status: $(cat err)"
[ "$(cat out)" = "$(grep '^cat ' demo.vec; grep '^dog ' demo.vec)" ] ||
  fail "text rows differ from convert's .vec rows"
cp out text.out

# tsv: the same numbers separated by tabs; --header names the columns.
run_embedtool lookup -m demo.emb --format tsv --header cat dog
[ "$status" -eq 0 ] || fail "tsv exited $status"
[ "$(head -1 out | cut -f1-3)" = "$(printf 'word\tv1\tv2')" ] || fail "tsv header: $(head -1 out | cut -c1-40)"
[ "$(head -1 out | awk -F'\t' '{print NF}')" -eq 51 ] || fail "tsv header has the wrong width"
[ "$(tail -n +2 out | tr '\t' ' ')" = "$(cat text.out)" ] || fail "tsv rows differ from text rows"
expect_error 2 "header" lookup -m demo.emb --header cat

# json: one object per line, with the word, its id and the vector.
run_embedtool lookup -m demo.emb --format json cat dog
[ "$status" -eq 0 ] || fail "json exited $status"
[ "$(wc -l <out)" -eq 2 ] || fail "json: $(wc -l <out) lines"
grep -q '^{"word":"cat","id":[0-9]*,"vector":\[' out || fail "json line: $(head -c 80 out)"
if "$PYTHON" -c 'import json' 2>/dev/null; then
  "$PYTHON" - <<'PY' || fail "json vectors differ from text vectors"
import json
text = {l.split()[0]: [float(x) for x in l.split()[1:]] for l in open("text.out")}
for line in open("out"):
    o = json.loads(line)
    assert o["vector"] == text[o["word"]], o["word"]
PY
fi

# --precision P: P significant digits.
run_embedtool lookup -m demo.emb --precision 3 cat
awk '{for (k = 2; k <= NF; k++) { v = $k; sub(/^-/, "", v); sub(/e.*/, "", v); gsub(/[.]/, "", v); sub(/^0+/, "", v); if (length(v) > 3) exit 1 }}' out ||
  fail "--precision 3 printed more digits: $(cut -c1-80 out)"
expect_error 2 "precision" lookup -m demo.emb --precision 0 cat
expect_error 2 "precision" lookup -m demo.emb --format npy --precision 3 cat

# --normalize: unit length.
run_embedtool lookup -m demo.emb --normalize cat dog
awk '{s = 0; for (k = 2; k <= NF; k++) s += $k * $k; if (s < 0.9999 || s > 1.0001) exit 1}' out ||
  fail "--normalize rows are not unit length"

# npy: (N, D) float32; -o writes the file atomically; a terminal gets a usage error instead.
"$EMBEDTOOL" lookup -m demo.emb --format npy cat dog bird >words.npy || fail "--format npy"
head -c 128 words.npy | grep -aq "'shape': (3, 50)" || fail "npy header: $(head -c 100 words.npy | tr -d '\0')"
[ "$(stat -c %s words.npy)" -eq $((128 + 3 * 50 * 4)) ] || fail "words.npy has $(stat -c %s words.npy) bytes"
"$EMBEDTOOL" lookup -m demo.emb --format npy -o words-o.npy cat dog bird || fail "--format npy -o"
cmp -s words.npy words-o.npy || fail "-o differs from standard output"
if command -v script >/dev/null; then
  script -qec "$EMBEDTOOL lookup -m demo.emb --format npy cat" typescript >tty.out 2>&1
  grep -q "binary data" tty.out || fail "npy to a terminal: $(cat tty.out)"
fi

# Every option works through --config, as on the command line.
printf '{"format": "tsv", "header": true, "precision": 4, "normalize": true, "oov": "zero"}\n' >c.json
run_embedtool lookup -m demo.emb --config c.json cat no-such-word
[ "$status" -eq 0 ] || fail "--config lookup exited $status: $(cat err)"
[ "$(head -1 out | cut -f1)" = "word" ] && [ "$(sed -n 3p out | cut -f1-3)" = "$(printf 'no-such-word\t0\t0')" ] ||
  fail "--config settings not applied: $(cut -c1-40 out)"
printf '{"format": "xml"}\n' >bad.json
expect_error 2 "format" lookup -m demo.emb --config bad.json cat

# The npy rows are the text rows.
require_python_module numpy
"$PYTHON" - <<'PY' || fail "npy rows differ from text rows"
import numpy as np
Y = np.load("words.npy")
text = {l.split()[0]: np.array(l.split()[1:], dtype=np.float32) for l in open("text.out")}
assert Y.dtype == np.float32 and Y.shape == (3, 50)
assert np.array_equal(Y[0], text["cat"]) and np.array_equal(Y[1], text["dog"])
PY
echo "ok"
