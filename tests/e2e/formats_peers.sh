# Interop with the real peers: files embedtool writes load in gensim and numpy with the same
# words and values, and files gensim and fastText write load in embedtool with the same vectors.
# Skipped (exit 77) when /usr/bin/python3 has no gensim; the fastText part when fasttext is
# missing.
source "$(dirname "$0")/lib.sh"

PYTHON=/usr/bin/python3  # Debian's, where python3-gensim and python3-numpy live
require_python_module gensim numpy

awk 'BEGIN { srand(3); print "400 12";
             for (i = 0; i < 400; i++) { printf "word%d", i;
               for (j = 0; j < 12; j++) printf " %.7g", (rand() * 2 - 1) * 10 ^ int(rand() * 8 - 4); print "" } }' >source.vec
"$EMBEDTOOL" convert source.vec model.emb --quiet || fail "convert source.vec failed"
for out in e.bin e.vec e.txt e.npy; do
  "$EMBEDTOOL" convert model.emb $out --quiet || fail "convert model.emb $out failed"
done
"$EMBEDTOOL" lookup -m model.emb $(seq -f 'word%g' 0 399) >expected.txt || fail "lookup failed"

# embedtool -> gensim/numpy: every word and every float32 bit equal.
"$PYTHON" - <<'PY' || fail "gensim/numpy read embedtool's files differently"
import numpy as np, sys, warnings
warnings.filterwarnings("ignore")
from gensim.models import KeyedVectors
expected = {}
for line in open("expected.txt", encoding="utf-8"):
    word, *values = line.split(" ")
    expected[word] = np.array([float(v) for v in values], dtype=np.float32)
def check(kv, name):
    assert list(kv.index_to_key) == [f"word{i}" for i in range(400)], name + ": words or order"
    for word, vector in expected.items():
        assert np.array_equal(kv[word], vector), f"{name}: {word}"
check(KeyedVectors.load_word2vec_format("e.bin", binary=True), "e.bin")
check(KeyedVectors.load_word2vec_format("e.vec", binary=False), "e.vec")
check(KeyedVectors.load_word2vec_format("e.txt", binary=False, no_header=True), "e.txt (GloVe)")
E = np.load("e.npy")
words = open("e.vocab.txt", encoding="utf-8").read().split("\n")[:-1]
assert E.shape == (402, 12) and E.dtype == np.float32 and words[:2] == ["<pad>", "<unk>"]
assert not E[:2].any(), "reserved rows should be zero"
for i, word in enumerate(words[2:], start=2):
    assert np.array_equal(E[i], expected[word]), "e.npy row %d" % i
PY

# gensim -> embedtool: binary with gensim's row layout, text with gensim's number printing,
# non-ASCII words, and numpy arrays of float64 in Fortran order.
"$PYTHON" - <<'PY' || fail "could not write the gensim files"
import numpy as np, warnings
warnings.filterwarnings("ignore")
from gensim.models import KeyedVectors
rng = np.random.default_rng(5)
kv = KeyedVectors(vector_size=7)
words = ["the", "café", "naïve", "日本語", "Ünïcödé", "x"] + ["w%d" % i for i in range(200)]
kv.add_vectors(words, rng.standard_normal((len(words), 7)).astype(np.float32))
kv.save_word2vec_format("g.bin", binary=True)
kv.save_word2vec_format("g.txt", binary=False)
np.save("g64.npy", np.asfortranarray(kv.vectors.astype(np.float64)))
open("g64.vocab.txt", "w", encoding="utf-8").write("".join(w + "\n" for w in words))
with open("g.expected", "w", encoding="utf-8") as out:
    for word in words:
        out.write(word + "".join(" " + repr(float(v)) for v in kv[word]) + "\n")
PY
for file in g.bin g.txt g64.npy; do
  "$EMBEDTOOL" convert $file $file.emb --quiet || fail "embedtool cannot read gensim's $file"
  "$EMBEDTOOL" lookup -m $file.emb $(cut -d' ' -f1 g.expected) >$file.lookup || fail "lookup in $file.emb"
  "$PYTHON" - $file.lookup <<'PY' || fail "$file: embedtool's vectors differ from gensim's"
import sys, numpy as np
got = [l.split(" ") for l in open(sys.argv[1], encoding="utf-8")]
want = [l.split(" ") for l in open("g.expected", encoding="utf-8")]
assert [g[0] for g in got] == [w[0] for w in want], "words"
for g, w in zip(got, want):
    assert np.array_equal(np.float32([float(v) for v in g[1:]]), np.float32([float(v) for v in w[1:]])), g[0]
PY
done

# fastText: its .vec output reads with the same vectors its own print-word-vectors gives for the
# .bin model. (fastText reads only its own .bin models, so nothing embedtool writes goes back.)
if ! command -v fasttext >/dev/null; then
  echo "note: fasttext is not installed; its part is skipped"
  echo "ok"
  exit 0
fi
awk 'BEGIN { srand(2); for (l = 0; l < 3000; l++) { for (w = 0; w < 12; w++)
       printf "%s%s", (w ? " " : ""), "t" int(rand() * rand() * 60); print "" } }' >corpus.txt
fasttext skipgram -input corpus.txt -output ft -dim 8 -epoch 2 -minCount 1 -minn 0 -maxn 0 \
  -thread 1 -verbose 0 >/dev/null || fail "fasttext skipgram failed"
cut -d' ' -f1 ft.vec | tail -n +2 | grep -v '^</s>$' >ft.words
fasttext print-word-vectors ft.bin <ft.words >ft.printed || fail "fasttext print-word-vectors failed"
"$EMBEDTOOL" lookup -m ft.vec $(cat ft.words) >ft.lookup || fail "embedtool cannot read fastText's .vec"
"$PYTHON" - <<'PY' || fail "fastText's .vec read by embedtool differs from print-word-vectors"
import numpy as np
got = [l.split() for l in open("ft.lookup", encoding="utf-8")]
want = [l.split() for l in open("ft.printed", encoding="utf-8")]
assert len(got) == len(want) > 0
for g, w in zip(got, want):
    assert g[0] == w[0]
    # Both print 5 significant digits of the same float32 (fastText's .vec and its printer).
    assert np.allclose(np.float32(g[1:]), np.float32(w[1:]), rtol=1e-4, atol=1e-6), g[0]
PY
echo "ok"
