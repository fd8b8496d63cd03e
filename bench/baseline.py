"""The baseline every speed figure of rustprep is a ratio against: bare `rustc --test` with
incremental compilation of the same exercise file and its hidden tests (a stub that `include!`s
both, as rustprep's generated crate does), then running the test binary. Tokio exercises get the
kit's prebuilt tokio through `--extern`, as #17 asks. Used by the other scripts of bench/.
"""
import glob
import os
import shutil
import subprocess
import tempfile
import time
import tomllib


def add_binary_option(parser):
    parser.add_argument("--binary", help="a rustprep binary (default: this tree's debug build)")


def rustprep_binary(given, root):
    """`given` (the --binary option), or this tree's debug build, built now."""
    if given:
        return os.path.abspath(given)
    subprocess.run(["cargo", "build", "--quiet"], cwd=root, check=True)
    return os.path.join(root, "target", "debug", "rustprep")


def exercise(kit, name):
    """(path relative to exercises/, whether it needs the kit's dependencies)."""
    with open(os.path.join(kit, "info.toml"), "rb") as f:
        info = tomllib.load(f)
    ex = next(e for e in info["exercises"] if e["name"] == name)
    return ex["path"], bool(ex.get("dependencies"))


def rustc():
    """The toolchain's own rustc, not rustup's proxy on the PATH: the proxy adds some 6 ms to
    every call (15.5 ms against 9.4 ms for `rustc --version`, medians of 30, measured here),
    which would flatter every ratio against the baseline."""
    sysroot = subprocess.run(["rustc", "--print", "sysroot"], capture_output=True, text=True,
                             check=True).stdout.strip()
    real = os.path.join(sysroot, "bin", "rustc")
    return real if os.path.exists(real) else "rustc"


def tokio_flags(kit):
    """rustc flags giving a crate the kit's prebuilt tokio (rustprep's warm-up builds it)."""
    libdir = os.path.join(kit, "target", "rustprep", "target-deps", "debug", "deps")
    rlibs = sorted(glob.glob(os.path.join(libdir, "libtokio-*.rlib")), key=os.path.getmtime)
    if not rlibs:
        raise SystemExit(f"no prebuilt tokio under {libdir}: run rustprep on a tokio exercise first")
    return ["-L", "dependency=" + libdir, "--extern", "tokio=" + rlibs[-1]]


class Bare:
    """Bare rustc on a private copy of one exercise, so that its edits wake no watcher."""

    def __init__(self, kit, name):
        rel, deps = exercise(kit, name)
        self.dir = tempfile.mkdtemp(prefix="rustprep-bare-")
        self.file = os.path.join(self.dir, "exercise.rs")
        tests = os.path.join(kit, "tests", rel)
        self.stub = os.path.join(self.dir, "stub.rs")
        with open(self.stub, "w") as f:
            f.write(f'#![allow(dead_code)]\ninclude!("{self.file}");\n\n'
                    f'#[cfg(test)]\n#[path = "{tests}"]\nmod hidden_tests;\n')
        self.flags = ["--edition", "2024", "--test", "-C",
                      "incremental=" + os.path.join(self.dir, "incremental")]
        if deps:
            self.flags += tokio_flags(kit)
        self.exe = os.path.join(self.dir, "tests")
        self.rustc = rustc()

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def round(self, contents):
        """Writes `contents` as the exercise, compiles and runs it: the seconds it took."""
        with open(self.file, "w") as f:
            f.write(contents)
        start = time.perf_counter()
        built = subprocess.run([self.rustc, *self.flags, self.stub, "-o", self.exe],
                               capture_output=True)
        if built.returncode == 0:
            subprocess.run([self.exe, "-q"], capture_output=True)
        return time.perf_counter() - start


def edited(contents, i):
    """`contents` with a comment of round `i` near the top: every span below it moves, as a
    learner's edit in the middle of a file moves them."""
    head, _, rest = contents.partition("\n\n")
    return f"{head}\n\n// edit {i}\n{rest}"
