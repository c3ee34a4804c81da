#!/usr/bin/env python3
"""Recall of approximate neighbours against exact ones: the share of the exact answers that the
approximate search also gave, over all queries. Both files are `embedtool lookup --nearest K
--format tsv` output (query, neighbour, cosine). Prints it with 4 decimals.

usage: bench/recall_at_k.py EXACT.tsv FOUND.tsv
"""
import sys
from collections import defaultdict


def answers(path):
    found = defaultdict(set)
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            query, word, _ = line.rstrip("\n").split("\t")
            found[query].add(word)
    return found


exact, found = answers(sys.argv[1]), answers(sys.argv[2])
hits = sum(len(exact[q] & found[q]) for q in exact)
print(f"{hits / sum(len(exact[q]) for q in exact):.4f}")
