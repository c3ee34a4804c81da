#!/usr/bin/env python3
"""An independent word count, used to check `embedtool vocab` on real corpora.

Tokenizes like Keras' text_to_word_sequence with its defaults (Python's str.lower, Keras' filter
characters replaced by spaces), then splits on whitespace and, unlike Keras, on control
characters too (Unicode category Cc, as embedtool does: stray control bytes in scraped text should
not glue words together). Prints `word<TAB>count` lines in embedtool's id order: count
descending, ties by first appearance.

    python3 scripts/count_words.py corpus.txt > counts.tsv
"""
import sys
import unicodedata

KERAS_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'
CONTROL_CHARACTERS = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cc"]
TO_SPACE = str.maketrans({c: " " for c in KERAS_FILTERS + "".join(CONTROL_CHARACTERS)})


def main(paths):
    counts = {}  # dicts keep insertion order: the order of first appearance
    for path in paths:
        with open(path, encoding="utf-8-sig", newline=None) as text:
            for line in text:
                for word in line.lower().translate(TO_SPACE).split():
                    counts[word] = counts.get(word, 0) + 1
    first_seen = {word: i for i, word in enumerate(counts)}
    ordered = sorted(counts, key=lambda w: (-counts[w], first_seen[w]))
    out = sys.stdout
    for word in ordered:
        out.write(f"{word}\t{counts[word]}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
