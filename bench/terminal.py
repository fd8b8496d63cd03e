"""A full-screen command in a pseudo-terminal of the script's own, its frames timed as they arrive.

rustprep draws each frame between the two halves of a synchronized update (`CSI ? 2026 h` ...
`CSI ? 2026 l`): a terminal shows the frame when the second half arrives, and so that is when a
frame counts as on screen here. Reading the terminal's bytes as they come, instead of polling a
terminal multiplexer's copy of the screen (tmux's capture-pane every 10 ms), times a frame to
within the scheduler's wake-up, not a polling interval plus a process start. Used by
bench/watch_latency.py.
"""
import fcntl
import os
import re
import select
import struct
import subprocess
import termios
import threading
import time

END = b"\x1b[?2026l"
ESCAPE = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]")


class Terminal:
    def __init__(self, argv, cwd, rows=50, cols=120):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = dict(os.environ, TERM="xterm-256color")
        # A session of its own; crossterm takes its standard input, a terminal, as the terminal.
        self.process = subprocess.Popen(argv, cwd=cwd, stdin=slave, stdout=slave, stderr=slave,
                                        env=env, start_new_session=True)
        os.close(slave)
        self.master = master
        self.frames = []  # (seconds on time.perf_counter's clock, text without escapes)
        self.ended = False  # the terminal closed: nothing more will be drawn
        self.stop = threading.Event()
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        # The reader owns the terminal's end: it closes it when it stops, so that its number is
        # never read after another terminal has taken it.
        try:
            self._frames()
        finally:
            os.close(self.master)
            with self.changed:
                self.ended = True
                self.changed.notify_all()

    def _frames(self):
        pending = b""
        while not self.stop.is_set():
            if not select.select([self.master], [], [], 0.1)[0]:
                continue
            try:
                data = os.read(self.master, 65536)
            except OSError:  # EIO: every process holding the terminal has closed it
                return
            if not data:
                return
            now = time.perf_counter()
            pending += data
            while END in pending:
                frame, pending = pending.split(END, 1)
                text = ESCAPE.sub(b"", frame).decode("utf-8", "replace")
                with self.changed:
                    self.frames.append((now, text))
                    self.changed.notify_all()

    def frame_count(self):
        with self.changed:
            return len(self.frames)

    def wait(self, ready, after=0, timeout=600):
        """(when it arrived, its index) of the first frame from index `after` on for which
        `ready(text)` holds, waiting for it as long as `timeout`."""
        give_up = time.perf_counter() + timeout
        seen = after
        with self.changed:
            while True:
                for index, (at, text) in enumerate(self.frames[seen:], start=seen):
                    if ready(text):
                        return at, index
                seen = len(self.frames)
                left = give_up - time.perf_counter()
                last = self.frames[-1][1] if self.frames else "(nothing drawn)"
                if self.ended:
                    raise RuntimeError(f"the terminal closed (exit {self.process.poll()}); the last frame:\n{last}")
                if left <= 0:
                    raise TimeoutError(f"no frame was ready within {timeout} s; the last:\n{last}")
                self.changed.wait(left)

    def press(self, keys):
        os.write(self.master, keys.encode())

    def close(self):
        """Asks the command to quit (`q`), then ends it if it is still there."""
        try:
            if not self.ended:
                self.press("q")
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        self.stop.set()
        self.reader.join()
