#!/usr/bin/env python3
"""Watch mode as a person uses it, measured: save-to-verdict latency, idle CPU and peak memory.

    python3 bench/watch_latency.py [--saves 16] [--idle 60] [--plain NAME] [--tokio NAME] [--verbose]

Runs `rustprep watch` in a pseudo-terminal (bench/terminal.py) on a copy of this kit (your own
progress is untouched). For a plain exercise and a tokio one it saves the solution and the
shipped version in turn (rename over the file, as editors do) and measures the time from the
save to the frame that shows the verdict, timed when the frame's last byte reaches the terminal.
After each save, the same contents go through the baseline of bench/baseline.py (bare
incremental `rustc --test` + run), interleaved. Then it leaves watch idle and reads its CPU time
and peak memory (VmHWM) from /proc. Figures are medians, the ratio the median of each round's own
ratio (also given for the saves that pass and those that do not compile); nothing is asserted.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time

from baseline import Bare, add_binary_option, exercise, rustprep_binary
from terminal import Terminal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLAIN = "moved_book_title"
TOKIO = "newsletter_never_sent"


def save(path, contents):
    tmp = path + ".tmp~"
    with open(tmp, "w") as f:
        f.write(contents)
    os.replace(tmp, path)


def is_running(text):
    """Whether a frame of watch says a run is going on (its verdict is still to come)."""
    return "⟳" in text


def proc_stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def vm_hwm(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=16)
    parser.add_argument("--idle", type=int, default=60)
    parser.add_argument("--verbose", action="store_true", help="print every round")
    parser.add_argument("--plain", default=PLAIN, help=f"a plain exercise (default: {PLAIN})")
    parser.add_argument("--tokio", default=TOKIO, help=f"a tokio exercise (default: {TOKIO})")
    add_binary_option(parser)
    args = parser.parse_args()
    binary = rustprep_binary(args.binary, ROOT)

    work = tempfile.mkdtemp(prefix="rustprep-bench-")
    kit = os.path.join(work, "kit")
    shutil.copytree(ROOT, kit, ignore=shutil.ignore_patterns(".git", ".rustprep", "answers", "target"))
    # The cold builds (tokio, and its check for the rules) before anything is timed: watch's
    # warm-up would otherwise build them in the background during the first saves.
    subprocess.run([binary, "--kit", kit, "verify", args.plain, args.tokio], capture_output=True)
    rows = []
    peak = idle_cpu = None
    watch = None
    try:
        for name in [args.plain, args.tokio]:
            rel, _ = exercise(kit, name)
            os.makedirs(os.path.join(kit, ".rustprep"), exist_ok=True)
            with open(os.path.join(kit, ".rustprep", "state.json"), "w") as f:
                json.dump({"version": 1, "current": name, "done": [], "welcomed": True}, f)
            path = os.path.join(kit, "exercises", rel)
            shipped = open(path).read()
            solved = open(os.path.join(kit, "solutions", rel)).read()
            watch = Terminal([binary, "watch"], cwd=kit)
            # The first verdict, with a cold cache for this exercise.
            _, running = watch.wait(is_running)
            watch.wait(lambda text: not is_running(text), running)
            bare = Bare(kit, name)
            bare.round(shipped)
            latencies, base = [], []
            for i in range(args.saves):
                # Alternate: the fix, then the shipped file with a change that keeps it broken.
                contents, expect = (solved, "passes") if i % 2 == 0 else (shipped + f"// {i}\n", "not ")
                time.sleep(0.3)
                after = watch.frame_count()
                start = time.perf_counter()
                save(path, contents)
                # A verdict too long for the window is cut before the line that names it: a
                # frame that does not pass is one drawn once the run is over.
                if expect == "passes":
                    end, _ = watch.wait(lambda text: "passes" in text, after)
                else:
                    end, _ = watch.wait(lambda text: "passes" not in text and not is_running(text),
                                        after)
                latencies.append(end - start)
                base.append(bare.round(contents))
                if args.verbose:
                    print(f"{name} round {i} ({expect.strip()}): {latencies[-1]:.3f}s, bare {base[-1]:.3f}s")
            if name == args.tokio:
                pid = watch.process.pid
                before = proc_stat(pid)
                time.sleep(args.idle)
                idle_cpu = (proc_stat(pid) - before) / args.idle * 100
                peak = vm_hwm(pid)
            watch.close()
            watch = None
            bare.close()
            ratios = [mine / bare for mine, bare in zip(latencies, base)]
            by_kind = {
                kind: statistics.median(ratios[i] for i in range(len(ratios)) if i % 2 == parity)
                for kind, parity in [("passes", 0), ("not", 1)]
            }
            rows.append((name, statistics.median(latencies), statistics.median(base),
                         statistics.median(ratios), by_kind))
    finally:
        if watch is not None:
            watch.close()
        shutil.rmtree(work, ignore_errors=True)

    # The rounds alternate a save that passes and one that does not compile, whose times differ:
    # the ratio is the median of each round's own ratio (the save against the bare run of the
    # same contents right after it), not a ratio of two medians that may fall in either group.
    print(f"{'exercise':<28} {'save-to-verdict':>16} {'bare rustc+run':>15} {'ratio':>6}"
          f" {'passes':>7} {'not':>6}")
    for name, mine, base, ratio, by_kind in rows:
        print(f"{name:<28} {mine:>15.2f}s {base:>14.2f}s {ratio:>5.2f}x"
              f" {by_kind['passes']:>6.2f}x {by_kind['not']:>5.2f}x")
    print(f"\nidle CPU of the watcher over {args.idle} s: {idle_cpu:.2f}% of a core")
    print(f"peak memory of the watcher (VmHWM): {peak:.1f} MiB")
    print("(medians of interleaved rounds; the tokio exercise's dependencies were built once before"
          " the saves; baseline: rustc --edition 2024 --test -C incremental=DIR + run)")


if __name__ == "__main__":
    main()
