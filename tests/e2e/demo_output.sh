# The README's quick start shows the demo's output: it must be what the demo prints. One thread
# makes it the same on every run of one machine; on another CPU (other vector instructions, other
# rounding) twenty epochs of SGD may end a little elsewhere, so the check is on what a reader
# takes from it: the same lines in the same order, each answer's first word the same, at least 3
# of the 4 neighbours of each word, cosines within 0.05.
source "$(dirname "$0")/lib.sh"

if instrumented; then
  echo "SKIP: the demo trains for 20 s in a Release build, minutes under a sanitizer; its output is checked in the Release stage"
  exit "$SKIP"
fi
"$PROJECT/scripts/demo_steps.sh" "$EMBEDTOOL" demo.emb >actual.txt 2>err ||
  fail "the demo's steps failed: $(cat err)"
# The README's block: the lines between "every run prints this:" and the end of the code block.
awk '/every run prints this:/ { found = 1; next }
     found && /^```$/ { if (inside) exit; inside = 1; next }
     inside { print }' "$PROJECT/README.md" >expected.txt
[ -s expected.txt ] || fail "no demo output block in README.md"
python3 - expected.txt actual.txt <<'PY' || fail "the README's demo output is not the demo's: $(diff expected.txt actual.txt)"
import sys
def rows(path):
    return [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")]
expected, actual = rows(sys.argv[1]), rows(sys.argv[2])
assert len(expected) == len(actual), (len(expected), len(actual))
groups_e, groups_a = {}, {}
for e, a in zip(expected, actual):
    if len(e) == 1:
        assert e == a, (e, a)  # the headings
        continue
    assert e[0] == a[0], (e, a)  # the same query
    assert abs(float(e[2]) - float(a[2])) <= 0.05, (e, a)
    groups_e.setdefault(e[0], []).append(e[1])
    groups_a.setdefault(a[0], []).append(a[1])
for query, words in groups_e.items():
    assert words[0] == groups_a[query][0], (query, words, groups_a[query])
    assert len(set(words) & set(groups_a[query])) >= len(words) - 1, (query, words, groups_a[query])
PY
# The map the demo draws: every word it names is on it, and the README shows the picture.
[ -s demo-map.svg ] || fail "the demo drew no map (demo-map.svg)"
grep -q "a map of 29 words: demo-map.svg" err || fail "the demo does not say where its map is: $(cat err)"
for word in carter soviet taxes children navy; do
  grep -q ">$word<" demo-map.svg || fail "the demo's map lacks the word $word"
done
grep -q '](docs/demo-map.svg)' "$PROJECT/README.md" || fail "the README does not show the demo's map"
echo "ok: the README shows the demo's output ($(wc -l <actual.txt) lines)"
