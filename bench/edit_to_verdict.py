#!/usr/bin/env python3
"""Edit to verdict through `rustprep run NAME`, against the baseline of bench/baseline.py (bare
incremental `rustc --test` + run of the same files), interleaved round by round, medians.

    python3 bench/edit_to_verdict.py [--rounds 15] [--plain NAME] [--tokio NAME] [--binary PATH]

Works on a copy of this kit (your progress is untouched). Each round puts the solution, with a
comment of that round near the top, in both the kit copy and the baseline's copy, then times
`rustprep run NAME` and the bare compile + run. Warm: one round of each before timing. The ratio
is the median of each round's own ratio. Nothing is asserted; the figures are for the README and
#17.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time

from baseline import Bare, add_binary_option, edited, exercise, rustprep_binary

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--plain", default="moved_book_title")
    parser.add_argument("--tokio", default="newsletter_never_sent")
    add_binary_option(parser)
    args = parser.parse_args()
    binary = rustprep_binary(args.binary, ROOT)

    work = tempfile.mkdtemp(prefix="rustprep-bench-")
    kit = os.path.join(work, "kit")
    shutil.copytree(ROOT, kit, ignore=shutil.ignore_patterns(".git", ".rustprep", "answers", "target"))
    rows = []
    try:
        for name in [args.plain, args.tokio]:
            rel, _ = exercise(kit, name)
            path = os.path.join(kit, "exercises", rel)
            solved = open(os.path.join(kit, "solutions", rel)).read()

            def ours(contents):
                with open(path, "w") as f:
                    f.write(contents)
                start = time.perf_counter()
                out = subprocess.run([binary, "--color", "never", "run", name], cwd=kit,
                                     capture_output=True, text=True)
                took = time.perf_counter() - start
                if out.returncode != 0:
                    raise SystemExit(f"rustprep run {name} failed:\n{out.stdout}{out.stderr}")
                return took

            ours(solved)  # builds the dependencies (tokio) and the exercise once
            bare = Bare(kit, name)
            bare.round(solved)
            mine, base = [], []
            for i in range(args.rounds):
                mine.append(ours(edited(solved, i)))
                base.append(bare.round(edited(solved, i)))
            bare.close()
            ratio = statistics.median(m / b for m, b in zip(mine, base))
            rows.append((name, statistics.median(mine), statistics.median(base), min(mine), max(mine),
                         min(base), max(base), ratio))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"{os.cpu_count()} cores, {args.rounds} interleaved rounds, medians (min–max)")
    print(f"{'exercise':<24} {'rustprep run':>22} {'bare rustc + run':>22} {'ratio':>6}")
    for name, mine, base, mlo, mhi, blo, bhi, ratio in rows:
        print(f"{name:<24} {mine:>6.3f}s ({mlo:.2f}–{mhi:.2f}) {base:>8.3f}s ({blo:.2f}–{bhi:.2f}) "
              f"{ratio:>5.2f}x")
    print("ratio: the median of each round's own ratio (a round: rustprep run, then the bare")
    print("baseline on the same contents); baseline: the toolchain's rustc --edition 2024 --test")
    print("-C incremental=DIR [--extern tokio=…] + run")


if __name__ == "__main__":
    main()
