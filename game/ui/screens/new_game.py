"""Before a new game: the opponent, the event mode, and an optional name and class code."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ...model.save import LABEL_MAX
from ..flow import StartGame
from ..widgets.footer import KeyFooter
from ..widgets.marked import MarkedOptionList
from .styled import StyledOnce

OPPONENTS = (
    ("historical", "Historical", "the other side does what it really did, where it can"),
    ("hawk", "Hawk", "the most forceful option"),
    ("dove", "Dove", "the most conciliatory option"),
    ("random", "Random", "any option"),
)
EVENTS = (
    ("historical", "Historical", "incidents happen as they did"),
    ("chaos", "Chaos", "incidents roll dice that grow with the danger"),
)


def _prompt(name: str, why: str, chosen: bool) -> Text:
    """A choice written as a radio button whose state is a character, not only a colour."""
    return Text(f"{'(•)' if chosen else '( )'} {name}: {why}")


class Choices(MarkedOptionList):
    """One choice among a few; the chosen one follows the cursor and reads "(•)"."""

    def __init__(self, table, id: str):
        self.table = table
        super().__init__(
            *(Option(_prompt(n, w, i == 0), id=k) for i, (k, n, w) in enumerate(table)), id=id
        )

    @property
    def chosen(self) -> str:
        return self.table[self.highlighted or 0][0]

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is None:
            return
        for i, (_, name, why) in enumerate(self.table):
            self.replace_option_prompt_at_index(i, _prompt(name, why, i == highlighted))


class NewGameScreen(StyledOnce, Screen):
    """A form whose defaults are history's: Enter on "Start" begins at once."""

    AUTO_FOCUS = "#start"
    """Focused as the screen is built (see :mod:`.styled`)."""

    BINDINGS: ClassVar[list] = [
        Binding("escape", "back", "Back"),
        Binding("ctrl+s", "start", "Start"),
    ]

    def __init__(self, role: str, player: str = "", class_code: str = ""):
        """``player`` and ``class_code`` fill in the fields (playing again keeps them)."""
        super().__init__()
        self.role, self.player, self.class_code = role, player, class_code

    def show(self, role: str, player: str = "", class_code: str = "") -> None:
        """Show the form again, as new, for a game of ``role`` (a classroom's tab keeps one
        form for all its games, see :mod:`..kept`)."""
        self.role, self.player, self.class_code = role, player, class_code
        if not self.is_mounted:
            return
        self.query_one("#campaign", Static).update(self.app.scenario.role(role).title)
        for choices in self.query(Choices):
            choices.highlighted = 0
            choices.scroll_home(animate=False, immediate=True)
        if self.app.classroom is None:
            self.query_one("#player", Input).value = player
            self.query_one("#class", Input).value = class_code
        self.query_one("#form-error").display = False
        self.query_one("#form", VerticalScroll).scroll_home(animate=False, immediate=True)
        self.query_one("#start").focus()

    def compose(self) -> ComposeResult:
        info = self.app.scenario.role(self.role)
        with VerticalScroll(id="form", can_focus=False):  # Tab goes from Start to the settings
            yield Static(info.title, id="campaign", classes="heading", markup=False)
            yield Label("The other side decides like (arrows choose, Tab moves on):")
            yield Choices(OPPONENTS, id="opponent")
            yield Label("Incidents:")
            yield Choices(EVENTS, id="events")
            if self.app.classroom is None:  # in a classroom: the name given first, the class fixed
                with Horizontal(id="names"):
                    yield Input(
                        self.player,
                        placeholder="Your name (optional)",
                        id="player",
                        max_length=LABEL_MAX,
                    )
                    yield Input(
                        self.class_code,
                        placeholder="Class code (optional)",
                        id="class",
                        max_length=LABEL_MAX,
                    )
            yield Static("", id="form-error")
            yield Button("Start the game", id="start", variant="primary")
        yield KeyFooter()

    def action_start(self) -> None:
        opponent = self.query_one("#opponent", Choices).chosen
        events = self.query_one("#events", Choices).chosen
        self.post_message(StartGame(self, self.role, opponent, events, *self._names()))

    def refused(self, reason: str) -> None:
        """The game was not started: say why on the form."""
        shown = self.query_one("#form-error", Static)
        shown.update(Text(f"Not accepted: {reason}"))
        shown.display = True

    def _names(self) -> tuple[str, str]:
        """The name and class code typed (set by the classroom instead, in a classroom tab)."""
        if self.app.classroom is not None:
            return "", ""
        return (
            self.query_one("#player", Input).value.strip(),
            self.query_one("#class", Input).value.strip(),
        )

    def action_back(self) -> None:
        self.app.pop_screen()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_start()  # Enter on a choice starts the game with it

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_start()
