"""The saved games: newest first, or by player or class (``s``); ``x`` deletes a game after
asking. A damaged file is listed with the reason and can be neither picked nor deleted."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...saves import SORTS, Listed, list_saves
from ...terminal import shown
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
        self, rows: list[Listed], folder: Path, scenarios: set[str] | None = None, sort="updated"
    ):
        super().__init__()
        self.rows, self.folder, self.scenarios, self.sort = rows, folder, scenarios, sort

    def compose(self) -> ComposeResult:
        yield Static(self._heading(), id="where")
        if not self.rows:
            yield Static(Text(f"No saved games in {self.folder} yet."), classes="muted")
        yield MarkedOptionList(*self._options(), id="saves")
        yield KeyFooter()

    def _heading(self) -> Text:
        return Text(f"Saved games in {self.folder} ({SORT_NAMES[self.sort]})")

    def _options(self) -> list[Option]:
        options = []
        for i, r in enumerate(self.rows):
            if r.save is None:
                text = f"DAMAGED  {shown(r.path.name)}: {r.problem.detail}"
                options.append(Option(Text(text), id=str(i), disabled=True))
                continue
            v = r.save
            state = f"ended: {self._ending(v)}" if v.summary.ending else v.summary.date
            who = v.player or "(no name)"
            cls = f" [{v.class_code}]" if v.class_code else ""
            leader = v.role.capitalize()
            # a copy of a game (another file name) is told apart from the game's own file
            copy = "" if r.path.name == f"{v.id}.json" else f" · copy in {r.path.name}"
            first = shown(f"{who}{cls} · {leader} · {state}")
            text = f"{first}\n  {shown(f'{v.id}{copy} · last played {played(v.updated)}')}"
            options.append(Option(Text(text), id=str(i)))
        return options

    def _ending(self, save) -> str:
        """The title of the ending a saved game reached (its id, if the game is of another
        scenario or the ending is no longer in this one)."""
        scenario = self.app.scenario
        if save.scenario_id == scenario.meta.id:
            try:
                return scenario.ending(save.summary.ending).title
            except KeyError:
                pass
        return save.summary.ending

    def _refresh_rows(self) -> None:
        self.rows = list_saves(self.folder, self.scenarios, self.sort)
        self.query_one("#where", Static).update(self._heading())
        listing = self.query_one("#saves", OptionList)
        listing.clear_options()
        listing.add_options(self._options())

    def action_sort(self) -> None:
        """Cycle: last played first, by player, by class."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._refresh_rows()

    def action_delete(self) -> None:
        """Delete the highlighted game, after asking; never a damaged file."""
        index = self.query_one("#saves", OptionList).highlighted
        if index is None or self.rows[index].save is None:
            return
        row = self.rows[index]
        label = f"{row.save.player or '(no name)'} · {row.save.id}"

        def done(ok: bool | None) -> None:
            if ok:
                row.path.unlink(missing_ok=True)
                self.notify(f"Deleted {shown(row.path.name)}.", markup=False)
                self._refresh_rows()

        from .confirm import ConfirmScreen

        self.app.push_screen(ConfirmScreen(label, "will be deleted for good."), done)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        row = self.rows[int(event.option.id)]
        if row.save is not None:  # an ended game opens on its ending screen
            self.app.resume_file(row.path)


def played(stamp: str) -> str:
    """A save's time stamp to the minute, in UTC as it is stored: "16 October 2026, 09:05 UTC"."""
    from ...engine.dates import long_moment

    return long_moment(stamp)
