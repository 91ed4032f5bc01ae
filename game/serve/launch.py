"""A tab's process when the warm process (:mod:`.warm`) is there: it hands its standard input,
output and error to the warm process, which forks the tab's game on them, and it lives exactly
as long as that game, so the server still sees each tab's game as a child process of its own
(the one it stops, and waits for). If the warm process cannot take the tab, this process runs
the game itself, as without a warm process (``python -m game.serve.student``).

Run as a script, with the standard library alone (``python -I -S launch.py SOCKET SESSION``),
so that it starts in a few milliseconds. It ends when the game ends, and when the server is
gone (the game, whose lifeline is this process, then closes itself).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys

WAIT = 0.5
"""Seconds between looks at whether the server is still this process's parent."""


def _hand_over(path: str, session: str) -> tuple[socket.socket, bytes] | None:
    """Ask the warm process for a game on this process's standard streams: the connection to it
    once it has forked one (and what it said after "started"), else None (no warm process, or
    it declined: nothing was forked)."""
    try:
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        conn.connect(path)
        request = json.dumps({"session": session, "env": dict(os.environ)}) + "\n"
        socket.send_fds(conn, [request.encode()], [0, 1, 2])
        reply = b""
        while b"\n" not in reply:
            data = conn.recv(64)
            if not data:  # closed before forking (every copy of it is gone): no game runs
                return None
            reply += data
    except (OSError, AttributeError):  # AttributeError: no passing of streams here
        return None
    first, _, rest = reply.partition(b"\n")
    if first != b"started":
        conn.close()
        return None
    return conn, rest


def _until_the_game_ends(conn: socket.socket, said: bytes, parent: int) -> int:
    """Wait for the game's end (its exit code, from the warm process) or the server's."""
    conn.settimeout(WAIT)
    while True:
        try:
            data = conn.recv(64)
        except TimeoutError:
            if os.getppid() != parent:
                return 0  # the server is gone: the game closes itself when this process ends
            continue
        except OSError:
            return 1
        if not data:  # the game and the warm process have both let go: the game has ended
            words = said.decode("ascii", "replace").split()
            return int(words[1]) if len(words) == 2 and words[1].isdigit() else 0
        said += data


def main(argv: list[str]) -> int:
    if len(argv) != 3 or not argv[2] or any(c not in "0123456789abcdef" for c in argv[2]):
        print("brink: this program is started by `brink serve`", file=sys.stderr)
        return 2
    path, session = argv[1], argv[2]
    parent = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its tabs itself
    handed = _hand_over(path, session)
    if handed is None:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        command = [sys.executable, "-m", "game.serve.student", "--session", session]
        os.execv(sys.executable, command)
    return _until_the_game_ends(*handed, parent)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
