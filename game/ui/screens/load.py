"""The saved games, newest first; a damaged file is listed with the reason and cannot be picked."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...saves import Listed
from ..widgets.footer import KeyFooter
from ..widgets.marked import MarkedOptionList


class LoadScreen(Screen):
    BINDINGS: ClassVar[list] = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, rows: list[Listed], folder: Path):
        super().__init__()
        self.rows, self.folder = rows, folder

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Saved games in {self.folder}"), id="where")
        options = []
        for i, r in enumerate(self.rows):
            if r.save is None:
                where = f"{r.problem.path}: " if r.problem.path else ""
                text = f"DAMAGED  {r.path.name}: {where}{r.problem.message}"
                options.append(Option(Text(text), id=str(i), disabled=True))
                continue
            v = r.save
            state = f"ended: {v.summary.ending}" if v.summary.ending else v.summary.date
            who = v.player or "(no name)"
            cls = f" [{v.class_code}]" if v.class_code else ""
            text = f"{who}{cls} · {v.role} · {state}\n  {v.id} · last played {v.updated}"
            options.append(Option(Text(text), id=str(i)))
        if not options:
            yield Static(Text(f"No saved games in {self.folder} yet."), classes="muted")
        yield MarkedOptionList(*options, id="saves")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#saves").focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        row = self.rows[int(event.option.id)]
        if row.save is not None:  # an ended game opens on its ending screen
            self.app.resume_file(row.path)
