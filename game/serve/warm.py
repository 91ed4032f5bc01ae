"""The warm start of a tab's game: one process that has imported Python's libraries, Textual,
pydantic and the game forks the game of each new tab, so that a tab does not load them again.

Started by the server (``python -m game.serve.warm SOCKET``, with the environment textual-serve
gives a tab's process, :data:`TAB_ENV`); a tab's process (:mod:`.launch`) connects to ``SOCKET``
and passes its standard input, output and error. For each, this process forks a child that
runs the game (:func:`game.serve.student.play`) on those streams with the tab's environment,
and tells the tab's process "started", then "exit N" when it has reaped the game.

What keeps the promises of a process per tab:

- A game's lifeline is its connection to the tab's process: when that process ends (the server
  stopped it, or the server is gone and so is it), the game closes itself, as a game started on
  its own does when the server goes. The tab's process ends when the game ends.
- This process forks before any thread or event loop exists, and the child closes everything of
  this process it does not need (the socket it listens on, the other games' connections).
- What this process has imported is frozen out of the cycle collector before it forks
  (:func:`game.ui.upstream.freeze_for_forks`), so that a game's collections do not walk it,
  nor copy the pages it shares with the other games.
- A game that crashes is a child process like any other: the others and this one go on. If this
  process is gone (it ends with the server, whose pipe to it closes), the games it forked go on
  to their ends, and new tabs start their game on their own, as without it.
- A tab whose environment differs from this one's where Python or Textual read it at import
  (:data:`SAME_AT_IMPORT`) is declined: its process then starts its game on its own.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import selectors
import signal
import socket
import sys
import threading
import traceback
from importlib.metadata import version

PRELOAD = (
    "textual.drivers.web_driver",
    "game.ui.app",
    "game.serve.student",
    "game.saves",
    "game.ui.scenario_cache",
    *(f"game.ui.screens.{name}" for name in ("new_game", "game", "result", "confirm", "ending")),
)
"""What a tab's game imports before its first frame and just after (its first screens, the
models, the engine)."""

SAME_AT_IMPORT = ("TEXTUAL", "TERM", "ESCDELAY", "LC_", "LANG", "PYTHON", "COLORTERM", "NO_COLOR")
"""Names (prefixes) of environment variables read when Python, Rich and Textual are imported:
a tab's must equal this process's for its game to be forked here."""

REQUEST_WAIT = 2.0
"""Seconds a tab's process has to send its request once connected."""


def tab_env() -> dict[str, str]:
    """The variables textual-serve 1.1 sets for a tab's process (besides its size), which this
    process must be started with; a difference only means that tabs start on their own."""
    return {
        "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
        "TEXTUAL_FPS": "60",
        "TEXTUAL_COLOR_SYSTEM": "truecolor",
        "TERM_PROGRAM": "textual",
        "TERM_PROGRAM_VERSION": version("textual-serve"),
    }


def _at_import(env: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if k.startswith(SAME_AT_IMPORT)}


def _request(conn: socket.socket) -> tuple[dict, list[int]]:
    """A tab's request: its session and environment, and its three standard streams."""
    conn.settimeout(REQUEST_WAIT)
    data, fds, _flags, _address = socket.recv_fds(conn, 1 << 16, 3)
    try:
        while data and not data.endswith(b"\n"):
            more = conn.recv(1 << 16)
            if not more:
                break
            data += more
        request = json.loads(data)
        if not isinstance(request, dict) or len(fds) != 3:
            raise ValueError("not a request")
        return request, fds
    except BaseException:
        for fd in fds:
            os.close(fd)
        raise


def _acceptable(request: dict) -> bool:
    session, env = request.get("session"), request.get("env")
    return (
        isinstance(session, str)
        and 0 < len(session) <= 32
        and all(c in "0123456789abcdef" for c in session)
        and isinstance(env, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in env.items())
        and _at_import(env) == _at_import(dict(os.environ))
    )


def _game(request: dict, fds: list[int], conn: socket.socket, others: list) -> None:
    """In the forked child: the tab's game on the tab's streams; never returns."""
    code = 1
    try:
        for other in others:
            other.close()
        for number, fd in enumerate(fds):
            os.dup2(fd, number)
        for fd in fds:
            if fd > 2:
                os.close(fd)
        os.environ.clear()
        os.environ.update(request["env"])
        signal.signal(signal.SIGINT, signal.default_int_handler)
        conn.settimeout(None)
        from .student import play

        def tab_gone() -> None:
            with contextlib.suppress(OSError):
                while conn.recv(64):
                    pass

        code = play(request["session"], tab_gone)
    except BaseException:
        with contextlib.suppress(Exception):
            traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code if 0 <= code < 256 else 1)


class Warm:
    """The listening socket and the games forked so far (their tabs' connections)."""

    def __init__(self, path: str):
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(path)
        self.listener.listen(64)
        self.games: dict[int, socket.socket] = {}
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.listener, selectors.EVENT_READ)
        self.selector.register(0, selectors.EVENT_READ)  # the server's pipe: closed, we end

    def serve(self) -> None:
        """Fork a game for each tab until the server closes its pipe to this process."""
        while True:
            for key, _ in self.selector.select(timeout=0.5):
                if key.fileobj is self.listener:
                    self._take()
                elif not os.read(0, 512):
                    return
            self._reap()

    def _take(self) -> None:
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        try:
            request, fds = _request(conn)
        except (OSError, ValueError):
            conn.close()
            return
        try:
            if not _acceptable(request):
                with contextlib.suppress(OSError):
                    conn.sendall(b"declined\n")
                return
            others = [self.selector, self.listener, *self.games.values()]
            pid = os.fork()
            if pid == 0:
                _game(request, fds, conn, others)
            self.games[pid] = conn
            with contextlib.suppress(OSError):
                conn.sendall(b"started\n")
            conn = None
        finally:
            for fd in fds:
                os.close(fd)
            if conn is not None:
                conn.close()

    def _reap(self) -> None:
        """Tell each tab whose game has ended (and reap it)."""
        while self.games:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            conn = self.games.pop(pid, None)
            if conn is not None:
                with contextlib.suppress(OSError):
                    conn.sendall(f"exit {os.waitstatus_to_exitcode(status) % 256}\n".encode())
                conn.close()

    def close(self) -> None:
        self.selector.close()
        self.listener.close()
        for conn in self.games.values():
            conn.close()


def prepare() -> None:
    """Import what a tab's game needs, and freeze it for the games forked from here."""
    for name in PRELOAD:
        importlib.import_module(name)
    from game.ui.upstream import freeze_for_forks

    freeze_for_forks()


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("brink: this program is started by `brink serve`", file=sys.stderr)
        return 2
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server ends this process itself
    prepare()
    if threading.active_count() != 1:  # forking is safe only without threads
        return 1
    warm = Warm(argv[1])
    try:
        warm.serve()
    finally:
        warm.close()
        with contextlib.suppress(OSError):
            os.unlink(argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
