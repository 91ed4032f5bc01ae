"""One turn: where and when, the situation as the leader knew it, the advisers, the options,
and beside them the DEFCON gauges, the tracks and the tension log.

The app builds this screen once and shows every turn in it (:meth:`GameScreen.show`): its
texts are given the new turn in place rather than built again. The situation, the advisers
and the tracks are one text each, however many paragraphs, advisers or changes a turn has:
every widget of a screen is styled, laid out and drawn.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ... import engine
from ...model.scenario import Scenario
from ..flow import ToTitle
from ..widgets.footer import KeyFooter
from ..widgets.marked import MarkedOptionList
from ..widgets.scroll import rewind
from ..widgets.text import HEADING, MUTED, give, header, paragraphs, reflow
from ..widgets.tracks import tracks_text
from .styled import StyledOnce


class GameScreen(StyledOnce, Screen):
    """Shows ``engine.view`` of the current turn and posts :class:`Chosen` when an option is
    picked (keys 1–9, arrows and Enter, or a click)."""

    AUTO_FOCUS = "#options"
    """Focused as the screen is built (see :mod:`.styled`)."""

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
        # before the focused options list's own PgUp/PgDn, which would move its cursor: PgDn
        # then Enter must never advise an option the player did not pick
        Binding("pageup", "scroll('page_up')", "Scroll", show=False, priority=True),
        Binding("pagedown", "scroll('page_down')", "Scroll", show=False, priority=True),
    ]

    class Chosen(Message):
        """The player picked option ``number`` (from 1, as shown) of the turn."""

        def __init__(self, number: int):
            super().__init__()
            self.number = number

    def __init__(self, scenario: Scenario, turn: engine.View):
        super().__init__()
        self.scenario = scenario
        self.turn = turn

    def compose(self) -> ComposeResult:
        v = self.turn
        yield Static(self._where(), id="where")
        with VerticalScroll(id="body"):
            with Vertical(id="story"):
                yield Static(self._situation(), id="situation", classes="para")
                yield Static(self._counsel(), id="advisers", classes="para")
            yield Static(tracks_text(self.scenario, v.tracks, v.log), id="tracks")
        yield MarkedOptionList(*self._options(), id="options")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#advisers").display = bool(self.turn.advisers)
        options = self.query_one("#options", OptionList)
        options.border_title = self._count()
        options.border_subtitle = self._resume_code()

    def show(self, turn: engine.View) -> None:
        """Show another turn (of this game or a new one) in place."""
        self.turn = v = turn
        if not self.is_mounted:
            return
        give(self.query_one("#where", Static), self._where())
        give(self.query_one("#situation", Static), self._situation())
        give(self.query_one("#advisers", Static), self._counsel())
        self.query_one("#advisers").display = bool(v.advisers)
        give(self.query_one("#tracks", Static), tracks_text(self.scenario, v.tracks, v.log))
        options = self.query_one("#options", OptionList)
        options.clear_options()
        options.add_options(self._options())
        options.highlighted = 0
        options.border_title = self._count()
        options.border_subtitle = self._resume_code()
        for scrolled in ("#body", "#story", "#tracks"):
            rewind(self.query_one(scrolled))
        options.focus()

    def _where(self) -> Content:
        v = self.turn
        return header(f"{v.where} · {v.phase_title}", v.status)

    def _situation(self) -> Content:
        v = self.turn
        return paragraphs((v.title or "", "bold $primary"), *v.situation)

    def _counsel(self) -> Content:
        """The advisers: who argues for what (in bold), and why (muted), a blank line between
        one adviser and the next."""
        parts: list = [("Advisers", HEADING)]
        for i, a in enumerate(self.turn.advisers):
            stance = f" — for: {a.option}" if a.option else ""
            parts += ["\n\n" if i else "\n", (f"{a.name}, {a.title}{stance}", "bold")]
            parts += ["\n", (reflow(a.argument), MUTED), "\n", (f"({a.basis})", "italic")]
        return Content.assemble(*parts)

    def _count(self) -> str:
        """How many options there are, on the box's frame: at 80x24 the box shows two or three
        of them and scrolls, so the frame says how far the keys go."""
        n = len(self.turn.options)
        return "Option 1" if n == 1 else f"Options 1–{n}"

    def _resume_code(self) -> str:
        """In a classroom's tab, the game's resume code, on the lower frame of the options
        box: in view on every turn, for the student to write down at any time."""
        classroom, game = self.app.classroom, self.app.game
        code = classroom.code(game.id) if classroom is not None and game is not None else None
        return f"Resume code {code}" if code else ""

    def _options(self) -> list[Option]:
        return [
            Option(Text(f"{i}. {o.label} — {o.detail}"), id=o.id)
            for i, o in enumerate(self.turn.options, 1)
        ]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(event.option_index + 1))

    def action_pick(self, n: int) -> None:
        if n <= len(self.turn.options):
            self.query_one("#options", OptionList).highlighted = n - 1
        self.post_message(self.Chosen(n))  # the app says when there is no option n

    def action_jump(self, where: str) -> None:
        target = self.query_one(f"#{where}")
        if target.display:
            self.query_one("#body").scroll_to_widget(target, top=True)

    def action_scroll(self, how: str) -> None:
        getattr(self.query_one("#body", VerticalScroll), f"scroll_{how}")()

    def action_leave(self) -> None:
        self.post_message(ToTitle("Game saved. Continue it from the title screen."))
