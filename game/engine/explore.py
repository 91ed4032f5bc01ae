"""Walk every reachable state of a scenario, in the manner of ChoiceScript's quicktest.

For each available role, opponent policy and event mode, every player option and every branch
of chance (the random policy's picks, events that may or may not fire) is followed. States that
differ only in their past (log, steps, turn) are merged, so the walk ends.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.base import ROLE_SIDE
from ..model.rules import AllOf, AnyOf, Chose, Not, TrackWithin
from ..model.scenario import Scenario
from ..model.state import GameState
from .play import choose, new_game, offered
from .policies import POLICIES
from .rules import Draft, Fate

MODES = ("historical", "chaos")


@dataclass
class Exploration:
    """What a walk found for one role and one opponent policy (both event modes)."""

    role: str
    policy: str
    states: int = 0
    decisions: set[str] = field(default_factory=set)
    endings: set[str] = field(default_factory=set)
    traps: list[tuple[str, ...]] = field(default_factory=list)
    """Paths (the player's choices) to states with no move and no ending."""
    empty: set[str] = field(default_factory=set)
    """Decisions reached with no option offered."""


def _conditions(scenario: Scenario):
    def walk(c):
        if c is None:
            return
        yield c
        if isinstance(c, AllOf | AnyOf):
            for x in c.of:
                yield from walk(x)
        elif isinstance(c, Not):
            yield from walk(c.of)

    for d in scenario.decisions:
        yield from walk(d.when)
        for n in d.notes:
            yield from walk(n.when)
        for o in d.options:
            yield from walk(o.when)
    for e in scenario.events:
        yield from walk(e.when)
    for e in scenario.endings:
        yield from walk(e.when)


def _key_parts(scenario: Scenario) -> tuple[tuple[str, ...], frozenset]:
    """The tracks and (decision, option) pairs that some condition or chance reads."""
    conds = list(_conditions(scenario))
    tracks = {c.track for c in conds if isinstance(c, TrackWithin)}
    tracks |= {c.track for e in scenario.events for c in e.chance_by}
    pairs = frozenset((c.decision, o) for c in conds if isinstance(c, Chose) for o in c.options)
    return tuple(sorted(tracks)), pairs


def _outcomes(run, script=()):
    """Every outcome of ``run(fate)`` over all branches of chance."""
    while script is not None:
        fate = Fate(script)
        yield run(fate).state
        script = fate.next_script()


def explore(scenario: Scenario, role: str, policy: str, max_states: int = 2_000_000) -> Exploration:
    """Walk all states reachable for ``role`` against ``policy``, in both event modes."""
    tracks, pairs = _key_parts(scenario)
    side = ROLE_SIDE[role]
    found = Exploration(role, policy)
    seen: set = set()

    def key(st: GameState):
        chosen = frozenset(p for p in ((s.decision, s.option) for s in st.steps) if p in pairs)
        values = tuple(st.tracks[t] for t in tracks)
        return (st.phase, st.pending, st.ending, st.flags, st.known, st.done, values, chosen)

    stack: list[GameState] = []

    def push(st: GameState):
        k = key(st)
        if k not in seen:
            seen.add(k)
            stack.append(st)

    for mode in MODES:
        for st in _outcomes(lambda f, m=mode: new_game(scenario, role, 0, policy, m, fate=f)):
            push(st)
    while stack and len(seen) < max_states:
        st = stack.pop()
        found.decisions.update(s.decision for s in st.steps)
        if st.ending is not None:
            found.endings.add(st.ending)
            continue
        if st.pending is None:
            found.traps.append(tuple(f"{s.decision}={s.option}" for s in st.steps if s.by_player))
            continue
        found.decisions.add(st.pending)
        decision = scenario.decision(st.pending)
        options = offered(decision, Draft.of(st, side))
        if not options:
            found.empty.add(decision.id)
            continue
        for o in options:
            for nxt in _outcomes(lambda f, o=o, st=st: choose(scenario, st, o.id, fate=f)):
                push(nxt)
    found.states = len(seen)
    return found


def explore_all(scenario: Scenario) -> list[Exploration]:
    """One walk per available role and opponent policy."""
    return [
        explore(scenario, r.id, p) for r in scenario.meta.roles if r.available for p in POLICIES
    ]
