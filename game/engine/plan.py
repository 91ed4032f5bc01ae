"""What the engine meets in each phase, with its conditions compiled (:mod:`.compiled`):
worked out once per scenario, so that the steps of a game read ready tuples."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ..model.scenario import Decision, Event, Option, Scenario
from .compiled import Effects, Floors, Test, compiled, compiled_effects, compiled_floors
from .texts import label_of


class Arising(NamedTuple):
    """A decision as the scan of its phase meets it (:func:`.advance._advance`)."""

    id: str
    after: tuple[str, ...]
    """The decisions to be settled before it arises (empty: none)."""
    when: Test | None
    decision: Decision
    options: tuple[Option, ...]
    tests: tuple[Test | None, ...] | None
    """Each option's compiled ``when``; None when every option is always offered."""
    ids: tuple[str, ...]
    """The options' ids."""

    def offered(self, d) -> tuple[Option, ...]:
        """The options whose conditions hold on ``d`` (as :func:`.advance.offered`)."""
        if self.tests is None:
            return self.options
        return tuple(
            [o for o, t in zip(self.options, self.tests, strict=True) if t is None or t(d)]
        )


class Stage(NamedTuple):
    """One phase of the calendar as the engine plays it."""

    skip: Test | None
    """The phase's compiled ``skip_when``."""
    settled: tuple[str, ...]
    """Its incidents and decisions, all settled at once when it is skipped (empty when it
    never is)."""
    events: tuple[tuple[Event, Test | None, Effects | None], ...]
    """Its incidents, each with its compiled ``when`` and its effects sorted by kind (see
    :func:`.compiled.compiled_effects`)."""
    decisions: tuple[Arising, ...]


class Taking(NamedTuple):
    """An option as the engine takes it (:func:`.advance._take`)."""

    secret: bool
    """Whether the other side does not see it taken: an option of a secret decision that
    the other side is not bound to learn."""
    matched: bool | None
    """Whether it is history's choice; None where history never faced the decision."""
    label: Callable[[object], str] | None
    """Its label for a state (see :func:`.texts.label_of`); None: always its plain label."""
    effects: Effects | None
    """Its effects sorted by kind (see :func:`.compiled.compiled_effects`)."""


class Plan(NamedTuple):
    """A scenario as the engine plays it."""

    stages: tuple[Stage, ...]
    """Each phase, by position in the calendar."""
    endings: dict[tuple[str, bool], tuple[tuple[str, Test | None], ...]]
    """By campaign and whether the calendar is over: the endings that may then end a game,
    by priority, each with its compiled ``when``."""
    taking: dict[int, Taking]
    """The options taken so far in any game, by their ``id()`` (see :func:`taking`)."""
    phase_ids: tuple[str, ...]
    """Each phase's id, by position in the calendar."""
    floors: Floors
    """The tracks' floors, compiled: applied after every list of effects."""
    danger: str
    """The danger track's id."""
    defcon: tuple[str, ...]
    """The DEFCON tracks' ids."""


def plan(scenario: Scenario) -> Plan:
    """The scenario's plan, made on first use and kept with its index."""
    memo = scenario.index.memo
    if "plan" not in memo:
        memo["plan"] = _made(scenario)
    return memo["plan"]


def _arising(d: Decision, seen: dict) -> Arising:
    tests = tuple(compiled(o.when, seen) for o in d.options)
    return Arising(
        d.id,
        d.after,
        compiled(d.when, seen),
        d,
        d.options,
        None if all(t is None for t in tests) else tests,
        tuple(o.id for o in d.options),
    )


def _made(scenario: Scenario) -> Plan:
    seen: dict = {}  # equal conditions share one function
    stages = []
    for i, phase in enumerate(scenario.meta.phases):
        events, decisions = scenario.events_in(i), scenario.decisions_in(i)
        skip = compiled(phase.skip_when, seen)
        stages.append(
            Stage(
                skip,
                () if skip is None else tuple(x.id for x in (*events, *decisions)),
                tuple(
                    (e, compiled(e.when, seen), compiled_effects(e.effects, scenario))
                    for e in events
                ),
                tuple(_arising(d, seen) for d in decisions),
            )
        )
    ix = scenario.index
    endings = {}
    for role in ix.role:
        for at_end in (False, True):
            ranked = ix.endings_sorted if at_end else ix.endings_always
            endings[(role, at_end)] = tuple(
                (e.id, compiled(e.when, seen)) for e in ranked if e.plays_in(role)
            )
    phase_ids = tuple(p.id for p in scenario.meta.phases)
    meta = scenario.meta
    return Plan(
        tuple(stages),
        endings,
        {},
        phase_ids,
        compiled_floors(scenario, seen),
        meta.danger_track,
        tuple(meta.defcon_tracks),
    )


def taking(plan: Plan, scenario: Scenario, decision: Decision, option: Option) -> Taking:
    """How ``option`` of ``decision`` is taken, worked out the first time it is (a game in
    the terminal takes few of the options, and keeps what is worked out)."""
    got = plan.taking.get(id(option))
    if got is None:
        got = plan.taking[id(option)] = Taking(
            decision.secret and option.seen_by_other is None,
            None if decision.history.option is None else option.id == decision.history.option,
            label_of(option),
            compiled_effects(option.effects, scenario),
        )
    return got
