# Sourced by the benchmarks that make large files: `work_folder KEEP PREFIX` sets $work to the
# folder KEEP (made if missing, kept afterwards, so a second run reuses its files), or, with
# KEEP empty, to a new temporary folder named after PREFIX that is removed when the script exits.
work_folder() {
  local keep=$1 prefix=$2
  if [ -n "$keep" ]; then
    mkdir -p "$keep" && work=$(realpath "$keep")
  else
    work=$(mktemp -d "${TMPDIR:-/tmp}/$prefix.XXXXXX") && trap 'rm -rf "$work"' EXIT
  fi
}
