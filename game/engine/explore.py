"""Walk the reachable states of a scenario, in the manner of ChoiceScript's quicktest.

For each available role, opponent policy and event mode, random games are played, then each
decision and ending they missed is searched for (:mod:`.seek`); where a dead end is possible,
every state is walked instead. A walk or a search follows every player option and every branch
of chance (the random policy's picks, events that may or may not fire). States that differ only
in their past (log, steps, turn) are merged (:mod:`.merging`), so a walk ends.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from random import Random

from ..model.scenario import Scenario
from ..model.state import GameState
from .advance import offered
from .merging import state_key
from .play import choose, new_game
from .policies import POLICIES, pick
from .proof import trap_free
from .rules import Fate
from .seek import Guide, Sought, seek

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
    dives: int = 0
    """Random games played before any search."""
    starts: int = 0
    """Start states (one per event mode and branch of chance at the start)."""
    complete: bool = True
    """False when a walk or a search stopped at its limit (states or time)."""
    sought: dict[str, Sought] = field(default_factory=dict)
    """The targets the random games missed (ending or decision id): what the search directed
    at each found."""
    lapses: dict = field(default_factory=dict)
    """Texts shown where their assumption was false (an audited walk): (table id, variant)
    -> (the first :class:`.texts.Lapse` found, the role, opponent and event mode)."""


class _Dice(Fate):
    """Takes each branch of chance at random, all branches alike, for the random dives."""

    __slots__ = ("rng",)

    def __init__(self, rng: Random):
        super().__init__()
        self.rng = rng

    def pick(self, n: int) -> int:
        return self.rng.randrange(n)


STYLES = ("any", "historical", "hawk", "dove")
"""How a dive's player leans: uniformly, or mostly like one of the policies. Leaning players
find the rare endings at the ends of long lines (history's own, or all-out defiance) that
uniform play seldom walks to the end of."""


def _lean(style: str, decision, options: list, rng: Random):
    """The dive player's pick: with ``style`` "any" uniform; otherwise that policy's pick four
    times in five and a uniform one the fifth."""
    if style == "any" or rng.random() < 0.2:
        return rng.choice(options)
    return pick(style, decision, options, None)


def _outcomes(run, script=()):
    """Every outcome of ``run(fate)`` over all branches of chance."""
    while script is not None:
        fate = Fate(script)
        yield run(fate)
        script = fate.next_script()


def targets(scenario: Scenario, role: str) -> tuple[frozenset[str], frozenset[str]]:
    """What a campaign must be able to reach: every decision from its first phase on (both
    sides'; earlier ones are history's, played before the game starts) and its endings."""
    start = scenario.start_position(role)
    decisions = frozenset(
        d.id for i in range(start, len(scenario.meta.phases)) for d in scenario.decisions_in(i)
    )
    return decisions, frozenset(e.id for e in scenario.endings if e.plays_in(role))


SEEK_STATES = 5_000
"""How many states one directed search for a target may keep before it gives up."""


def explore(
    scenario: Scenario,
    role: str,
    policy: str,
    max_states: int = 500_000,
    dives: int = 1000,
    goal: bool = True,
    audit: bool = False,
    deadline: float | None = None,
    budget: int = SEEK_STATES,
) -> Exploration:
    """Walk the states reachable for ``role`` against ``policy``, in both event modes.

    If the scenario is :func:`trap_free`, there is no dead end to look for: the walk plays up
    to ``dives`` random games (every branch of chance equally likely; each game has dice of
    its own, drawn from its number, so a change in one game does not move the others), then,
    with ``goal``, searches for each :func:`targets` the games missed, from the campaign's
    start, in the way :mod:`.seek` directs (at most ``budget`` states each); without ``goal``
    the games alone give a figure of what this opponent lets a player reach. Whether a target
    is reached does not depend on the games: the searches would find it without them. Otherwise
    it walks every state, up to ``max_states``. Either stops when ``time.monotonic()`` passes
    ``deadline``. With ``audit``, every game is audited and the texts shown where their
    assumption is false are kept in ``lapses`` (the continuity proof).
    """
    key = state_key(scenario)
    found = Exploration(role, policy)
    want_d, want_e = targets(scenario, role)
    early = trap_free(scenario)

    def note(st: GameState) -> None:
        found.decisions.update(x.decision for x in st.steps)
        if st.pending is not None:
            found.decisions.add(st.pending)
        if st.ending is not None:
            found.endings.add(st.ending)

    def kept(out) -> GameState:
        """The outcome's state, after keeping the first lapse of each text."""
        for x in out.lapses:
            ctx = f"role {role}, opponent {policy}, events {out.state.events}"
            found.lapses.setdefault((id(x.owner), x.variant), (x, ctx))
        return out.state

    def done() -> bool:
        return early and (not goal or (want_d <= found.decisions and want_e <= found.endings))

    def late() -> bool:
        return deadline is not None and time.monotonic() > deadline

    def begin(p: str) -> list[GameState]:
        return [
            kept(out)
            for mode in MODES
            for out in _outcomes(
                lambda f, m=mode: new_game(
                    scenario, role, 0, p, m, fate=f, explain=False, audit=audit
                )
            )
        ]

    def moves(st: GameState) -> list[GameState]:
        """Every state one choice of the player's leads to, over all branches of chance."""
        return [
            kept(out)
            for o in offered(scenario.decision(st.pending), st)
            for out in _outcomes(
                lambda f, o=o: choose(scenario, st, o.id, fate=f, explain=False, audit=audit)
            )
        ]

    starts = begin(policy)
    found.starts = len(starts)
    for st in starts:
        note(st)
    if not early:
        _walk_all(scenario, found, starts, key, note, moves, max_states, late)
        return found
    # The random opponent can make any choice another policy makes, so its dives also follow
    # the others' lines: what they reach, it can reach.
    divers = [st for p in POLICIES for st in begin(p)] if policy == "random" else starts
    for i in range(dives):
        if (goal and done()) or late():
            break
        rng = Random(f"{role} {policy} {i}")
        st = divers[i % len(divers)]
        style = STYLES[(i // len(divers)) % len(STYLES)]
        while st.ending is None and st.pending is not None:
            decision = scenario.decision(st.pending)
            o = _lean(style, decision, offered(decision, st), rng)
            st = kept(choose(scenario, st, o.id, fate=_Dice(rng), explain=False, audit=audit))
            note(st)
        found.dives += 1
    if goal:
        _seek_missing(scenario, found, starts, key, note, moves, budget, late)
    return found


def _seek_missing(scenario, found: Exploration, starts, key, note, moves, budget, late) -> None:
    """Search for each target the random games missed (endings first, then decisions, in the
    files' order), sharing what each state leads to between the searches."""
    guide = Guide(scenario)
    walked: dict = {}

    def children(k, st: GameState) -> list[GameState]:
        kids = walked.get(k)
        if kids is None:
            kids = walked[k] = []
            if st.ending is None and st.pending is not None:
                kids += moves(st)
                for child in kids:
                    note(child)
        return kids

    want_d, want_e = targets(scenario, found.role)
    for e in scenario.endings:
        if e.id in want_e and e.id not in found.endings:
            found.sought[e.id] = seek(
                starts,
                lambda st, e=e.id: st.ending == e,
                lambda st, e=e.id: guide.to_end(e, st),
                children,
                key,
                budget,
                late,
            )
    for d in scenario.decisions:
        if d.id in want_d and d.id not in found.decisions:
            found.sought[d.id] = seek(
                starts,
                lambda st, d=d.id: guide.met(d, st),
                lambda st, d=d.id: guide.to_decision(d, st),
                children,
                key,
                budget,
                late,
            )
    found.states = len(walked)
    found.complete = all(x.state is not None or x.exhausted for x in found.sought.values())


def _walk_all(scenario, found: Exploration, starts, key, note, moves, max_states, late) -> None:
    """Walk every state depth first, up to ``max_states``, keeping the dead ends."""
    stack: list[GameState] = []
    seen: set = set()

    def push(st: GameState):
        k = key(st)
        if k not in seen:
            seen.add(k)
            stack.append(st)
            note(st)

    for st in starts:
        push(st)
    while stack and len(seen) < max_states and not late():
        st = stack.pop()
        if st.ending is not None:
            continue
        if st.pending is None:
            found.traps.append(tuple(f"{s.decision}={s.option}" for s in st.steps if s.by_player))
            continue
        decision = scenario.decision(st.pending)
        if not offered(decision, st):
            found.empty.add(decision.id)
            continue
        for child in moves(st):
            push(child)
    found.states = len(seen)
    found.complete = not stack


def explore_all(scenario: Scenario, audit: bool = True, **limits) -> list[Exploration]:
    """Per available role: the random opponent's walk, which must reach every target (it can
    make any choice the other policies make), then each other policy's walk: a full search for
    dead ends where the scenario is not :func:`trap_free`, else random games that measure how
    much of the campaign that opponent lets a player see. ``audit`` and ``limits``
    (``max_states``, ``deadline``): see :func:`explore`."""
    walks = []
    for role in (r.id for r in scenario.meta.roles if r.available):
        walks.append(explore(scenario, role, "random", audit=audit, **limits))
        walks += [
            explore(scenario, role, p, dives=300, goal=False, audit=audit, **limits)
            for p in POLICIES
            if p != "random"
        ]
    return walks
