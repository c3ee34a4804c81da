# vocab | pad in a pipeline, as a user would chain them.
source "$(dirname "$0")/lib.sh"

printf 'The cat sat.\nthe dog sat on the cat\n\nA bird!\n' >corpus.txt

# Vocabulary: count descending, ties by first appearance; ids start at 2.
"$EMBEDTOOL" vocab corpus.txt -o vocab.tsv 2>/dev/null || fail "vocab failed"
expected=$'the\t3\ncat\t2\nsat\t2\ndog\t1\non\t1\na\t1\nbird\t1'
[ "$(cat vocab.tsv)" = "$expected" ] || fail "vocab.tsv is: $(cat vocab.tsv)"

# stdin and - work the same as a file.
[ "$("$EMBEDTOOL" vocab --quiet <corpus.txt)" = "$expected" ] || fail "vocab from stdin differs"
[ "$(cat corpus.txt | "$EMBEDTOOL" vocab --quiet -)" = "$expected" ] || fail "vocab - differs"

# --input-dim counts the reserved ids: 5 rows = 3 words.
[ "$("$EMBEDTOOL" vocab --quiet --input-dim 5 corpus.txt | cut -f1 | tr '\n' ' ')" = "the cat sat " ] ||
  fail "--input-dim 5 should keep 3 words"
[ "$("$EMBEDTOOL" vocab --quiet --min-count 2 corpus.txt | wc -l)" -eq 3 ] ||
  fail "--min-count 2 should keep 3 words"

# Text through the vocabulary to padded ids: unknown words are 1, default length is the longest
# line, padding and truncating are 'pre' (Keras defaults). The empty line is a row of padding.
printf 'the cat\nthe zebra sat on the dog\n\n' >sentences.txt
out=$("$EMBEDTOOL" vocab --quiet corpus.txt | "$EMBEDTOOL" pad --vocab /dev/stdin sentences.txt)
expected=$'0 0 0 0 2 3\n2 1 4 6 2 5\n0 0 0 0 0 0'
[ "$out" = "$expected" ] || fail "pad --vocab printed: $out"

# Integer ids from stdin with explicit length, post padding, post truncating, custom value.
out=$(printf '1 2 3 4 5\n7\n' | "$EMBEDTOOL" pad --input-length 3 --padding post --truncating post --value 9)
[ "$out" = $'1 2 3\n7 9 9' ] || fail "pad post/post printed: $out"
out=$(printf '1 2 3 4 5\n7\n' | "$EMBEDTOOL" pad --input-length 3)
[ "$out" = $'3 4 5\n0 0 7' ] || fail "pad pre/pre printed: $out"

# -o writes the same rows to a file.
printf '4 5\n' | "$EMBEDTOOL" pad --input-length 4 -o padded.txt || fail "pad -o failed"
[ "$(cat padded.txt)" = "0 0 4 5" ] || fail "pad -o wrote: $(cat padded.txt)"
echo "ok"
