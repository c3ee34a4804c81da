#!/usr/bin/python3
"""Turns compare_peers.sh's results.tsv into its Markdown table: one row per variant and tool,
the median of the runs in each column, then the notes.

    peer_table.py RESULTS.tsv NOTES.txt --words N --epochs E

results.tsv columns: variant, tool, run, status ("ok", "failed" or "n/a: reason"), then for ok
runs: wall seconds, peak RSS in KiB, CPU share in percent (of one core), WordSim-353 Spearman,
analogy accuracy, questions answered, questions in the file, WordSim-353 pairs scored, of them
through subwords (the last two absent in older files).
"""
import argparse
import statistics

VARIANT_NAMES = {"sg": "skip-gram", "cbow": "CBOW", "ns": "negative sampling",
                 "hs": "hierarchical softmax", "softmax": "full softmax"}


def variant_name(variant):
    arch, loss = variant.split("-")
    return f"{VARIANT_NAMES[arch]}, {VARIANT_NAMES[loss]}"


def number(text):
    return None if text in ("None", "null", "") else float(text)


def median_of(values, digits):
    values = [v for v in values if v is not None]
    return f"{statistics.median(values):.{digits}f}" if values else "n/a"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("results")
    parser.add_argument("notes")
    parser.add_argument("--words", type=int, required=True)
    parser.add_argument("--epochs", type=int, required=True)
    args = parser.parse_args()

    runs = {}  # (variant, tool) -> list of fields, in first-seen order
    with open(args.results) as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            runs.setdefault((fields[0], fields[1]), []).append(fields[3:])

    print("| variant | tool | wall time (s) | words/s | peak RSS (MB) | CPU (%) "
          "| WordSim-353 Spearman | WordSim-353 pairs scored | analogy accuracy "
          "| analogy questions answered |")
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for (variant, tool), results in runs.items():
        ok = [r[1:] for r in results if r[0] == "ok"]
        if len(ok) < len(results):
            failed = len(results) - len(ok)
            status = results[0][0] if not ok else f"failed in {failed} of {len(results)} runs"
            if status.startswith("n/a: "):
                status = f"n/a ({status[5:]})"
            print(f"| {variant_name(variant)} | {tool} | {status} | | | | | | | |")
            continue
        walls = [float(r[0]) for r in ok]
        words_per_second = [args.words * args.epochs / w if w > 0 else None for w in walls]
        rss_mb = [float(r[1]) / 1024 for r in ok]
        cpu = [number(r[2]) for r in ok]
        spearman = [number(r[3]) for r in ok]
        accuracy = [number(r[4]) for r in ok]
        answered = ok[0][5] + " of " + ok[0][6]
        pairs = "n/a"
        if len(ok[0]) > 8:
            pairs = ok[0][7] + (f" ({ok[0][8]} through subwords)" if ok[0][8] not in ("0", "") else "")
        print(f"| {variant_name(variant)} | {tool} | {median_of(walls, 1)} "
              f"| {median_of(words_per_second, 0)} | {median_of(rss_mb, 0)} | {median_of(cpu, 0)} "
              f"| {median_of(spearman, 3)} | {pairs} | {median_of(accuracy, 3)} | {answered} |")
    print()
    print("- Wall time and peak RSS: `/usr/bin/time -v` around the whole training command "
          "(counting, training, writing the vectors; gensim includes starting Python). "
          "words/s = corpus words × epochs / wall time. CPU: the share of one core the tool got "
          "(two threads busy throughout make 200%, one 100%); much less means the machine was "
          "loaded.")
    print("- Scores: `embedtool eval` on every tool's vectors: WordSim-353 Spearman over the pairs "
          "whose words are known, or, for subword models, have character n-grams in the model; "
          "analogy accuracy by 3CosAdd among the 30,000 most frequent "
          "words, over the questions whose words are all among them.")
    with open(args.notes) as f:
        print(f.read(), end="")


if __name__ == "__main__":
    main()
