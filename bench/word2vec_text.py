"""Reads word2vec text vectors (`count dim` header, then `word v1 ... vD` lines), as written by
word2vec -binary 0, fastText's .vec (a space at the end of each line) and gensim's
save_word2vec_format."""
import numpy as np


def read_word2vec_text(path):
    """Returns (words, matrix) in file order; matrix is float32, one row per word."""
    with open(path, encoding="utf-8") as f:
        header = f.readline().split()
        if len(header) != 2:
            raise ValueError(f"{path}: line 1 should be `count dim`, found {header!r}")
        count, dims = int(header[0]), int(header[1])
        words = []
        matrix = np.empty((count, dims), dtype=np.float32)
        for line_number, line in enumerate(f, start=2):
            parts = line.rstrip("\r\n").rstrip(" ").split(" ")
            if len(parts) != dims + 1:
                raise ValueError(f"{path}: line {line_number}: expected a word and {dims} "
                                 f"numbers, found {len(parts)} fields")
            if len(words) == count:
                raise ValueError(f"{path}: more than the {count} vectors the header announces")
            # float32 from the decimal through a Python float, as gensim's loader does.
            matrix[len(words)] = np.array([float(x) for x in parts[1:]], dtype=np.float32)
            words.append(parts[0])
    if len(words) != count:
        raise ValueError(f"{path}: {len(words)} vectors, the header announces {count}")
    return words, matrix
