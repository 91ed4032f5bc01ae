"""Walk every reachable state of a scenario, in the manner of ChoiceScript's quicktest.

For each available role, opponent policy and event mode, every player option and every branch
of chance (the random policy's picks, events that may or may not fire) is followed. States that
differ only in their past (log, steps, turn) are merged, so the walk ends.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from random import Random

from ..model.rules import Chose, FlagSet, Knows, TrackWithin
from ..model.scenario import Scenario
from ..model.state import GameState
from .advance import offered
from .play import choose, new_game
from .policies import POLICIES, pick
from .proof import trap_free, walk
from .rules import Fate

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
    """Random games played before the systematic walk."""
    starts: int = 0
    """Start states (one per event mode and branch of chance at the start)."""
    complete: bool = True
    """False when the walk stopped early: every target found, or the state limit reached."""
    lapses: dict = field(default_factory=dict)
    """Texts shown where their assumption was false (an audited walk): (table id, variant)
    -> (the first :class:`.texts.Lapse` found, the role, opponent and event mode)."""


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


def explore(
    scenario: Scenario,
    role: str,
    policy: str,
    max_states: int = 500_000,
    dives: int = 1000,
    goal: bool = True,
    audit: bool = False,
    deadline: float | None = None,
) -> Exploration:
    """Walk the states reachable for ``role`` against ``policy``, in both event modes.

    If the scenario is :func:`trap_free`, there is no dead end to look for: the walk plays up
    to ``dives`` random games (every branch of chance equally likely), then, with ``goal``,
    walks systematically until every :func:`targets` is reached; without ``goal`` the dives
    alone give a figure of what this opponent lets a player reach. The systematic walk goes
    from the campaign's start and, every third turn, from the decisions the dives met (latest
    first): an ending a few hundred random games meet once is then a few choices from where
    a walk begins, not at the end of a long line that a walk from the start seldom reaches in
    time. Otherwise it walks every state, up to ``max_states`` (and, with ``deadline``, until ``time.monotonic()`` passes
    it). With ``audit``, every game is audited and the texts shown where their assumption is
    false are kept in ``lapses`` (the continuity proof).
    """
    r = _reads(scenario)
    found = Exploration(role, policy)
    want_d, want_e = targets(scenario, role)
    early = trap_free(scenario)

    def key(st: GameState):
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

    starts = begin(policy)
    found.starts = len(starts)
    # The random opponent can make any choice another policy makes, so its dives also follow
    # the others' lines: what they reach, it can reach.
    divers = [st for p in POLICIES for st in begin(p)] if policy == "random" else starts
    dived: list[GameState] = []  # the decisions the dives met, where the walk will begin
    if early:  # random dives find most targets far sooner than a systematic walk
        rng = Random(0)
        for i in range(dives):
            if goal and done():
                break
            st = divers[i % len(divers)]
            style = STYLES[(i // len(divers)) % len(STYLES)]
            while st.ending is None and st.pending is not None:
                decision = scenario.decision(st.pending)
                options = offered(decision, st)
                if not options:
                    break
                o = _lean(style, decision, options, rng)
                out = choose(scenario, st, o.id, fate=_Dice(rng), explain=False, audit=audit)
                st = kept(out)
                note(st)
                if goal and st.pending is not None:
                    dived.append(st)
            found.dives += 1
    # Two walks in turn, each depth first: one from the campaign's start, one from the
    # decisions the dives met (latest first), where a rare ending is a few choices away.
    # Each walk keeps its own record of the states it has seen, so that neither holds back
    # the other from a state it has yet to walk.
    stacks: tuple[list[GameState], list[GameState]] = ([], [])
    seen: tuple[set, set] = (set(), set())

    def push(st: GameState, w: int):
        k = key(st)
        if k not in seen[w]:
            seen[w].add(k)
            stacks[w].append(st)
            note(st)

    for st in starts:
        push(st, 0)
    for st in dived if not done() else ():  # seen at once: walked from there, not again
        push(st, 1)
    turn = 0
    while (stacks[0] or stacks[1]) and len(seen[0]) + len(seen[1]) < max_states:
        if done() or (deadline is not None and time.monotonic() > deadline):
            break
        turn += 1
        w = 1 if turn % 3 == 0 else 0  # the walk from the dives takes every third turn
        if not stacks[w]:
            w = 1 - w
        st = stacks[w].pop()
        if st.ending is not None:
            continue
        if st.pending is None:
            found.traps.append(tuple(f"{s.decision}={s.option}" for s in st.steps if s.by_player))
            continue
        decision = scenario.decision(st.pending)
        options = offered(decision, st)
        if not options:
            found.empty.add(decision.id)
            continue
        for o in options:
            for out in _outcomes(
                lambda f, o=o, st=st: choose(scenario, st, o.id, fate=f, explain=False, audit=audit)
            ):
                push(kept(out), w)
    found.states = len(seen[0]) + len(seen[1])
    found.complete = not (stacks[0] or stacks[1])
    return found


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
