"""The key by which a walk merges states: only what some condition or chance can read.

Two states that agree on everything a condition, a chance or the calendar can still read
(tracks and flags named in conditions, the facts and choices they ask about, what is settled in
the current phase) have the same future, whatever their past (log, steps, turn); a walk keeps
one of them, and so ends.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model.rules import Chose, FlagSet, Knows, TrackWithin
from ..model.scenario import Scenario
from ..model.state import GameState
from .proof import walk


def _conditions(scenario: Scenario):
    """Every condition that can change what happens, nested ones included (a note's condition
    only changes what the player reads, so it is left out)."""
    for d in scenario.decisions:
        yield from walk(d.when)
        for o in d.options:
            yield from walk(o.when)
    for e in scenario.events:
        yield from walk(e.when)
    for e in scenario.endings:
        yield from walk(e.when)


@dataclass(frozen=True)
class _Reads:
    """What some condition or chance can read: the rest of a state cannot change the future."""

    tracks: tuple[str, ...]
    flags: frozenset[str]
    facts: frozenset[str]
    pairs: frozenset[tuple[str, str]]
    phase_items: tuple[frozenset[str], ...]
    """The decisions and events of each phase: once a phase is over, which were settled
    no longer matters."""


def _reads(scenario: Scenario) -> _Reads:
    conds = list(_conditions(scenario))
    tracks = {c.track for c in conds if isinstance(c, TrackWithin)}
    tracks |= {c.track for e in scenario.events for c in e.chance_by}
    return _Reads(
        tracks=tuple(sorted(tracks)),
        flags=frozenset(c.flag for c in conds if isinstance(c, FlagSet)),
        facts=frozenset(f"{c.side}:{c.fact}" for c in conds if isinstance(c, Knows)),
        pairs=frozenset((c.decision, o) for c in conds if isinstance(c, Chose) for o in c.options),
        phase_items=tuple(
            frozenset(x.id for x in (*scenario.decisions_in(i), *scenario.events_in(i)))
            for i in range(len(scenario.meta.phases))
        ),
    )


def state_key(scenario: Scenario) -> Callable[[GameState], tuple]:
    """The merging key of ``scenario``'s states (what it reads is worked out once)."""
    r = _reads(scenario)

    def key(st: GameState) -> tuple:
        chosen = frozenset(p for p in ((s.decision, s.option) for s in st.steps) if p in r.pairs)
        values = tuple(st.tracks[t] for t in r.tracks)
        return (
            st.events,  # the event mode decides which incidents can still happen
            st.phase,
            st.pending,
            st.ending,
            st.flags & r.flags,
            st.known & r.facts,
            st.done & r.phase_items[st.phase],
            values,
            chosen,
        )

    return key
