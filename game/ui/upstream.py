"""The one place Brink reaches into Textual's and Rich's internals, and why.

Checked against Textual 8.2.8 and Rich 15.0.0; ``tests/ui/test_upstream.py`` fails when any of
it stops working, so a new release that changes these internals is noticed, not silently
ignored.

Memory (the goal: a whole game at most 60 MB) is the only reason. At each screen change's
quiet moment the app calls :func:`tidy`, which empties three bounded memo caches that a game
fills and that no public API empties:

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

CHECKED_WITH = {"textual": "8.2.8", "rich": "15.0.0"}
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


def tidy() -> None:
    """A quiet moment (a new screen is on screen): let go of what the caches above hold."""
    forget_dead_widgets()
    forget_measures()
