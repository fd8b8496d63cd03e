#!/usr/bin/env python3
"""Editor support from the kit's root, checked the way an editor gets it.

Starts `rust-analyzer` as a language server over stdio on a copy of the kit, with the kit's root
as the workspace folder (what a learner opens), and the client settings of .vscode/settings.json
given as VS Code gives them: as initializationOptions, and as the answer to the server's
`workspace/configuration` request (made when it is told that the settings changed). In the copy
every exercise but one is replaced by its solution; the one left as shipped does not compile.
All of them are opened (didOpen); once the server has loaded the projects and its `cargo check`
runs have ended, their diagnostics are asked for (textDocument/diagnostic, as VS Code asks) and
joined to cargo check's, and:

  (a) no exercise file may be outside every crate (rust-analyzer's `unlinked-file`);
  (b) the shipped exercise must show at least one error;
  (c) completion in it must offer a slice's methods (the file is analysed, std is loaded);
  (d) no solution, in its exercise's place, may show an error;
  (e) rust-analyzer's status must be ok (no rejected setting, no project it cannot load).

It prints a summary, and exits 1 naming what failed, or what it was still waiting for when the
time ran out. Other settings (`--settings FILE`), none (`--no-client-settings`: an editor that
sends nothing) or another folder opened (`--folder exercises`) show what other editors get, and
that the check fails when the exercises are not linked.

Needs python3 (3.8 or later), rust-analyzer and the standard library's source:
  rustup component add rust-analyzer rust-src
"""

import argparse
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

KIT = Path(__file__).resolve().parent.parent
# The exercise left as shipped: `let` bindings assigned in a loop, an error rust-analyzer finds by
# itself (need-mut) and cargo check too (E0384). Completion is asked for after `COMPLETE_AFTER`.
BROKEN = "01_what_is_rust/immutable_step_totals.rs"
COMPLETE_AFTER = "daily_steps."
# Methods of a slice: offered only where the file is in a crate and std is loaded.
EXPECTED_COMPLETIONS = {"iter", "len", "windows"}
# Left out of the copy: build output, git, the learner's progress and answers.
NOT_COPIED = {".git", "target", ".rustprep", "answers"}
UNLINKED = ("unlinked-file", "not included in any crates")  # its code, and its message
ERROR = 1  # DiagnosticSeverity.Error
# Answers to a request that met a change of the server's state: ask again.
RETRY = {-32801, -32802}  # ContentModified, ServerCancelled


def parse_jsonc(text):
    """JSON with `//` and `/* */` comments and trailing commas, as in VS Code's settings."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i : j + 1])
            i = j + 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif c in "]}":
            k = len(out) - 1
            while k >= 0 and out[k].isspace():
                k -= 1
            if k >= 0 and out[k] == ",":
                del out[k]
            out.append(c)
            i += 1
        else:
            out.append(c)
            i += 1
    return json.loads("".join(out))


def client_settings(path):
    """The `rust-analyzer` section of a VS Code settings file, nested as VS Code hands it over."""
    section = {}
    for key, value in parse_jsonc(path.read_text(encoding="utf-8")).items():
        if not key.startswith("rust-analyzer."):
            continue
        *parents, leaf = key[len("rust-analyzer.") :].split(".")
        node = section
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return section


def copy_kit(dest):
    """The kit in `dest`, every exercise but BROKEN replaced by its solution; the files to open."""

    def ignore(folder, names):
        top = Path(folder) in (KIT, KIT / "exercises")
        return [name for name in names if top and name in NOT_COPIED]

    shutil.copytree(KIT, dest, ignore=ignore, symlinks=True)
    opened = []
    for solution in sorted((KIT / "solutions").rglob("*.rs")):
        rel = solution.relative_to(KIT / "solutions").as_posix()
        if rel != BROKEN:
            shutil.copyfile(solution, dest / "exercises" / rel)
        opened.append(dest / "exercises" / rel)
    broken = dest / "exercises" / BROKEN
    if broken not in opened:
        sys.exit(f"{BROKEN} is not an exercise with a solution any more: change BROKEN")
    if position_after(broken.read_text(encoding="utf-8"), COMPLETE_AFTER) is None:
        sys.exit(f"`{COMPLETE_AFTER}` is not in {BROKEN} any more: change COMPLETE_AFTER")
    return opened


class Server:
    """rust-analyzer over stdio: requests, notifications, and what the server has said so far."""

    def __init__(self, folder, settings, log, verbose):
        env = dict(os.environ)
        # As in an editor: cargo check builds in each project's own target directory.
        env.pop("CARGO_TARGET_DIR", None)
        self.proc = subprocess.Popen(
            ["rust-analyzer"],
            cwd=folder,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            start_new_session=True,  # a group of its own, with the cargo runs it starts
        )
        self.settings = settings
        self.verbose = verbose
        self.started = time.monotonic()
        self.inbox = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.quiescent = False  # the projects are loaded and nothing is being reloaded
        self.ever_quiescent = False
        self.health = ("ok", None)
        self.progress = {}  # token -> title, of what is under way
        self.checks_done = 0  # cargo check runs that ended
        self.pushed = {}  # uri -> the diagnostics last published (cargo check's)

    def _read(self):
        stream = self.proc.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.inbox.put(json.loads(stream.read(length)))

    def _send(self, message):
        body = json.dumps(message).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, deadline):
        """The result of a request, asked again while the server's state changes under it."""
        while True:
            self.next_id += 1
            sent = self.next_id
            self._send({"jsonrpc": "2.0", "id": sent, "method": method, "params": params})
            reply = {}
            self.wait(lambda: "id" in reply, f"the answer to {method}", deadline, reply, sent)
            error = reply.get("error")
            if error is None:
                return reply.get("result")
            if error.get("code") not in RETRY:
                raise RuntimeError(f"rust-analyzer answered {method} with {error}")

    def wait(self, done, what, deadline, reply=None, reply_id=None):
        """Handle what the server sends until `done()`; fail with `what` at the deadline."""
        while not done():
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"timed out waiting for {what} ({self.state()})")
            try:
                message = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                raise RuntimeError(f"rust-analyzer exited while waiting for {what}")
            if "method" not in message:
                if reply is not None and message.get("id") == reply_id:
                    reply.update(message)
            elif "id" in message:
                self._answer(message)
            else:
                self._note(message["method"], message.get("params") or {})

    def _answer(self, message):
        """Requests from the server, answered as VS Code answers them."""
        if self.verbose:
            at = time.monotonic() - self.started
            print(f"{at:6.1f} s asked: {message['method']}", flush=True)
        result = None
        if message["method"] == "workspace/configuration":
            result = [
                self.settings if item.get("section") == "rust-analyzer" else None
                for item in message["params"]["items"]
            ]
        self._send({"jsonrpc": "2.0", "id": message["id"], "result": result})

    def _note(self, method, params):
        if self.verbose and method in ("experimental/serverStatus", "$/progress"):
            at = time.monotonic() - self.started
            print(f"{at:6.1f} s {method} {json.dumps(params)}", flush=True)
        if method == "experimental/serverStatus":
            self.quiescent = params["quiescent"]
            self.ever_quiescent |= self.quiescent
            self.health = (params["health"], params.get("message"))
        elif method == "$/progress":
            token, value = str(params["token"]), params["value"]
            if value["kind"] == "begin":
                self.progress[token] = value.get("title", token)
            elif value["kind"] == "end":
                self.progress.pop(token, None)
                if "flycheck" in token:
                    self.checks_done += 1
        elif method == "textDocument/publishDiagnostics":
            self.pushed[params["uri"]] = params["diagnostics"]

    def state(self):
        under_way = ", ".join(sorted(set(self.progress.values()))) or "nothing"
        health, message = self.health
        said = f"; status {health}: {message}" if health != "ok" else ""
        loaded = "yes" if self.ever_quiescent else "no"
        return (
            f"projects loaded: {loaded}; under way: {under_way}; "
            f"cargo check runs ended: {self.checks_done}{said}"
        )

    def stop(self, deadline):
        """Shut the server down (at once if the time is up), and any cargo run it left behind."""
        try:
            self.request("shutdown", None, min(deadline, time.monotonic() + 30))
            self.notify("exit", None)
            self.proc.wait(timeout=30)
        except (OSError, TimeoutError, RuntimeError, subprocess.TimeoutExpired):
            pass
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()


def position_after(text, needle):
    """The LSP position (line, UTF-16 column) just after the first `needle` in `text`."""
    at = text.find(needle)
    if at < 0:
        return None
    before = text[: at + len(needle)]
    column = before[before.rfind("\n") + 1 :]
    return {"line": before.count("\n"), "character": len(column.encode("utf-16-le")) // 2}


def is_unlinked(diagnostic):
    code, message = UNLINKED
    return diagnostic.get("code") == code or message in diagnostic["message"]


def errors(diagnostics):
    return [d for d in diagnostics if d.get("severity") == ERROR]


def describe(diagnostic):
    code = diagnostic.get("code")
    line = diagnostic["range"]["start"]["line"] + 1
    message = diagnostic["message"].splitlines()[0]
    return f"line {line}: {f'[{code}] ' if code else ''}{message}"


CAPABILITIES = {
    "workspace": {
        "configuration": True,
        "workspaceFolders": True,
        "diagnostics": {"refreshSupport": True},
    },
    "window": {"workDoneProgress": True},
    "textDocument": {
        "synchronization": {"didSave": True},
        "publishDiagnostics": {"relatedInformation": True},
        "diagnostic": {"dynamicRegistration": False, "relatedDocumentSupport": False},
        "completion": {"completionItem": {"snippetSupport": True}},
    },
    "experimental": {"serverStatusNotification": True},
}


def session(kit, folder, opened, settings, timeout, log, verbose):
    """Open `folder` and the `opened` files as an editor does; what the server reports once the
    projects are loaded and cargo check has run."""
    start = time.monotonic()
    deadline = start + timeout
    server = Server(folder, settings, log, verbose)
    try:
        return talk(server, kit, folder, opened, start, deadline)
    finally:
        server.stop(deadline)


def talk(server, kit, folder, opened, start, deadline):
    """Initialize, open the files, wait for the projects and cargo check, and ask."""
    server.request(
        "initialize",
        {
            "processId": os.getpid(),
            "clientInfo": {"name": "rustprep lsp_root_check"},
            "rootUri": folder.as_uri(),
            "workspaceFolders": [{"uri": folder.as_uri(), "name": folder.name}],
            "capabilities": CAPABILITIES,
            "initializationOptions": server.settings,
        },
        deadline,
    )
    server.notify("initialized", {})
    # As when the settings change: the server asks for them (workspace/configuration) and runs
    # with the answer.
    server.notify("workspace/didChangeConfiguration", {"settings": None})
    texts = {path: path.read_text(encoding="utf-8") for path in opened}
    for path, text in texts.items():
        document = {"uri": path.as_uri(), "languageId": "rust", "version": 1, "text": text}
        server.notify("textDocument/didOpen", {"textDocument": document})

    server.wait(lambda: server.ever_quiescent, "rust-analyzer to load the projects", deadline)
    loaded = time.monotonic() - start
    broken = kit / "exercises" / BROKEN
    params = {
        "textDocument": {"uri": broken.as_uri()},
        "position": position_after(texts[broken], COMPLETE_AFTER),
    }
    result = server.request("textDocument/completion", params, deadline) or []
    items = result.get("items", []) if isinstance(result, dict) else result

    # The server runs cargo check once for each project it loads (each linked one, or the one it
    # finds by itself) and publishes what it reports.
    on_save = server.settings.get("checkOnSave", True)
    checks = (len(server.settings.get("linkedProjects", [])) or 1) if on_save else 0
    server.wait(
        lambda: server.quiescent and not server.progress and server.checks_done >= checks,
        f"{checks} cargo check run(s) to end",
        deadline,
    )
    settled = time.monotonic() - start
    diagnostics = {}
    for path in opened:
        params = {"textDocument": {"uri": path.as_uri()}}
        report = server.request("textDocument/diagnostic", params, deadline)
        diagnostics[path] = report.get("items", []) + server.pushed.get(path.as_uri(), [])
    return {
        "loaded": loaded,
        "settled": settled,
        "health": server.health,
        "completions": [item["label"] for item in items],
        "diagnostics": diagnostics,
    }


def verdict(kit, broken, seen):
    """Print what the server reported; return the checks that failed."""

    def rel(path):
        return path.relative_to(kit).as_posix()

    diagnostics = seen["diagnostics"]
    failures = []
    unlinked = [path for path, found in diagnostics.items() if any(map(is_unlinked, found))]
    if unlinked:
        failures.append(
            f"(a) {len(unlinked)} of {len(diagnostics)} exercise files are in no crate "
            f"({UNLINKED[0]}), e.g. {rel(unlinked[0])}"
        )
    broken_errors = errors(diagnostics[broken])
    if not broken_errors:
        failures.append(f"(b) no error in {rel(broken)}, which does not compile")
    offered = {label.split("(")[0] for label in seen["completions"]}
    missing = EXPECTED_COMPLETIONS - offered
    if missing:
        failures.append(
            f"(c) completion after `{COMPLETE_AFTER}` in {rel(broken)} offers "
            f"{len(seen['completions'])} items, not {', '.join(sorted(missing))}"
        )
    solved = [(p, e) for p, found in diagnostics.items() if p != broken for e in errors(found)]
    if solved:
        path, first = solved[0]
        failures.append(
            f"(d) {len(solved)} errors in the solutions laid over the exercises, e.g. "
            f"{rel(path)} {describe(first)}"
        )
    health, message = seen["health"]
    message = " ".join((message or "").split())
    if health != "ok":
        # What the editor's status bar shows: settings it rejects, a project it cannot load.
        failures.append(f"(e) rust-analyzer's status is {health}: {message}")

    print(f"projects loaded in {seen['loaded']:.0f} s; cargo check done at {seen['settled']:.0f} s")
    print(f"exercise files in a crate: {len(diagnostics) - len(unlinked)} of {len(diagnostics)}")
    sources = ", ".join(sorted({e.get("source", "?") for e in broken_errors})) or "none"
    print(f"{rel(broken)}, as shipped: {len(broken_errors)} errors (from {sources})")
    for e in broken_errors[:3]:
        print(f"  {describe(e)}")
    shown = ", ".join(sorted(EXPECTED_COMPLETIONS & offered))
    shown = f" ({shown}, ...)" if shown else ""
    print(f"completion after `{COMPLETE_AFTER}`: {len(offered)} items{shown}")
    print(f"errors in the {len(diagnostics) - 1} solutions laid over the exercises: {len(solved)}")
    print(f"rust-analyzer's status: {health}" + (f": {message}" if message else ""))
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    given = parser.add_mutually_exclusive_group()
    given.add_argument(
        "--settings",
        type=Path,
        default=KIT / ".vscode" / "settings.json",
        help="the client settings to send (default: .vscode/settings.json)",
    )
    given.add_argument(
        "--no-client-settings", action="store_true", help="send none, as an editor not configured"
    )
    parser.add_argument(
        "--folder", default=".", help="the folder opened, in the kit (default: its root)"
    )
    parser.add_argument("--timeout", type=float, default=600, help="seconds (default: 600)")
    parser.add_argument("--verbose", action="store_true", help="print the server's progress")
    parser.add_argument("--keep", action="store_true", help="keep the kit's copy and the log")
    args = parser.parse_args()
    if shutil.which("rust-analyzer") is None:
        print("rust-analyzer is not installed: rustup component add rust-analyzer rust-src",
              file=sys.stderr)
        return 2
    settings = {} if args.no_client_settings else client_settings(args.settings)
    version = subprocess.run(["rust-analyzer", "--version"], capture_output=True, text=True)
    print(f"{version.stdout.strip()}; folder opened: {args.folder}; client settings: "
          f"{'none' if args.no_client_settings else args.settings}")

    work = Path(tempfile.mkdtemp(prefix="rustprep-lsp-")).resolve()
    kit = work / "kit"
    log_path = work / "rust-analyzer.log"
    try:
        opened = copy_kit(kit)
        with open(log_path, "wb") as log:
            try:
                seen = session(kit, kit / args.folder, opened, settings, args.timeout, log,
                               args.verbose)
                failures = verdict(kit, kit / "exercises" / BROKEN, seen)
            except (TimeoutError, RuntimeError) as e:
                failures = [str(e)]
        if failures:
            tail = log_path.read_text(errors="replace").splitlines()[-15:]
            print("rust-analyzer's log ends with:", *tail, sep="\n  ", file=sys.stderr)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    if failures:
        print("FAILED:", *failures, sep="\n  ", file=sys.stderr)
        return 1
    print(f"ok: rust-analyzer serves the exercise files with the folder `{args.folder}` open")
    return 0


if __name__ == "__main__":
    sys.exit(main())
