# train estimates its memory before allocating E and refuses a run that would not fit: over
# --max-memory, or over the machine's memory. The estimate must stay near the measured peak.
source "$(dirname "$0")/lib.sh"

# bytes "268 MB" -> 268000000 (the units embedtool prints)
bytes() {
  awk -v n="$1" -v u="$2" 'BEGIN {
    m["bytes"] = 1; m["kB"] = 1e3; m["MB"] = 1e6; m["GB"] = 1e9; m["TB"] = 1e12
    if (!(u in m)) exit 1
    printf "%.0f\n", n * m[u] }'
}

# 200,000 distinct words, each 3 times: the per-word tables dominate at this small D.
awk 'BEGIN { srand(5); for (i = 0; i < 60000; i++) { line = "";
       for (j = 0; j < 10; j++) line = line " w" int(rand() * 200000); print line } }' >corpus.txt
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "w%d ", i; print "" }' >>corpus.txt
run_embedtool train corpus.txt -o model.emb --output-dim 16 --epochs 1 --threads 1
[ "$status" -eq 0 ] || fail "train failed: $(cat err)"
estimate=$(sed -n 's/.*memory: about \([0-9.]*\) \([a-zA-Z]*\) (.*/\1 \2/p' err)
peak=$(sed -n 's/.*peak memory \([0-9.]*\) \([a-zA-Z]*\)).*/\1 \2/p' err)
[ -n "$estimate" ] && [ -n "$peak" ] || fail "no memory estimate or peak in the log: $(cat err)"
estimate_bytes=$(bytes $estimate) && peak_bytes=$(bytes $peak) || fail "unknown unit in '$estimate' or '$peak'"
echo "estimate $estimate, peak $peak"
# Within a factor 1.5 either way: the peak also holds the binary, libraries and the allocator's
# slack, which the estimate leaves out. Under a sanitizer (scripts/test.sh sets its options) the
# peak also holds shadow memory, several times the program's own.
if instrumented; then
  echo "note: sanitizer build, so the peak is not compared with the estimate"
else
  awk -v e="$estimate_bytes" -v p="$peak_bytes" 'BEGIN { exit !(e > p / 1.5 && e < p * 1.5) }' ||
    fail "the estimate ($estimate) is far from the measured peak ($peak)"
fi

# Over the limit: one line with the figures, before any training, and no model written.
cp model.emb old.emb
expect_error 1 "more than --max-memory 1 MB" train corpus.txt -o model.emb --max-memory 1MB
grep -q "E 80 MB" err || fail "the error should give E's size: $(cat err)"
cmp -s model.emb old.emb || fail "a refused run changed the model file"
# Over the machine's memory, whatever the user allows by default (D = 65536 and 200k words is
# over 100 GB for E alone).
expect_error 1 "this machine's" train corpus.txt -o model.emb --output-dim 65536
expect_error 2 "max-memory" train corpus.txt --max-memory lots
echo "ok"
