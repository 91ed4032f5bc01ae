"""What a screen asks of the game's flow, as messages the app answers (see ``BrinkApp``).

A screen shows and posts; the app starts games, opens saves, saves and moves between screens.
(An option picked and "go on" are the turn's and the result's own messages.)
"""

from __future__ import annotations

from pathlib import Path

from textual.message import Message
from textual.screen import Screen


class ToTitle(Message):
    """Leave the game for the title screen (the app saves it first); ``told``: a toast;
    ``then``: a screen to open over the title (the new-game form, to play again)."""

    def __init__(self, told: str = "", then: Screen | None = None):
        super().__init__()
        self.told = told
        self.then = then


class OpenSave(Message):
    """Open the saved game in ``path`` and go on with it."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = path


class StartGame(Message):
    """Start a game with the new-game form's settings; a refusal is given back to ``form``
    (its ``refused(reason)``)."""

    def __init__(self, form, role: str, opponent: str, events: str, player: str, class_code: str):
        super().__init__()
        self.form = form
        self.role, self.opponent, self.events = role, opponent, events
        self.player, self.class_code = player, class_code
