"""Upgrades of old save files, one version at a time.

``MIGRATIONS[n]`` turns the JSON object of a version-``n`` save into a version ``n + 1`` one. Each
is a pure function of the parsed JSON (no I/O, no clock, no randomness) that returns a new object
and leaves its argument alone. Once a version has shipped its migration is never edited: saves in
players' folders were written by it, and ``tests/data/saves/`` holds frozen samples of every
shipped version that must keep loading.

To change the save format: raise ``SAVE_VERSION`` in ``game/model/save.py``, add
``MIGRATIONS[old] = _v{old}_to_v{new}`` here, and add frozen samples of the new version to
``tests/data/saves/v{new}/`` (made once by the new code, never regenerated).

Version 1 is the first format, so there is nothing to upgrade yet.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

from ..model.save import MIN_SAVE_VERSION, SAVE_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {}
"""From version ``n`` (the key) to ``n + 1``."""


class MigrationError(ValueError):
    """A save cannot be brought up to date; ``field`` says which part of it."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(message)


def upgrade(
    raw: dict[str, Any],
    migrations: Mapping[int, Migration] | None = None,
    target: int = SAVE_VERSION,
    oldest: int = MIN_SAVE_VERSION,
) -> dict[str, Any]:
    """Bring a parsed save up to ``target``, one migration at a time.

    Raises :class:`MigrationError` for a version that is not a whole number, one from the future,
    one older than ``oldest``, a missing step, or a step that does not end on the next version.
    The argument is never changed."""
    steps = MIGRATIONS if migrations is None else migrations
    version = raw.get("save_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise MigrationError("save_version", "expected a whole number")
    if version > target:
        shown = f"version {version} is" if version < 10**9 else "a version far"
        raise MigrationError(
            "save_version", f"{shown} newer than this game reads ({target}); update Brink"
        )
    if version < oldest:
        shown = f"version {version} is" if version > -(10**9) else "a version far"
        raise MigrationError(
            "save_version", f"{shown} older than this game reads ({oldest} or later)"
        )
    data = raw
    while version < target:
        step = steps.get(version)
        if step is None:
            raise MigrationError("save_version", f"no upgrade from version {version}")
        data = step(copy.deepcopy(data))
        if not isinstance(data, dict) or data.get("save_version") != version + 1:
            raise MigrationError(
                "save_version", f"the upgrade from version {version} did not give {version + 1}"
            )
        version += 1
    return data
