"""Saved games on disk: one JSON file per game, written atomically, read without trusting it.

A save holds what replays the game (scenario, role, opponent, events, seed, the choices) and a
summary a debrief can read without replaying. File names are generated, never taken from a
player's name. A file that is not a readable save is reported, never changed or deleted.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from . import engine
from .model.problem import Problem
from .model.save import MIN_SAVE_VERSION, SAVE_VERSION, Choice, SaveFile, Summary
from .model.scenario import Scenario
from .model.state import GameState

MAX_SAVE_BYTES = 5_000_000
"""A save of a whole game is a few kilobytes; anything far larger is not ours."""


class SaveError(Exception):
    """A save file could not be read or replayed; ``problem`` names the file and the field."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def saves_dir(arg: str | os.PathLike | None = None) -> Path:
    """The saves folder: the argument, else ``BRINK_SAVES_DIR``, else ``./saves``."""
    return Path(arg or os.environ.get("BRINK_SAVES_DIR") or "saves")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_id() -> str:
    """A fresh save id: the time and a random tail, safe as a file name."""
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(3)


def summary(scenario: Scenario, state: GameState) -> Summary:
    danger, defcon = engine.peaks(state)
    return Summary(
        phase=scenario.meta.phases[state.phase].id,
        date=engine.where(scenario, state),
        tracks=dict(state.tracks),
        peak_danger=danger,
        peak_defcon=defcon,
        divergence=engine.divergence(state),
        ending=state.ending,
    )


@dataclass
class Game:
    """A game being played: the engine state plus what the save file records about it."""

    scenario: Scenario
    state: GameState
    id: str = field(default_factory=new_id)
    player: str = ""
    class_code: str = ""
    created: str = field(default_factory=now)
    choices: list[Choice] = field(default_factory=list)

    def choose(self, option_id: str) -> engine.Outcome:
        """Take a choice through the engine and remember it for the save."""
        decision = self.state.pending
        outcome = engine.choose(self.scenario, self.state, option_id)
        self.choices.append(Choice(decision=decision, option=option_id, at=now()))
        self.state = outcome.state
        return outcome

    def to_save(self) -> SaveFile:
        s = self.state
        return SaveFile(
            save_version=SAVE_VERSION,
            id=self.id,
            scenario_id=s.scenario_id,
            content_hash=self.scenario.content_hash,
            role=s.role,
            opponent=s.opponent,
            events=s.events,
            seed=s.seed,
            player=self.player,
            class_code=self.class_code,
            created=self.created,
            updated=now(),
            choices=tuple(self.choices),
            summary=summary(self.scenario, s),
        )


def write_save(folder: Path, save: SaveFile) -> Path:
    """Write atomically: a temporary file in the same folder, flushed, fsynced, then renamed."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{save.id}.json"
    data = save.model_dump_json(indent=1).encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{save.id}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def read_save(path: Path) -> SaveFile:
    """Read and validate a save file; raise :class:`SaveError` naming the file and the field."""
    name = str(path)
    try:
        if path.stat().st_size > MAX_SAVE_BYTES:
            raise SaveError(Problem(file=name, message=f"larger than {MAX_SAVE_BYTES} bytes"))
        raw = json.loads(path.read_bytes())
    except SaveError:
        raise
    except OSError as exc:
        raise SaveError(Problem(file=name, message=f"cannot be read: {exc.strerror}")) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SaveError(Problem(file=name, message=f"not valid JSON: {exc}")) from None
    if not isinstance(raw, dict):
        raise SaveError(Problem(file=name, message="expected a JSON object"))
    version = raw.get("save_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SaveError(Problem(file=name, path="save_version", message="expected a whole number"))
    if version > SAVE_VERSION:
        raise SaveError(
            Problem(
                file=name,
                path="save_version",
                message=(
                    f"version {version} is newer than this game reads ({SAVE_VERSION}); update Brink"
                ),
            )
        )
    if version < MIN_SAVE_VERSION:
        raise SaveError(
            Problem(
                file=name,
                path="save_version",
                message=(
                    f"version {version} is older than this game reads ({MIN_SAVE_VERSION} or later)"
                ),
            )
        )
    try:
        return SaveFile.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise SaveError(Problem(file=name, path=loc, message=err["msg"])) from None


def resume(scenario: Scenario, save: SaveFile, file: str = "") -> tuple[Game, str | None]:
    """Replay a save's choices. Returns the game and, if the story changed since it was saved
    (the scenario's content differs), a message saying where; the file itself is not touched."""
    if save.scenario_id != scenario.meta.id:
        raise SaveError(
            Problem(
                file=file or save.id,
                path="scenario_id",
                message=(
                    f"a game of {save.scenario_id!r}, which is not installed (have {scenario.meta.id!r})"
                ),
            )
        )
    state = engine.new_game(scenario, save.role, save.seed, save.opponent, save.events).state
    game = Game(scenario, state, save.id, save.player, save.class_code, save.created)
    for i, choice in enumerate(save.choices):
        if game.state.pending != choice.decision:
            return game, _changed(i, choice, "the story reached a different decision")
        try:
            game.state = engine.choose(scenario, game.state, choice.option).state
        except engine.IllegalMove:
            return game, _changed(i, choice, "that option is no longer offered")
        game.choices.append(choice)
    if summary(scenario, game.state) != save.summary:
        if save.content_hash == scenario.content_hash:
            raise SaveError(
                Problem(
                    file=file or save.id,
                    path="summary",
                    message=(
                        "replaying the choices does not give the saved summary; the file was changed"
                    ),
                )
            )
        return game, "The scenario has changed since this game was saved; some figures differ."
    return game, None


def _changed(i: int, choice: Choice, why: str) -> str:
    return (
        f"The scenario has changed since this game was saved: at choice {i + 1} "
        f"({choice.decision}: {choice.option}) {why}. You go on from there."
    )


@dataclass(frozen=True)
class Listed:
    """One file of a saves folder: a save, or the reason it could not be read."""

    path: Path
    save: SaveFile | None
    problem: Problem | None


def list_saves(folder: Path) -> list[Listed]:
    """Every ``*.json`` in the folder, newest first; damaged files are listed with the reason."""
    out = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
        try:
            out.append(Listed(path, read_save(path), None))
        except SaveError as exc:
            out.append(Listed(path, None, exc.problem))
    out.sort(key=lambda x: x.save.updated if x.save else "", reverse=True)
    return out


def find_save(folder: Path, ref: str) -> Path:
    """A save by id (in the folder) or by path."""
    path = Path(ref)
    if path.suffix == ".json" or path.exists():
        return path
    return folder / f"{ref}.json"
