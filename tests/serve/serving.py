"""Helpers for the serve tests: a real ``brink serve`` on a loopback port (any free one), stopped with Ctrl+C at the end,
and what the tests need to reach it: its URLs, its class folder, its child processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from helpers import ctrl_c_as_in_a_terminal

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@dataclass
class Served:
    process: subprocess.Popen
    students: str
    teacher: str
    folder: Path
    printed: list[str]

    @property
    def token(self) -> str:
        return self.teacher.split("token=", 1)[1]

    later: list[str] = field(default_factory=list)
    """What the server printed after its addresses (read all along, so that it never blocks
    on a full pipe)."""
    reader: threading.Thread | None = None

    def stop(self) -> str:
        """Ctrl+C, and what the server printed after its addresses."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=30)
        if self.reader is not None:
            self.reader.join(timeout=10)
        return "".join(self.later)


def start_server(saves: Path, *args: str) -> Served:
    process = subprocess.Popen(
        [sys.executable, "-m", "game", "serve", "--port", "0", "--saves-dir", str(saves), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=ctrl_c_as_in_a_terminal,
    )
    printed = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        printed.append(line.rstrip("\n"))
        if line.startswith("Press Ctrl+C"):
            break
    urls = {line.split(": ", 1)[0]: line.split(": ", 1)[1] for line in printed if ": http" in line}
    if "Students" not in urls:
        process.kill()
        raise AssertionError("the server did not start:\n" + "\n".join(printed))
    folder = Path(printed[0].rsplit(" saved in ", 1)[1])
    served = Served(process, urls["Students"], urls["Teacher"], folder, printed)
    served.reader = threading.Thread(
        target=lambda: served.later.extend(iter(process.stdout.readline, "")), daemon=True
    )
    served.reader.start()
    return served


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def descendants(pid: int) -> list[int]:
    """The processes below ``pid``: its children, theirs, and so on (one look at /proc, not
    one for each process found: with a class's games that was thousands of reads)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        below = parents.get(todo.pop(), [])
        found += below
        todo += below
    return found


def warm_process(pid: int) -> int | None:
    """The server's warm process (the one that forks the tabs' games), if it runs."""
    for child in children(pid):
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"game.serve.warm" in command:
            return child
    return None


def tab_processes(pid: int) -> list[int]:
    """Every process the server runs for its tabs: the tabs' own processes and their games
    (all below the server but its warm process)."""
    warm = warm_process(pid)
    return [p for p in descendants(pid) if p != warm]


def running(pid: int) -> bool:
    """Whether ``pid`` is a process that runs (not gone, not a zombie waiting to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_warm(pid: int, timeout: float = 60.0) -> int:
    """The server's warm process once it listens for tabs (its socket exists)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        warm = warm_process(pid)
        if warm is not None:
            socket = Path(Path(f"/proc/{warm}/cmdline").read_bytes().split(b"\0")[-2].decode())
            if socket.exists():
                return warm
        time.sleep(0.1)
    raise AssertionError("the warm process did not start listening")


def cpu_ticks(pid: int) -> int:
    """User and system CPU time of a process so far, in clock ticks (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])
