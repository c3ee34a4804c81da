# --config FILE.json: sets options, command-line flags override it, unknown keys and wrong types
# are errors naming the key.
source "$(dirname "$0")/lib.sh"

printf 'a a a b b c\nc d\n' >corpus.txt

printf '{"min_count": 2}\n' >min2.json
[ "$("$EMBEDTOOL" vocab --quiet --config min2.json corpus.txt | cut -f1 | tr '\n' ' ')" = "a b c " ] ||
  fail "min_count from the settings file was not applied"
# The flag wins over the file.
[ "$("$EMBEDTOOL" vocab --quiet --config min2.json --min-count 3 corpus.txt | cut -f1)" = "a" ] ||
  fail "--min-count on the command line should override the settings file"

# Training settings from a file land in the model (its size shows output_dim).
printf '{"output_dim": 7, "epochs": 1, "window": 2, "lr": 0.05, "quiet": true}\n' >train.json
"$EMBEDTOOL" train --config train.json corpus.txt -o m.emb || fail "train --config failed"
[ "$("$EMBEDTOOL" lookup -m m.emb a | awk '{print NF}')" -eq 8 ] || fail "output_dim 7 not applied"

# The shipped example is a valid settings file for train.
"$EMBEDTOOL" train --config "$PROJECT/config.example.json" corpus.txt -o example.emb --epochs 1 --quiet ||
  fail "config.example.json is not accepted by train"

printf '{"output_dimm": 7}\n' >typo.json
expect_error 2 "output.dimm" train --config typo.json corpus.txt
printf '{"window": "wide"}\n' >type.json
expect_error 2 "window" train --config type.json corpus.txt
printf '{"window": 3} trailing\n' >garbage.json
expect_error 2 "JSON" train --config garbage.json corpus.txt
printf '{"window": {"a": 1}}\n' >nested.json
expect_error 2 "window" train --config nested.json corpus.txt
printf '[1, 2]\n' >array.json
expect_error 2 "object" train --config array.json corpus.txt
expect_error 2 "" train --config missing.json corpus.txt
echo "ok"
