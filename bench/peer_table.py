#!/usr/bin/python3
"""Turns compare_peers.sh's results.tsv into its Markdown table: one row per variant and tool,
the median of the runs in each column, then the notes.

    peer_table.py RESULTS.tsv NOTES.txt --words N --epochs E

results.tsv columns: variant, tool, run, status ("ok", "failed" or "n/a: reason"), then for ok
runs: wall seconds, peak RSS in KiB, CPU share in percent (of one core), WordSim-353 Spearman,
analogy accuracy, questions answered, questions in the file, WordSim-353 pairs scored, of them
through subwords, the run's eval.json beside results.tsv (the last three absent in older files).

The tools' vocabularies differ at the edge of the 30,000 searched words, so each answers a
slightly different set of analogy questions. From the eval reports' per-question outcomes, the
table also scores every run on the questions that all runs of its variant answered.
"""
import argparse
import json
import os
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


def section_outcomes(eval_json):
    """The run's per-question outcome letters ('c', 'w', 's'), all sections joined in order."""
    with open(eval_json) as f:
        report = json.load(f)
    return "".join(section.get("outcomes", "") for section in report["analogy"][0]["sections"])


def shared_question_accuracies(runs, folder):
    """(variant, tool) -> accuracies of its ok runs on the questions every ok run of the variant
    answered, and variant -> how many questions those are; empty for older results."""
    outcomes = {}
    for (variant, tool), results in runs.items():
        for r in results:
            if r[0] != "ok" or len(r) < 11:
                continue
            path = os.path.join(folder, r[10])
            if not os.path.exists(path):
                continue  # the run's files were not kept
            outcomes.setdefault(variant, []).append((tool, section_outcomes(path)))
    accuracies, shared_counts = {}, {}
    for variant, letters in outcomes.items():
        if len({len(l) for _, l in letters}) != 1:
            continue
        shared = [i for i in range(len(letters[0][1])) if all(l[i] != "s" for _, l in letters)]
        shared_counts[variant] = len(shared)
        for tool, l in letters:
            correct = sum(1 for i in shared if l[i] == "c")
            accuracies.setdefault((variant, tool), []).append(
                correct / len(shared) if shared else None)
    return accuracies, shared_counts


def shared_cell(accuracies, count):
    if not accuracies:
        return "n/a"
    return f"{median_of(accuracies, 3)} ({count})"


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

    shared, shared_counts = shared_question_accuracies(runs, os.path.dirname(args.results))
    print("| variant | tool | wall time (s) | words/s | peak RSS (MB) | CPU (%) "
          "| WordSim-353 Spearman | WordSim-353 pairs scored | analogy accuracy "
          "| analogy questions answered | analogy accuracy, shared questions |")
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for (variant, tool), results in runs.items():
        ok = [r[1:] for r in results if r[0] == "ok"]
        if len(ok) < len(results):
            failed = len(results) - len(ok)
            status = results[0][0] if not ok else f"failed in {failed} of {len(results)} runs"
            if status.startswith("n/a: "):
                status = f"n/a ({status[5:]})"
            print(f"| {variant_name(variant)} | {tool} | {status} | | | | | | | | |")
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
              f"| {median_of(spearman, 3)} | {pairs} | {median_of(accuracy, 3)} | {answered} "
              f"| {shared_cell(shared.get((variant, tool)), shared_counts.get(variant))} |")
    print()
    print("- Wall time and peak RSS: `/usr/bin/time -v` around the whole training command "
          "(counting, training, writing the vectors; gensim includes starting Python). "
          "words/s = corpus words × epochs / wall time. CPU: the share of one core the tool got "
          "(two threads busy throughout make 200%, one 100%); much less means the machine was "
          "loaded.")
    print("- Scores: `embedtool eval` on every tool's vectors: WordSim-353 Spearman over the pairs "
          "whose words are known, or, for subword models, have character n-grams in the model; "
          "analogy accuracy by 3CosAdd among the 30,000 most frequent "
          "words, over the questions whose words are all among them; then over the questions "
          "that every run of the variant answered (the number in brackets), since the tools' "
          "searched words differ at the edge.")
    with open(args.notes) as f:
        print(f.read(), end="")


if __name__ == "__main__":
    main()
