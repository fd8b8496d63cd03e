#!/usr/bin/env python3
"""What the sandbox costs a graded run: `verify --exercises solutions` of a few questions with
`--sandbox on` and with `--sandbox off`, interleaved round by round (warm builds), medians.

    python3 bench/sandbox_cost.py [--rounds 15] [QUESTION ...]

Every test process of a sandboxed run is started through rustprep's supervisor (Landlock,
namespaces where allowed, a child subreaper); the difference per exercise is its cost. Linux only.
Nothing is asserted.
"""
import argparse
import os
import statistics
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(binary, selectors, mode):
    start = time.perf_counter()
    subprocess.run([binary, "--kit", ROOT, "verify", "--exercises", os.path.join(ROOT, "solutions"),
                    "--sandbox", mode, *selectors], capture_output=True, check=True)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("questions", nargs="*", default=["1", "2", "12", "13"])
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--quiet"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "debug", "rustprep")
    listed = subprocess.run([binary, "--kit", ROOT, "verify", "--exercises",
                             os.path.join(ROOT, "solutions"), "--sandbox", "off", *args.questions],
                            capture_output=True, text=True, check=True).stdout
    exercises = sum(1 for line in listed.splitlines() if line.split()[1:2] == ["pass"])
    times = {"on": [], "off": []}
    for i in range(args.rounds):
        for mode in (["on", "off"] if i % 2 == 0 else ["off", "on"]):
            times[mode].append(timed(binary, args.questions, mode))
    on, off = statistics.median(times["on"]), statistics.median(times["off"])
    print(f"questions {' '.join(args.questions)}: {exercises} exercises, warm, "
          f"medians of {args.rounds} interleaved rounds")
    print(f"sandbox on  {on:.3f} s")
    print(f"sandbox off {off:.3f} s")
    print(f"ratio {on / off:.2f}x, {1000 * (on - off) / exercises:.0f} ms an exercise")


if __name__ == "__main__":
    main()
