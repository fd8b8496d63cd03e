#!/usr/bin/env python3
"""The kit check of some questions, cold: `verify --solutions Q...` (each solution, each shipped
exercise and every case of the wrong-fix corpus graded, plus rules, rustfmt and clippy), against
bare `rustc --test` (not incremental) + a run of the same files, one after another. Interleaved
round by round; medians.

    python3 bench/corpus.py [--rounds 3] [--questions 4 11] [--binary PATH]

Only questions whose exercises need no dependencies (the baseline would need tokio prebuilt).
Works on a copy of this kit, with Miri turned off. rustprep's build folder is removed before each
of its rounds, so everything compiles again; the shipped copies stay. A bare run stops a binary
after 2 s (rustprep stops a deadlock at once, and a hanging wrong fix should not weigh on the
baseline), so the baseline is, if anything, low. Nothing is asserted.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
import tomllib

from baseline import add_binary_option, rustc, rustprep_binary

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def apply(text, case):
    for edit in case["edit"]:
        if text.count(edit["find"]) != 1:
            return None
        text = text.replace(edit["find"], edit["replace"], 1)
    return text


def graded_files(kit, exercises, out):
    """Every file the kit check compiles for these exercises, written out: (exercise, path)."""
    files = []
    for ex in exercises:
        rel = ex["path"]
        with open(os.path.join(kit, "exercises", rel)) as f:
            shipped = f.read()
        files.append((ex, os.path.join(kit, "solutions", rel)))
        files.append((ex, os.path.join(kit, "exercises", rel)))
        corpus = os.path.join(kit, "tests", "wrong_fixes", rel[:-3] + ".toml")
        cases = []
        if os.path.exists(corpus):
            with open(corpus, "rb") as f:
                cases = tomllib.load(f).get("fix", [])
        for n, case in enumerate(cases):
            text = apply(shipped, case)
            if text is None:
                continue
            path = os.path.join(out, f"{ex['name']}-{n}.rs")
            with open(path, "w") as f:
                f.write(text)
            files.append((ex, path))
    return files


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--questions", type=int, nargs="+", default=[4, 11])
    add_binary_option(parser)
    args = parser.parse_args()
    binary = rustprep_binary(args.binary, ROOT)

    work = tempfile.mkdtemp(prefix="rustprep-bench-")
    kit = os.path.join(work, "kit")
    shutil.copytree(ROOT, kit, ignore=shutil.ignore_patterns(".git", "answers", "target"))
    info_path = os.path.join(kit, "info.toml")
    with open(info_path) as f:
        info = re.sub(r"^miri = true\n", "", f.read(), flags=re.M)
    with open(info_path, "w") as f:
        f.write(info)
    exercises = [e for e in tomllib.loads(info)["exercises"] if e["question"] in args.questions]
    if any(e.get("dependencies") for e in exercises):
        raise SystemExit("choose questions whose exercises need no dependencies")
    cases = os.path.join(work, "cases")
    os.makedirs(cases)
    files = graded_files(kit, exercises, cases)
    verify = [binary, "verify", "--solutions", *map(str, args.questions)]

    def rustprep_cold():
        shutil.rmtree(os.path.join(kit, "target"), ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(verify, cwd=kit, capture_output=True)
        return time.perf_counter() - start

    bare_rustc = rustc()

    def bare_cold():
        stub, exe = os.path.join(work, "stub.rs"), os.path.join(work, "tests")
        start = time.perf_counter()
        for ex, path in files:
            with open(stub, "w") as f:
                f.write(f'#![allow(dead_code)]\ninclude!("{path}");\n'
                        f'#[cfg(test)]\n#[path = "{kit}/tests/{ex["path"]}"]\nmod hidden_tests;\n')
            built = subprocess.run([bare_rustc, "--edition", "2024", "--test", stub, "-o", exe],
                                   capture_output=True)
            if built.returncode == 0:
                try:
                    subprocess.run([exe, "-q"], capture_output=True, timeout=2)
                except subprocess.TimeoutExpired:
                    pass
        return time.perf_counter() - start

    try:
        print(f"{os.cpu_count()} cores; questions {args.questions}: {len(exercises)} exercises, "
              f"{len(files)} files graded (solutions, shipped, corpus cases)", flush=True)
        ours, bare = [], []
        for r in range(args.rounds):
            ours.append(rustprep_cold())
            bare.append(bare_cold())
            print(f"round {r + 1}: rustprep {ours[-1]:.1f} s, bare {bare[-1]:.1f} s", flush=True)
        m_ours, m_bare = statistics.median(ours), statistics.median(bare)
        print(f"baseline (bare rustc --test + run, each file):  {m_bare:.1f} s")
        print(f"rustprep verify --solutions, cold:             {m_ours:.1f} s")
        print(f"ratio:                                          {m_ours / m_bare:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
