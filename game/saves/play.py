"""A game being played and what its save records; resuming a save by replaying its choices."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .. import engine
from ..model.problem import Problem, first_error
from ..model.save import SAVE_VERSION, Choice, SaveFile, Summary
from ..model.scenario import Option, Scenario
from ..model.state import GameState
from .disk import Listed, SaveError, list_saves, new_id, read_save


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def summary(scenario: Scenario, state: GameState) -> Summary:
    danger, defcon = engine.peaks(scenario, state)
    return Summary(
        phase=scenario.meta.phases[state.phase].id,
        date=engine.where(scenario, state),
        tracks=dict(state.tracks),
        peak_danger=danger,
        peak_defcon=defcon,
        divergence=engine.divergence(state),
        ending=state.ending,
    )


class Refused(ValueError):
    """A game that cannot start: its campaign is not written (``about`` is "role"), or the
    name or class code does not fit a save ("names"). The message says why, in the player's
    words."""

    def __init__(self, message: str, about: str):
        super().__init__(message)
        self.about = about


@dataclass(frozen=True, slots=True)
class Pick:
    """What typing option number ``n`` of the current turn means (see :meth:`Game.pick`)."""

    option: Option | None
    """The option, or None when the turn has no option ``n``."""
    confirm: bool = False
    """The option cannot be undone and raises the danger sharply: ask before taking it."""


@dataclass
class Game:
    """A game being played: the engine state plus what the save file records about it. The one
    place a front end starts a game (:func:`start`), sees the turn (:attr:`turn`), picks an
    option by its number (:meth:`pick`) and takes it (:meth:`choose`)."""

    scenario: Scenario
    state: GameState
    id: str = field(default_factory=new_id)
    player: str = ""
    class_code: str = ""
    created: str = field(default_factory=now)
    choices: list[Choice] = field(default_factory=list)
    _turn: tuple[GameState, engine.View] | None = field(default=None, repr=False, compare=False)

    @property
    def turn(self) -> engine.View:
        """The current turn as the player sees it, built once per state."""
        if self._turn is None or self._turn[0] is not self.state:
            self._turn = (self.state, engine.view(self.scenario, self.state))
        return self._turn[1]

    def pick(self, n: int) -> Pick:
        """Option number ``n`` (from 1, as shown) of the current turn, and whether to ask before
        taking it. A finished game, or a number the turn does not show, gives no option."""
        options = self.turn.options if self.state.ending is None else ()
        if not 1 <= n <= len(options):
            return Pick(None)
        option = options[n - 1]
        track = self.scenario.meta.danger_track
        danger = self.state.tracks[track]
        return Pick(option, engine.needs_confirm(option, track, danger, self.state))

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


def start(
    scenario: Scenario,
    role: str,
    seed: int | None = None,
    opponent: str = "historical",
    events: str = "historical",
    player: str = "",
    class_code: str = "",
) -> tuple[Game, tuple[engine.Happening, ...]]:
    """A new game of ``role`` (a random seed unless one is given) and what happened before the
    player's first decision. :class:`Refused` when the campaign is not written or the name or
    class code does not fit a save: checked before the game starts."""
    if not scenario.role(role).available:
        ready = ", ".join(r.id for r in scenario.meta.roles if r.available)
        raise Refused(f"the {role} campaign is not written yet (ready: {ready})", "role")
    seed = seed if seed is not None else secrets.randbelow(2**31)
    try:
        outcome = engine.new_game(scenario, role, seed, opponent, events)
        game = Game(scenario, outcome.state, player=player, class_code=class_code)
        game.to_save()  # validates the name and class code
    except ValueError as exc:
        raise Refused(first_error(exc), "names") from None
    return game, outcome.happenings


def resume(scenario: Scenario, save: SaveFile, file: str = "") -> tuple[Game, str | None]:
    """Replay a save's choices and check that they give its summary.

    Returns the game and ``None``, or, if the scenario has changed since the save (its content
    hash differs), the game replayed as far as it goes and a message saying where the story
    changed; that game has a new id, so going on writes a new file and the old one stays as it
    was. With the same content, a replay that does not give the save is a :class:`SaveError`."""
    where = file or save.id

    def fail(field: str, message: str) -> SaveError:
        return SaveError(Problem(file=where, path=field, message=message))

    if save.scenario_id != scenario.meta.id:
        raise fail(
            "scenario_id",
            f"a game of {save.scenario_id!r}, which is not installed (have {scenario.meta.id!r})",
        )
    roles = {r.id: r for r in scenario.meta.roles}
    if save.role not in roles or not roles[save.role].available:
        raise fail("role", f"the {save.role} campaign is not in this version of the scenario")
    same = save.content_hash == scenario.content_hash
    state = engine.new_game(
        scenario, save.role, save.seed, save.opponent, save.events, explain=False
    ).state
    game = Game(scenario, state, save.id, save.player, save.class_code, save.created)
    for i, choice in enumerate(save.choices):
        why = None
        if game.state.pending != choice.decision:
            why = (
                "the game had ended"
                if game.state.pending is None
                else f"the story now reaches {_named(scenario, game.state.pending)} instead"
            )
        else:
            try:
                game.state = engine.choose(scenario, game.state, choice.option, explain=False).state
            except engine.IllegalMove:
                why = "that option is no longer offered"
        if why is not None:
            if same:
                raise fail(f"choices[{i}]", f"{choice.decision}: {choice.option}: {why}")
            return _new_save(game), _changed(scenario, game, i, choice, why)
        game.choices.append(choice)
    if summary(scenario, game.state) != save.summary:
        if same:
            raise fail(
                "summary",
                "replaying the choices does not give the saved summary; the file was changed",
            )
        return _new_save(game), (
            "The scenario has changed since this game was saved: your choices replay, but some "
            "figures differ. You go on in a new save; the old one is kept as it was."
        )
    if not same:
        return _new_save(game), (
            "The scenario has been updated since this game was saved; your game replays the "
            "same. You go on in a new save; the old one is kept as it was."
        )
    return game, None


def open_save(scenario: Scenario, path: Path) -> tuple[Game, str | None]:
    """Read and resume the save at ``path`` (see :func:`resume`). A file that is not
    ``<id>.json`` of its game is a copy: the game goes on under a new id, so that neither the
    copy nor the game's own file is ever replaced by the other."""
    save = read_save(path)
    game, note = resume(scenario, save, str(path))
    if note is None and Path(path).name != f"{save.id}.json":
        game.id = new_id()
        note = (
            f"This file is a copy of game {save.id}; you go on in a new save, {game.id}, "
            "and the file you opened is kept as it was."
        )
    return game, note


def _new_save(game: Game) -> Game:
    game.id = new_id()
    return game


def _changed(scenario: Scenario, game: Game, i: int, choice: Choice, why: str) -> str:
    return (
        f"The scenario has changed since this game was saved: at choice {i + 1} "
        f"({_named(scenario, choice.decision, choice.option)}), "
        f"{engine.where(scenario, game.state)}, {why}. "
        "You go on from there in a new save; the old one is kept as it was."
    )


def _named(scenario: Scenario, decision_id: str, option_id: str | None = None) -> str:
    """A decision, and an option of it, as the player met them: their titles while the
    scenario still has them, else the ids the save holds."""
    decision = scenario.index.decision.get(decision_id)
    said = f"\u201c{decision.title}\u201d" if decision else decision_id
    if option_id is None:
        return said
    option = scenario.index.option.get((decision_id, option_id))
    return f"{said}: " + (f"\u201c{option.label}\u201d" if option else option_id)


def latest_unfinished(folder: Path, scenario: Scenario) -> Listed | None:
    """The newest readable save, in the folder, of an unfinished game of this scenario in a
    campaign that can be played; None if there is none."""
    playable = {r.id for r in scenario.meta.roles if r.available}
    for row in list_saves(folder):
        s = row.save
        if (
            s is not None
            and s.summary.ending is None
            and s.scenario_id == scenario.meta.id
            and s.role in playable
        ):
            return row
    return None


def reached(scenario: Scenario | None, save: SaveFile) -> str:
    """Where a saved game stands, in words: the date of its next decision, or for an ended game
    its ending's title and the date it ended. The ending's id stands in for its title when the
    game is of another scenario (``scenario`` None or not the save's) or the ending is gone."""
    summary = save.summary
    if summary.ending is None:
        return summary.date
    if scenario is None or scenario.meta.id != save.scenario_id:
        return f"ended: {summary.ending} ({summary.date})"
    known = {e.id: e.title for e in scenario.endings}
    return f"ended: {known.get(summary.ending, summary.ending)} ({summary.date})"
