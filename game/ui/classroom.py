"""Classroom mode: what a student's browser tab may do, consulted by the app and its screens.

``brink serve`` starts one game per tab with ``BRINK_CLASSROOM`` set (see :func:`from_env`).
The student gives a name first, the class is fixed by the teacher, saves go to the class folder
only, and each game has a short resume code (``K7-MQ4P``) that names its save file. A student
can open only the game whose code they type: never a list of the class's games, never the last
game saved by someone else, never the teacher's debrief.

Standard library only: the title screen reads this before the models are loaded.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

TOLD_FOR = 12
"""Seconds the resume code's notice stays up when a game starts. A notice is laid out again
on every screen shown while it is up, which made those keys dearer; the code itself stays in
view on every turn (the options box's lower frame), on the title and after `s`."""

ENV_FLAG = "BRINK_CLASSROOM"
"""Set to ``1`` by ``brink serve`` for every game it starts."""
ENV_CLASS = "BRINK_CLASS"
"""The class code the teacher gave with ``--class`` (may be empty)."""
ENV_FOLDER = "BRINK_CLASS_DIR"
"""The class folder: where this class's games are saved."""

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""Letters and digits that cannot be mistaken for one another when read aloud or copied
(no I, L, O, 0, 1)."""
CODE = re.compile(rf"^[{ALPHABET}]{{2}}-[{ALPHABET}]{{4}}$")
"""A resume code as shown: two characters, a dash, four characters."""
SAVE_ID_PREFIX = "class-"
"""A classroom game's save id is this and its code in lower case: ``class-k7-mq4p``."""

NAME_LIMIT = 60
"""As long as a save's player name may be."""


def name_problem(name: str) -> str | None:
    """Why a name cannot be used, or None: it must be given, fit a save, and be printable
    (the same rule as a save's player name)."""
    if not name:
        return "type your name first: your teacher sees it in the debrief."
    if len(name) > NAME_LIMIT:
        return f"a name is at most {NAME_LIMIT} characters."
    if not name.isprintable() or any(
        0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in name
    ):
        return "a name cannot hold control characters."
    return None


REFUSED = "In the classroom, a game is continued with its resume code."


def new_code() -> str:
    """A fresh resume code, e.g. ``K7-MQ4P`` (31⁶, about 887 million, possible codes)."""
    pick = secrets.choice
    return (
        "".join(pick(ALPHABET) for _ in range(2)) + "-" + "".join(pick(ALPHABET) for _ in range(4))
    )


def read_code(text: str) -> str | None:
    """What a student typed, as a resume code (spaces dropped, upper case, the dash optional),
    or None when it cannot be one. Only a string that passes this ever names a file."""
    cleaned = "".join(text.split()).upper()
    if len(cleaned) == 6 and "-" not in cleaned:
        cleaned = f"{cleaned[:2]}-{cleaned[2:]}"
    return cleaned if CODE.match(cleaned) else None


def save_id(code: str) -> str:
    """The save id (and so the file name) of the game with this resume code."""
    if not CODE.match(code):
        raise ValueError(f"not a resume code: {code!r}")
    return SAVE_ID_PREFIX + code.lower()


def code_of(save_id_: str) -> str | None:
    """The resume code of a classroom save id, or None for any other id."""
    if not save_id_.startswith(SAVE_ID_PREFIX):
        return None
    code = save_id_.removeprefix(SAVE_ID_PREFIX).upper()
    return code if CODE.match(code) else None


@dataclass
class Classroom:
    """The policy of one student's tab: the class, its folder, and the student's name once
    given. The app asks it before anything that would reach another student's game."""

    class_code: str
    folder: Path
    session: str = ""
    """The server's id for this tab (hex), used to tell the teacher where each student is."""
    player: str = ""
    """The student's name, given on the first screen."""

    def path_of(self, code: str) -> Path:
        """The save file of the game with this resume code, in the class folder only."""
        return self.folder / f"{save_id(code)}.json"

    def code(self, game_id: str) -> str | None:
        """The resume code of the game with this save id (None for a game not of a class)."""
        return code_of(game_id)

    def started(self, app, game) -> None:
        """A new game: give it a fresh resume code (its save id) and tell the student."""
        game.id = self._fresh_id()
        self._playing(app, game, "Your game is saved after every choice.")

    def resumed(self, app, game, changed: bool) -> None:
        """A game continued with its code; ``changed``: it goes on in a new save (the
        scenario was updated), so it gets a new code."""
        if changed or code_of(game.id) is None:
            game.id = self._fresh_id()
        self.player = game.player
        self._playing(app, game, "Welcome back.")

    def _fresh_id(self) -> str:
        while True:  # 31⁶ codes: a clash with a game of the class is rare, never kept
            candidate = save_id(new_code())
            if not (self.folder / f"{candidate}.json").exists():
                return candidate

    def _playing(self, app, game, opening: str) -> None:
        self.tell_playing(game.id)
        app.notify(  # brief: the code stays in view under each turn's options
            f"{opening} Your resume code is {code_of(game.id)}, shown under the options: "
            "write it down to continue this game later, in another tab or on another computer.",
            title="Resume code",
            timeout=TOLD_FOR,
            markup=False,
        )

    def presence_file(self) -> Path | None:
        """Where this tab tells the teacher's page which game it is playing."""
        if not re.fullmatch(r"[0-9a-f]{8,64}", self.session):
            return None
        return self.folder / ".playing" / self.session

    def tell_playing(self, game_id: str) -> None:
        """Record that this tab now plays ``game_id`` (read by the teacher's page)."""
        target = self.presence_file()
        if target is None:
            return
        from ..saves.atomic import atomic_write

        # if it cannot be written, the teacher's page shows the tab without its game
        with contextlib.suppress(OSError):
            atomic_write(target, game_id.encode("ascii"))


def from_env(environ: dict[str, str] | None = None) -> Classroom | None:
    """The classroom policy when this game was started by ``brink serve``, else None."""
    env = os.environ if environ is None else environ
    if env.get(ENV_FLAG) != "1" or not env.get(ENV_FOLDER):
        return None
    return Classroom(
        class_code=env.get(ENV_CLASS, ""),
        folder=Path(env[ENV_FOLDER]),
        session=env.get("BRINK_SESSION", ""),
    )
