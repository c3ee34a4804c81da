#!/usr/bin/python3
"""Scores vectors with gensim's own evaluate_word_pairs / evaluate_word_analogies, printing JSON
shaped like `embedtool eval --format json`, so that the two can be compared number for number.

    gensim_eval.py VECTORS [--similarity FILE]... [--analogy FILE]... [--restrict N]

VECTORS is an embedtool .emb model (read per docs/FORMAT.md, the reserved rows left out) or a
word2vec text file (read by gensim itself). Both gensim calls use their defaults
(case_insensitive=True, dummy4unknown=False); word pairs are searched in the whole vocabulary
(restrict_vocab = its size) as `embedtool eval` does, analogies among the --restrict most
frequent words (default 30000). gensim reads word pairs split on tabs only.
"""
import argparse
import json
import logging
import os
import sys

import numpy as np
from gensim.models import KeyedVectors

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from emb_file import read_emb  # noqa: E402


def load_vectors(path):
    with open(path, "rb") as f:
        is_emb = f.read(4) == b"\x89EMB"
    if not is_emb:
        return KeyedVectors.load_word2vec_format(path, binary=False)
    words, _, matrix, _ = read_emb(path)
    vectors = KeyedVectors(vector_size=matrix.shape[1])
    vectors.add_vectors(words[2:], np.ascontiguousarray(matrix[2:]))
    return vectors


def count_pairs(path):
    """The pairs gensim reads: non-comment lines with three tab-separated fields and a number."""
    pairs = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            fields = line.split("\t")
            try:
                if len(fields) == 3:
                    float(fields[2])
                    pairs += 1
            except ValueError:
                pass
    return pairs


def count_questions(path):
    """Questions per section, in file order, as gensim's reader counts them."""
    counts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith(": "):
                counts.append(0)
            elif len(line.split()) == 4:
                counts[-1] += 1
    return counts


def similarity(vectors, path):
    pairs = count_pairs(path)
    try:
        _, spearman, oov_percent = vectors.evaluate_word_pairs(
            path, restrict_vocab=len(vectors.index_to_key))
    except ValueError:  # gensim refuses a file none of whose pairs it knows
        return {"file": path, "pairs": pairs, "used": 0, "skipped": pairs, "spearman": None}
    skipped = round(oov_percent * pairs / 100)
    rho = float(spearman[0])
    return {"file": path, "pairs": pairs, "used": pairs - skipped, "skipped": skipped,
            "spearman": None if np.isnan(rho) else rho}


def tally(questions, correct, incorrect):
    answered = correct + incorrect
    return {"questions": questions, "answered": answered, "correct": correct,
            "accuracy": correct / answered if answered else None,
            "skipped": questions - answered}


def analogy(vectors, path, restrict):
    _, sections = vectors.evaluate_word_analogies(path, restrict_vocab=restrict)
    counts = count_questions(path)
    total = sections.pop()  # gensim appends the "Total accuracy" pseudo-section
    result = tally(sum(counts), len(total["correct"]), len(total["incorrect"]))
    result["file"] = path
    result["sections"] = [
        dict(tally(count, len(s["correct"]), len(s["incorrect"])), name=s["section"])
        for count, s in zip(counts, sections)]
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("vectors")
    parser.add_argument("--similarity", action="append", default=[])
    parser.add_argument("--analogy", action="append", default=[])
    parser.add_argument("--restrict", type=int, default=30000)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    vectors = load_vectors(args.vectors)
    report = {
        "model": args.vectors,
        "similarity": [similarity(vectors, path) for path in args.similarity],
        "analogy": [analogy(vectors, path, args.restrict) for path in args.analogy],
    }
    json.dump(report, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
