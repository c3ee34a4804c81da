# Bad input of every kind named in the pipeline issue: one error line, a non-zero status, and no
# output file left behind.
source "$(dirname "$0")/lib.sh"

printf 'the cat sat\n' >corpus.txt

# Files that are missing, a directory, or not what they claim to be.
expect_error 1 "no-such-file.txt" vocab no-such-file.txt
expect_error 1 "directory" vocab .
expect_error 1 "no-such-model.emb" lookup -m no-such-model.emb cat
printf 'this is not a model\n' >fake.emb
expect_error 1 "fake.emb" lookup -m fake.emb cat
expect_error 1 "directory" train .

# A model cut short is reported as such.
"$EMBEDTOOL" train corpus.txt -o good.emb --output-dim 8 --epochs 1 --quiet || fail "train failed"
head -c 200 good.emb >short.emb
expect_error 1 "short.emb" lookup -m short.emb cat

# Invalid UTF-8 names the line and byte; --unicode-errors replace accepts it.
printf 'fine line\nbad \xff byte\n' >bad-utf8.txt
expect_error 1 "line 2" vocab bad-utf8.txt
"$EMBEDTOOL" vocab --quiet --unicode-errors replace bad-utf8.txt >/dev/null || fail "--unicode-errors replace should accept invalid UTF-8"

# Flags out of range or malformed are usage errors (status 2).
expect_error 2 "output-dim" train corpus.txt --output-dim 0
expect_error 2 "window" train corpus.txt --window -1
expect_error 2 "epochs" train corpus.txt --epochs abc
expect_error 2 "min-count" vocab corpus.txt --min-count 0
expect_error 2 "input-dim" vocab corpus.txt --input-dim 2
expect_error 2 "padding" pad --padding middle
expect_error 2 "nearest" lookup -m good.emb --nearest 0 cat
expect_error 2 "bogus" vocab --bogus corpus.txt
expect_error 2 "" frobnicate

# Sequences that are not integers, and ids outside the model.
printf '1 2 x3\n' >ids.txt
expect_error 1 "x3.*line 1" pad ids.txt
expect_error 1 "out of range" lookup -m good.emb --ids 999999

# A corpus where nothing reaches min-count trains nothing and writes nothing.
expect_error 1 "min-count" train corpus.txt --min-count 5 -o none.emb
[ ! -e none.emb ] || fail "a failed train left none.emb behind"

# An output folder that does not exist: an error before any work, and no stray files.
expect_error 1 "no-such-dir" train corpus.txt -o no-such-dir/model.emb --epochs 1
expect_error 1 "no-such-dir" vocab corpus.txt -o no-such-dir/vocab.tsv

# A failed run never damages the file already at the output path.
cp good.emb keep.emb
expect_error 1 "min-count" train corpus.txt --min-count 5 -o keep.emb
cmp -s good.emb keep.emb || fail "a failed train changed the existing model file"
[ -z "$(ls -A | grep -v -E '^(corpus.txt|fake.emb|good.emb|short.emb|bad-utf8.txt|ids.txt|keep.emb|out|err)$')" ] ||
  fail "stray files left behind: $(ls -A)"
echo "ok"
