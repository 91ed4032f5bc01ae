"""Workarounds for Textual's own bugs, each with the version it was checked against.

Every one is tested in ``tests/ui/test_upstream.py``, which fails when Textual moves past the
checked versions, so that each is looked at again (kept, or dropped once fixed upstream).
"""

from __future__ import annotations

import contextlib

from textual.message import Message

CHECKED = ((8, 2),)
"""The Textual (major, minor) versions these workarounds were checked against."""


class ExitsOnDriverQuit:
    """Mixin for an :class:`~textual.app.App`: a quit sent by the driver exits like ``exit()``.

    In a browser tab (textual-serve's web driver), closing the tab makes the server send
    "quit", which the driver turns into an ``ExitApp`` message without calling ``App.exit()``,
    so the app's exit flag stays unset. When that message arrives before the app has finished
    starting (a tab closed a tenth of a second after it opened), a ``Header`` on screen keeps
    the app alive and busy at 100% CPU in Textual 8.2. Calling ``exit()`` when the message is
    handled sets the flag on every path, through the public API, with the same result code.
    """

    _quit_handled = False

    def on_exit_app(self, message: Message) -> None:
        if self._quit_handled:
            return
        self._quit_handled = True
        self.exit(self.return_value, self.return_code or 0)  # type: ignore[attr-defined]


SERVE_CHECKED = ((1, 1),)
"""The textual-serve (major, minor) versions :func:`end_process` was checked against."""


async def end_process(service: object, wait: float = 5.0) -> None:
    """Stop a tab's game process if it still runs, and reap it.

    textual-serve 1.1's ``AppService.stop()`` asks the game to quit and then waits for it
    without end: a game that never quits would be left running. The process is only held in
    the service's private ``_process`` (an ``asyncio.subprocess.Process``)."""
    import asyncio

    process = getattr(service, "_process", None)
    if process is None:
        return
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
    with contextlib.suppress(Exception):
        await asyncio.wait_for(process.wait(), wait)
