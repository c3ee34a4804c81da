# convert, info, verify and lookup on every vector format, through the real binary.
source "$(dirname "$0")/lib.sh"

# 300 words x 16 dims of word2vec text, made here so the test needs nothing else.
awk 'BEGIN { srand(1); print "300 16";
             for (i = 0; i < 300; i++) { printf "w%d", i;
               for (j = 0; j < 16; j++) printf " %.7g", rand() * 2 - 1; print "" } }' >source.vec
"$EMBEDTOOL" convert source.vec model.emb --quiet || fail "convert source.vec model.emb failed"
"$EMBEDTOOL" convert model.emb canonical.vec --quiet || fail "convert model.emb canonical.vec failed"
cmp -s source.vec canonical.vec || fail "source.vec -> .emb -> .vec changed the text"

# Every format and back: the same words and values.
for out in a.emb a.bin a.vec a.txt a.npy projector/ vectors.tsv; do
  run_embedtool convert model.emb "$out"
  [ "$status" -eq 0 ] || fail "convert model.emb $out exited $status: $(cat err)"
  run_embedtool convert "$out" back.vec
  [ "$status" -eq 0 ] || fail "convert $out back.vec exited $status: $(cat err)"
  cmp -s canonical.vec back.vec || fail "model.emb -> $out -> .vec is not the same"
  # lookup reads every format directly.
  run_embedtool lookup -m "$out" w7 w299
  [ "$status" -eq 0 ] || fail "lookup -m $out exited $status: $(cat err)"
  [ "$(cat out)" = "$(grep -E '^(w7|w299) ' canonical.vec)" ] || fail "lookup -m $out printed other vectors"
done
[ -f a.vocab.txt ] && [ "$(head -3 a.vocab.txt | tr '\n' ' ')" = "<pad> <unk> w0 " ] ||
  fail "a.npy's word list should list every row, <pad> and <unk> first"
[ -f projector/vectors.tsv ] && [ -f projector/metadata.tsv ] && [ -f metadata.tsv ] ||
  fail "projector output should be vectors.tsv + metadata.tsv"

# Standard input and output, with the formats given by name.
"$EMBEDTOOL" convert - piped.emb --from word2vec-text --quiet <source.vec || fail "convert from stdin failed"
"$EMBEDTOOL" convert piped.emb - --to glove --quiet >piped.txt || fail "convert to stdout failed"
[ "$(tail -n +2 canonical.vec)" = "$(cat piped.txt)" ] || fail "glove to stdout differs from the .vec rows"

# float16: about half the file; lookups widen on the fly.
run_embedtool convert model.emb half.emb --dtype float16
[ "$status" -eq 0 ] || fail "convert --dtype float16 failed: $(cat err)"
full_size=$(stat -c %s model.emb)
half_size=$(stat -c %s half.emb)
# The matrix (302 x 16 values) takes 2 bytes a value instead of 4; the rest is the same.
[ $((full_size - half_size)) -eq $((302 * 16 * 2)) ] ||
  fail "float16 file is $half_size bytes, float32 $full_size"
"$EMBEDTOOL" lookup -m half.emb w7 | awk -v ref="$(grep '^w7 ' canonical.vec)" '
  BEGIN { n = split(ref, r, " ") }
  { for (i = 2; i <= n; i++) { d = $i - r[i]; if (d < 0) d = -d; if (d > 1e-3) exit 1 } }' ||
  fail "float16 lookup of w7 is not within float16 precision"
"$EMBEDTOOL" convert half.emb half.npy --dtype float16 --quiet || fail "float16 .npy failed"
expect_error 2 "float16 is for emb and npy" convert model.emb x.bin --dtype float16

# --limit: the first N words only.
run_embedtool lookup -m source.vec --limit 5 w3 w5
[ "$status" -eq 1 ] && grep -q '"w5"' err && [ "$(cut -d' ' -f1 out)" = "w3" ] ||
  fail "lookup --limit 5 should know w3 but not w5"
"$EMBEDTOOL" convert model.emb first.vec --limit 10 --quiet || fail "convert --limit failed"
[ "$(head -1 first.vec)" = "10 16" ] || fail "convert --limit 10 wrote $(head -1 first.vec)"

# info: text and JSON.
run_embedtool info model.emb
[ "$status" -eq 0 ] || fail "info exited $status"
grep -qE '^format +emb \(version 5\)$' out && grep -qE '^input_dim +302 rows: 300 words' out &&
  grep -qE '^output_dim +16$' out && grep -qE '^dtype +float32$' out || fail "info text: $(cat out)"
run_embedtool info --format json half.emb
grep -q '"dtype": "float16"' out && grep -q '"output_dim": 16' out && grep -q '"words": 300' out ||
  fail "info --format json: $(cat out)"
run_embedtool info a.npy
grep -qE '^format +npy$' out || fail "info on a.npy: $(cat out)"

# verify: sound files say ok; a damaged one names every problem and exits 1.
run_embedtool verify model.emb half.emb a.vec
[ "$status" -eq 0 ] && [ "$(grep -c ': ok (' out)" -eq 3 ] || fail "verify of sound files: $(cat out err)"
cp model.emb damaged.emb
# Near the end of the matrix (the row norms come after it).
matrix_end=$(($(od -An -t u8 -j 80 -N 8 damaged.emb) + $(od -An -t u8 -j 88 -N 8 damaged.emb)))
printf 'X' | dd of=damaged.emb bs=1 seek=$((matrix_end - 10)) conv=notrunc status=none
printf 'X' | dd of=damaged.emb bs=1 seek=1000 conv=notrunc status=none
run_embedtool verify damaged.emb
[ "$status" -eq 1 ] || fail "verify of a damaged file exited $status"
grep -q 'corrupt matrix section' err && [ "$(grep -c '^embedtool: error: ' err)" -ge 2 ] ||
  fail "verify should report each damaged section: $(cat err)"
expect_error 1 "damaged.emb has a corrupt" lookup -m damaged.emb w1
expect_error 1 "line 3" convert <(printf '2 2\nw 1 2\nv 1 x\n') x.emb --from word2vec-text

# Usage errors: status 2, nothing written.
expect_error 2 "cannot tell the format" convert model.emb out.unknown
expect_error 2 "--from" convert - x.emb </dev/null
expect_error 2 "vocab" convert source.vec x.emb --vocab words.txt
expect_error 2 "--to" convert model.emb - 
[ ! -e x.emb ] && [ ! -e out.unknown ] || fail "a usage error wrote a file"
expect_error 1 "missing-folder" convert model.emb missing-folder/x.vec
echo "ok"
