"""The program a student's tab runs (one game per tab): the game in classroom mode, which ends
itself once its tab's process or the server is gone.

``python -m game.serve.student --session HEX`` runs it in a process of its own; the warm
process (:mod:`.warm`) runs :func:`play` in a process it forked. The class and its folder come
from the environment the server sets (see ``game.ui.classroom``).
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Callable

from ..ui.classroom import from_env

GRACE = 3.0
"""Seconds a game has to save and close once its lifeline is gone, before it is stopped."""


def parent_gone(parent: int) -> None:
    """Return once ``parent`` (the server) is no longer this process's parent: it has gone."""
    while os.getppid() == parent:
        time.sleep(0.5)


def _watch(app, lifeline: Callable[[], None]) -> None:
    """When ``lifeline()`` returns, close the game; if that does not end it, end the process:
    a game never runs on without its tab."""
    lifeline()

    def close() -> None:
        with contextlib.suppress(Exception):  # the app may be closing already
            app.call_from_thread(app.exit)

    threading.Thread(target=close, daemon=True).start()  # never blocks the countdown below
    time.sleep(GRACE)
    os._exit(0)


def play(session: str, lifeline: Callable[[], None]) -> int:
    """Run one tab's game to its end; ``lifeline()`` returns when the tab's process or the
    server has gone (it runs in a thread of its own). Returns the exit code."""
    classroom = from_env()
    if classroom is None:
        print("brink: this program is started by `brink serve`", file=sys.stderr)
        return 2
    if session and all(c in "0123456789abcdef" for c in session):
        classroom.session = session
    from ..ui.app import create_app

    app = create_app(classroom=classroom)
    threading.Thread(target=_watch, args=(app, lifeline), daemon=True).start()
    app.run()
    return app.return_code or 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    session = argv[1] if len(argv) == 2 and argv[0] == "--session" else ""
    parent = os.getppid()
    return play(session, lambda: parent_gone(parent))


if __name__ == "__main__":
    sys.exit(main())
