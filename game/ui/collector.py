"""When Python's cycle collector runs, so that it does not pause a key press.

A full pass of the collector walks every object it tracks; in the middle of a key press it
used to take longer than the key's own work. Two things keep it out of the way:

- What lives as long as the app (modules, the scenario, the screens built once and reused) is
  frozen (``gc.freeze``) once it exists, right after a collection so that no garbage is frozen
  with it: full passes then walk only what the turns make.
- Full passes are not left to start in the middle of a key press: the app asks for one after a
  screen change is on screen, once as many younger passes have run as would have started one.

At the same quiet moments Textual is made to let go of the widgets that are gone: its
``StylesCache.get_inner_outer`` is an ``lru_cache`` on a method, so it keeps up to 1,024
widgets' rendered lines alive after they are removed (Textualize/textual#6665, open for
Textual 8.2). Over a whole game that was about 2 MB.

At the same moments the memo caches of text widths (Rich's ``cached_cell_len``, one entry a
word) and of Textual's ``Region`` arithmetic are emptied. Each is bounded (1,024 or 4,096
entries), but a game's many words and layouts fill them, and full they held about 1 MB and
1.4 MB. Filled again with only what the next screens need, a whole game peaked about 1.6 MB
lower (docs/performance.md).

:meth:`Collector.release` undoes both when the app closes (the tests run many apps in one
process).
"""

from __future__ import annotations

import gc

NO_AUTOMATIC_FULL_PASS = 1_000_000
"""Younger passes before Python itself would start a full one: never, in practice."""


def forget_dead_widgets() -> None:
    """Empty the cache through which Textual keeps removed widgets' lines (see above)."""
    from textual._styles_cache import StylesCache

    clear = getattr(StylesCache.get_inner_outer, "cache_clear", None)
    if clear is not None:  # a Textual without the leak may not cache it at all
        clear()


def forget_measures() -> None:
    """Empty the memo caches of text widths and of ``Region`` arithmetic (see above)."""
    from rich.cells import cached_cell_len
    from textual.geometry import Region

    for cached in (cached_cell_len, *vars(Region).values()):
        clear = getattr(cached, "cache_clear", None)
        if clear is not None:
            clear()


class Collector:
    """The app's use of :mod:`gc`; see the module's docstring."""

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
        """A quiet moment (a new screen is on screen): the full pass Python would start soon."""
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
