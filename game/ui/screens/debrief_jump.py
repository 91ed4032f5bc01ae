"""The debrief's list of pages: every decision, question, myth and student by its title, to
jump to one with Enter rather than turn a hundred pages by arrow key."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...debrief.text import TOPICS
from ..widgets.footer import KeyFooter
from .styled import StyledOnce


class JumpScreen(StyledOnce, ModalScreen):
    """Lists the pages as (topic, title) and returns the index chosen (None: Esc)."""

    AUTO_FOCUS = "#jump-pages"
    """Focused as the screen is built (see :mod:`.styled`)."""

    BINDINGS: ClassVar[list] = [Binding("escape", "dismiss_none", "Cancel")]

    def __init__(self, pages: list[tuple[int, str]], current: int):
        super().__init__()
        self.pages, self.current = pages, current

    def compose(self) -> ComposeResult:
        with Vertical(id="jump"):
            yield Static(Text("Go to a page (Enter)"), classes="debrief-heading")
            yield OptionList(
                *(Option(Text(f"{TOPICS[t]} · {title}")) for t, title in self.pages),
                id="jump-pages",
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#jump-pages", OptionList).highlighted = self.current

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
