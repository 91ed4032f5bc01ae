"""The program a student's tab runs (started by the server, one process per tab): the game in
classroom mode, which ends itself if the server goes away.

``python -m game.serve.student --session HEX``; the class and its folder come from the
environment the server sets (see ``game.ui.classroom``).
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time

from ..ui.classroom import from_env

GRACE = 3.0
"""Seconds a game has to save and close once the server is gone, before it is stopped."""


def _watch_parent(app, parent: int) -> None:
    """If the server dies (its process is replaced as our parent), close the game; if that
    does not end it, end the process: a game never runs on without its server."""
    while os.getppid() == parent:
        time.sleep(0.5)

    def close() -> None:
        with contextlib.suppress(Exception):  # the app may be closing already
            app.call_from_thread(app.exit)

    threading.Thread(target=close, daemon=True).start()  # never blocks the countdown below
    time.sleep(GRACE)
    os._exit(0)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    session = argv[1] if len(argv) == 2 and argv[0] == "--session" else ""
    classroom = from_env()
    if classroom is None:
        print("brink: this program is started by `brink serve`", file=sys.stderr)
        return 2
    if all(c in "0123456789abcdef" for c in session):
        classroom.session = session
    from ..ui.app import create_app

    app = create_app(classroom=classroom)
    threading.Thread(target=_watch_parent, args=(app, os.getppid()), daemon=True).start()
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
