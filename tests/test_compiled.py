"""The engine's compiled conditions, sorted effects and label choosers (game/engine/compiled.py,
plan.py) give what the rules themselves give: every condition, effect list and option label of
the shipped and the mini scenario, on random states."""

from __future__ import annotations

import random

import pytest
from pydantic import BaseModel

from game.engine import new_game
from game.engine.compiled import applied, compiled, compiled_effects, compiled_floors
from game.engine.rules import Draft, apply, holds
from game.engine.texts import label_of, words
from game.model.rules import (
    AllOf,
    AnyOf,
    ChangeTrack,
    Chose,
    FlagSet,
    Knows,
    Not,
    PlayerIs,
    SetFlag,
    TrackWithin,
)
from game.model.state import Step

CONDITIONS = (AllOf, AnyOf, Chose, FlagSet, Knows, Not, PlayerIs, TrackWithin)
STATES = 25


def every_condition(model, out: dict) -> dict:
    """Every condition anywhere in a model's tree (nested ones too), once each by identity."""
    if isinstance(model, CONDITIONS):
        out[id(model)] = model
    if isinstance(model, BaseModel):
        for name in type(model).model_fields:
            every_condition(getattr(model, name), out)
    elif isinstance(model, tuple):
        for x in model:
            every_condition(x, out)
    return out


def random_drafts(scenario, n: int, seed: int = 0) -> list[Draft]:
    """Drafts with random flags, facts, tracks, player's side and choices made so far."""
    rng = random.Random(seed)
    flags = [f.id for f in scenario.meta.flags] + [e.id for e in scenario.events]
    facts = [f"{side}:{f}" for side in ("usa", "ussr") for f in flags]
    base = new_game(scenario, "kennedy", explain=False).state
    drafts = []
    for _ in range(n):
        d = Draft.of(base, rng.choice(["usa", "ussr"]), explain=False)
        d.flags = {f for f in flags if rng.random() < 0.5}
        d.known = {f for f in facts if rng.random() < 0.3}
        d.tracks = {t.id: rng.randint(t.min, t.max) for t in scenario.meta.tracks}
        d.steps = [
            Step(i, "p", x.id, rng.choice(x.options).id, x.side, True, None)
            for i, x in enumerate(scenario.decisions)
            if rng.random() < 0.5
        ]
        drafts.append(d)
    return drafts


@pytest.fixture(params=["mini", "cmc"])
def scenario(request):
    return request.getfixturevalue(request.param)


def test_a_compiled_condition_holds_where_the_condition_holds(scenario):
    conditions = list(every_condition(scenario, {}).values())
    assert len(conditions) > 5
    seen: dict = {}
    drafts = random_drafts(scenario, STATES)
    answers = {True: 0, False: 0}
    for cond in conditions:
        tests = (compiled(cond), compiled(cond, seen))  # alone, and sharing equal ones
        for d in drafts:
            want = holds(cond, d)
            answers[want] += 1
            for test in tests:
                d.chosen = None
                assert test(d) is want, (cond, sorted(d.flags))
    assert answers[True] > 50 and answers[False] > 50  # the states tell conditions apart


def test_a_compiled_condition_reads_a_finished_state_too(scenario):
    tests = [(cond, compiled(cond)) for cond in every_condition(scenario, {}).values()]
    for d in random_drafts(scenario, 5):
        state = d.freeze()
        for cond, test in tests:
            assert test(state) is holds(cond, state)


def test_each_kind_of_condition_is_compiled_alike(mini):
    """The tricky shapes, one by one: an ``all`` of flags set and unset with other parts, an
    ``any``, a ``not``, bounds on either side, a choice never made."""

    def cond(**kw):
        return AllOf.model_validate({"kind": "all", "of": [kw]}).of[0]

    flag = {"kind": "flag", "flag": "a"}
    no_flag = {"kind": "flag", "flag": "b", "is": False}
    low = {"kind": "track", "track": "danger", "max": 3}
    shapes = [
        cond(kind="all", of=[flag, no_flag]),
        cond(kind="all", of=[flag, no_flag, low]),
        cond(kind="all", of=[no_flag]),
        cond(kind="all", of=[low, {"kind": "track", "track": "danger", "min": 2}]),
        cond(kind="any", of=[flag, low]),
        cond(kind="not", of=flag),
        cond(kind="track", track="danger", min=2, max=4),
        cond(kind="chose", decision="nowhere", options=["x"]),
        cond(kind="knows", side="ussr", fact="a"),
        cond(kind="player", side="usa"),
    ]
    d = Draft.of(new_game(mini, "kennedy", explain=False).state, "usa", explain=False)
    for flags in (set(), {"a"}, {"b"}, {"a", "b"}):
        for danger in range(0, 7):
            for known in (set(), {"ussr:a"}):
                d.flags, d.known, d.tracks["danger"] = set(flags), known, danger
                for c in shapes:
                    assert compiled(c)(d) is holds(c, d), (c, flags, danger)


def test_sorted_effects_apply_as_the_rules_apply_them(scenario):
    lists = [o.effects for x in scenario.decisions for o in x.options]
    lists += [e.effects for e in scenario.events]
    states = [d.freeze() for d in random_drafts(scenario, 4)]
    sorted_ = 0
    for k, effects in enumerate(lists):
        fx = compiled_effects(effects, scenario)
        if fx is None:
            continue
        sorted_ += 1
        for state in states:
            hide = (None, "hidden")[k % 2]
            a, b = (Draft.of(state, state.side, explain=False) for _ in "ab")
            want = apply(effects, scenario, a, hide)
            got = applied(fx, compiled_floors(scenario), b, hide)
            assert got == want
            assert (b.tracks, b.flags, b.known, b.ending, b.log) == (
                a.tracks,
                a.flags,
                a.known,
                a.ending,
                a.log,
            )
    assert sorted_ > len(lists) // 2


def test_effects_whose_order_matters_are_left_to_the_rules(mini):
    def effects(*tables):
        return tuple(
            (ChangeTrack if t["kind"] == "track" else SetFlag).model_validate(t) for t in tables
        )

    twice = effects({"kind": "flag", "flag": "a"}, {"kind": "flag", "flag": "a", "value": False})
    assert compiled_effects(twice, mini) is None
    when = effects(
        {
            "kind": "track",
            "track": "danger",
            "by": 1,
            "reason": "r",
            "when": {"kind": "flag", "flag": "a"},
        }
    )
    assert compiled_effects(when, mini) is None


def test_a_compiled_label_is_the_label_shown(scenario):
    options = [o for x in scenario.decisions for o in x.options]
    varied = [o for o in options if o.variants]
    for d in random_drafts(scenario, STATES):
        for o in varied:
            d.chosen = None
            assert label_of(o)(d) == words(o, ("label",), d)["label"]
    assert all(label_of(o) is None for o in options if not o.variants)
