# Counting a vocabulary within --max-memory: on a corpus of millions of distinct tokens (a web
# crawl's junk, in miniature), the word table spills to temporary files and is merged at the
# end. The vocabulary is byte for byte the unlimited count's, and the limited run's peak memory
# stays far below the unlimited one's.
source "$(dirname "$0")/lib.sh"

# peak_rss_kb COMMAND...: the command's peak resident memory in kB (/usr/bin/time).
peak_rss_kb() {
  /usr/bin/time -f %M -o "$WORK/rss" "$@" >/dev/null 2>&1 || fail "$* failed"
  cat "$WORK/rss"
}

# Distinct tokens, 100 to a line, plus a few words that repeat (the vocabulary at --min-count 2).
tokens=2000000
instrumented && tokens=200000  # a sanitizer makes counting several times slower
awk -v n="$tokens" 'BEGIN { for (i = 0; i < n / 100; i++) { line = "the cat";
       for (j = 0; j < 100; j++) line = line " t" (i * 100 + j) "x"; print line } }' >corpus.txt

run_embedtool vocab corpus.txt --min-count 2 -o unlimited.tsv
[ "$status" -eq 0 ] || fail "vocab without a limit failed: $(cat err)"
run_embedtool vocab corpus.txt --min-count 2 --max-memory 16MB -o limited.tsv
[ "$status" -eq 0 ] || fail "vocab --max-memory 16MB failed: $(cat err)"
grep -q "counting spilled the word table to temporary files [0-9]* times (its limit is 16 MB); the counts are exact" err ||
  fail "the spill is not reported: $(cat err)"
cmp -s unlimited.tsv limited.tsv || fail "the vocabulary counted within 16 MB differs"
grep -q "$((tokens + 2 * tokens / 100)) words, $((tokens + 2)) distinct" err ||
  fail "the distinct count after the merge: $(cat err)"

if instrumented; then
  echo "note: sanitizer build, so peak memory is not compared"
  exit 0
fi
if [ ! -x /usr/bin/time ]; then
  echo "note: no /usr/bin/time (Debian's time package), so peak memory is not compared"
  exit 0
fi
unlimited_peak=$(peak_rss_kb "$EMBEDTOOL" vocab corpus.txt --min-count 2 -o /dev/null)
limited_peak=$(peak_rss_kb "$EMBEDTOOL" vocab corpus.txt --min-count 2 --max-memory 16MB -o /dev/null)
echo "peak memory: ${unlimited_peak} kB without a limit, ${limited_peak} kB within 16 MB"
# The table's 16 MB, the sorted copy made when it spills (under half of it) and the binary's
# own few MB.
[ "$limited_peak" -lt 40000 ] || fail "counting within 16 MB peaked at ${limited_peak} kB"
[ "$unlimited_peak" -gt $((3 * limited_peak)) ] ||
  fail "the unlimited count (${unlimited_peak} kB) is not much larger: the test shows nothing"
