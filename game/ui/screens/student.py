"""The first screen of a classroom tab: the student's name, or the resume code of a game begun
earlier (in another tab or on another machine). See :mod:`..classroom`."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static

from ..classroom import NAME_LIMIT, name_problem, read_code
from ..flow import OpenSave
from ..widgets.footer import KeyFooter


class StudentScreen(Screen):
    """Name first (the class is fixed by the teacher), or continue with a resume code."""

    AUTO_FOCUS = "#name"

    BINDINGS: ClassVar[list] = [
        Binding("escape", "back", "Back"),
        Binding("f1", "app.help", "Help"),
    ]

    def compose(self) -> ComposeResult:
        classroom = self.app.classroom
        where = f"Class {classroom.class_code}" if classroom.class_code else "The classroom"
        with VerticalScroll(id="form"):
            yield Static(Text(f"Brink · {where}"), classes="heading")
            yield Label("Your name (your teacher sees it in the class debrief):")
            yield Input(placeholder="Your name", id="name", max_length=NAME_LIMIT)
            yield Button("Start", id="start", variant="primary")
            yield Label("Or continue a game you began, with its resume code:")
            yield Input(placeholder="e.g. K7-MQ4P", id="code", max_length=12)
            yield Button("Continue my game", id="resume")
            yield Static("", id="form-error")
        yield KeyFooter()

    def _say(self, message: str) -> None:
        self.query_one("#form-error", Static).update(Text(f"Not accepted: {message}"))

    def action_start(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        problem = name_problem(name)
        if problem:
            self._say(problem)
            return
        self.app.classroom.player = name
        self.app.pop_screen()
        self.app.screen.refresh_menu()

    def action_back(self) -> None:
        """Back to the title, once a name has been given (a name comes first)."""
        if self.app.classroom.player:
            self.app.pop_screen()
        else:
            self._say("type your name first, or the resume code of your game.")

    def action_resume(self) -> None:
        typed = self.query_one("#code", Input).value
        code = read_code(typed)
        if code is None:
            self._say("a resume code is two characters, a dash and four more, like K7-MQ4P.")
            return
        path = self.app.classroom.path_of(code)
        if not path.is_file():
            self._say(f"no game of this class has the code {code}.")
            return
        self.post_message(OpenSave(path))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()
        else:
            self.action_resume()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "name":
            self.action_start()
        else:
            self.action_resume()
