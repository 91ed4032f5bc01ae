"""Reading a folder of students' saves: the games that replay, and every file left out, with a
reason a teacher can act on.

A file is left out (and listed) when it is not a readable save (damaged, wrong types, a
``save_version`` newer than this Brink reads, too large, a folder...), when it is a game of
another scenario, when its campaign is not in the installed scenario, when it is a second copy
of a game already read (same save id: the copy played furthest is kept), or when its choices do
not replay. A save made with another version of the scenario (its content hash differs) is kept
if its choices replay to exactly the saved summary, and left out otherwise, so that every figure
of the debrief is what the student really played. Files are only read, never changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from .. import reading
from ..model.save import SaveFile
from ..model.scenario import Scenario
from ..model.state import GameState
from ..saves import SaveError, resume, summary
from ..saves.disk import MAX_SAVE_BYTES, parse_save
from ..terminal import shown
from .handins import entries


@dataclass(frozen=True, slots=True)
class Played:
    """One student's game: the save as read and the state its choices replay to."""

    path: Path
    save: SaveFile
    state: GameState
    file: str = ""
    """Its name relative to the folder: ``ann.json``, ``10B/ann.json``, ``hand-ins.zip/ann.json``."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file left out of the debrief, and why. Shown as "file 3: ..." while names are hidden
    (see :func:`game.debrief.text.left_out`): ``reason`` never holds a file's name. Every text
    is escaped for a terminal (see :func:`game.terminal.shown`), as a file may hold anything."""

    file: str
    """The file's name in the folder."""
    reason: str
    number: int = 0
    """Its place among the files left out (1, 2, ..., in the order of their names)."""
    player: str = ""
    """The student's name when it can still be read in the file (shown with names only)."""
    kept: str = ""
    """For a second copy of a game: the file of the copy that was counted."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "file", shown(self.file))
        object.__setattr__(self, "reason", shown(self.reason))
        object.__setattr__(self, "player", shown(self.player))
        object.__setattr__(self, "kept", shown(self.kept))


@dataclass(frozen=True, slots=True)
class Gathered:
    """Everything read from one folder, before any class is picked."""

    folder: Path
    games: tuple[Played, ...]
    """Every readable game, oldest first (by the time it was started, then by id)."""
    skipped: tuple[Skipped, ...]
    classes: tuple[str, ...] = ()
    """The class codes present, one spelling per code (``7b`` and ``7B`` are one class),
    sorted; ``""`` stands for games saved without a class code."""

    def of_class(self, code: str | None) -> tuple[Played, ...]:
        """The games of one class (``None``: all of them). Codes match ignoring case and the
        spaces around them."""
        if code is None:
            return self.games
        key = class_key(code)
        return tuple(g for g in self.games if class_key(g.save.class_code) == key)


def class_key(code: str) -> str:
    """How class codes are compared: ``" 7b "`` is the class ``7B``."""
    return code.strip().casefold()


PROGRESS_EVERY = 20
"""``gather`` reports its progress after this many files (and at the end)."""


def gather(
    folder: Path, scenario: Scenario, progress: Callable[[int], None] | None = None
) -> Gathered:
    """Read every save of the folder, its sub-folders and its zips (see :mod:`.handins`) and
    replay each game against ``scenario``; nothing that is wrong with a file stops the
    others. ``progress(n)`` is told how many files have been read, every few files."""
    folder = Path(folder)
    items: list[Played | Skipped] = []
    for entry in entries(folder):
        if progress is not None and items and len(items) % PROGRESS_EVERY == 0:
            progress(len(items))
        if entry.text is None:
            items.append(Skipped(entry.name, entry.problem))
        else:
            items.append(_parsed(scenario, folder / entry.name, entry.text, entry.name))
    if progress is not None:
        progress(len(items))
    return combine(folder, items)


def read_one(path: Path, scenario: Scenario) -> Played | Skipped:
    """One file of a folder, read and replayed as :func:`gather` does (``brink serve`` reads
    again only the files that changed)."""
    try:
        text = reading.read_text(path, MAX_SAVE_BYTES)
    except (reading.TooLarge, reading.Unreadable, OSError) as exc:
        return Skipped(path.name, f"damaged ({exc})")
    return _parsed(scenario, path, text, path.name)


def _parsed(scenario: Scenario, path: Path, text: str, name: str) -> Played | Skipped:
    try:
        save = parse_save(text, name)
    except SaveError as exc:
        return Skipped(name, f"damaged ({exc.problem.detail})", player=_name_in(text))
    played, why = _replay(scenario, path, save, name)
    return played if played is not None else Skipped(name, why, player=save.player)


def combine(folder: Path, items: Iterable[Played | Skipped]) -> Gathered:
    """The games and the files left out of one folder, each game counted once (see above)."""
    games: dict[str, Played] = {}
    skipped: list[Skipped] = []
    for played in items:
        if isinstance(played, Skipped):
            skipped.append(played)
            continue
        other = games.get(played.save.id)
        if other is not None:
            keep, drop = _furthest(other, played)
            games[played.save.id] = keep
            skipped.append(
                Skipped(
                    drop.file,
                    "a second copy of a game (same save id): the copy that went further is "
                    "counted, once",
                    player=drop.save.player,
                    kept=keep.file,
                )
            )
            continue
        games[played.save.id] = played
    ordered = sorted(games.values(), key=lambda g: (g.save.created, g.save.id))
    seen: dict[str, str] = {}
    for g in ordered:
        seen.setdefault(class_key(g.save.class_code), g.save.class_code.strip())
    classes = tuple(sorted(seen.values(), key=lambda c: (c == "", c.casefold())))
    skipped.sort(key=lambda s: s.file)
    numbered = tuple(replace(s, number=i) for i, s in enumerate(skipped, 1))
    return Gathered(folder, tuple(ordered), numbered, classes)


def _name_in(text: str) -> str:
    """The student's name as written in a file that is not a readable save, if it is still
    there as a short line of printable text; else ``""``."""
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError):
        return ""
    name = raw.get("player") if isinstance(raw, dict) else None
    if isinstance(name, str) and 0 < len(name) <= 60 and name.isprintable():
        return name.strip()
    return ""


def _furthest(a: Played, b: Played) -> tuple[Played, Played]:
    """Of two copies of one game, the one with more choices (then the later save) is kept."""
    if (len(b.save.choices), b.save.updated) > (len(a.save.choices), a.save.updated):
        return b, a
    return a, b


def _replay(scenario: Scenario, path: Path, save: SaveFile, name: str) -> tuple[Played | None, str]:
    """The game replayed, or ``None`` and the reason it cannot be counted."""
    sid = scenario.meta.id
    if save.scenario_id != sid:
        return None, f"scenario_id: a game of another scenario ({save.scenario_id!r}, not {sid!r})"
    try:
        game, _ = resume(scenario, save, name)
    except SaveError as exc:
        return None, exc.problem.detail
    except Exception as exc:  # content the engine cannot follow: never a crash of the debrief
        return None, f"cannot be replayed ({type(exc).__name__})"
    if save.content_hash != scenario.content_hash:
        done, total = len(game.choices), len(save.choices)
        if done < total:
            return None, (
                f"saved with another version of the scenario: only {done} of its {total} "
                "choices replay now, so it is left out"
            )
        now = summary(scenario, game.state)  # the date is words, not a figure
        if now.model_copy(update={"date": save.summary.date}) != save.summary:
            return None, (
                "saved with another version of the scenario: its choices replay, but to "
                "different figures, so it is left out"
            )
    return Played(path, save, game.state, name), ""
