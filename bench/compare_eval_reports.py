#!/usr/bin/python3
"""Checks that two evaluation reports agree: `embedtool eval --format json` and gensim_eval.py on
the same vectors. Word pairs: the same numbers of pairs used and skipped, Spearman within
--tolerance. Analogies: the same numbers of questions answered and correct, per section and
overall. Prints one line per comparison; exits 1 if any differs.

    compare_eval_reports.py EMBEDTOOL.json GENSIM.json [--tolerance 1e-6]
"""
import argparse
import json
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("embedtool")
    parser.add_argument("gensim")
    parser.add_argument("--tolerance", type=float, default=1e-6)
    args = parser.parse_args()
    with open(args.embedtool) as f:
        ours = json.load(f)
    with open(args.gensim) as f:
        theirs = json.load(f)
    failures = 0

    def check(ok, message):
        nonlocal failures
        print(("ok    " if ok else "DIFF  ") + message)
        failures += 0 if ok else 1

    for mine, other in zip(ours["similarity"], theirs["similarity"], strict=True):
        name = mine["file"]
        counts = (mine["used"], mine["skipped"]), (other["used"], other["skipped"])
        check(counts[0] == counts[1], f"{name}: pairs used, skipped: embedtool {counts[0]}, "
              f"gensim {counts[1]}")
        rho, gensim_rho = mine["spearman"], other["spearman"]
        if rho is None or gensim_rho is None:
            check(rho is None and gensim_rho is None,
                  f"{name}: Spearman embedtool {rho}, gensim {gensim_rho}")
        else:
            check(abs(rho - gensim_rho) <= args.tolerance,
                  f"{name}: Spearman embedtool {rho:.12f}, gensim {gensim_rho:.12f} "
                  f"(difference {abs(rho - gensim_rho):.1e}, tolerance {args.tolerance:g})")

    for mine, other in zip(ours["analogy"], theirs["analogy"], strict=True):
        name = mine["file"]
        parts = [("overall", mine, other)] + [
            (s["name"], s, t) for s, t in zip(mine["sections"], other["sections"], strict=True)]
        for part, s, t in parts:
            counts = (s["questions"], s["answered"], s["correct"])
            other_counts = (t["questions"], t["answered"], t["correct"])
            check(counts == other_counts, f"{name}: {part}: questions, answered, correct: "
                  f"embedtool {counts}, gensim {other_counts}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
