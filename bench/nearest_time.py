#!/usr/bin/python3
"""Time of `embedtool lookup --nearest 10` on a random 1,000,000 x 300 model: one query, and
1,000 queries in one process, against gensim's KeyedVectors.most_similar on the same vectors.
Prints a Markdown table; see docs/BENCHMARKS.md ("Nearest neighbours").

usage: /usr/bin/python3 bench/nearest_time.py [--rows N] [--dims D] [--runs N]
                                              [--embedtool PATH] [--keep DIR]

embedtool times are whole processes (wall time, median of --runs): `--nearest` loads the model
completely (every checksum verified) and normalizes its rows once, so the load is timed on its
own too (the same command with no query), and the time per query is the difference divided by
the number of queries. The 1,000 queries arrive on standard input at once, so lookup answers
them in groups with matrix-matrix products. gensim is timed inside one Python process: loading
(np.load and KeyedVectors.add_vectors), the first most_similar (which computes the unit rows),
and later most_similar calls (median of 9 words).

Needs numpy and gensim (Debian: python3-numpy python3-gensim), about 3 GB of disk in a temporary
folder (deleted at the end unless --keep names one) and about 4 GB of memory.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

GENSIM_TIMES = """
import statistics, sys, time, warnings
warnings.filterwarnings("ignore")
import numpy as np
from gensim.models import KeyedVectors
words = [w.rstrip("\\n") for w in open("vectors.vocab.txt")]
start = time.perf_counter()
vectors = np.load("vectors.npy")
kv = KeyedVectors(vectors.shape[1])
kv.add_vectors(words, vectors)
loaded = time.perf_counter()
kv.most_similar(words[0], topn=10)
first = time.perf_counter()
later = []
for word in words[1:10]:
    t = time.perf_counter()
    kv.most_similar(word, topn=10)
    later.append(time.perf_counter() - t)
print(loaded - start, first - loaded, statistics.median(later))
"""


def make_files(rows, dims, embedtool):
    if not os.path.exists("vectors.npy"):
        rng = np.random.default_rng(3)
        np.save("vectors.npy", rng.standard_normal((rows, dims), dtype=np.float32))
        with open("vectors.vocab.txt", "w") as out:
            out.writelines(f"w{i}\n" for i in range(rows))
    if not os.path.exists("model.emb"):
        subprocess.run([embedtool, "convert", "vectors.npy", "model.emb", "--quiet"], check=True)


def seconds(command, stdin_path="no-queries.txt"):
    # Files, not os.devnull: the answers are big, and a file keeps them for a look afterwards.
    with open(stdin_path, "rb") as stdin, open("answers.txt", "wb") as stdout:
        start = time.perf_counter()
        subprocess.run(command, check=True, stdin=stdin, stdout=stdout)
        return time.perf_counter() - start


def median_seconds(command, runs, stdin_path="no-queries.txt"):
    return statistics.median(seconds(command, stdin_path) for _ in range(runs))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--dims", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--embedtool", default=os.path.join(os.path.dirname(HERE), "build", "embedtool"))
    parser.add_argument("--keep", help="make and keep the files in this folder")
    args = parser.parse_args()
    embedtool = os.path.abspath(args.embedtool)
    work = os.path.abspath(args.keep) if args.keep else tempfile.mkdtemp(prefix="embedtool-nearest.")
    os.makedirs(work, exist_ok=True)
    os.chdir(work)
    try:
        make_files(args.rows, args.dims, embedtool)
        open("no-queries.txt", "w").close()
        rng = np.random.default_rng(4)
        with open("queries.txt", "w") as out:
            out.writelines(f"w{i}\n" for i in rng.integers(0, args.rows, args.queries))
        nearest = [embedtool, "lookup", "-m", "model.emb", "--nearest", "10"]
        seconds(nearest)  # the file into the page cache: every run below is warm
        load = median_seconds(nearest, args.runs)
        one = median_seconds(nearest + ["w12345"], args.runs)
        many = median_seconds(nearest, args.runs, "queries.txt")
        out = subprocess.run([sys.executable, "-c", GENSIM_TIMES], check=True,
                             stdout=subprocess.PIPE, text=True).stdout
        g_load, g_first, g_later = (float(x) for x in out.split())

        print(f"{args.rows:,} words x {args.dims} dims, float32, warm page cache; embedtool: "
              f"median of {args.runs} whole processes.\n")
        print("| | load (and normalize) | one query | per query |")
        print("|---|---:|---:|---:|")
        print(f"| embedtool lookup --nearest 10, 1 query | {load:.2f} s | {one:.2f} s total | "
              f"{(one - load) * 1000:,.0f} ms |")
        print(f"| embedtool lookup --nearest 10, {args.queries:,} queries on stdin | {load:.2f} s | "
              f"{many:.2f} s total | {(many - load) / args.queries * 1000:,.1f} ms |")
        print(f"| gensim most_similar(topn=10), first call (computes unit rows) | {g_load:.2f} s | "
              f"{g_first * 1000:,.0f} ms | |")
        print(f"| gensim most_similar(topn=10), later calls (median of 9) | | "
              f"{g_later * 1000:,.0f} ms | {g_later * 1000:,.0f} ms |")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
