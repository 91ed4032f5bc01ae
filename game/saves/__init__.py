"""Saved games: one JSON file per game, written atomically, read without trusting it.

A save holds what replays the game (scenario and its content hash, role, opponent, events, seed,
the choices with timestamps), the player's name and class code, and a summary a debrief can read
without replaying. File names are generated, never taken from a player's name. A file that is not
a readable save is reported, never changed or deleted. Old versions are upgraded by the pure
functions of ``.migrations``.

``disk``: writing, reading, listing and finding files; ``play``: the game and resuming it.
"""

from ..paths import saves_dir
from .disk import (
    MAX_SAVE_BYTES,
    NOT_SAVES,
    SORTS,
    Listed,
    SaveError,
    find_save,
    installed_scenarios,
    list_saves,
    read_save,
    sort_saves,
    write_save,
)
from .play import (
    Game,
    Pick,
    Refused,
    latest_unfinished,
    new_id,
    now,
    open_save,
    reached,
    resume,
    start,
    summary,
)

__all__ = [
    "MAX_SAVE_BYTES",
    "NOT_SAVES",
    "SORTS",
    "Game",
    "Listed",
    "Pick",
    "Refused",
    "SaveError",
    "find_save",
    "installed_scenarios",
    "latest_unfinished",
    "list_saves",
    "new_id",
    "now",
    "open_save",
    "reached",
    "read_save",
    "resume",
    "saves_dir",
    "sort_saves",
    "start",
    "summary",
    "write_save",
]
