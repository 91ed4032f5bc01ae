"""Asks before something that cannot be undone: a drastic option, or deleting a save."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..widgets.footer import KeyFooter
from .styled import StyledOnce


class ConfirmScreen(StyledOnce, ModalScreen[bool]):
    """Dismissed with True (y) or False (n or Escape)."""

    AUTO_FOCUS = "#no"
    """Focused as the screen is built (see :mod:`.styled`)."""

    BINDINGS: ClassVar[list] = [
        Binding("y", "answer(True)", "Yes, do it"),
        Binding("n", "answer(False)", "Think again"),
        Binding("escape", "answer(False)", show=False),
    ]

    def __init__(self, label: str, why: str = "cannot be undone and raises the danger sharply."):
        super().__init__()
        self.label, self.why = label, why
        self._answered = False

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static("Are you sure?", classes="heading")
            yield Static(Text(f"“{self.label}” {self.why}"))
            with Horizontal(id="confirm-buttons"):
                yield Button("y  Yes, do it", id="yes", variant="error")
                yield Button("n  Think again", id="no", variant="primary")
        yield KeyFooter()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id == "yes")

    def action_answer(self, ok: bool) -> None:
        """The first answer stands: a second one, typed before the screen has gone (Enter,
        then y), is ignored rather than dismissing the screen twice."""
        if not self._answered:
            self._answered = True
            self.dismiss(ok)
