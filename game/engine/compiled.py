"""Conditions and effects turned once into Python functions, for the engine's hot loop.

:func:`.rules.holds` and :func:`.rules.apply` read a table anew each time; a simulation tests
and applies the same few hundred tables millions of times. :func:`compiled` turns a condition
into a function of a draft (or a state) that gives the same answer as ``holds`` with less work:
the kind is looked at once, a track's bounds and a fact's key are worked out once, and the flag
tests of an ``all`` become two set comparisons. :func:`compiled_effects` sorts a list of effects
by kind for :func:`applied`, which applies them as ``apply`` does. The engine keeps the functions it needs per scenario (:mod:`.plan`);
everything else still uses ``holds`` and ``apply``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

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
from ..model.state import Change
from .rules import Draft, floors

Test = Callable[[object], bool]
"""A compiled condition: takes a :class:`.rules.Draft` or a ``GameState``."""


def compiled(cond, seen: dict | None = None) -> Test | None:
    """A function with the answer of ``holds(cond, d)`` for every ``d``; None for ``None``
    (a missing condition always holds: callers test ``t is None or t(d)``). ``seen`` keeps
    the functions made so far, by condition: equal conditions (content repeats many) then
    share one."""
    if cond is None:
        return None
    if seen is None:
        return _made(cond, None)
    got = seen.get(cond)
    if got is None:
        got = seen[cond] = _made(cond, seen)
    return got


def _made(cond, seen: dict | None) -> Test:
    t = type(cond)
    if t is FlagSet:
        return _flag(cond.flag, cond.is_)
    if t is AllOf:
        return _all(cond.of, seen)
    if t is AnyOf:
        return _any(tuple(compiled(c, seen) for c in cond.of))
    if t is Not:
        inner = compiled(cond.of, seen)
        return lambda d: not inner(d)
    if t is TrackWithin:
        return _within(cond.track, cond.min, cond.max)
    if t is PlayerIs:
        side = cond.side
        return lambda d: d.side == side
    if t is Chose:
        return _chose(cond.decision, cond.options)
    if t is Knows:
        key = f"{cond.side}:{cond.fact}"
        return lambda d: key in d.known
    raise TypeError(f"unknown condition {t.__name__}")


def _flag(flag: str, is_: bool) -> Test:
    if is_:
        return lambda d: flag in d.flags
    return lambda d: flag not in d.flags


def _all(conds, seen: dict | None) -> Test:
    """Every condition: the flags that must be set and those that must not are tested as
    sets, then the other conditions in order."""
    need = tuple(c.flag for c in conds if type(c) is FlagSet and c.is_)
    shun = tuple(c.flag for c in conds if type(c) is FlagSet and not c.is_)
    rest = tuple(compiled(c, seen) for c in conds if type(c) is not FlagSet)
    if not rest:
        if not shun:
            return lambda d: d.flags.issuperset(need)
        if not need:
            return lambda d: d.flags.isdisjoint(shun)
        return lambda d: d.flags.issuperset(need) and d.flags.isdisjoint(shun)

    def every(d) -> bool:
        flags = d.flags
        if not (flags.issuperset(need) and flags.isdisjoint(shun)):
            return False
        for test in rest:  # noqa: SIM110 (a loop: all() with a generator is slower here)
            if not test(d):
                return False
        return True

    return every


def _any(tests: tuple[Test, ...]) -> Test:
    def some(d) -> bool:
        for test in tests:  # noqa: SIM110
            if test(d):
                return True
        return False

    return some


def _within(track: str, lo: int | None, hi: int | None) -> Test:
    if lo is None:
        return lambda d: d.tracks[track] <= hi
    if hi is None:
        return lambda d: d.tracks[track] >= lo
    return lambda d: lo <= d.tracks[track] <= hi


def _chose(decision: str, options: tuple[str, ...]) -> Test:
    def chose(d) -> bool:
        if d.chosen is None:  # a draft works out what was chosen when first asked
            d.chosen = {s.decision: s.option for s in d.steps}
        return d.chosen.get(decision) in options

    return chose


class Effects(NamedTuple):
    """A list of effects sorted by kind, for :func:`applied`."""

    raised: tuple[str, ...]
    """The flags set."""
    lowered: tuple[str, ...]
    """The flags cleared."""
    learned: tuple[str, ...]
    """The facts learned, written ``side:fact``."""
    end: str | None
    """The ending an ``end`` effect names (the first, if several do)."""
    moves: tuple[tuple[str, int | None, int | None, int, int, str], ...]
    """The track changes in order: track, ``by``, ``to``, the track's bounds, the reason."""


NO_EFFECTS = Effects((), (), (), None, ())


def compiled_effects(effects: tuple, scenario: Scenario) -> Effects | None:
    """``effects`` sorted by kind for :func:`applied`; None for a list that names one flag
    twice, or has a change with a ``when``: that one is for :func:`.rules.apply` itself."""
    if not effects:
        return NO_EFFECTS
    flags = [e.flag for e in effects if type(e) is SetFlag]
    if len(set(flags)) < len(flags) or any(getattr(e, "when", None) for e in effects):
        return None
    return Effects(
        tuple(e.flag for e in effects if type(e) is SetFlag and e.value),
        tuple(e.flag for e in effects if type(e) is SetFlag and not e.value),
        tuple(f"{e.side}:{e.fact}" for e in effects if type(e) is Learn),
        next((e.ending for e in effects if type(e) is End), None),
        tuple(
            (
                e.track,
                e.by,
                e.to,
                scenario.track(e.track).min,
                scenario.track(e.track).max,
                e.reason,
            )
            for e in effects
            if type(e) is ChangeTrack
        ),
    )


Floors = tuple[tuple[str, int, Test, str], ...]
"""A scenario's track floors, compiled (see :func:`compiled_floors`)."""


def compiled_floors(scenario: Scenario, seen: dict | None = None) -> Floors:
    """Each track's floors as :func:`.rules.floors` orders them (the highest first), each as
    track, value, compiled condition and reason."""
    return tuple((t, f.value, compiled(f.when, seen), f.reason) for t, f in floors(scenario))


def applied(fx: Effects, below: Floors, d: Draft, hide: str | None) -> tuple[Change, ...]:
    """Apply sorted effects to a draft as :func:`.rules.apply` applies the list they came
    from, then raise each track below a floor that holds (``below``, compiled floors).

    Flags, facts and an ending do not depend on each other or on the tracks, so each kind is
    applied at once as a set; the track changes follow in their order."""
    raised, lowered, learned, end, moves = fx
    if raised:
        d.flags.update(raised)
    if lowered:
        d.flags.difference_update(lowered)
    if learned:
        d.known.update(learned)
    if end is not None and d.ending is None:
        d.ending = end
    changes = []
    tracks = d.tracks
    for track, by, to, lo, hi, reason in moves:
        before = tracks[track]
        after = before + by if to is None else to
        if after > hi:
            after = hi
        elif after < lo:
            after = lo
        if after != before:
            tracks[track] = after
            c = Change(d.turn, track, before, after, hide or reason)
            changes.append(c)
            d.log.append(c)
    for track, value, test, reason in below:
        before = tracks[track]
        if before < value and test(d):
            tracks[track] = value
            c = Change(d.turn, track, before, value, hide or reason)
            changes.append(c)
            d.log.append(c)
    return tuple(changes)
