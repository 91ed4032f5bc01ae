"""SIGTERM to the Textual game gives the terminal back (main screen, mouse tracking off, cursor
shown) and saves the game. Run in a pseudo-terminal: the terminal is the process's."""

from __future__ import annotations

import os
import select
import signal
import sys
import time

import pytest
from helpers import MINI

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a pseudo-terminal")


def read_until(fd: int, seconds: float, want: bytes | None = None) -> bytes:
    out = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end and not (want and want in out):
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the other end is closed
                break
            if not chunk:
                break
            out += chunk
    return out


def test_sigterm_restores_the_terminal_and_saves(tmp_path):
    import pty

    saves = tmp_path / "saves"
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.environ["TERM"] = "xterm-256color"
        args = ["-m", "game", "play", "--scenario", str(MINI), "--saves-dir", str(saves)]
        os.execv(sys.executable, [sys.executable, *args])
    shown = read_until(fd, 60, b"Respond")
    assert b"\x1b[?1049h" in shown  # the game is on the alternate screen
    time.sleep(0.3)
    os.kill(pid, signal.SIGTERM)
    tail = read_until(fd, 30)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 143
    for code in (b"\x1b[?1049l", b"\x1b[?25h", b"\x1b[?1000l"):  # main screen, cursor, mouse
        assert code in tail, code
    assert len(list(saves.glob("*.json"))) == 1
