#!/usr/bin/python3
"""Converts word2vec text vectors (fastText .vec, gensim save_word2vec_format) to an .emb model
for `embedtool eval`, keeping the file's word order (the tools write words by descending count,
which is what `eval --restrict` relies on). The file has no counts: they are written as 0.

Stop-gap until `embedtool convert` exists.

    vec_to_emb.py vectors.vec model.emb
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from emb_file import write_emb  # noqa: E402
from word2vec_text import read_word2vec_text  # noqa: E402


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, target = sys.argv[1:]
    words, matrix = read_word2vec_text(source)
    if len(set(words)) != len(words):
        sys.exit(f"vec_to_emb.py: {source} repeats a word")
    write_emb(target, words, [0] * len(words), matrix,
              {"converted_from": os.path.basename(source), "converter": "bench/vec_to_emb.py"})


if __name__ == "__main__":
    main()
