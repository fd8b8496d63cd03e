#!/usr/bin/env python3
"""Time to a verdict for exercises whose shipped file deadlocks: `rustprep verify --exercises
.rustprep/shipped QUESTION` with this rustprep against another build (--baseline-binary, e.g. one
from before deadlocks were stopped when seen), rounds interleaved, medians. Run it from a kit
whose exercises are warm (run it once first): it measures grading, not compiling.

    python3 bench/deadlock_verdict.py --binary target/debug/rustprep \\
        --baseline-binary /path/to/older/rustprep --question 13 --rounds 5
"""
import argparse
import os
import statistics
import subprocess
import time

from baseline import add_binary_option, rustprep_binary

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def verdict_time(binary, kit, question):
    start = time.monotonic()
    subprocess.run(
        [binary, "--kit", kit, "--color", "never", "verify", "--exercises",
         os.path.join(kit, ".rustprep", "shipped"), question],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.monotonic() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_binary_option(parser)
    parser.add_argument("--baseline-binary", required=True)
    parser.add_argument("--kit", default=".")
    parser.add_argument("--question", default="13")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    binary = rustprep_binary(args.binary, ROOT)
    verdict_time(binary, args.kit, args.question)
    verdict_time(args.baseline_binary, args.kit, args.question)
    ours, theirs = [], []
    for _ in range(args.rounds):
        theirs.append(verdict_time(args.baseline_binary, args.kit, args.question))
        ours.append(verdict_time(binary, args.kit, args.question))
    a, b = statistics.median(ours), statistics.median(theirs)
    print(f"baseline {b:.2f} s, rustprep {a:.2f} s, ratio {a / b:.2f}x "
          f"(medians of {args.rounds} interleaved rounds, question {args.question})")


if __name__ == "__main__":
    main()
