"""Walk every reachable state of a scenario, in the manner of ChoiceScript's quicktest.

For each available role, opponent policy and event mode, every player option and every branch
of chance (the random policy's picks, events that may or may not fire) is followed. States that
differ only in their past (log, steps, turn) are merged, so the walk ends.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.base import ROLE_SIDE
from ..model.rules import AllOf, AnyOf, Chose, FlagSet, Knows, Not, TrackWithin
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
    complete: bool = True
    """False when the walk stopped early: every target found, or the state limit reached."""


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


def _outcomes(run, script=()):
    """Every outcome of ``run(fate)`` over all branches of chance."""
    while script is not None:
        fate = Fate(script)
        yield run(fate).state
        script = fate.next_script()


def trap_free(scenario: Scenario) -> bool:
    """Whether no state can lack both a move and an ending, whatever happens: every decision
    has an option without a condition, and some ending has none (so the calendar always ends
    in one). When this holds, the walk only needs to find each decision and ending once."""
    return all(any(o.when is None for o in d.options) for d in scenario.decisions) and any(
        e.when is None for e in scenario.endings
    )


def explore(
    scenario: Scenario,
    role: str,
    policy: str,
    max_states: int = 500_000,
    known: Exploration | None = None,
) -> Exploration:
    """Walk the states reachable for ``role`` against ``policy``, in both event modes.

    If the scenario is :func:`trap_free`, the walk stops as soon as every decision and ending
    has been reached; ``known`` gives targets already shown reachable (the random policy can do
    whatever the others do). Otherwise it walks every state, up to ``max_states``.
    """
    r = _reads(scenario)
    side = ROLE_SIDE[role]
    found = Exploration(role, policy)
    if known is not None:
        found.decisions |= known.decisions
        found.endings |= known.endings
    targets = len(scenario.decisions) + len(scenario.endings)
    early = trap_free(scenario)
    seen: set = set()

    def key(st: GameState):
        chosen = frozenset(p for p in ((s.decision, s.option) for s in st.steps) if p in r.pairs)
        values = tuple(st.tracks[t] for t in r.tracks)
        return (
            st.phase,
            st.pending,
            st.ending,
            st.flags & r.flags,
            st.known & r.facts,
            st.done & r.phase_items[st.phase],
            values,
            chosen,
        )

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
        if early and len(found.decisions) + len(found.endings) == targets:
            break
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
    found.complete = not stack
    return found


def explore_all(scenario: Scenario) -> list[Exploration]:
    """One walk per available role and opponent policy; the random policy's walk starts from
    what the others found, since it can make any choice they make."""
    walks = []
    for role in (r.id for r in scenario.meta.roles if r.available):
        mine = [explore(scenario, role, p) for p in POLICIES if p != "random"]
        union = Exploration(role, "random")
        for w in mine:
            union.decisions |= w.decisions
            union.endings |= w.endings
        walks += [*mine, explore(scenario, role, "random", known=union)]
    return walks
