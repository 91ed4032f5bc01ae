"""Save files on disk: written atomically, read without trusting them, listed whatever they hold.

A file that is not a readable save is reported (file, field, reason), never changed or deleted.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..migrations import MigrationError, upgrade
from ..model.problem import Problem
from ..model.save import SaveFile

MAX_SAVE_BYTES = 5_000_000
"""A save of a whole game is a few kilobytes; anything far larger is not ours."""
NOT_SAVES = frozenset({"discoveries.json"})
"""Files of the saves folder that are not games (the endings found, kept by the UI)."""
SORTS = ("updated", "player", "class")
"""How ``list_saves`` can order the games: last played first, by player, by class code."""


class SaveError(Exception):
    """A save file could not be read or replayed; ``problem`` names the file and the field."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def write_save(folder: Path, save: SaveFile) -> Path:
    """Write a save atomically (see :func:`atomic_write`) as ``<id>.json`` in the folder."""
    target = folder / f"{save.id}.json"
    atomic_write(target, save.model_dump_json(indent=1).encode("utf-8"))
    return target


def atomic_write(target: Path, data: bytes) -> None:
    """Write a temporary file in the same folder, flushed and fsynced, then ``os.replace`` it
    over the old one (and fsync the folder, so the rename survives a power cut). A reader sees
    the previous file or the new one, complete, never a part of either."""
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            if hasattr(os, "fchmod"):  # mkstemp makes 0600; a teacher must be able to read it
                os.fchmod(fd, 0o666 & ~_UMASK)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(folder)


def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it; done once, at import
    os.umask(mask)
    return mask


_UMASK = _umask()


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a folder; its rename is journaled
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse to fsync a folder; the file itself is safe
    finally:
        os.close(fd)


def _read_bounded(path: Path) -> bytes:
    """The file's bytes, refusing anything that is not a regular file or is larger than
    ``MAX_SAVE_BYTES`` without reading more than that (a FIFO does not block: non-blocking open)."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") if stat.S_ISREG(info.st_mode) else _closing(fd) as f:
        if stat.S_ISDIR(info.st_mode):
            raise _Refused("a folder, not a save file")
        if not stat.S_ISREG(info.st_mode):
            raise _Refused("not a regular file")
        if info.st_size > MAX_SAVE_BYTES:
            raise _Refused(f"{info.st_size} bytes, larger than a save can be ({MAX_SAVE_BYTES})")
        data = f.read(MAX_SAVE_BYTES + 1)
    if len(data) > MAX_SAVE_BYTES:  # it grew while we looked
        raise _Refused(f"larger than a save can be ({MAX_SAVE_BYTES} bytes)")
    return data


class _Refused(Exception):
    pass


class _closing:
    """Closes a file descriptor that is not a regular file (a folder, a FIFO) on the way out."""

    def __init__(self, fd: int):
        self.fd = fd

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        os.close(self.fd)


def read_save(path: Path) -> SaveFile:
    """Read, upgrade and validate a save file without trusting it; raise :class:`SaveError`
    naming the file and the field (for JSON, the line and column). Nothing else escapes, and
    the file is never changed."""
    name = str(path)

    def fail(message: str, where: str = "") -> SaveError:
        return SaveError(Problem(file=name, path=where, message=message))

    try:
        data = _read_bounded(path)
    except _Refused as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"cannot be read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise fail(f"not UTF-8 text (byte {exc.start})") from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise fail(f"not valid JSON: {exc.msg}", f"line {exc.lineno} column {exc.colno}") from None
    except (ValueError, RecursionError) as exc:  # e.g. a number of 5,000 digits; deep nesting
        raise fail(f"not valid JSON: {type(exc).__name__}", "(top level)") from None
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
        raise fail(err["msg"] + more, loc) from None
    except RecursionError:
        raise fail("nested too deeply", "(top level)") from None


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
            with open(Path(folder) / "scenario.toml", "rb") as f:
                sid = tomllib.load(f).get("id")
        except (OSError, ValueError):
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
    written (``.*.tmp``), hidden files and ``discoveries.json`` are not listed."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r} (known: {', '.join(SORTS)})")
    try:
        with os.scandir(folder) as it:
            names = sorted(
                e.name
                for e in it
                if e.name.endswith(".json")
                and not e.name.startswith(".")
                and e.name not in NOT_SAVES
            )
    except FileNotFoundError:
        return []
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
