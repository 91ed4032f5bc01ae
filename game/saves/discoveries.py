"""The endings a player has found across games, kept in ``discoveries.json`` in the saves folder.

The file is small JSON, ``{"version": 1, "found": {scenario_id: [ending ids]}}``, read like a
save (see :mod:`game.reading`) and written atomically like one. A missing or damaged file counts
as nothing found, never a crash; entries that are not strings are dropped; a damaged file is
only replaced when a new ending is recorded.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, ConfigDict, Field, ValidationError

from .. import reading
from ..model.base import Model
from .atomic import atomic_write

FILE_NAME = "discoveries.json"
VERSION = 1
MAX_BYTES = 200_000


def _lists_of_strings(value: Any) -> Any:
    """Keep what can be kept of the ``found`` table: string keys to lists of strings."""
    if not isinstance(value, dict):
        return value
    return {
        k: [x for x in v if isinstance(x, str)]
        for k, v in value.items()
        if isinstance(k, str) and isinstance(v, list | tuple)
    }


class Discoveries(Model):
    """The file's content: per scenario id, the ending ids found, in the order found."""

    model_config = ConfigDict(extra="ignore")  # a newer Brink may add keys

    version: int = VERSION
    found: Annotated[dict[str, tuple[str, ...]], BeforeValidator(_lists_of_strings)] = Field(
        default_factory=dict
    )


def read(folder: Path) -> Discoveries:
    """The discoveries of a saves folder; empty when the file is missing or damaged."""
    try:
        text = reading.read_text(Path(folder) / FILE_NAME, MAX_BYTES)
        return Discoveries.model_validate(json.loads(text))
    except (reading.Unreadable, ValueError, ValidationError, RecursionError):
        return Discoveries()


def read_found(folder: Path, scenario_id: str) -> frozenset[str]:
    """The ending ids found so far in this scenario (empty if the file is missing or damaged)."""
    return frozenset(read(folder).found.get(scenario_id, ()))


def record_found(folder: Path, scenario_id: str, ending_id: str) -> frozenset[str]:
    """Add an ending to the file (written atomically) and return the new set."""
    got = read(folder)
    mine = got.found.get(scenario_id, ())
    if ending_id not in mine:
        mine = (*mine, ending_id)
        new = Discoveries(version=VERSION, found={**got.found, scenario_id: mine})
        atomic_write(Path(folder) / FILE_NAME, new.model_dump_json(indent=1).encode("utf-8"))
    return frozenset(mine)
