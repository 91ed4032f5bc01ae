"""The one place Brink reaches into Textual's and Rich's internals or tunes Python's cycle
collector, and why.

Checked against Textual 8.2.8, Rich 15.0.0 and Python 3.11; ``tests/ui/test_upstream.py``
fails when any of it stops working, so a new release that changes these internals is noticed,
not silently ignored.

**Keys** (the goal: p99 at most 50 ms). A full pass of the cycle collector walks every object
it tracks; in the middle of a key press it took longer than the key's own work. So
:class:`Collector` freezes (``gc.freeze``) what lives as long as the app (modules, the
scenario, the screens built once and reused) right after a collection, so full passes walk
only what the turns make, and does not leave full passes to start by themselves: the app asks
for one at a screen change's quiet moment, once as many younger passes have run as would have
started one. :meth:`Collector.release` hands Python its own settings back when the app closes.

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
"""

from __future__ import annotations

import gc

CHECKED_WITH = {"textual": "8.2.8", "rich": "15.0.0", "python": "3.11"}
"""The versions these internals were checked against."""


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
