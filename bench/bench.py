#!/usr/bin/env python3
"""rustprep's speed, measured against bare `rustc --test` + run of the same files, in one run.

    python3 bench/bench.py [--runs N] [--exercise NAME] [--tokio-exercise NAME]

1. One exercise, edit to verdict: touch the solution file, then `rustprep verify --solutions NAME`
   (cargo, the generated crate, one process per hidden test), against `rustc --test` on the same
   generated stub followed by running the test binary. Medians of N runs; a plain exercise and a
   tokio one.
2. The whole kit: every solution touched, then `verify --exercises solutions` (the solutions graded
   as a folder, without the kit check that `verify --solutions` adds; dependencies already built),
   against the sum of bare `rustc --test` + run over every exercise, one after another.
Figures are medians and ratios against the baseline measured in the same run; nothing is asserted.
"""
import argparse
import glob
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "debug", "rustprep")
BUILD = os.path.join(ROOT, "target", "rustprep")


def sh(args, **kw):
    return subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)


def timed(args, **kw):
    start = time.perf_counter()
    sh(args, **kw)
    return time.perf_counter() - start


def touch(path):
    os.utime(path, None)


def exercises():
    with open(os.path.join(ROOT, "info.toml"), "rb") as f:
        info = tomllib.load(f)
    return info["exercises"]


def stub_and_flags(ex):
    """The generated stub of the solution and the rustc flags that give it its dependencies."""
    deps = bool(ex.get("dependencies"))
    workspace = "solutions_deps" if deps else "solutions"
    stub = os.path.join(BUILD, workspace, "solutions", "gen", ex["name"] + ".rs")
    flags = ["--edition", "2024", "--test", "-C", "debuginfo=0"]
    if deps:
        libdir = os.path.join(BUILD, "target-deps", "debug", "deps")
        rlibs = sorted(glob.glob(os.path.join(libdir, "libtokio-*.rlib")), key=os.path.getmtime)
        flags += ["-L", "dependency=" + libdir, "--extern", "tokio=" + rlibs[-1]]
    return stub, flags


def bare(ex, out_dir):
    stub, flags = stub_and_flags(ex)
    exe = os.path.join(out_dir, ex["name"])
    start = time.perf_counter()
    sh(["rustc", *flags, stub, "-o", exe])
    sh([exe, "-q"])
    return time.perf_counter() - start


def ours(ex):
    touch(os.path.join(ROOT, "solutions", ex["path"]))
    return timed([BIN, "verify", "--solutions", ex["name"]], cwd=ROOT)


def median(xs):
    return statistics.median(xs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--kit-runs", type=int, default=3)
    parser.add_argument("--exercise", help="a plain exercise (default: the first one)")
    parser.add_argument("--tokio-exercise", help="a tokio exercise (default: the first one)")
    args = parser.parse_args()

    sh(["cargo", "build", "--quiet"], cwd=ROOT)
    all_ex = exercises()
    plain = next(e for e in all_ex if (args.exercise or e["name"]) == e["name"] and not e.get("dependencies"))
    tokio = next(e for e in all_ex if (args.tokio_exercise or e["name"]) == e["name"] and e.get("dependencies"))
    print(f"machine: {os.cpu_count()} cores; {len(all_ex)} exercises; runs: {args.runs}")
    print("warming up (dependencies and every exercise built once)...", flush=True)
    sh([BIN, "verify", "--solutions"], cwd=ROOT)
    sh([BIN, "verify", "--exercises", "solutions"], cwd=ROOT)

    rows = []
    with tempfile.TemporaryDirectory() as out:
        for label, ex in [("one plain exercise", plain), ("one tokio exercise", tokio)]:
            base = [bare(ex, out) for _ in range(args.runs)]
            mine = [ours(ex) for _ in range(args.runs)]
            rows.append((f"{label} ({ex['name']}), edit to verdict", median(mine), median(base)))

        kit_base, kit_ours = [], []
        for _ in range(args.kit_runs):
            kit_base.append(sum(bare(ex, out) for ex in all_ex))
            for ex in all_ex:
                touch(os.path.join(ROOT, "solutions", ex["path"]))
            kit_ours.append(timed([BIN, "verify", "--exercises", "solutions"], cwd=ROOT))
        rows.append((f"whole kit, verify --exercises solutions ({len(all_ex)} exercises)", median(kit_ours), median(kit_base)))

    print()
    print(f"{'measure':<60} {'rustprep':>9} {'bare rustc':>11} {'ratio':>6}")
    for name, mine, base in rows:
        print(f"{name:<60} {mine:>8.2f}s {base:>10.2f}s {mine / base:>5.2f}x")
    print("\nratio = rustprep / bare `rustc --test` + run of the same files (median; lower is better)")


if __name__ == "__main__":
    sys.exit(main())
