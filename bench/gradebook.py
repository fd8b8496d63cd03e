#!/usr/bin/env python3
"""Grading a class, measured: `verify --submissions` over 30 students against 30 runs of
`verify --exercises`, one after another, in the same run.

    python3 bench/gradebook.py [--students 30] [--broken 5] [--select q2 q12]

Each student's folder is a copy of solutions/; the first --broken students hand in some exercises
as shipped (broken). Only the selected questions are graded (the default, questions 2 and 12, is
ten exercises), to keep the serial baseline to minutes. With --distinct every student's files
differ, so nothing can be compiled once for several students. Reports wall times, the speed-up, and
the peak memory (VmHWM) of the rustprep process itself (its compilers and test processes are
separate processes and not counted). Nothing is asserted.
"""
import argparse
import os
import shutil
import subprocess
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "debug", "rustprep")


def peak_rss_mib(proc):
    """Polls the process's VmHWM until it ends; returns the last value seen."""
    peak = [0.0]

    def poll():
        while proc.poll() is None:
            try:
                with open(f"/proc/{proc.pid}/status") as f:
                    for line in f:
                        if line.startswith("VmHWM:"):
                            peak[0] = max(peak[0], int(line.split()[1]) / 1024)
            except OSError:
                pass
            time.sleep(0.05)

    thread = threading.Thread(target=poll)
    thread.start()
    return thread, peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--broken", type=int, default=5)
    parser.add_argument("--select", nargs="*", default=["q2", "q12"])
    parser.add_argument("--distinct", action="store_true",
                        help="make every student's files differ (a comment with their name), so "
                             "that no two files are alike and nothing can be compiled once for many")
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--quiet"], cwd=ROOT, check=True)

    with tempfile.TemporaryDirectory() as work:
        kit = os.path.join(work, "kit")
        shutil.copytree(ROOT, kit, ignore=shutil.ignore_patterns(".git", "target", ".rustprep", "answers"))
        class_dir = os.path.join(work, "class")
        shipped = os.path.join(kit, "exercises")
        for n in range(args.students):
            student = os.path.join(class_dir, f"student{n:02}")
            shutil.copytree(os.path.join(kit, "solutions"), student)
            if n < args.broken:
                # Hand in every other exercise folder's files as shipped.
                for i, folder in enumerate(sorted(os.listdir(shipped))):
                    if i % 2 == n % 2 and os.path.isdir(os.path.join(shipped, folder)):
                        shutil.copytree(os.path.join(shipped, folder), os.path.join(student, folder),
                                        dirs_exist_ok=True)
            if args.distinct:
                for folder, _, files in os.walk(student):
                    for name in files:
                        with open(os.path.join(folder, name), "a") as f:
                            f.write(f"// handed in by student{n:02}\n")
        common = [BIN, "--kit", kit, "verify", *args.select]
        # Warm the shared dependency build and the std artifacts once, outside the timings.
        subprocess.run(common + ["--solutions"], capture_output=True)

        start = time.perf_counter()
        proc = subprocess.Popen(common + ["--submissions", class_dir, "--output",
                                          os.path.join(work, "out", "gradebook.csv")],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        thread, peak = peak_rss_mib(proc)
        proc.wait()
        thread.join()
        together = time.perf_counter() - start

        start = time.perf_counter()
        for student in sorted(os.listdir(class_dir)):
            subprocess.run(common + ["--exercises", os.path.join(class_dir, student)], capture_output=True)
        serial = time.perf_counter() - start

        with open(os.path.join(work, "out", "gradebook.csv")) as f:
            rows = f.read().splitlines()

    print(f"{args.students} students ({args.broken} partly broken), questions {' '.join(args.select)}, "
          f"{os.cpu_count()} cores, {'every file distinct' if args.distinct else 'copies of the solutions'}")
    print(f"verify --submissions (one class build):     {together:7.1f}s")
    print(f"{args.students} x verify --exercises, one by one:   {serial:7.1f}s")
    print(f"speed-up: {serial / together:.2f}x")
    print(f"peak memory of rustprep itself (VmHWM): {peak[0]:.1f} MiB")
    print(f"gradebook: {len(rows) - 1} rows; header: {rows[0][:80]}...")


if __name__ == "__main__":
    main()
