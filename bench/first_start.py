#!/usr/bin/env python3
"""A newcomer's first start: `cargo run -- watch` in a fresh clone with a fresh CARGO_HOME (every
crate downloaded from crates.io and compiled), timed from the command to the welcome screen,
against installing rustlings the same way (`cargo install rustlings`, fresh CARGO_HOME), in
turn, medians. The screen is read through tmux, as a person would see it.

    python3 bench/first_start.py [--rounds 3]

Needs tmux, git and crates.io. Nothing is asserted; this takes minutes.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SESSION = "rustprep-first-start"


def tmux(*args):
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout


def ours(work):
    clone = os.path.join(work, "kit")
    subprocess.run(["git", "clone", "--quiet", ROOT, clone], check=True)
    home = os.path.join(work, "cargo-home")
    tmux("kill-session", "-t", SESSION)
    start = time.perf_counter()
    tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40",
         f"cd {clone} && CARGO_HOME={home} cargo run -- watch")
    while True:
        screen = tmux("capture-pane", "-p", "-t", SESSION)
        if "Welcome to rustprep!" in screen:
            took = time.perf_counter() - start
            break
        if time.perf_counter() - start > 1800:
            raise SystemExit(f"no welcome after 30 minutes:\n{screen}")
        time.sleep(0.2)
    tmux("send-keys", "-t", SESSION, "q")
    time.sleep(1)
    tmux("kill-session", "-t", SESSION)
    return took


def rustlings(work):
    home = os.path.join(work, "cargo-home-rustlings")
    start = time.perf_counter()
    out = subprocess.run(["cargo", "install", "--quiet", "--root", os.path.join(work, "bin"),
                          "rustlings"], env=dict(os.environ, CARGO_HOME=home), capture_output=True,
                         text=True)
    if out.returncode != 0:
        raise SystemExit(f"cargo install rustlings failed:\n{out.stderr}")
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    mine, base = [], []
    for i in range(args.rounds):
        for which, measure, into in [("rustprep", ours, mine), ("rustlings", rustlings, base)]:
            work = tempfile.mkdtemp(prefix="rustprep-first-")
            try:
                into.append(measure(work))
            finally:
                shutil.rmtree(work, ignore_errors=True)
            print(f"round {i + 1}: {which} {into[-1]:.0f} s", flush=True)
    med = statistics.median
    print(f"\n{os.cpu_count()} cores, {args.rounds} rounds in turn, medians")
    print(f"rustprep, `cargo run -- watch` to the welcome, fresh clone and CARGO_HOME: {med(mine):.0f} s")
    print(f"baseline, `cargo install rustlings`, fresh CARGO_HOME:                    {med(base):.0f} s")
    print(f"ratio: {med(mine) / med(base):.2f}x")


if __name__ == "__main__":
    main()
