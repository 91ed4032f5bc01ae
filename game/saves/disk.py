"""Save files on disk: written atomically (see :mod:`.atomic`), read without trusting them,
listed whatever they hold.

A file that is not a readable save is reported (file, field, reason), never changed or deleted.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from .. import reading
from ..model.problem import Problem
from ..model.save import SaveFile
from .atomic import atomic_write, remove_stale
from .migrations import MigrationError, upgrade

MAX_SAVE_BYTES = 5_000_000
"""A save of a whole game is a few kilobytes; anything far larger is not ours."""
NOT_SAVES = frozenset({"discoveries.json"})
"""Files of the saves folder that are not games (the endings found, kept by the UI)."""
SORTS = ("updated", "player", "class")
"""How ``list_saves`` can order the games: last played first, by player, by class code."""


def save_entries(folder: Path) -> list[os.DirEntry]:
    """The entries of the folder that may be saves, by name: ``*.json`` files, not hidden (a
    save being written is ``.*.tmp``) and not :data:`NOT_SAVES`. Nothing for a missing folder;
    other errors are raised. The one rule for which files of a folder are its games."""
    try:
        with os.scandir(folder) as it:
            found = [
                e
                for e in it
                if e.name.endswith(".json")
                and not e.name.startswith(".")
                and e.name not in NOT_SAVES
            ]
    except FileNotFoundError:
        return []
    return sorted(found, key=lambda e: e.name)


class SaveError(Exception):
    """A save file could not be read or replayed; ``problem`` names the file and the field."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def write_save(folder: Path, save: SaveFile) -> Path:
    """Write a save atomically (see :func:`atomic_write`) as ``<id>.json`` in the folder and
    return the path written. A file there that holds another game, or this game further on (a
    copy played on elsewhere), is never replaced: the save goes to a new id instead, and the
    path returned says so (its stem is the new id). Stale temporary files of the folder, left
    by a write that was killed, are removed first (see :func:`remove_stale`)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "it is a file, not a folder", str(folder))
    remove_stale(folder)
    target = folder / f"{save.id}.json"
    if not _may_replace(target, save):
        save = save.model_copy(update={"id": new_id()})
        target = folder / f"{save.id}.json"
    atomic_write(target, save.model_dump_json(indent=1).encode("utf-8"))
    return target


def new_id() -> str:
    """A new save id: the time and a random tail, safe as a file name."""
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(5)


def _may_replace(target: Path, save: SaveFile) -> bool:
    """Whether ``target`` may be written over by ``save``: nothing is there, or the same game
    at most as far on (same settings, and its choices the first ones of ``save``)."""
    if not reading.exists(target):
        return True
    try:
        old = read_save(target)
    except SaveError:
        return False  # not ours to replace: it may be a game this Brink cannot read
    same = ("id", "scenario_id", "role", "opponent", "events", "seed")
    if any(getattr(old, k) != getattr(save, k) for k in same):
        return False
    moves = [(c.decision, c.option) for c in save.choices]
    return [(c.decision, c.option) for c in old.choices] == moves[: len(old.choices)]


def read_save(path: Path) -> SaveFile:
    """Read, upgrade and validate a save file without trusting it; raise :class:`SaveError`
    naming the file and the field (for JSON, the line and column). Nothing else escapes, and
    the file is never changed."""
    name = str(path)

    def fail(message: str, where: str = "") -> SaveError:
        return SaveError(Problem(file=name, path=where, message=message))

    try:
        text = reading.read_text(path, MAX_SAVE_BYTES)
    except reading.TooLarge as exc:
        raise fail(f"larger than a save can be ({exc})") from None
    except reading.Unreadable as exc:
        raise fail(str(exc)) from None
    return parse_save(text, name)


def parse_save(text: str, name: str) -> SaveFile:
    """A save from its text (a file's, or a zip member's read in memory): the checks of
    :func:`read_save` after reading, with ``name`` in its :class:`SaveError`."""

    def fail(message: str, where: str = "") -> SaveError:
        return SaveError(Problem(file=name, path=where, message=message))

    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise fail(f"not valid JSON: {json_error(exc, text)}", where) from None
    except RecursionError:
        raise fail("not valid JSON: nested too deeply", "(top level)") from None
    except ValueError:  # Python refuses to read a number of more than 4,300 digits
        raise fail("not valid JSON: a number far too long", "(top level)") from None
    if not isinstance(raw, dict):
        raise fail("expected a JSON object", "(top level)")
    try:
        raw = upgrade(raw)
    except MigrationError as exc:
        raise fail(str(exc), exc.field) from None
    except Exception as exc:  # a migration met a shape it does not know
        raise fail(f"cannot be upgraded: {type(exc).__name__}", "save_version") from None
    try:
        return SaveFile.model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False)
        err = errors[0]
        loc = ".".join(_key(p) for p in err["loc"]) or "(top level)"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise fail(words(err["msg"]) + more, loc) from None
    except RecursionError:
        raise fail("nested too deeply", "(top level)") from None


JSON_WORDS = {
    "Expecting value": "a value is missing here",
    "Expecting ',' delimiter": "a comma is missing here",
    "Expecting ':' delimiter": "a colon is missing here",
    "Expecting property name enclosed in double quotes": "expected a key in double quotes",
    "Unterminated string starting at": "a string is not closed",
    "Invalid control character at": "a control character inside a string",
    "Invalid \\escape": "a backslash escape JSON does not know",
    "Invalid \\uXXXX escape": "a backslash escape JSON does not know",
    "Extra data": "more after the end of the JSON value",
}
"""What the standard JSON parser's messages mean, in words."""


def json_error(exc: json.JSONDecodeError, text: str) -> str:
    """A JSON parse error in words; "the file ends too early" when it is cut short."""
    if exc.pos >= len(text.rstrip()) and exc.msg != "Extra data":
        return "the file ends too early (cut short?)" if text.strip() else "the file is empty"
    return JSON_WORDS.get(exc.msg, exc.msg.lower())


def words(message: str) -> str:
    """A pydantic message without its prefix for a validator's own words ("Value error, ")."""
    return message.removeprefix("Value error, ")


def _key(part: object) -> str:
    """One step of a field's path, quoted as JSON when it is not a plain name (a key of
    spaces or control characters must still be seen)."""
    text = str(part)
    return text if text.isprintable() and text.strip() == text and text else json.dumps(text)


@dataclass(frozen=True)
class Listed:
    """One file of a saves folder: a save, or the reason it could not be read."""

    path: Path
    save: SaveFile | None
    problem: Problem | None


def installed_scenarios(*folders: Path) -> set[str]:
    """The ids of the shipped scenarios and of the given scenario folders, read from their
    ``scenario.toml`` alone (cheap: nothing is validated)."""
    import tomllib

    from ..paths import scenarios_root

    root = scenarios_root()
    candidates = [*(root.iterdir() if root.is_dir() else ()), *folders]
    ids = set()
    for folder in candidates:
        try:
            text = reading.read_text(Path(folder) / "scenario.toml", reading.TOML_LIMIT)
            sid = tomllib.loads(text).get("id")
        except (reading.Unreadable, ValueError, RecursionError, MemoryError):
            continue
        if isinstance(sid, str):
            ids.add(sid)
    return ids


def list_saves(
    folder: Path, scenarios: Collection[str] | None = None, sort: str = "updated"
) -> list[Listed]:
    """Every ``*.json`` game in the folder; a damaged file is listed with the reason and never
    stops the list. With ``scenarios`` (installed ids), a game of another scenario is listed as
    damaged too. Sorted by ``sort`` (see :data:`SORTS`): last played first, or by player or class
    (then last played first); damaged files come last, by name. Temporary files of a save being
    written (``.*.tmp``), hidden files and ``discoveries.json`` are not listed; stale ones left
    by a killed write are removed (see :func:`remove_stale`)."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r} (known: {', '.join(SORTS)})")
    remove_stale(folder)
    try:
        names = [e.name for e in save_entries(folder)]
    except OSError as exc:
        problem = Problem(file=str(folder), message=f"cannot be read: {exc.strerror or exc}")
        return [Listed(Path(folder), None, problem)]
    good, bad = [], []
    for name in names:
        path = Path(folder) / name
        try:
            save = read_save(path)
        except SaveError as exc:
            bad.append(Listed(path, None, exc.problem))
            continue
        if scenarios is not None and save.scenario_id not in scenarios:
            message = f"a game of {save.scenario_id!r}, which is not installed"
            bad.append(
                Listed(path, None, Problem(file=str(path), path="scenario_id", message=message))
            )
            continue
        good.append(Listed(path, save, None))
    return sort_saves(good + bad, sort)


def sort_saves(rows: list[Listed], sort: str = "updated") -> list[Listed]:
    """The rows of :func:`list_saves` in the order ``sort`` names (see there)."""
    good = [r for r in rows if r.save is not None]
    bad = sorted((r for r in rows if r.save is None), key=lambda r: r.path.name)
    good.sort(key=lambda x: (x.save.updated, x.save.id), reverse=True)  # stable for the keys below
    if sort == "player":
        good.sort(key=lambda x: (not x.save.player, x.save.player.casefold()))
    elif sort == "class":
        good.sort(
            key=lambda x: (
                not x.save.class_code,
                x.save.class_code.casefold(),
                x.save.player.casefold(),
            )
        )
    return good + bad


def find_save(folder: Path, ref: str) -> Path:
    """A save by path, or by id in the folder. An id is only ever a generated one, so a
    reference like ``../x`` is taken as a path, never joined to the folder."""
    path = Path(ref)
    if path.suffix == ".json" or path.exists():
        return path
    if all(c.isascii() and (c.isalnum() or c == "-") for c in ref) and ref:
        return Path(folder) / f"{ref.lower()}.json"
    return path
