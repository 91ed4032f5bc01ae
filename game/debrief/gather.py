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

from dataclasses import dataclass
from pathlib import Path

from ..model.save import SaveFile
from ..model.scenario import Scenario
from ..model.state import GameState
from ..saves import SaveError, list_saves, resume, summary


@dataclass(frozen=True, slots=True)
class Played:
    """One student's game: the save as read and the state its choices replay to."""

    path: Path
    save: SaveFile
    state: GameState


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file left out of the debrief, and why."""

    file: str
    """The file's name in the folder."""
    reason: str


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


def gather(folder: Path, scenario: Scenario) -> Gathered:
    """Read every ``*.json`` file of the folder (not its sub-folders) and replay each game
    against ``scenario``; nothing that is wrong with a file stops the others."""
    folder = Path(folder)
    games: dict[str, Played] = {}
    skipped: list[Skipped] = []
    for row in list_saves(folder):
        name = row.path.name if row.path != folder else str(folder)
        if row.save is None:
            skipped.append(Skipped(name, row.problem.detail))
            continue
        played, why = _replay(scenario, row.path, row.save)
        if played is None:
            skipped.append(Skipped(name, why))
            continue
        other = games.get(played.save.id)
        if other is not None:
            keep, drop = _furthest(other, played)
            games[played.save.id] = keep
            skipped.append(
                Skipped(
                    drop.path.name,
                    f"a second copy of the game in {keep.path.name} (same save id), "
                    "which went further; counted once",
                )
            )
            continue
        games[played.save.id] = played
    ordered = sorted(games.values(), key=lambda g: (g.save.created, g.save.id))
    seen: dict[str, str] = {}
    for g in ordered:
        seen.setdefault(class_key(g.save.class_code), g.save.class_code.strip())
    classes = tuple(sorted(seen.values(), key=lambda c: (c == "", c.casefold())))
    return Gathered(folder, tuple(ordered), tuple(sorted(skipped, key=lambda s: s.file)), classes)


def _furthest(a: Played, b: Played) -> tuple[Played, Played]:
    """Of two copies of one game, the one with more choices (then the later save) is kept."""
    if (len(b.save.choices), b.save.updated) > (len(a.save.choices), a.save.updated):
        return b, a
    return a, b


def _replay(scenario: Scenario, path: Path, save: SaveFile) -> tuple[Played | None, str]:
    """The game replayed, or ``None`` and the reason it cannot be counted."""
    sid = scenario.meta.id
    if save.scenario_id != sid:
        return None, f"scenario_id: a game of another scenario ({save.scenario_id!r}, not {sid!r})"
    try:
        game, _ = resume(scenario, save, path.name)
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
        if summary(scenario, game.state) != save.summary:
            return None, (
                "saved with another version of the scenario: its choices replay, but to "
                "different figures, so it is left out"
            )
    return Played(path, save, game.state), ""
