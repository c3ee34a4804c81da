# Every subcommand's --help ends with two or three examples of it (issue 15).
source "$(dirname "$0")/lib.sh"

"$EMBEDTOOL" --help >top-help.txt || fail "embedtool --help failed"
commands=$(sed -n '/^Subcommands:/,$p' top-help.txt | awk 'NR > 1 && NF { print $1 }')
[ "$(echo "$commands" | wc -w)" -ge 10 ] || fail "expected at least 10 subcommands, got: $commands"
for command in $commands; do
  "$EMBEDTOOL" "$command" --help >help.txt || fail "embedtool $command --help failed"
  # The last block: "Examples:" and then only example lines.
  sed -n '/^Examples:$/,$p' help.txt | sed '/^$/d' >examples.txt
  [ -s examples.txt ] || fail "embedtool $command --help has no Examples"
  [ "$(sed '/^$/d' help.txt | tail -n 1)" = "$(tail -n 1 examples.txt)" ] ||
    fail "embedtool $command --help does not end with its examples"
  lines=$(($(wc -l <examples.txt) - 1))
  [ "$lines" -ge 2 ] && [ "$lines" -le 3 ] ||
    fail "embedtool $command --help has $lines examples, expected two or three"
  [ "$(tail -n +2 examples.txt | grep -c "embedtool $command ")" -eq "$lines" ] ||
    fail "embedtool $command --help: an example does not run embedtool $command: $(cat examples.txt)"
done
echo "ok"
