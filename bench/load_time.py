#!/usr/bin/python3
"""Time to first vector on a 1,000,000 x 300 model.

`embedtool lookup` on the memory-mapped .emb file (float32 and float16, with its hash index and
without it, as a format version 1 file) against gensim's KeyedVectors.load_word2vec_format on the
same vectors as word2vec binary, and file sizes. Prints a Markdown table; see docs/BENCHMARKS.md.

usage: /usr/bin/python3 bench/load_time.py [--rows N] [--dims D] [--runs N]
                                           [--embedtool PATH] [--keep DIR]

Each time is the wall time of a whole process (start-up included), the median of --runs runs.
"Cold" runs first drop the file's pages from the page cache (posix_fadvise DONTNEED, which needs
no root), so they include reading from the disk; "warm" runs find the file in memory. The random
vectors and words are made with numpy in a temporary folder that is deleted at the end (about
4.5 GB at the default size) unless --keep names a folder.
"""
import argparse
import os
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zlib

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

GENSIM_FIRST_VECTOR = """
import sys, time, warnings
warnings.filterwarnings("ignore")
start = time.perf_counter()
from gensim.models import KeyedVectors
imported = time.perf_counter()
kv = KeyedVectors.load_word2vec_format(sys.argv[1], binary=True)
print(kv[sys.argv[2]][0], imported - start, time.perf_counter() - imported)
"""


def make_files(rows, dims, embedtool):
    if not os.path.exists("vectors.npy"):
        rng = np.random.default_rng(1)
        np.save("vectors.npy", rng.standard_normal((rows, dims), dtype=np.float32))
        letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
        with open("vectors.vocab.txt", "w") as out:
            for i in range(rows):
                out.write("".join(letters[rng.integers(0, 26, 2 + i % 9)]) + str(i) + "\n")
    for output, extra in (("model.emb", []), ("model16.emb", ["--dtype", "float16"]),
                          ("model.bin", [])):
        if not os.path.exists(output):
            source = "vectors.npy" if output == "model.emb" else "model.emb"
            subprocess.run([embedtool, "convert", source, output, "--quiet"] + extra, check=True)
    # The same model as a format version 1 file, without the hash index: lookups scan the
    # vocabulary. Only the header changes (the index bytes stay, unreferenced).
    if not os.path.exists("model-v1.emb"):
        shutil.copyfile("model.emb", "model-v1.emb")
        with open("model-v1.emb", "r+b") as f:
            header = bytearray(f.read(128))
            struct.pack_into("<I", header, 4, 1)
            header[108:128] = bytes(20)
            struct.pack_into("<I", header, 8, 0)
            struct.pack_into("<I", header, 8, zlib.crc32(bytes(header)) & 0xFFFFFFFF)
            f.seek(0)
            f.write(header)


def evict(path):
    fd = os.open(path, os.O_RDONLY)
    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    os.close(fd)


def run_ms(command):
    start = time.perf_counter()
    result = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True)
    return (time.perf_counter() - start) * 1000, result.stdout


def measure(path, command, runs):
    cold = []
    for _ in range(runs):
        evict(path)
        cold.append(run_ms(command)[0])
    run_ms(command)
    warm = [run_ms(command)[0] for _ in range(runs)]
    return statistics.median(cold), statistics.median(warm)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--dims", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--embedtool", default=os.path.join(os.path.dirname(HERE), "build", "embedtool"))
    parser.add_argument("--keep", help="make and keep the files in this folder")
    args = parser.parse_args()
    embedtool = os.path.abspath(args.embedtool)
    work = os.path.abspath(args.keep) if args.keep else tempfile.mkdtemp(prefix="embedtool-load-time.")
    os.makedirs(work, exist_ok=True)
    os.chdir(work)
    try:
        make_files(args.rows, args.dims, embedtool)
        with open("vectors.vocab.txt") as words:
            word = words.read().split("\n")[args.rows // 2]  # mid-vocabulary: a scan finds it late

        table = [("embedtool lookup, .emb float32, mapped, hash index", "model.emb"),
                 ("embedtool lookup, .emb float16, mapped, hash index", "model16.emb"),
                 ("embedtool lookup, .emb float32, mapped, no index (v1 file: scan)", "model-v1.emb"),
                 ("embedtool lookup, word2vec .bin (reads the whole file)", "model.bin")]
        print(f"{args.rows:,} words x {args.dims} dims; the word looked up is row {args.rows // 2 + 2:,}; "
              f"median of {args.runs} runs; whole processes.\n")
        print("| reader | file size | time to first vector, cold cache | warm cache |")
        print("|---|---:|---:|---:|")
        for label, path in table:
            cold, warm = measure(path, [embedtool, "lookup", "-m", path, word], args.runs)
            print(f"| {label} | {os.path.getsize(path) / 1e6:,.0f} MB | {cold:,.0f} ms | {warm:,.0f} ms |")
        gensim = [sys.executable, "-c", GENSIM_FIRST_VECTOR, "model.bin", word]
        cold, warm = measure("model.bin", gensim, args.runs)
        print(f"| gensim KeyedVectors.load_word2vec_format(binary=True) | "
              f"{os.path.getsize('model.bin') / 1e6:,.0f} MB | {cold:,.0f} ms | {warm:,.0f} ms |")
        _, out = run_ms(gensim)
        _, import_s, load_s = out.split()
        cold, warm = measure("model.emb", [embedtool, "verify", "model.emb"], args.runs)
        print(f"\nOf gensim's warm time, importing gensim takes {float(import_s) * 1000:,.0f} ms and "
              f"load_word2vec_format {float(load_s) * 1000:,.0f} ms.")
        print(f"`embedtool verify model.emb` (every checksum, the whole file): {cold:,.0f} ms cold, "
              f"{warm:,.0f} ms warm.")
        print(f"Sizes: vectors.npy {os.path.getsize('vectors.npy') / 1e6:,.0f} MB.")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
