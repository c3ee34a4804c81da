# Adversarial inputs through the real binary: each gets a one-line error or a documented
# behaviour, never a crash (a crash would show as status >= 128 or a sanitizer report).
source "$(dirname "$0")/lib.sh"

# expect_no_crash ARGS...: any status below 128, and stderr lines are all embedtool's own.
expect_no_crash() {
  run_embedtool "$@"
  [ "$status" -lt 128 ] || fail "embedtool $* crashed (status $status): $(head -5 err)"
  if grep -a -v -E '^embedtool: (info|warning|error): ' err | grep -aq .; then
    fail "embedtool $* printed something other than its own messages: $(head -5 err)"
  fi
}

printf 'the cat sat on the mat\n' >corpus.txt
"$EMBEDTOOL" train corpus.txt -o model.emb --output-dim 4 --epochs 1 --quiet || fail "train failed"

# Empty input: an empty vocabulary is a valid answer for vocab; train refuses with one line.
: >empty.txt
run_embedtool vocab empty.txt
[ "$status" -eq 0 ] && [ ! -s out ] || fail "vocab of an empty file should print nothing and succeed"
expect_error 1 "empty" train empty.txt -o empty.emb
[ ! -e empty.emb ] || fail "train on an empty file wrote a model"
run_embedtool pad empty.txt
[ "$status" -eq 0 ] && [ ! -s out ] || fail "pad of an empty file should print no rows"

# Only punctuation: no words at all.
printf '!!! ... ,,, ???\n--- ;;;\n' >punct.txt
run_embedtool vocab punct.txt
[ "$status" -eq 0 ] && [ ! -s out ] || fail "vocab of punctuation should print nothing"
expect_error 1 "empty" train punct.txt -o p.emb

# Invalid UTF-8 at the start, middle and end of a line, and a truncated character at the end of
# the file: an error naming line and byte each time.
printf '\xffstart\n' >bad1.txt
printf 'mid\xc3(dle\n' >bad2.txt
printf 'end\xe6\x97' >bad3.txt
printf 'ok\n\xed\xa0\x80surrogate\n' >bad4.txt
expect_error 1 "bad1.txt: line 1, byte 0" vocab bad1.txt
expect_error 1 "bad2.txt: line 1, byte 3" vocab bad2.txt
expect_error 1 "bad3.txt: line 1, byte 3" vocab bad3.txt
expect_error 1 "bad4.txt: line 2, byte 3" vocab bad4.txt
expect_error 1 "unknown word" lookup -m model.emb $'\xff'
for f in bad1 bad2 bad3 bad4; do
  expect_no_crash vocab --unicode-errors replace $f.txt
  [ "$status" -eq 0 ] || fail "--unicode-errors replace failed on $f.txt"
done

# NUL bytes separate words (documented); a BOM is dropped; CRLF and lone CR end lines.
printf 'a\0b\0\0c\n' >nul.txt
[ "$("$EMBEDTOOL" vocab --quiet nul.txt | cut -f1 | tr '\n' ' ')" = "a b c " ] || fail "NUL bytes should separate words"
printf '\xef\xbb\xbfcat dog\r\ncat\rdog\r\n' >bom.txt
[ "$("$EMBEDTOOL" vocab --quiet bom.txt)" = $'cat\t2\ndog\t2' ] || fail "BOM/CRLF/CR handling"
[ "$(printf '1 2\r\n3\r4\n' | "$EMBEDTOOL" pad)" = $'1 2\n0 3\n0 4' ] || fail "pad with CRLF/CR line ends"

# A single 200 MB line (22,222,222 repetitions of "ab cd ef ") and a 1 MB word.
head -c 199999998 /dev/zero | tr '\0' 'a' | sed 's/aaaaaaaaa/ab cd ef /g' >huge-line.txt
expect_no_crash vocab huge-line.txt
[ "$status" -eq 0 ] || fail "vocab of a 200 MB line failed: $(cat err)"
[ "$(cut -f1 out | sort | tr '\n' ' ')" = "ab cd ef " ] || fail "vocab of the 200 MB line: $(head -3 out)"
rm -f huge-line.txt
head -c 1000000 /dev/zero | tr '\0' 'w' >big-word.txt
printf '\nshort words here\n' >>big-word.txt
expect_no_crash vocab big-word.txt
[ "$status" -eq 0 ] && [ "$(wc -l <out)" -eq 4 ] || fail "a 1 MB word should be counted like any other"

# A directory or a FIFO where a file is expected; a missing file.
expect_error 1 "directory" vocab .
expect_error 1 "directory" pad .
expect_error 1 "directory" lookup -m . cat
mkfifo fifo
(printf 'cat dog cat\n' >fifo &)
[ "$("$EMBEDTOOL" vocab --quiet fifo | head -1)" = $'cat\t2' ] || fail "vocab should read a FIFO"
# train reads its corpus more than once: a FIFO or <(...) is spooled to a temporary file first.
(printf 'cat dog cat\n' >fifo &)
"$EMBEDTOOL" train fifo -o fifo.emb --output-dim 4 --epochs 1 --quiet || fail "train should spool a FIFO"
"$EMBEDTOOL" train <(printf 'cat dog cat\n') -o subst.emb --output-dim 4 --epochs 1 --quiet ||
  fail "train should spool a process substitution"
# A FIFO as the output: the model goes to its reader. Checking the path before training must not
# open the FIFO, or the reader would see the end of its input before any model came (and train
# would then wait forever for another reader, deaf to SIGTERM while blocked in open(): hence
# the timeout with SIGKILL).
mkfifo out.fifo
cat out.fifo >from-fifo.emb &
reader=$!
timeout -s KILL 60 "$EMBEDTOOL" train <(printf 'cat dog cat\n') -o out.fifo --output-dim 4 --epochs 1 \
  --quiet || fail "train -o FIFO failed or hung"
wait "$reader"
"$EMBEDTOOL" verify --quiet from-fifo.emb >/dev/null || fail "the model read from a FIFO is broken"
expect_error 1 "missing.txt" vocab missing.txt
if [ "$(id -u)" -ne 0 ]; then
  cp corpus.txt unreadable.txt && chmod 000 unreadable.txt
  expect_error 1 "unreadable.txt" vocab unreadable.txt
else
  echo "note: running as root; e2e_permissions covers unreadable files as user nobody"
fi

# Sizes out of range, huge and negative, and a flag given twice.
expect_error 2 "output-dim" train corpus.txt --output-dim 0
expect_error 2 "output-dim" train corpus.txt --output-dim -3
expect_error 2 "output-dim" train corpus.txt --output-dim 100000000000
expect_error 2 "epochs" train corpus.txt --epochs 99999999999999999999
expect_error 2 "lr" train corpus.txt --lr nan
expect_error 2 "input-length" pad --input-length -1
expect_error 2 "window" train corpus.txt --window 2 --window 3
# --input-dim is a cap: a huge one keeps every word (documented), it allocates nothing by itself.
[ "$("$EMBEDTOOL" vocab --quiet --input-dim 10000000000 corpus.txt | wc -l)" -eq 5 ] ||
  fail "--input-dim 10000000000 should keep every word"

# Settings files: unknown key, wrong type, trailing garbage, deep nesting.
printf '{"windoww": 3}' >c1.json
expect_error 2 "windoww" train --config c1.json corpus.txt
printf '{"window": true}' >c2.json
expect_error 2 "window" train --config c2.json corpus.txt
printf '{"window": 3} {"epochs": 1}' >c3.json
expect_error 2 "JSON" train --config c3.json corpus.txt
python3 -c 'print("{\"window\": " + "[" * 100 + "]" * 100 + "}")' >c4.json
expect_error 2 "window" train --config c4.json corpus.txt
python3 -c 'print("[" * 100000 + "]" * 100000)' >c5.json
expect_error 2 "object" train --config c5.json corpus.txt

# Model files truncated at many points, and with bits flipped: one-line errors, never a crash.
size=$(stat -c %s model.emb)
for cut in 0 3 4 8 64 127 128 129 200 $((size / 2)) $((size - 65)) $((size - 1)); do
  head -c "$cut" model.emb >cut.emb
  expect_error 1 "cut.emb" lookup -m cut.emb cat
done
for byte in 0 5 9 30 44 100 130 $((size - 3)); do
  cp model.emb flipped.emb
  printf "$(printf '\\x%02x' $(( $(od -An -tu1 -j "$byte" -N1 model.emb) ^ 16 )))" |
    dd of=flipped.emb bs=1 seek="$byte" conv=notrunc status=none
  expect_error 1 "flipped.emb" lookup -m flipped.emb cat
done

# Ids that are negative, past the vocabulary, not integers, beyond 32 or 64 bits.
expect_error 1 "out of range" lookup -m model.emb --ids -- -1
expect_error 1 "out of range" lookup -m model.emb --ids 7
expect_error 1 "out of range" lookup -m model.emb --ids 4294967297
expect_error 1 "not an id" lookup -m model.emb --ids 2.5
expect_error 1 "not an id" lookup -m model.emb --ids 99999999999999999999
[ "$(printf -- '-4 4294967297\n' | "$EMBEDTOOL" pad)" = "-4 4294967297" ] ||
  fail "pad passes any 64-bit id through (ids are only checked where they index E)"
expect_error 1 "64 bits" pad <(printf '1 99999999999999999999\n')

# An output folder that is full: the old file stays intact. Needs a small tmpfs (root only).
if [ "$(id -u)" -eq 0 ] && mkdir -p small && mount -t tmpfs -o size=64k tmpfs small 2>/dev/null; then
  printf 'old content\n' >small/vocab.tsv
  head -c 200000 /dev/urandom | base64 -w 60 >big.txt
  expect_error 1 "small/vocab.tsv" vocab big.txt -o small/vocab.tsv
  [ "$(cat small/vocab.tsv)" = "old content" ] || fail "a full disk damaged the old output file"
  [ "$(ls -A small)" = "vocab.tsv" ] || fail "a temporary file was left on the full disk: $(ls -A small)"
  umount small
else
  echo "note: cannot mount a small tmpfs here (needs root), so the full-disk case is covered only by unit tests"
fi
echo "ok"
