"""The debrief's export dialog: the format (HTML, Markdown, CSV by game or by choice) and the
file, by default beside the saves folder; it writes the report and returns the path written."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...debrief import ExportError, render, write_report
from ...debrief.export import default_target
from ...debrief.figures import Debrief
from ..widgets.footer import KeyFooter
from ..widgets.marked import MarkedOptionList
from .styled import StyledOnce

FORMATS = (
    ("html", False, "HTML: one printable page with charts"),
    ("md", False, "Markdown"),
    ("csv", False, "CSV: one row per game (spreadsheets)"),
    ("csv", True, "CSV: one row per choice"),
)


class ExportScreen(StyledOnce, ModalScreen):
    """Asks the format and the file, writes the report, and returns the path written."""

    AUTO_FOCUS = "#export-formats"
    """Focused as the screen is built (see :mod:`.styled`)."""

    BINDINGS: ClassVar[list] = [
        Binding("ctrl+s", "write", "Write"),
        Binding("escape", "dismiss_none", "Cancel"),
    ]

    def __init__(self, debrief: Debrief, folder: Path, show_names: bool):
        super().__init__()
        self.debrief, self.folder, self.show_names = debrief, folder, show_names
        self.choice = 0
        self._done = False

    def compose(self) -> ComposeResult:
        names = "shown" if self.show_names else "hidden (press n on the debrief to show them)"
        with Vertical(id="export"):
            yield Static(Text("Export the debrief"), classes="debrief-heading")
            yield MarkedOptionList(*(Option(Text(t)) for _, _, t in FORMATS), id="export-formats")
            yield Static(Text("Write to (Enter writes):"))
            yield Input(self._target(0), id="export-path")
            yield Static(Text(f"Names {names}."), classes="muted")
            yield Static(id="export-error")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#export-formats", OptionList).highlighted = 0

    def _target(self, i: int) -> str:
        fmt, per, _ = FORMATS[i]
        path = default_target(self.folder, fmt, per)
        rel = os.path.relpath(path)
        return rel if not rel.startswith("..") else str(path)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        box = self.query_one("#export-path", Input)
        if box.value == self._target(self.choice):  # not edited: follow the format
            box.value = self._target(event.option_index)
        self.choice = event.option_index

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#export-path").focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_write()

    def action_write(self) -> None:
        fmt, per, _ = FORMATS[self.choice]
        target = Path(self.query_one("#export-path", Input).value.strip())
        try:
            if not target.name:
                raise ExportError("give a file name")
            text = render(self.debrief, fmt, self.show_names, per)
            path = write_report(target, text, fmt)
        except ExportError as exc:
            self.query_one("#export-error", Static).update(Text(str(exc)))
            return
        self._close(path)

    def action_dismiss_none(self) -> None:
        self._close(None)

    def _close(self, result: Path | None) -> None:
        """Dismissed once: a key typed before the screen has gone (Enter, then Escape) is
        ignored rather than dismissing it twice."""
        if not self._done:
            self._done = True
            self.dismiss(result)
