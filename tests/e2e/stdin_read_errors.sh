#!/usr/bin/env bash
# Standard input that cannot be read (here a directory) is one error line that says why, with
# exit status 1, for every command that reads lines from it through text/LineReader.
source "$(dirname "$0")/lib.sh"

train_demo_model
mkdir folder
for command in "lookup -m $WORK/demo.emb" "lookup -m $WORK/demo.emb --batch" "pad"; do
  # shellcheck disable=SC2086
  ${RUN_AS[@]+"${RUN_AS[@]}"} "$EMBEDTOOL" $command <folder >out 2>err
  status=$?
  [ "$status" -eq 1 ] || fail "$command < folder exited $status, expected 1: $(cat err)"
  grep -v '^embedtool: info: ' err >err.lines
  [ "$(wc -l <err.lines)" -eq 1 ] || fail "$command < folder: not one error line: $(cat err)"
  grep -q '^embedtool: error: read error: it is a directory (<stdin>' err.lines ||
    fail "$command < folder: the error does not say why: $(cat err.lines)"
done
echo "ok: an unreadable standard input is one error line naming the reason"
