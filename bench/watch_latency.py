#!/usr/bin/env python3
"""Watch mode as a person uses it, measured: save-to-verdict latency, idle CPU and peak memory.

    python3 bench/watch_latency.py [--saves 16] [--idle 60] [--plain NAME] [--tokio NAME] [--verbose]

Runs `rustprep watch` in a tmux session on a copy of this kit (your own progress is untouched).
For a plain exercise and a tokio one it saves the solution and the shipped version in turn
(rename over the file, as editors do) and measures the time from the save to the verdict on
screen (capture-pane polled every 10 ms). After each save, the same contents go through the
baseline of bench/baseline.py (bare incremental `rustc --test` + run), interleaved. Then it
leaves watch idle and reads its CPU time and peak memory (VmHWM) from /proc. Figures are
medians; nothing is asserted.
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

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLAIN = "moved_book_title"
TOKIO = "newsletter_never_sent"


def tmux(*args):
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout


def screen(session):
    return tmux("capture-pane", "-p", "-t", session)


def wait_for(session, text, timeout=600):
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in screen(session):
            return time.perf_counter()
        time.sleep(0.01)
    raise TimeoutError(f"{text!r} never appeared:\n{screen(session)}")


def save(path, contents):
    tmp = path + ".tmp~"
    with open(tmp, "w") as f:
        f.write(contents)
    os.replace(tmp, path)


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
    try:
        for name in [args.plain, args.tokio]:
            rel, _ = exercise(kit, name)
            os.makedirs(os.path.join(kit, ".rustprep"), exist_ok=True)
            with open(os.path.join(kit, ".rustprep", "state.json"), "w") as f:
                json.dump({"version": 1, "current": name, "done": [], "welcomed": True}, f)
            path = os.path.join(kit, "exercises", rel)
            shipped = open(path).read()
            solved = open(os.path.join(kit, "solutions", rel)).read()
            session = "rustprep-bench"
            tmux("kill-session", "-t", session)
            tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "50",
                 f"cd {kit} && {binary} watch")
            wait_for(session, "not")  # the first verdict, with a cold cache for this exercise
            bare = Bare(kit, name)
            bare.round(shipped)
            latencies, base = [], []
            for i in range(args.saves):
                # Alternate: the fix, then the shipped file with a change that keeps it broken.
                contents, expect = (solved, "passes") if i % 2 == 0 else (shipped + f"// {i}\n", "not ")
                time.sleep(0.3)
                start = time.perf_counter()
                save(path, contents)
                if expect == "passes":
                    end = wait_for(session, "passes")
                else:
                    while "passes" in screen(session):
                        time.sleep(0.01)
                    end = time.perf_counter()
                latencies.append(end - start)
                base.append(bare.round(contents))
                if args.verbose:
                    print(f"{name} round {i} ({expect.strip()}): {latencies[-1]:.3f}s, bare {base[-1]:.3f}s")
            if name == args.tokio:
                # The watcher itself, not the tmux process whose command line names it.
                candidates = subprocess.run(["pgrep", "-f", f"{binary} watch"], capture_output=True,
                                            text=True).stdout.split()
                pid = next(int(p) for p in candidates
                           if os.path.realpath(f"/proc/{p}/exe") == os.path.realpath(binary))
                before = proc_stat(pid)
                time.sleep(args.idle)
                idle_cpu = (proc_stat(pid) - before) / args.idle * 100
                peak = vm_hwm(pid)
            tmux("send-keys", "-t", session, "q")
            time.sleep(1)
            bare.close()
            rows.append((name, statistics.median(latencies), statistics.median(base)))
    finally:
        tmux("kill-session", "-t", "rustprep-bench")
        shutil.rmtree(work, ignore_errors=True)

    print(f"{'exercise':<28} {'save-to-verdict':>16} {'bare rustc+run':>15} {'ratio':>6}")
    for name, mine, base in rows:
        print(f"{name:<28} {mine:>15.2f}s {base:>14.2f}s {mine / base:>5.2f}x")
    print(f"\nidle CPU of the watcher over {args.idle} s: {idle_cpu:.2f}% of a core")
    print(f"peak memory of the watcher (VmHWM): {peak:.1f} MiB")
    print("(medians of interleaved rounds; the tokio exercise's dependencies were built once before"
          " the saves; baseline: rustc --edition 2024 --test -C incremental=DIR + run)")


if __name__ == "__main__":
    main()
