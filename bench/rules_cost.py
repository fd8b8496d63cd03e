#!/usr/bin/env python3
"""What the concept rules cost in watch: save-to-verdict with the rules on, the same with them off,
and bare `rustc --test` + run of the same file, interleaved round by round, medians.

    python3 bench/rules_cost.py [--rounds 15] [--binary PATH]

Two copies of this kit (the second with every rule taken out of info.toml) each run
`rustprep watch` in a pseudo-terminal (bench/terminal.py). Each round saves the solution into
both (rename over the file, as editors do) and times each from the save to the frame that shows
it passes, timed when the frame's last byte reaches the terminal; then compiles and runs the same
file bare (bench/baseline.py); then saves the shipped file back. For a plain exercise and a tokio
one. Nothing is asserted.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from baseline import Bare, add_binary_option, exercise, rustprep_binary  # noqa: E402
from terminal import Terminal  # noqa: E402
from watch_latency import ROOT, PLAIN, TOKIO, is_running, save  # noqa: E402


def strip_rules(info):
    """info.toml with no rule: the kit-wide [[rules]] tables, and rules/allow at any level."""
    info = re.sub(r'\[\[rules\]\]\n(?:(?:lint|disallow|kind|why) = .*\n)+', "", info)
    info = re.sub(r'^rules = \[(?:\n(?:  .*\n)*\]|.*\])\n', "", info, flags=re.M)
    info = re.sub(r'^allow = \[.*\]\n', "", info, flags=re.M)
    return info


def passes(text):
    return "passes" in text and not is_running(text)


def timed_save(watch, path, contents):
    """Seconds from saving `contents` to the frame that shows it passes."""
    after = watch.frame_count()
    start = time.perf_counter()
    save(path, contents)
    end, _ = watch.wait(passes, after)
    return end - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    add_binary_option(parser)
    args = parser.parse_args()
    binary = rustprep_binary(args.binary, ROOT)
    work = tempfile.mkdtemp(prefix="rustprep-rules-bench-")
    kits = {"on": os.path.join(work, "on"), "off": os.path.join(work, "off")}
    watches = {}
    bare = None
    rows = []
    try:
        for kit in kits.values():
            shutil.copytree(ROOT, kit,
                            ignore=shutil.ignore_patterns(".git", ".rustprep", "answers", "target"))
        with open(os.path.join(kits["off"], "info.toml")) as f:
            info = f.read()
        with open(os.path.join(kits["off"], "info.toml"), "w") as f:
            f.write(strip_rules(info))
        for kit in kits.values():
            # The cold builds (tokio, and its check for the rules) before anything is timed.
            subprocess.run([binary, "--kit", kit, "verify", PLAIN, TOKIO], capture_output=True)
        for name in [PLAIN, TOKIO]:
            rel, _ = exercise(kits["on"], name)
            paths = {}
            for which, kit in kits.items():
                os.makedirs(os.path.join(kit, ".rustprep"), exist_ok=True)
                with open(os.path.join(kit, ".rustprep", "state.json"), "w") as f:
                    json.dump({"version": 1, "current": name, "done": [], "welcomed": True}, f)
                paths[which] = os.path.join(kit, "exercises", rel)
                watches[which] = Terminal([binary, "watch"], cwd=kit)
                # The first verdict, with a cold cache for this exercise.
                _, running = watches[which].wait(is_running)
                watches[which].wait(lambda text: not is_running(text), running)
            shipped = open(paths["on"]).read()
            solved = open(os.path.join(ROOT, "solutions", rel)).read()
            times = {"on": [], "off": [], "bare": []}
            bare = Bare(kits["on"], name)
            bare.round(solved)
            # One untimed save of the solution in each, as the baseline has: the first compile
            # of a file in a session is slower for both.
            for which in kits:
                timed_save(watches[which], paths[which], solved)
                after = watches[which].frame_count()
                save(paths[which], shipped)
                watches[which].wait(lambda text: "passes" not in text and not is_running(text),
                                    after)
            for i in range(args.rounds):
                order = ["on", "off"] if i % 2 == 0 else ["off", "on"]
                for which in order:
                    time.sleep(0.3)
                    times[which].append(timed_save(watches[which], paths[which],
                                                   solved + f"// round {i}\n"))
                times["bare"].append(bare.round(solved + f"// round {i}\n"))
                for which in order:
                    after = watches[which].frame_count()
                    save(paths[which], shipped)
                    watches[which].wait(lambda text: "passes" not in text and not is_running(text),
                                        after)
            for which in kits:
                watches.pop(which).close()
            bare.close()
            bare = None
            rows.append((name, {k: statistics.median(v) for k, v in times.items()}))
    finally:
        for watch in watches.values():
            watch.close()
        if bare is not None:
            bare.close()
        shutil.rmtree(work, ignore_errors=True)

    print(f"{'exercise':<24} {'rules on':>9} {'rules off':>10} {'bare':>7} {'on/off':>7} "
          f"{'on/bare':>8} {'off/bare':>9}")
    for name, m in rows:
        print(f"{name:<24} {m['on']:>8.3f}s {m['off']:>9.3f}s {m['bare']:>6.3f}s "
              f"{m['on'] / m['off']:>6.2f}x {m['on'] / m['bare']:>7.2f}x "
              f"{m['off'] / m['bare']:>8.2f}x")
    print(f"(medians of {args.rounds} interleaved rounds: save to the frame that shows the verdict "
          "in watch, and bare rustc --test + run of the same file)")


if __name__ == "__main__":
    main()
