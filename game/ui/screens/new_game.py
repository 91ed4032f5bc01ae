"""Before a new game: the opponent, the event mode, and an optional name and class code."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, RadioButton, RadioSet, Static

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


class NewGameScreen(Screen):
    """A form whose defaults are history's: Enter on "Start" begins at once."""

    BINDINGS: ClassVar[list] = [
        Binding("escape", "back", "Back"),
        Binding("ctrl+s", "start", "Start"),
    ]

    def __init__(self, role: str):
        super().__init__()
        self.role = role

    def compose(self) -> ComposeResult:
        info = self.app.scenario.role(self.role)
        with VerticalScroll(id="form"):
            yield Static(info.title, classes="heading", markup=False)
            yield Button("Start the game", id="start", variant="primary")
            yield Label("The other side decides like:")
            with RadioSet(id="opponent"):
                for i, (_, name, why) in enumerate(OPPONENTS):
                    yield RadioButton(f"{name}: {why}", value=i == 0)
            yield Label("Incidents:")
            with RadioSet(id="events"):
                for i, (_, name, why) in enumerate(EVENTS):
                    yield RadioButton(f"{name}: {why}", value=i == 0)
            with Horizontal(id="names"):
                yield Input(placeholder="Your name (optional)", id="player", max_length=80)
                yield Input(placeholder="Class code (optional)", id="class", max_length=40)
            yield Static("", id="form-error")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#start", Button).focus()

    def _picked(self, set_id: str, table) -> str:
        index = self.query_one(f"#{set_id}", RadioSet).pressed_index
        return table[max(index, 0)][0]

    def action_start(self) -> None:
        error = self.app.new_game(
            self.role,
            self._picked("opponent", OPPONENTS),
            self._picked("events", EVENTS),
            self.query_one("#player", Input).value.strip(),
            self.query_one("#class", Input).value.strip(),
        )
        if error:
            self.query_one("#form-error", Static).update(Text(f"Not accepted: {error}"))

    def action_back(self) -> None:
        self.app.pop_screen()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_start()
