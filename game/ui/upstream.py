"""The one place Brink reaches into Textual's, Rich's and textual-serve's internals, and why.

Each was checked against the versions named here (``CHECKED``, ``SERVE_CHECKED``,
``RICH_CHECKED``). ``tests/ui/test_upstream.py`` judges each by its behaviour on whatever release
is installed: it fails when a workaround stops working, or when a bug it works around is fixed
upstream (drop it then); a release newer than the ones named here is reported, to be added.

Four reasons only:

**Workarounds for bugs.** :class:`ExitsOnDriverQuit` (a browser tab closed while the app starts)
and :func:`end_process` (a tab's game that never quits, stopped without racing asyncio's
child watcher).

**Keys** (the goal: p99 at most 50 ms). A full pass of the cycle collector walks every object
it tracks; in the middle of a key press it took longer than the key's own work. So
:class:`Collector` freezes (``gc.freeze``) what lives as long as the app (modules, the
scenario, the screens built once and reused) right after a collection, so full passes walk
only what the turns make, and does not leave full passes to start by themselves: the app asks
for one at a screen change's quiet moment, once as many younger passes have run as would have
started one. :meth:`Collector.release` hands Python its own settings back when the app closes.

**Forks** (the classroom server, whose warm process forks each tab's game):
:func:`freeze_for_forks` freezes what that process has imported before it forks, so that a
game's collections never walk it. A collection writes to every object it walks, and a page of
the warm process that a game writes to is copied into the game: measured through a real
server (6 tabs at their first turn), a game's own memory (PSS) was 29 MB rather than 34 MB.
:meth:`Collector.renew` unfreezes everything, the shared objects too: a classroom's game never
calls it (it keeps its screens from one game to the next, see :mod:`.kept`).

**Memory** (the goal: a whole game at most 60 MB). At each screen change's quiet moment
:meth:`Collector.tidy` also empties three bounded memo caches that a game fills and that no
public API empties:

- Textual's ``StylesCache.get_inner_outer`` is an ``lru_cache`` on a method, keyed by widget,
  so it keeps up to 1,024 removed widgets and their rendered lines alive
  (Textualize/textual#6665). Over a whole game that was about 2 MB.
- Rich's ``cached_cell_len`` (one entry a word) and the ``lru_cache`` methods of Textual's
  ``Region`` (its arithmetic) are bounded at 4,096 and 1,024 entries, but a game's many words
  and layouts fill them: full, they held about 1 MB and 1.4 MB. Filled again with only what the
  next screens need, a whole game peaked about 1.6 MB lower.

Each is looked up defensively: a release that no longer caches there is simply skipped.

Two more spare what a terminal game would load and never use (together about 2 MB of a whole
game in a pseudo-terminal):

- :func:`no_pydantic_plugins`: pydantic looks for plugins (entry points of every installed
  distribution) when it builds its first validator, and the module that looks imports
  ``importlib.metadata``, ``email``, ``zipfile`` and ``csv`` to do it: about 1.2 MB. Brink
  uses no plugin, and a game should not run one it happens to find installed.
- :func:`known_key_names`: Textual asks ``unicodedata.lookup`` whether each bound key's name
  (``UP``, ``ENTER``, ``d``) names a character, and each lookup, mostly a failing one, reads
  its own pages of the Unicode name tables: about 0.7 MB of the 1.1 MB module. The names
  Brink's keys make are answered from :data:`KEY_NAMES`, the answers ``unicodedata`` gives.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import types
import unicodedata

from textual.message import Message

CHECKED = ((8, 2),)  # 8.2.8 the newest tried
"""The Textual (major, minor) versions everything here was checked against."""


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


async def end_process(service: object, grace: float = 1.0, wait: float = 5.0) -> None:
    """Stop a tab's game process if it does not end within ``grace`` seconds, and reap it.

    textual-serve 1.1's ``AppService.stop()`` asks the game to quit and then waits for the end
    of its output without end: a game that never quits would be left running. The process is
    only held in the service's private ``_process`` (an ``asyncio.subprocess.Process``).

    A process that has just closed its output is usually ending: it is given ``grace`` seconds
    to end by itself before it is killed. Killing it at once would race asyncio's child
    watcher: ``Process.kill()`` polls the process first (``subprocess.Popen.send_signal``), and
    that poll reaps a process which has just exited, so the watcher, which waits for the same
    process, finds it gone and logs "Unknown child process pid N, will report returncode 255"
    (checked with Python 3.11's threaded watcher; the pidfd watcher does the same). A process
    still running after the grace is sent SIGKILL by its pid, which does not poll: a process that
    exits at that moment stays a zombie until the watcher reaps it, and the signal does nothing."""
    import asyncio

    process = getattr(service, "_process", None)
    if process is None:
        return
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(process.wait(), grace)
    if process.returncode is None:
        # the signal is sent by pid, not by ``process.kill()``: that polls the process first,
        # and a poll reaps a process which exited during the grace behind the watcher's back
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGKILL)
    with contextlib.suppress(Exception):
        await asyncio.wait_for(process.wait(), wait)


RICH_CHECKED = ((15, 0),)
"""The Rich (major, minor) versions the memo caches below were checked against."""


def forget_dead_widgets() -> None:
    """Empty the cache through which Textual keeps removed widgets' lines (see above)."""
    from textual._styles_cache import StylesCache

    clear = getattr(StylesCache.get_inner_outer, "cache_clear", None)
    if clear is not None:
        clear()


def forget_measures() -> None:
    """Empty the memo caches of text widths and of ``Region`` arithmetic (see above)."""
    from rich.cells import cached_cell_len
    from textual.geometry import Region

    for cached in (cached_cell_len, *vars(Region).values()):
        clear = getattr(cached, "cache_clear", None)
        if clear is not None:
            clear()


def freeze_for_forks() -> None:
    """In a process about to fork games: collect, then freeze all it holds, so that the
    children's collections leave those objects (and the pages they share) alone."""
    gc.collect()
    gc.freeze()


NO_AUTOMATIC_FULL_PASS = 1_000_000
"""Younger passes before Python itself would start a full one: never, in practice."""


class Collector:
    """The app's use of :mod:`gc` and of the caches above; see the module's docstring."""

    def __init__(self) -> None:
        self._threshold: tuple[int, int, int] | None = None

    def settle(self) -> None:
        """Everything alive now stays as long as the app: collect, then freeze the rest."""
        gc.collect()
        gc.freeze()
        if self._threshold is None:
            self._threshold = gc.get_threshold()
            young, middle, _ = self._threshold
            gc.set_threshold(young, middle, NO_AUTOMATIC_FULL_PASS)

    def renew(self) -> None:
        """Some of what was frozen has been let go: unfreeze, collect, and freeze again (not
        once the app has closed and handed the collector back)."""
        if self._threshold is None:
            return
        gc.unfreeze()
        self.settle()

    def tidy(self) -> None:
        """A quiet moment (a new screen is on screen): empty the caches, and run the full pass
        Python would start soon."""
        forget_dead_widgets()
        forget_measures()
        if self._threshold is not None and gc.get_count()[2] >= self._threshold[2]:
            gc.collect()

    def release(self) -> None:
        """The app is closing: Python's own thresholds again, and nothing frozen for good."""
        if self._threshold is not None:
            gc.set_threshold(*self._threshold)
            self._threshold = None
        gc.unfreeze()


PYDANTIC_CHECKED = ((2, 14),)
"""The pydantic (major, minor) versions :func:`no_pydantic_plugins` was checked against."""

PLUGIN_LOADER = "pydantic.plugin._loader"


def no_pydantic_plugins() -> None:
    """Let pydantic find no plugins, without importing its plugin loader (see above): a module
    of that name whose ``get_plugins`` gives none, as the loader's own does where none is
    installed. Only before the loader is imported (before pydantic builds a validator)."""
    if PLUGIN_LOADER in sys.modules:
        return
    loader = types.ModuleType(PLUGIN_LOADER, "No pydantic plugins in Brink (game.ui.upstream).")
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
    sys.modules[PLUGIN_LOADER] = loader


KEY_NAMES: dict[str, str | None] = {
    **dict.fromkeys("abcdefghijklmnopqrstuvwxyz0123456789"),
    **dict.fromkeys(
        ("UP", "DOWN", "LEFT", "RIGHT", "HOME", "END", "PAGEUP", "PAGEDOWN", "ENTER", "F1", "F2")
    ),
    **dict.fromkeys(("up", "down", "left", "right", "home", "end", "enter")),
    "ESCAPE": "\x1b",
    "escape": "\x1b",
    "TAB": "\t",
    "SPACE": " ",
    "QUESTION MARK": "?",
}
"""What ``unicodedata.lookup`` gives for each name Textual asks about for Brink's keys (None:
no such character, a ``KeyError``); a test checks each against ``unicodedata``."""


class _KeyNames:
    """``unicodedata`` for :mod:`textual.keys`, with the names of :data:`KEY_NAMES` looked up
    there rather than in the Unicode name tables."""

    def __getattr__(self, name: str):
        return getattr(unicodedata, name)

    @staticmethod
    def lookup(name: str) -> str:
        if name not in KEY_NAMES:
            return unicodedata.lookup(name)
        char = KEY_NAMES[name]
        if char is None:
            raise KeyError(f"undefined character name {name!r}")
        return char


def known_key_names() -> None:
    """Answer the lookups of key names that :mod:`textual.keys` makes from :data:`KEY_NAMES`
    (see above)."""
    import textual.keys

    if isinstance(getattr(textual.keys, "unicodedata", None), types.ModuleType):
        textual.keys.unicodedata = _KeyNames()  # type: ignore[attr-defined]
