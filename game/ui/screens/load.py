"""The saved games: newest first, or by player or class (``s``); ``x`` deletes a game after
asking. A damaged file is listed with the reason and can be neither picked nor deleted.

The folder is read, and a game deleted, by a worker thread, never on the UI thread: the screen
opens at once and says it is reading until the list is there (a class's folder may hold
hundreds of games)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...saves import SORTS, Listed, installed_scenarios, list_saves, reached, sort_saves
from ...terminal import shown
from ..flow import OpenSave
from ..widgets.footer import KeyFooter
from ..widgets.marked import MarkedOptionList
from .styled import StyledOnce

SORT_NAMES = {"updated": "last played first", "player": "by player", "class": "by class"}


class LoadScreen(StyledOnce, Screen):
    """The saved games in a list; Enter opens one."""

    AUTO_FOCUS = "#saves"
    """Focused as the screen is built (see :mod:`.styled`)."""

    BINDINGS: ClassVar[list] = [
        Binding("s", "sort", "Sort"),
        Binding("x", "delete", "Delete"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(
        self,
        rows: list[Listed] | None,
        folder: Path,
        scenarios: set[str] | None = None,
        sort="updated",
    ):
        """``rows``: the games, or None to read them (with ``scenarios`` the installed ones,
        or None for those found then) in a worker once the screen is on."""
        super().__init__()
        self.rows, self.folder, self.scenarios, self.sort = rows, folder, scenarios, sort

    def compose(self) -> ComposeResult:
        yield Static(self._heading(), id="where")
        yield Static(self._status(), id="status", classes="muted")
        yield MarkedOptionList(*self._options(), id="saves")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#status").display = bool(self._status())
        if self.rows is None:
            self._read()

    def _status(self) -> Text | str:
        if self.rows is None:
            return Text(f"Reading the saved games in {self.folder}…")
        return "" if self.rows else Text(f"No saved games in {self.folder} yet.")

    @work(thread=True, exclusive=True, group="saves")
    def _read(self, delete: Path | None = None) -> None:
        """Read the folder (after deleting ``delete``) and show what it holds."""
        if delete is not None:
            try:
                delete.unlink(missing_ok=True)
                told, severity = f"Deleted {shown(delete.name)}.", "information"
            except OSError as exc:
                told = f"Could not delete {shown(delete.name)}: {shown(exc.strerror or exc)}."
                severity = "error"
            self._from_worker(lambda: self.notify(told, severity=severity, markup=False))
        if self.scenarios is None:
            self.scenarios = installed_scenarios() | {self.app.scenario.meta.id}
        rows = list_saves(self.folder, self.scenarios, self.sort)
        self._from_worker(lambda: self._show(rows))

    def _from_worker(self, call) -> None:
        with contextlib.suppress(RuntimeError):  # the app closed meanwhile
            self.app.call_from_thread(call)

    def _show(self, rows: list[Listed]) -> None:
        self.rows = rows
        status = self.query_one("#status", Static)
        status.update(self._status())
        status.display = bool(self._status())
        self.query_one("#where", Static).update(self._heading())
        listing = self.query_one("#saves", OptionList)
        was = listing.highlighted or 0
        listing.clear_options()
        listing.add_options(self._options())
        if listing.option_count:
            listing.highlighted = min(was, listing.option_count - 1)

    def _heading(self) -> Text:
        return Text(f"Saved games in {self.folder} ({SORT_NAMES[self.sort]})")

    def _options(self) -> list[Option]:
        options = []
        for i, r in enumerate(self.rows or ()):
            if r.save is None:
                text = f"DAMAGED  {shown(r.path.name)}: {r.problem.detail}"
                options.append(Option(Text(text), id=str(i), disabled=True))
                continue
            v = r.save
            # the scenario names an ended game's ending (asked only then: a list of games in
            # progress is worded without the app)
            state = reached(self.app.scenario if v.summary.ending else None, v)
            who = v.player or "(no name)"
            cls = f" [{v.class_code}]" if v.class_code else ""
            leader = v.role.capitalize()
            # a copy of a game (another file name) is told apart from the game's own file
            copy = "" if r.path.name == f"{v.id}.json" else f" · copy in {r.path.name}"
            first = shown(f"{who}{cls} · {leader} · {state}")
            text = f"{first}\n  {shown(f'{v.id}{copy} · last played {played(v.updated)}')}"
            options.append(Option(Text(text), id=str(i)))
        return options

    def action_sort(self) -> None:
        """Cycle: last played first, by player, by class (the list read, sorted again)."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        if self.rows is not None:
            self._show(sort_saves(self.rows, self.sort))

    def action_delete(self) -> None:
        """Delete the highlighted game, after asking; never a damaged file."""
        index = self.query_one("#saves", OptionList).highlighted
        if index is None or not self.rows or self.rows[index].save is None:
            return
        row = self.rows[index]
        label = f"{row.save.player or '(no name)'} · {row.save.id}"

        def done(ok: bool | None) -> None:
            if ok:
                self._read(delete=row.path)

        from .confirm import ConfirmScreen

        self.app.push_screen(ConfirmScreen(label, "will be deleted for good."), done)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        row = self.rows[int(event.option.id)]
        if row.save is not None:  # an ended game opens on its ending screen
            self.post_message(OpenSave(row.path))


def played(stamp: str) -> str:
    """A save's time stamp to the minute, in UTC as it is stored: "16 October 2026, 09:05 UTC"."""
    from ...engine.dates import long_moment

    return long_moment(stamp)
