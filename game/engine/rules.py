"""Evaluate conditions and apply effects on a draft of the game state."""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..model.rules import (
    AllOf,
    AnyOf,
    ChangeTrack,
    Chose,
    End,
    FlagSet,
    Knows,
    Learn,
    Not,
    PlayerIs,
    SetFlag,
    TrackWithin,
)
from ..model.scenario import Scenario
from ..model.state import Change, GameState, Point, Step


@dataclass(slots=True)
class Draft:
    """A working copy of a :class:`GameState`, changed during one engine call and then frozen."""

    base: GameState
    side: str
    tracks: dict[str, int]
    flags: set[str]
    known: set[str]
    done: set[str]
    chosen: dict[str, str] | None
    """The option taken at each decision so far; made when a condition first asks."""
    steps: list[Step]
    log: list[Change]
    trail: list[Point]
    turn: int
    phase: int
    pending: str | None = None
    ending: str | None = None
    happenings: list | None = None
    """What happened, for the player; None when nobody reads it (simulations, the checker)."""
    fate: Fate | None = None
    rng: random.Random | None = None
    lapses: list | None = None
    """Texts shown where their assumption is false; None unless the game is audited."""
    ended: bool = False
    """Whether the ending has been told."""
    offer: tuple[str, ...] = ()
    rolled_at: int = 0
    """The turn the current engine call began at: its dice are seeded from it."""
    options: tuple | None = None
    """The options offered at ``pending``, once this draft has come to it (None otherwise)."""

    @classmethod
    def of(
        cls, state: GameState, side: str, fate: Fate | None = None, explain: bool = True
    ) -> Draft:
        s = state  # positional, in field order: a draft is made at every step of every game
        return cls(
            s, side, dict(s.tracks), set(s.flags), set(s.known), set(s.done), None,
            list(s.steps), list(s.log), list(s.trail), s.turn, s.phase, s.pending, s.ending,
            [] if explain else None, fate, offer=s.offer, rolled_at=s.turn,
        )  # fmt: skip

    def freeze(self) -> GameState:
        """The one place new states are made: the base state with this draft's fields.

        Tracks are clamped as they change and every other field is built by the engine itself,
        so validating again would only repeat that: ``model_copy(update=...)`` does not
        validate. (``model_construct`` would do the same at about three times the cost, and a
        state is made on every step of every game.)
        """
        state = self.base.model_copy(
            update={
                "turn": self.turn,
                "phase": self.phase,
                "tracks": self.tracks,
                "flags": frozenset(self.flags),
                "known": frozenset(self.known),
                "done": frozenset(self.done),
                "steps": tuple(self.steps),
                "log": tuple(self.log),
                "trail": tuple(self.trail),
                "pending": self.pending,
                "offer": self.offer,
                "ending": self.ending,
            }
        )
        # the copy takes the base's cached ``chosen`` with its other attributes: drop it, so
        # that it is worked out again from this state's own steps
        state.__dict__.pop("chosen", None)
        return state


class Fate:
    """Decides the branch at each chance point from a script instead of dice, so the checker
    can walk every branch: the i-th chance point takes ``script[i]`` (0 past its end)."""

    __slots__ = ("arity", "script")

    def __init__(self, script: tuple[int, ...] = ()):
        self.script = script
        self.arity: list[int] = []

    def pick(self, n: int) -> int:
        i = len(self.arity)
        self.arity.append(n)
        return self.script[i] if i < len(self.script) else 0

    def next_script(self) -> tuple[int, ...] | None:
        """The next script in order after this run, or None when every branch is done."""
        taken = [self.script[i] if i < len(self.script) else 0 for i in range(len(self.arity))]
        for k in range(len(taken) - 1, -1, -1):
            if taken[k] + 1 < self.arity[k]:
                return (*taken[:k], taken[k] + 1)
        return None


def holds(cond, d: Draft | GameState) -> bool:
    """Whether a condition holds on a draft or a state. ``None`` always holds."""
    if cond is None:
        return True
    t = type(cond)  # by how often content uses each kind; loops, not all(), for speed
    if t is FlagSet:
        return (cond.flag in d.flags) == cond.is_
    if t is AllOf:
        flags = d.flags
        for c in cond.of:  # a flag, the commonest part, is tested here rather than by a call
            if type(c) is FlagSet:
                if (c.flag in flags) != c.is_:
                    return False
            elif not holds(c, d):
                return False
        return True
    if t is Not:
        return not holds(cond.of, d)
    if t is AnyOf:
        flags = d.flags
        for c in cond.of:
            if type(c) is FlagSet:
                if (c.flag in flags) == c.is_:
                    return True
            elif holds(c, d):
                return True
        return False
    if t is TrackWithin:
        v = d.tracks[cond.track]
        return (cond.min is None or v >= cond.min) and (cond.max is None or v <= cond.max)
    if t is PlayerIs:
        return cond.side == d.side
    if t is Chose:
        if d.chosen is None:
            d.chosen = {s.decision: s.option for s in d.steps}
        return d.chosen.get(cond.decision) in cond.options
    if t is Knows:
        return f"{cond.side}:{cond.fact}" in d.known
    raise TypeError(f"unknown condition {t.__name__}")


def conditional(scenario: Scenario) -> frozenset[int]:
    """The ids of the effect lists that hold a track change with a ``when`` or an ``assumes``
    (worked out once per scenario): only those need looking at before they are applied."""
    memo = scenario.index.memo
    if "conditional" not in memo:
        lists = [o.effects for d in scenario.decisions for o in d.options]
        lists += [e.effects for e in scenario.events]
        memo["conditional"] = frozenset(
            id(x) for x in lists if any(type(e) is ChangeTrack and (e.when or e.assumes) for e in x)
        )
    return memo["conditional"]


def applying(effects, scenario: Scenario, d: Draft) -> tuple:
    """The effects that apply on ``d``, the state just before any of them: those without a
    ``when``, and those whose ``when`` holds there."""
    if id(effects) not in conditional(scenario):
        return effects
    return tuple(e for e in effects if getattr(e, "when", None) is None or holds(e.when, d))


def apply(effects, scenario: Scenario, d: Draft, hide: str | None = None) -> tuple[Change, ...]:
    """Apply effects in order; return the track changes they made, each with its reason (or
    with ``hide`` in its place, for a move the player must not see). A track change whose
    ``when`` is false on the state before the effects is left out (see :func:`applying`)."""
    changes = []
    for e in applying(effects, scenario, d):
        t = type(e)
        if t is ChangeTrack:
            track = scenario.track(e.track)
            before = d.tracks[e.track]
            after = before + e.by if e.to is None else e.to
            if after > track.max:  # comparisons: cheaper than min() and max() here
                after = track.max
            elif after < track.min:
                after = track.min
            if after != before:
                d.tracks[e.track] = after
                c = Change(d.turn, e.track, before, after, hide or e.reason)
                changes.append(c)
                d.log.append(c)
        elif t is SetFlag:
            (d.flags.add if e.value else d.flags.discard)(e.flag)
        elif t is Learn:
            d.known.add(f"{e.side}:{e.fact}")
        elif t is End:
            d.ending = d.ending or e.ending
    for track, floor in floors(scenario):
        before = d.tracks[track]
        if before < floor.value and holds(floor.when, d):
            d.tracks[track] = floor.value
            c = Change(d.turn, track, before, floor.value, hide or floor.reason)
            changes.append(c)
            d.log.append(c)
    return tuple(changes)


def floors(scenario: Scenario) -> tuple:
    """Each track's floors as (track id, floor) pairs, the highest first (worked out once per
    scenario), so that the first floor that holds is the one a track is raised to."""
    memo = scenario.index.memo
    if "floors" not in memo:
        pairs = [(t.id, f) for t in scenario.meta.tracks for f in t.floors]
        memo["floors"] = tuple(sorted(pairs, key=lambda p: -p[1].value))
    return memo["floors"]
