# lookup --batch: Y = E[X] checked element by element against direct row indexing, for random X
# with padding and unknown ids, in text and npy output; and the pad | lookup --batch pipeline.
source "$(dirname "$0")/lib.sh"

PYTHON=/usr/bin/python3  # Debian's, where python3-numpy lives

train_demo_model
rows=$("$EMBEDTOOL" info demo.emb | awk '/^input_dim/ {print $2}')
[ -n "$rows" ] || fail "info does not give input_dim: $("$EMBEDTOOL" info demo.emb)"

# Reference rows by direct indexing: line r + 1 of E.txt is row r of E.
"$EMBEDTOOL" lookup -m demo.emb --ids $(seq 0 $((rows - 1))) >E.txt || fail "lookup --ids of every row"

# X: 30 sequences of 7 ids, a third of them padding (0) or unknown (1).
awk -v rows="$rows" 'BEGIN {
  srand(42)
  for (i = 0; i < 30; i++) {
    line = ""
    for (j = 0; j < 7; j++) {
      r = rand()
      id = r < 0.2 ? 0 : r < 0.33 ? 1 : int(2 + rand() * (rows - 2))
      line = line (j ? " " : "") id
    }
    print line
  }
}' >X.txt

# Text: line i holds Y[i, 0, :] ... Y[i, L-1, :]. Padding gives zeros unless --pad-vector row.
check_text() {  # check_text Y.txt PAD_IS_ROW
  awk -v pad_row="$2" -v dims=50 '
    FILENAME == "E.txt" { for (k = 2; k <= NF; k++) E[FNR - 1, k - 2] = $k; next }
    FILENAME == "X.txt" { for (j = 1; j <= NF; j++) X[FNR, j - 1] = $j; L = NF; next }
    {
      if (NF != L * dims) { print "line " FNR ": " NF " numbers, expected " L * dims; bad = 1; exit 1 }
      for (j = 0; j < L; j++) for (d = 0; d < dims; d++) {
        id = X[FNR, j]
        want = (id == 0 && !pad_row) ? 0 : E[id, d]
        if ($(j * dims + d + 1) != want) {
          print "Y[" FNR - 1 ", " j ", " d "] = " $(j * dims + d + 1) ", E[" id ", " d "] = " want
          bad = 1; exit 1
        }
      }
      n++
    }
    END { if (!bad && n != 30) { print n " lines, expected 30"; exit 1 } }
  ' E.txt X.txt "$1"
}
"$EMBEDTOOL" lookup -m demo.emb --batch <X.txt >Y.txt || fail "lookup --batch exited $?"
check_text Y.txt 0 || fail "text Y differs from E[X]"
"$EMBEDTOOL" lookup -m demo.emb --batch --pad-vector row <X.txt >Yrow.txt || fail "--pad-vector row"
check_text Yrow.txt 1 || fail "text Y with --pad-vector row differs from E[X]"

# npy: the header holds (30, 7, 50) float32 and is padded to 128 bytes (the data 64-byte
# aligned, as numpy writes it); 30 * 7 * 50 float32 follow.
"$EMBEDTOOL" lookup -m demo.emb --batch --format npy <X.txt >Y.npy || fail "lookup --batch --format npy"
head -c 128 Y.npy | grep -aq "'descr': '<f4', 'fortran_order': False, 'shape': (30, 7, 50)" ||
  fail "npy header: $(head -c 128 Y.npy | tr -d '\0')"
[ "$(stat -c %s Y.npy)" -eq $((128 + 30 * 7 * 50 * 4)) ] ||
  fail "Y.npy has $(stat -c %s Y.npy) bytes"
# -o writes the same bytes.
"$EMBEDTOOL" lookup -m demo.emb --batch --format npy -o Yo.npy <X.txt || fail "--format npy -o"
cmp -s Y.npy Yo.npy || fail "-o Yo.npy differs from standard output"

# Errors: one line naming the line, exit 1; with -o, no file is left.
printf '2 3 4\n2 3\n' >uneven.txt
run_embedtool lookup -m demo.emb --batch --format npy -o bad.npy <uneven.txt
[ "$status" -eq 1 ] && grep -q "line 2 of <stdin> has 2 ids, but line 1 has 3" err ||
  fail "uneven lines: status $status, $(cat err)"
[ ! -e bad.npy ] || fail "a failed --batch left bad.npy"
printf '2 3 4\n2 %s 4\n' "$rows" >range.txt
run_embedtool lookup -m demo.emb --batch <range.txt
[ "$status" -eq 1 ] && grep -q "id $rows at position 2 of line 2 of <stdin> is out of range" err ||
  fail "id out of range: status $status, $(cat err)"
printf '2 -1\n' >negative.txt
run_embedtool lookup -m demo.emb --batch <negative.txt
[ "$status" -eq 1 ] && grep -q "out of range" err || fail "negative id: status $status, $(cat err)"
expect_error 2 "from standard input" lookup -m demo.emb --batch 2 3
expect_error 2 "--batch already reads ids" lookup -m demo.emb --batch --nearest 3

# No input: an empty (0, 0, D) array, which numpy loads.
: >empty.txt  # (not /dev/null, which some containers make a shared regular file)
"$EMBEDTOOL" lookup -m demo.emb --batch --format npy <empty.txt >empty.npy 2>empty.err ||
  fail "empty --batch: $(cat empty.err)"
head -c 128 empty.npy | grep -aq "'shape': (0, 0, 50)" || fail "empty npy header"

require_python_module numpy

# A model whose reserved rows are not zero, so padding, unknown and --pad-vector row differ.
"$PYTHON" - <<'PY' || fail "could not write the random model"
import numpy as np
rng = np.random.default_rng(7)
E = rng.standard_normal((40, 6)).astype(np.float32)
np.save("R.npy", E)
with open("R.vocab.txt", "w") as f:
    f.write("<pad>\n<unk>\n" + "".join(f"w{i}\n" for i in range(2, 40)))
rng2 = np.random.default_rng(8)
X = rng2.integers(0, 40, size=(25, 9))
X[rng2.random(X.shape) < 0.25] = 0
X[rng2.random(X.shape) < 0.1] = 1
np.savetxt("RX.txt", X, fmt="%d")
PY
"$EMBEDTOOL" convert R.npy R.emb --quiet || fail "convert R.npy R.emb"
for pad in zero row; do
  "$EMBEDTOOL" lookup -m R.emb --batch --pad-vector $pad --format npy <RX.txt >RY.$pad.npy ||
    fail "--batch --pad-vector $pad --format npy"
  "$EMBEDTOOL" lookup -m R.emb --batch --pad-vector $pad <RX.txt >RY.$pad.txt ||
    fail "--batch --pad-vector $pad"
  "$EMBEDTOOL" lookup -m R.emb --batch --pad-vector $pad --format json <RX.txt >RY.$pad.json ||
    fail "--batch --pad-vector $pad --format json"
  "$EMBEDTOOL" lookup -m R.emb --batch --pad-vector $pad --format tsv --header <RX.txt >RY.$pad.tsv ||
    fail "--batch --pad-vector $pad --format tsv"
  "$PYTHON" - $pad <<'PY' || fail "Y = E[X] does not hold with --pad-vector $pad"
import json, sys
import numpy as np
pad = sys.argv[1]
E = np.load("R.npy")
X = np.loadtxt("RX.txt", dtype=np.int64, ndmin=2)
want = E[X]  # direct row indexing
if pad == "zero":
    want[X == 0] = 0
B, L = X.shape
D = E.shape[1]
Y = np.load(f"RY.{pad}.npy")
assert Y.dtype == np.float32 and Y.shape == (B, L, D), (Y.dtype, Y.shape)
assert np.array_equal(Y, want), "npy"
text = np.loadtxt(f"RY.{pad}.txt", dtype=np.float32, ndmin=2).reshape(-1, L, D)
assert np.array_equal(text, want), "text"
lines = [json.loads(l) for l in open(f"RY.{pad}.json")]
assert [l["ids"] for l in lines] == X.tolist(), "json ids"
assert np.array_equal(np.array([l["vectors"] for l in lines], dtype=np.float32), want), "json"
tsv = np.loadtxt(f"RY.{pad}.tsv", dtype=np.float64, skiprows=1, ndmin=2)
assert tsv.shape == (B * L, 3 + D), tsv.shape
assert np.array_equal(tsv[:, 0], np.repeat(np.arange(B), L)) and np.array_equal(tsv[:, 1], np.tile(np.arange(L), B))
assert np.array_equal(tsv[:, 2], X.reshape(-1)), "tsv ids"
assert np.array_equal(tsv[:, 3:].astype(np.float32), want.reshape(-1, D)), "tsv"
PY
done

# The pipeline of the issue: text -> pad (ids of the model's rows) -> lookup --batch -> numpy.
head -50 "$PROJECT/data/corpus.txt" | "$EMBEDTOOL" pad --vocab demo.emb --input-length 12 |
  "$EMBEDTOOL" lookup -m demo.emb --batch --format npy >pipe.npy || fail "pad | lookup --batch failed"
"$PYTHON" -c '
import numpy as np
Y = np.load("pipe.npy")
assert Y.shape == (50, 12, 50) and Y.dtype == np.float32, Y.shape
' || fail "pad | lookup --batch --format npy is not a (50, 12, 50) float32 array"
echo "ok"
