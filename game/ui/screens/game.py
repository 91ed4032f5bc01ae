"""One turn: where and when, the situation as the leader knew it, the advisers, the options,
and beside them the DEFCON gauges, the tracks and the tension log.

The app builds this screen once and shows every turn in it (:meth:`GameScreen.show`): its
lines are updated in place rather than built again (see :mod:`..widgets.lines`).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ... import engine
from ...model.scenario import Scenario
from ...model.state import GameState
from ..widgets.footer import KeyFooter
from ..widgets.lines import Lines, Row, rewind
from ..widgets.marked import MarkedOptionList
from ..widgets.text import line_row, para_row, paragraphs
from ..widgets.tracks import TrackPanel


class GameScreen(Screen):
    """Shows ``engine.view`` of the current turn and posts :class:`Chosen` when an option is
    picked (keys 1–9, arrows and Enter, or a click)."""

    HORIZONTAL_BREAKPOINTS: ClassVar[list] = [(0, "-narrow"), (110, "-wide")]
    """Only this screen changes with the width (two columns when wide): the others, the title
    first, are not styled again when the terminal's width class is set."""
    BINDINGS: ClassVar[list] = [
        Binding("1", "pick(1)", "Choose", key_display="1-9"),
        *(Binding(str(n), f"pick({n})", show=False) for n in range(2, 10)),
        Binding("a", "jump('advisers')", "Advisers"),
        Binding("t", "jump('tracks')", "Tracks"),
        Binding("d", "app.dossier", "Dossier"),
        Binding("s", "app.save", "Save"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("escape", "leave", "Title"),
        Binding("pageup", "scroll('page_up')", show=False),
        Binding("pagedown", "scroll('page_down')", show=False),
    ]

    class Chosen(Message):
        """The player picked an option (0-based index into the turn's options)."""

        def __init__(self, index: int):
            super().__init__()
            self.index = index

    def __init__(self, scenario: Scenario, state: GameState):
        super().__init__()
        self.scenario = scenario
        self.turn = engine.view(scenario, state)

    def compose(self) -> ComposeResult:
        v = self.turn
        yield Static(self._where(), id="where")
        with VerticalScroll(id="body"):
            with Vertical(id="story"):  # two columns of lines whose kinds stay put turn to turn
                yield Lines(self._situation(), id="situation")
                yield Lines(self._counsel(), id="counsel")
            yield TrackPanel(self.scenario, v.tracks, v.log)
        yield MarkedOptionList(*self._options(), id="options")
        yield KeyFooter()

    def on_mount(self) -> None:
        options = self.query_one("#options", OptionList)
        options.border_title = self._count()
        options.focus()

    def show(self, state: GameState) -> None:
        """Show another turn (of this game or a new one) in place."""
        self.turn = v = engine.view(self.scenario, state)
        if not self.is_mounted:
            return
        self.query_one("#where", Static).update(self._where())
        self.query_one("#situation", Lines).show(self._situation())
        self.query_one("#counsel", Lines).show(self._counsel())
        self.query_one(TrackPanel).show_tracks(v.tracks, v.log)
        options = self.query_one("#options", OptionList)
        options.clear_options()
        options.add_options(self._options())
        options.highlighted = 0
        options.border_title = self._count()
        for scrolled in ("#body", "#story", "#tracks"):
            rewind(self.query_one(scrolled))
        options.focus()

    def _where(self) -> Text:
        return Text(f"{self.turn.where} · {self.turn.phase_title}")

    def _situation(self) -> list[Row]:
        """The title and the paragraphs of the situation, as one text: one widget to lay out
        however many paragraphs a turn has."""
        v = self.turn
        return [(paragraphs((v.title or "", "bold $primary"), *v.situation), "para")]

    def _counsel(self) -> list[Row]:
        """The advisers (a line of their own for each kind of row: a line whose classes change
        is styled again, and the paragraphs above vary in number from turn to turn)."""
        v = self.turn
        rows: list[Row] = [("Advisers", "heading advisers")] if v.advisers else []
        for a in v.advisers:
            stance = f" — for: {a.option}" if a.option else ""
            rows += [line_row(f"{a.name}, {a.title}{stance}", "adviser")]
            rows += [para_row(a.argument, "argument")]
        return rows

    def _count(self) -> str:
        """How many options there are, on the box's frame: at 80x24 the box shows two or three
        of them and scrolls, so the frame says how far the keys go."""
        n = len(self.turn.options)
        return "Option 1" if n == 1 else f"Options 1–{n}"

    def _options(self) -> list[Option]:
        return [
            Option(Text(f"{i}. {o.label} — {o.detail}"), id=o.id)
            for i, o in enumerate(self.turn.options, 1)
        ]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(event.option_index))

    def action_pick(self, n: int) -> None:
        if n <= len(self.turn.options):
            self.query_one("#options", OptionList).highlighted = n - 1
            self.post_message(self.Chosen(n - 1))
        else:
            self.notify(f"There is no option {n}; this turn has {len(self.turn.options)}.")

    def action_jump(self, where: str) -> None:
        target = [w for w in self.query(f"#{where}, #story .{where}") if w.display]
        if target:
            self.query_one("#body").scroll_to_widget(target[0], top=True)

    def action_scroll(self, how: str) -> None:
        getattr(self.query_one("#body", VerticalScroll), f"scroll_{how}")()

    def action_leave(self) -> None:
        self.app.to_title()
        self.app.notify("Game saved. Continue it from the title screen.")
