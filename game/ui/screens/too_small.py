"""Shown while the terminal is smaller than Brink's screens are drawn for: the minimum size in
plain words, instead of a screen whose footer has lost its keys."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

MIN_SIZE = (80, 24)
"""The smallest terminal every screen is laid out for (columns, lines)."""


def too_small(width: int, height: int) -> bool:
    return width < MIN_SIZE[0] or height < MIN_SIZE[1]


class TooSmallScreen(Screen):
    """The minimum size and this terminal's; it goes away by itself once the terminal is
    large enough (the app watches the size, see :meth:`game.ui.app.BrinkApp.on_resize`)."""

    def compose(self) -> ComposeResult:
        yield Static(self._text(), id="too-small")

    def on_resize(self) -> None:
        self.query_one("#too-small", Static).update(self._text())

    def on_screen_resume(self) -> None:
        if not too_small(*self.app.size):
            self.dismiss()

    def _text(self) -> Text:
        w, h = self.app.size
        return Text(
            f"Brink needs a terminal of at least {MIN_SIZE[0]} columns and {MIN_SIZE[1]} lines; "
            f"this one is {w}×{h}.\n\nMake the window larger and the game comes back as it "
            "was. Or play in plain text: brink play --plain\n\nCtrl+Q quits."
        )
