# Files the user may not read and folders the user may not write: a one-line error naming the
# path, the old output file intact, no temporary file left behind. Permissions do not stop root,
# so as root the commands run as the unprivileged user `nobody` (setpriv, from util-linux).
source "$(dirname "$0")/lib.sh"

as_user=()
if [ "$(id -u)" -eq 0 ]; then
  command -v setpriv >/dev/null || { echo "skipped: running as root without setpriv to drop privileges"; exit $SKIP; }
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
  chmod 755 "$WORK"
  "${as_user[@]}" "$EMBEDTOOL" --version >/dev/null 2>&1 ||
    { echo "skipped: user nobody cannot run $EMBEDTOOL (a parent folder is not searchable)"; exit $SKIP; }
fi

printf 'the cat sat on the mat\nthe dog sat on the log\n' >corpus.txt
"$EMBEDTOOL" train corpus.txt -o model.emb --output-dim 4 --epochs 1 --quiet || fail "train failed"
chmod 644 corpus.txt model.emb

# From here on run_embedtool and expect_error run the binary as that user.
RUN_AS=(${as_user[@]+"${as_user[@]}"})

# An input file the user may not read.
mkdir open && chmod 777 open
cp corpus.txt secret.txt && chmod 000 secret.txt
expect_error 1 "secret.txt.*Permission denied" vocab secret.txt
expect_error 1 "secret.txt.*Permission denied" train secret.txt -o open/model.emb
[ ! -e open/model.emb ] && [ -z "$(ls -A open)" ] || fail "a failed train left files: $(ls -A open)"
cp model.emb secret.emb && chmod 000 secret.emb
expect_error 1 "secret.emb.*Permission denied" lookup -m secret.emb cat

# A folder the user may not write: each writer fails before or at the write, and the file
# already there keeps its content.
mkdir locked
printf 'old\n' >locked/vocab.tsv
cp model.emb locked/model.emb
cp model.emb locked/model.vec
chmod 644 locked/*
chmod 555 locked
expect_error 1 "locked/vocab.tsv" vocab corpus.txt -o locked/vocab.tsv
expect_error 1 "locked/model.emb" train corpus.txt -o locked/model.emb --output-dim 4 --epochs 1
expect_error 1 "locked/model.vec" convert model.emb locked/model.vec
[ "$(cat locked/vocab.tsv)" = "old" ] || fail "a failed vocab -o changed the old file"
cmp -s model.emb locked/model.emb || fail "a failed train -o changed the old model"
cmp -s model.emb locked/model.vec || fail "a failed convert changed the old file"
[ "$(ls -A locked | tr '\n' ' ')" = "model.emb model.vec vocab.tsv " ] ||
  fail "temporary files were left in the read-only folder: $(ls -A locked)"
chmod 755 locked
echo "ok"
