# Errors and --help name choices in words and ranges in plain numbers (issue 15): no CLI11
# internals such as `ENUM:value in {post->1,pre->0} OR {1,0}`, `BOOLEAN:`, a flag's `{false}`,
# or DBL_MAX written out in 309 digits.
source "$(dirname "$0")/lib.sh"

# The subcommands, as the top-level help lists them.
"$EMBEDTOOL" --help >top-help.txt || fail "embedtool --help failed"
commands=$(sed -n '/^Subcommands:/,$p' top-help.txt | awk 'NR > 1 && NF { print $1 }')
[ "$(echo "$commands" | wc -w)" -ge 10 ] || fail "expected at least 10 subcommands, got: $commands"

junk='ENUM|BOOLEAN|value in|->[0-9]|OR \{|\{(false|true)\}|[0-9]{20}|:(INT|UINT|FLOAT|TEXT) in'
for command in $commands; do
  "$EMBEDTOOL" "$command" --help >help.txt || fail "embedtool $command --help failed"
  ! grep -nE "$junk" help.txt || fail "embedtool $command --help shows CLI11 internals (above)"
done

# The choices are named in the help, in words.
"$EMBEDTOOL" pad --help | grep -qE -- '--padding pre\|post=pre' || fail "pad --help: --padding pre|post=pre"
"$EMBEDTOOL" info --help | grep -qE -- '--format text\|json=text' || fail "info --help: --format text|json"

# Errors: the choices in words, the range in plain numbers.
expect_error 2 '--padding: must be pre or post, not "left"' pad --padding left
expect_error 2 '--truncating: must be pre or post' pad --truncating middle
expect_error 2 '--format: must be text or json, not "yaml"' info --format yaml x.emb
expect_error 2 '--format: must be text, tsv, json or npy' lookup --format csv cat
expect_error 2 '--unicode-errors: must be strict, replace or ignore' vocab --unicode-errors drop
expect_error 2 '--arch: must be skipgram or cbow' train --arch glove corpus.txt
expect_error 2 '--input-length: must be 0 or more, not -3' pad --input-length -3
expect_error 2 '--window: must be from 1 to 1000, not 0' train --window 0 corpus.txt
expect_error 2 '--input-dim: must be 3 or more, not 2' vocab --input-dim 2
expect_error 2 '--lr: must be from 1e-09 to 100, not 0' train --lr 0 corpus.txt
expect_error 2 '--epochs: must be a whole number from 1 to 100000, not 1.5' train --epochs 1.5 corpus.txt
expect_error 2 '--threshold: must be from 0 to 1, not 2' predict --threshold 2
! grep -qE '[0-9]{20}' err || fail "a range error printed a huge number"
# An option given twice (CLI11: "At Most 1 required but received 2").
expect_error 2 '--window is given 2 times; give it once' train --window 3 --window 5 corpus.txt
echo "ok"
