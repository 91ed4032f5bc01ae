"""The proof, without playing, that no state of a scenario can lack both a move and an ending.

It holds when every decision offers an option whatever the facts its options test turn out
(:func:`always_answerable`) and every campaign has an ending with no condition, which the
calendar always ends in (:func:`trap_free`). When it does not hold, :mod:`.explore` walks every
reachable state instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from ..model.rules import AllOf, AnyOf, Chose, FlagSet, Knows, Not, TrackWithin
from ..model.scenario import Scenario
from .rules import holds


@dataclass
class _Facts:
    """Just enough of a state for :func:`holds`: one combination of the facts options test."""

    flags: set[str]
    tracks: dict[str, int]
    known: set[str]
    chosen: dict[str, str]
    side: str
    steps: tuple = ()


def always_answerable(scenario: Scenario, decision, limit: int = 4096) -> bool:
    """Whether some option is offered however the facts its options test turn out: every
    combination of the flags, facts, viewpoints and earlier choices they name, and of the
    ranges their track bounds cut, leaves at least one option open. Combinations that cannot
    occur are tried too, so True is a proof and False only means "not proven"."""
    if any(o.when is None for o in decision.options):
        return True
    conds = [c for o in decision.options for c in walk(o.when)]
    flags = sorted({c.flag for c in conds if isinstance(c, FlagSet)})
    facts = sorted({f"{c.side}:{c.fact}" for c in conds if isinstance(c, Knows)})
    chose = sorted({c.decision for c in conds if isinstance(c, Chose)})
    cuts: dict[str, set[int]] = {}
    for c in conds:
        if isinstance(c, TrackWithin):
            t = scenario.track(c.track)
            cut = cuts.setdefault(c.track, {t.min})
            cut.update(v for v in (c.min, None if c.max is None else c.max + 1) if v is not None)
    tracks = {k: sorted(v) for k, v in cuts.items()}
    answers = {
        d: [*(o for c in conds if isinstance(c, Chose) and c.decision == d for o in c.options), ""]
        for d in chose
    }
    axes = [(False, True)] * (len(flags) + len(facts)) + [tuple(v) for v in tracks.values()]
    axes += [tuple(answers[d]) for d in chose] + [("usa", "ussr")]
    total = 1
    for axis in axes:
        total *= len(axis)
    if total > limit:
        return False
    for combo in product(*axes):
        it = iter(combo)
        f = _Facts(
            flags={x for x in flags if next(it)},
            known={x for x in facts if next(it)},
            tracks={**{t.id: t.min for t in scenario.meta.tracks}, **{k: next(it) for k in tracks}},
            chosen={d: next(it) for d in chose},
            side="",
        )
        f.side = next(it)
        if not any(o.when is None or holds(o.when, f) for o in decision.options):
            return False
    return True


def walk(c):
    """A condition and all the conditions inside it (nothing for None)."""
    if c is None:
        return
    yield c
    if isinstance(c, AllOf | AnyOf):
        for x in c.of:
            yield from walk(x)
    elif isinstance(c, Not):
        yield from walk(c.of)


def trap_free(scenario: Scenario) -> bool:
    """Whether no state can lack both a move and an ending, whatever happens: every decision
    is :func:`always_answerable`, and some ending has no condition (so the calendar always ends
    in one). When this holds, the walk only needs to find each decision and ending once."""
    return all(
        any(e.when is None for e in scenario.endings if e.plays_in(r.id))
        for r in scenario.meta.roles
    ) and all(always_answerable(scenario, d) for d in scenario.decisions)
