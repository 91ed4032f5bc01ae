"""The endings a player has found across games, kept in ``discoveries.json`` in the saves folder.

The file is small JSON, ``{"version": 1, "found": {scenario_id: [ending ids]}}``, written
atomically like a save. A missing or damaged file counts as nothing found; it is never a crash,
and a damaged file is only replaced when a new ending is recorded.
"""

from __future__ import annotations

import json
from pathlib import Path

FILE_NAME = "discoveries.json"
VERSION = 1
MAX_BYTES = 200_000


def read_found(folder: Path, scenario_id: str) -> frozenset[str]:
    """The ending ids found so far in this scenario (empty if the file is missing or damaged)."""
    try:
        path = folder / FILE_NAME
        if path.stat().st_size > MAX_BYTES:
            return frozenset()
        raw = json.loads(path.read_bytes())
        found = raw["found"][scenario_id]
    except (OSError, ValueError, KeyError, TypeError):
        return frozenset()
    if not isinstance(found, list):
        return frozenset()
    return frozenset(x for x in found if isinstance(x, str))


def _read_all(path: Path) -> dict[str, list[str]]:
    try:
        raw = json.loads(path.read_bytes())
        found = raw["found"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    if not isinstance(found, dict):
        return {}
    return {
        k: [x for x in v if isinstance(x, str)]
        for k, v in found.items()
        if isinstance(k, str) and isinstance(v, list)
    }


def record_found(folder: Path, scenario_id: str, ending_id: str) -> frozenset[str]:
    """Add an ending to the file (written atomically) and return the new set."""
    from ..saves.disk import atomic_write

    path = folder / FILE_NAME
    found = _read_all(path)
    mine = found.setdefault(scenario_id, [])
    if ending_id not in mine:
        mine.append(ending_id)
        data = json.dumps({"version": VERSION, "found": found}, indent=1).encode("utf-8")
        atomic_write(path, data)
    return frozenset(mine)
