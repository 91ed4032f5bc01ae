"""A search directed at one target of `brink check` (an ending, or a decision met).

Random games find most of what a campaign can reach, but which they find depends on the dice.
What they miss is searched for here, best first: from each state, every option of the player's
and every branch of chance (the opponent's picks, incidents that fire or not) is followed, and
the state whose target is nearest is walked next. How near is measured on the target's
condition (:class:`Guide`): a track's distance from its bounds, a flag still to be set counts
one and the nearest incident or option that can still set it, a choice still to be made counts
one. A state from which nothing still to come can make the condition hold is left out, so a
target that no state can reach is shown so as soon as the states that might reach it are
walked, and a search that runs out of its budget says how many states it walked.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model.rules import (
    AllOf,
    AnyOf,
    Chose,
    Condition,
    End,
    FlagSet,
    Not,
    PlayerIs,
    SetFlag,
    TrackWithin,
)
from ..model.scenario import Scenario
from ..model.state import GameState
from .rules import holds

FAR = 1 << 30
"""The distance of a condition that nothing still to come can make hold."""
_NONE: tuple = ()


@dataclass(frozen=True)
class _Setter:
    """An incident or an option that sets (or clears) a flag, or ends the game."""

    item: str
    """The incident's or the decision's id: settled once, and then it cannot act again."""
    phase: int
    when: tuple[Condition, ...]
    """What must hold for it to act (the decision's and the option's conditions)."""
    historical: bool | None = None
    """For an incident: whether it happens in history (None for an option)."""
    rolls: bool = True
    """For an incident: whether it can fire when incidents roll."""


class Guide:
    """How far a state is from a condition holding, for one scenario."""

    def __init__(self, scenario: Scenario, depth: int = 2):
        self.scenario = scenario
        self.depth = depth
        pos = scenario.index.phase_pos
        self.last = len(scenario.meta.phases) - 1
        self.ranges = {t.id: (t.min, t.max) for t in scenario.meta.tracks}
        self.phase_of = {d.id: pos.get(d.phase, -1) for d in scenario.decisions}
        self.setters: dict[tuple[str, bool], list[_Setter]] = {}
        self.enders: dict[str, list[_Setter]] = {}
        self._memo_of: GameState | None = None
        self._memo: dict = {}
        for ev in scenario.events:
            rolls = ev.chance > 0 or any(c.per_point > 0 for c in ev.chance_by)
            s = _Setter(ev.id, pos.get(ev.phase, -1), (ev.when,), ev.historical, rolls)
            self.setters.setdefault((ev.id, True), []).append(s)
            self._effects(ev.effects, s)
        for d in scenario.decisions:
            for o in d.options:
                self._effects(o.effects, _Setter(d.id, self.phase_of[d.id], (d.when, o.when)))

    def _effects(self, effects, s: _Setter) -> None:
        for e in effects:
            if isinstance(e, SetFlag):
                self.setters.setdefault((e.flag, e.value), []).append(s)
            elif isinstance(e, End):
                self.enders.setdefault(e.ending, []).append(s)

    def _can(self, s: _Setter, st: GameState, until: int) -> bool:
        """Whether ``s`` can still act after ``st``, in phase ``until`` at the latest."""
        if s.item in st.done or not st.phase <= s.phase <= until:
            return False
        if s.historical is None:
            return True
        return s.historical if st.events == "historical" else s.rolls

    def _by(self, setters: Iterable[_Setter], st: GameState, depth: int, until: int) -> int:
        """One more than the nearest of ``setters`` that can still act by phase ``until``
        (FAR if none can)."""
        if st is not self._memo_of:  # what a state's setters need is worked out once per state
            self._memo_of, self._memo = st, {}
        m = (id(setters), depth, until)
        best = self._memo.get(m)
        if best is None:
            best = self._memo[m] = self._nearest(setters, st, depth, until)
        return best

    def _nearest(self, setters: Iterable[_Setter], st: GameState, depth: int, until: int) -> int:
        best = FAR
        for s in setters:
            if self._can(s, st, until):
                if depth <= 0:
                    return 1
                near = sum(self.far(c, st, False, depth - 1, s.phase) for c in s.when)
                best = min(best, 1 + near)
        return min(best, FAR)

    def far(
        self,
        c: Condition | None,
        st: GameState,
        neg: bool = False,
        depth: int | None = None,
        until: int | None = None,
    ) -> int:
        """0 when ``c`` holds in ``st`` (with ``neg``, when it does not), more the more must
        still happen for it to by phase ``until`` (the calendar's last by default); FAR when
        nothing still to come can make it so. ``depth``: how many steps back through what
        sets a flag to look."""
        if depth is None:
            depth = self.depth
        if until is None:
            until = self.last
        if c is None:
            return FAR if neg else 0
        t = type(c)
        if t is Not:
            return self.far(c.of, st, not neg, depth, until)
        if t is AllOf or t is AnyOf:
            parts = [self.far(x, st, neg, depth, until) for x in c.of]
            return min(FAR, sum(parts)) if (t is AllOf) != neg else min(parts)
        if t is TrackWithin:
            v = st.tracks[c.track]
            lo = -FAR if c.min is None else c.min
            hi = FAR if c.max is None else c.max
            if neg:
                return 0 if v < lo or v > hi else min(v - lo + 1, hi - v + 1, FAR)
            bottom, top = self.ranges[c.track]
            if lo > top or hi < bottom:  # no value of the track lies within the bounds
                return FAR
            return lo - v if v < lo else (v - hi if v > hi else 0)
        if t is FlagSet:
            want = c.is_ != neg
            if (c.flag in st.flags) == want:
                return 0
            return self._by(self.setters.get((c.flag, want), _NONE), st, depth, until)
        if t is Chose:
            if holds(c, st):
                return FAR if neg else 0
            if neg:
                return 0
            d = c.decision
            if st.pending == d:
                return 1
            p = self.phase_of.get(d, -1)
            if d in st.done or not st.phase <= p <= until:
                return FAR
            when = self.scenario.decision(d).when
            return min(FAR, 1 + (self.far(when, st, False, depth - 1, p) if depth > 0 else 0))
        if t is PlayerIs:
            return 0 if holds(c, st) != neg else FAR
        return 0 if holds(c, st) != neg else 1  # a fact one side knows: learnt in many ways

    def to_end(self, ending_id: str, st: GameState) -> tuple[int, int]:
        """How far ``st`` is from ending in ``ending_id``: from its condition holding, then
        from the conditions of the endings checked before it not holding when the calendar
        runs out (FAR first if one of those can no longer be undone)."""
        if st.ending is not None:
            return (0 if st.ending == ending_id else FAR, 0)
        ending = self.scenario.ending(ending_id)
        near = min(
            self.far(ending.when, st),
            self._by(self.enders.get(ending_id, _NONE), st, self.depth, self.last),
        )
        masked = 0
        if ending.checked == "at_end" and not self.enders.get(ending_id):
            for e in self.scenario.endings_by_priority:
                if e.priority >= ending.priority:
                    break
                if e.plays_in(st.role):
                    masked = min(FAR, masked + self.far(e.when, st, True, 0))
        return (FAR if masked >= FAR else near, masked)

    @staticmethod
    def met(decision_id: str, st: GameState) -> bool:
        """Whether ``decision_id`` has been put to a side in ``st`` (or is now)."""
        if st.pending == decision_id:
            return True
        return decision_id in st.done and any(s.decision == decision_id for s in st.steps)

    def to_decision(self, decision_id: str, st: GameState) -> tuple[int, int]:
        """How far ``st`` is from meeting ``decision_id`` (its being put to a side)."""
        if self.met(decision_id, st):
            return (0, 0)
        p = self.phase_of.get(decision_id, -1)
        if decision_id in st.done:
            return (FAR, 0)
        if st.ending is not None or p < st.phase:
            return (FAR, 0)
        return (self.far(self.scenario.decision(decision_id).when, st, until=p), 0)


@dataclass
class Sought:
    """What one directed search found."""

    state: GameState | None
    """A state that reaches the target (None if none was found)."""
    states: int
    """How many states the search kept."""
    exhausted: bool
    """True when every state that might reach the target was walked (a proof that none
    does, when ``state`` is None)."""


def seek(
    starts: Iterable[GameState],
    reached: Callable[[GameState], bool],
    distance: Callable[[GameState], tuple[int, int]],
    children: Callable[[object, GameState], list[GameState]],
    key: Callable[[GameState], object],
    budget: int,
    stop: Callable[[], bool] = lambda: False,
) -> Sought:
    """Best first from ``starts`` until a state is ``reached``: the nearest by ``distance``
    first, then the latest in the calendar, then the one with more steps. States at distance
    FAR are left out; at most ``budget`` states are kept; ``stop()`` ends it early."""
    heap: list = []
    seen: set = set()

    def push(st: GameState) -> None:
        k = key(st)
        if k in seen:
            return
        seen.add(k)
        n = distance(st)
        if n[0] < FAR:
            heapq.heappush(heap, (n, -st.phase, -len(st.steps), len(seen), k, st))

    for st in starts:
        push(st)
    while heap:
        *_, k, st = heapq.heappop(heap)
        if reached(st):
            return Sought(st, len(seen), False)
        if len(seen) >= budget or stop():
            return Sought(None, len(seen), False)
        for child in children(k, st):
            push(child)
    return Sought(None, len(seen), True)
