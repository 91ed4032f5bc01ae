"""The player's preferences kept between starts: the theme, in ``preferences.json`` in the
configuration folder (see :func:`game.paths.config_dir`).

A missing, damaged or unreadable file counts as no preference, and a file that cannot be
written only means the choice is not remembered: never an error on screen.
"""

from __future__ import annotations

import json

from ..paths import config_dir
from ..reading import Unreadable, read_text
from .themes import LABELS

FILE_NAME = "preferences.json"
MAX_BYTES = 10_000


def remembered_theme() -> str | None:
    """The theme chosen last time, if it is one of Brink's."""
    try:
        data = json.loads(read_text(config_dir() / FILE_NAME, MAX_BYTES))
    except (OSError, Unreadable, ValueError, RecursionError):
        return None
    theme = data.get("theme") if isinstance(data, dict) else None
    return theme if theme in LABELS else None


def remember_theme(name: str) -> None:
    """Keep ``name`` as the theme for the next start (silently not, when it cannot be)."""
    from ..saves.disk import atomic_write

    try:
        folder = config_dir()
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(folder / FILE_NAME, json.dumps({"theme": name}).encode("utf-8"))
    except OSError:
        pass
