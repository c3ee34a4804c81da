#!/usr/bin/env bash
# Installs what embedtool needs to build and test (Debian 12 packages) and builds it in build/.
# Idempotent: packages already installed are not fetched again, and the build is incremental.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config
  libcli11-dev libeigen3-dev nlohmann-json3-dev libspdlog-dev doctest-dev libutf8proc-dev zlib1g-dev
  libhnswlib-dev  # builds the graph of `embedtool index --ann`
  python3   # end-to-end tests use it to count words independently
  time      # /usr/bin/time: peak memory in e2e_lookup_stream and bench/
  # e2e_plot renders the pictures of `embedtool plot` (and skips without rsvg-convert); their
  # text widths are estimated for DejaVu Sans.
  librsvg2-bin fonts-dejavu-core
  # The peers, for the interop and agreement tests and bench/ (tests skip if they are missing).
  python3-numpy python3-gensim fasttext
  # MPI: `mpirun -np N embedtool train` (the MPI plugin is built when the headers are there) and
  # the e2e_train_mpi* tests, which skip without mpirun.
  openmpi-bin libopenmpi-dev
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Unity build: each target's sources are compiled in batches of 8 files (CMake includes them in
# one file), so the heavy headers (CLI11, Eigen, nlohmann/json, spdlog) are parsed and their
# inline code compiled once per batch instead of once per file: a cold Release build took 325 s
# of CPU instead of 840 s. The scripts' other trees use it too (CMakeLists.txt says what it asks
# of the code). A tree configured by hand without the option builds file by file.
cmake -S . -B build -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" -DCMAKE_UNITY_BUILD=ON >/dev/null
cmake --build build -j "$(nproc)"
