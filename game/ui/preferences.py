"""The player's preferences kept between starts: the theme, whose name is kept in the file
``theme`` in the configuration folder (see :func:`game.paths.config_dir`). One name in a text
file: read at every start before the title is painted, it needs no parser.

A missing, damaged or unreadable file counts as no preference, and a file that cannot be
written only means the choice is not remembered: never an error on screen.
"""

from __future__ import annotations

from ..paths import config_dir
from ..reading import Unreadable, read_text
from .themes import LABELS

FILE_NAME = "theme"
MAX_BYTES = 200


def remembered_theme() -> str | None:
    """The theme chosen last time, if it is one of Brink's."""
    try:
        name = read_text(config_dir() / FILE_NAME, MAX_BYTES).strip()
    except (OSError, Unreadable):
        return None
    return name if name in LABELS else None


def remember_theme(name: str) -> None:
    """Keep ``name`` as the theme for the next start (silently not, when it cannot be)."""
    from ..saves.atomic import atomic_write

    try:
        folder = config_dir()
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(folder / FILE_NAME, f"{name}\n".encode())
    except OSError:
        pass
