#!/usr/bin/python3
"""Trains gensim's Word2Vec on a whitespace-tokenized corpus (one sentence per line) and writes
the vectors as word2vec text, most frequent word first. The benchmark's gensim runner.

    gensim_train.py CORPUS OUTPUT.vec [--sg 1] [--hs 0] [--negative 5] [--window 5]
        [--size 100] [--sample 1e-4] [--min-count 5] [--epochs 5] [--workers 2]
        [--alpha 0.025] [--seed 1]

The corpus is read through `corpus_file`, gensim's fastest path for several workers (lines are
split on whitespace; longer lines are cut into sentences of 10,000 words, as LineSentence does).
"""
import argparse
import logging

from gensim.models import Word2Vec


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("output")
    parser.add_argument("--sg", type=int, default=1)
    parser.add_argument("--hs", type=int, default=0)
    parser.add_argument("--negative", type=int, default=5)
    parser.add_argument("--window", type=int, default=5)
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--sample", type=float, default=1e-4)
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--alpha", type=float, default=0.025)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    logging.basicConfig(format="gensim: %(message)s", level=logging.WARNING)
    model = Word2Vec(corpus_file=args.corpus, sg=args.sg, hs=args.hs, negative=args.negative,
                     window=args.window, vector_size=args.size, sample=args.sample,
                     min_count=args.min_count, epochs=args.epochs, workers=args.workers,
                     alpha=args.alpha, seed=args.seed)
    model.wv.save_word2vec_format(args.output)


if __name__ == "__main__":
    main()
