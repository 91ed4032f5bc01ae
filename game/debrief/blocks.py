"""What a page of the debrief is made of, for any front end to lay out (the terminal screen,
the side-by-side comparison of classes).

Nothing here knows about the terminal: a :class:`Block` says what a piece is (a heading, a
paragraph, a bar of a chart, big figures, a danger series, or a ``secret`` that stays hidden
until the teacher reveals it: the historians' answer to a question, the facts behind a myth).
A block that tells history's choice says so (``history``), so that a front end can keep it
back until the class has discussed the decision.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of a page."""

    kind: str
    """``heading``, ``para``, ``muted``, ``bar``, ``figures``, ``series`` or ``secret``."""
    text: str = ""
    value: int = 0
    """For a bar: its count."""
    total: int = 0
    """For a bar: the count of a full bar."""
    marked: bool = False
    """For a bar: it is history's choice."""
    figures: tuple[tuple[str, str], ...] = ()
    """For ``figures``: (value, caption) pairs shown big."""
    series: tuple[int, ...] = ()
    history: bool = False
    """It tells what history chose (a bar's ``marked`` says it too)."""


@dataclass(frozen=True, slots=True)
class Page:
    topic: int
    """Index in :data:`~game.debrief.text.TOPICS`."""
    title: str
    blocks: tuple[Block, ...]

    @property
    def has_secret(self) -> bool:
        return any(b.kind == "secret" for b in self.blocks)

    @property
    def has_history(self) -> bool:
        """It tells history's choice (in words or by a marked bar)."""
        return any(b.history or b.marked for b in self.blocks)
