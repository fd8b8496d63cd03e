#!/usr/bin/env python3
"""The whole kit through `verify --exercises solutions`: time per exercise and peak memory of the
process tree, against bare runs of the same files, interleaved round by round, medians.

    python3 bench/whole_kit.py [--rounds 5] [--binary PATH]

Works on a copy of this kit, with Miri turned off (the unsafe chapter's second check, which
takes seconds an exercise). Two measures:
1. warm (nothing changed since the last run, so nothing compiles): rustprep's own cost per
   exercise, against running every exercise's prebuilt test binary bare (`exe -q`), one after
   another;
2. every file changed: against bare `rustc --test` (not incremental) + run of each exercise, one
   after another.
Peak memory is the largest sum of the resident memory of rustprep and all its descendants, read
from /proc every 20 ms. Nothing is asserted.
"""
import argparse
import glob
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
import tomllib

from baseline import add_binary_option, rustc, rustprep_binary, tokio_flags

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def descendants_rss(root):
    """Resident memory (bytes) of `root` and every process below it."""
    children = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(pid))
        except (OSError, ValueError, IndexError):
            pass
    total, todo = 0, [root]
    page = os.sysconf("SC_PAGE_SIZE")
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * page
        except OSError:
            pass
        todo.extend(children.get(pid, []))
    return total


def timed_with_peak(args, cwd):
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = [0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], descendants_rss(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    proc.wait()
    sampler.join()
    return time.perf_counter() - start, peak[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    add_binary_option(parser)
    args = parser.parse_args()
    binary = rustprep_binary(args.binary, ROOT)

    work = tempfile.mkdtemp(prefix="rustprep-bench-")
    kit = os.path.join(work, "kit")
    shutil.copytree(ROOT, kit, ignore=shutil.ignore_patterns(".git", ".rustprep", "answers", "target"))
    # Miri (the unsafe chapter's second check, seconds an exercise) is left out: this measures
    # rustprep's own cost, against a baseline that has no Miri either.
    info_path = os.path.join(kit, "info.toml")
    with open(info_path) as f:
        info = re.sub(r"^miri = true\n", "", f.read(), flags=re.M)
    with open(info_path, "w") as f:
        f.write(info)
    exercises = tomllib.loads(info)["exercises"]
    verify = [binary, "verify", "--exercises", "solutions"]
    try:
        print(f"{os.cpu_count()} cores, {len(exercises)} exercises; warming up (every exercise built)...",
              flush=True)
        subprocess.run(verify, cwd=kit, capture_output=True)
        built = os.path.join(kit, "target", "rustprep")
        bins = {}
        for ex in exercises:
            found = [p for p in glob.glob(os.path.join(built, "target-*", "debug", "deps", ex["name"] + "-*"))
                     if os.access(p, os.X_OK) and "." not in os.path.basename(p)]
            bins[ex["name"]] = max(found, key=os.path.getmtime)
        libdir = subprocess.run(["rustc", "--print", "target-libdir"], capture_output=True,
                                text=True).stdout.strip()
        env = dict(os.environ, LD_LIBRARY_PATH=libdir)

        def bare_warm():
            start = time.perf_counter()
            for ex in exercises:
                subprocess.run([bins[ex["name"]], "-q"], capture_output=True, env=env, timeout=120)
            return time.perf_counter() - start

        tokio = tokio_flags(kit)
        bare_rustc = rustc()
        out = os.path.join(work, "bare")
        os.makedirs(out)

        def bare_cold():
            start = time.perf_counter()
            for ex in exercises:
                stub = os.path.join(work, "stub.rs")
                with open(stub, "w") as f:
                    f.write(f'#![allow(dead_code)]\ninclude!("{kit}/solutions/{ex["path"]}");\n'
                            f'#[cfg(test)]\n#[path = "{kit}/tests/{ex["path"]}"]\nmod hidden_tests;\n')
                flags = ["--edition", "2024", "--test"] + (tokio if ex.get("dependencies") else [])
                exe = os.path.join(out, ex["name"])
                subprocess.run([bare_rustc, *flags, stub, "-o", exe], capture_output=True)
                subprocess.run([exe, "-q"], capture_output=True, timeout=120)
            return time.perf_counter() - start

        warm, warm_base, cold, cold_base, peaks = [], [], [], [], []
        for _ in range(args.rounds):
            took, peak = timed_with_peak(verify, kit)
            warm.append(took)
            peaks.append(peak)
            warm_base.append(bare_warm())
            for ex in exercises:
                path = os.path.join(kit, "solutions", ex["path"])
                with open(path, "a") as f:
                    f.write("\n")
            took, peak = timed_with_peak(verify, kit)
            cold.append(took)
            peaks.append(peak)
            cold_base.append(bare_cold())
    finally:
        shutil.rmtree(work, ignore_errors=True)

    n = len(exercises)
    med = statistics.median
    print(f"\n{args.rounds} interleaved rounds, medians")
    print(f"{'measure':<44} {'rustprep':>10} {'baseline':>10} {'ratio':>6}")
    for label, mine, base in [("warm, nothing changed", warm, warm_base),
                              ("every file changed", cold, cold_base)]:
        print(f"{label:<44} {med(mine):>9.2f}s {med(base):>9.2f}s {med(mine) / med(base):>5.2f}x")
        print(f"{'  per exercise':<44} {med(mine) / n * 1000:>8.0f}ms {med(base) / n * 1000:>8.0f}ms")
    print(f"peak memory of rustprep's process tree: {max(peaks) / 2**20:.0f} MiB (median of rounds: "
          f"{med(peaks) / 2**20:.0f} MiB)")
    print("baselines: warm = each prebuilt test binary run bare, one after another; changed = bare "
          "`rustc --test` + run of each file, one after another")


if __name__ == "__main__":
    main()
