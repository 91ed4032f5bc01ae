"""Danger does not read "calm" while there is fighting: a track's floors hold it at a lowest
value while their conditions hold, in the shipped war and in any scenario that declares them."""

from __future__ import annotations

import random

import pytest
from helpers import WAR_WITH_LANDINGS, first_seed
from pydantic import ValidationError

from game.content import load_scenario
from game.engine import choose, new_game, offered
from game.engine.check import check
from game.engine.rules import holds
from game.model.world import Track

FLOOR = {"when": {"kind": "flag", "flag": "blockade"}, "value": 4, "reason": "ships at sea"}
TRACK = {"id": "danger", "label": "Danger", "description": "d", "min": 0, "max": 10, "start": 2}


def _floors(cmc):
    [danger] = [t for t in cmc.meta.tracks if t.id == cmc.meta.danger_track]
    return danger.floors


def test_the_shipped_war_has_floors_for_bombing_landings_and_a_nuclear_shot(cmc):
    """The floors that keep the war from reading "calm" are there (a test below plays them)."""
    assert [f.value for f in _floors(cmc)] == [8, 6, 5]


def test_random_games_never_show_danger_below_a_floor_that_holds(cmc):
    """Over random games of both leaders against a random opponent with incidents rolled, no
    state a player is shown has danger below a floor whose condition holds there."""
    floors = _floors(cmc)
    danger = cmc.meta.danger_track
    seen = 0
    for role in ("kennedy", "khrushchev"):
        for seed in range(200):
            rng = random.Random(seed)
            state = new_game(cmc, role, seed, "random", "chaos", explain=False).state
            while state.ending is None and state.pending is not None:
                for f in floors:
                    if holds(f.when, state):
                        seen += 1
                        assert state.tracks[danger] >= f.value, (role, seed, f.reason)
                ids = [o.id for o in offered(cmc.decision(state.pending), state)]
                state = choose(cmc, state, rng.choice(ids), explain=False).state
    assert seen, "no random game met a floor: the test would prove nothing"


def test_a_landing_then_a_ceasefire_asked_keeps_danger_grave_with_the_reason(cmc):
    """Kennedy lands the invasion force a week after the raids, and Moscow asks for a ceasefire:
    whatever danger had fallen to, with troops fighting and no ceasefire it is raised to 6
    when Washington presses on, and the player reads why."""
    picks = WAR_WITH_LANDINGS
    _, state = first_seed(
        cmc,
        "kennedy",
        "late_war_us",
        lambda st: st.chosen.get("landings_late") == "ask_ceasefire",
        picks=picks,
        opponent="dove",
    )
    assert "invasion" in state.flags and "ceasefire" not in state.flags
    assert state.tracks["danger"] >= 6
    calm = state.model_copy(update={"tracks": {**state.tracks, "danger": 2}})
    after = choose(cmc, calm, "press_on").state
    assert after.tracks["danger"] == 6
    assert any(c.reason == "American and Soviet troops are fighting in Cuba" for c in after.log)


def test_a_floor_out_of_its_tracks_range_is_refused():
    """A floor outside the track's own range is a mistake in the content."""
    assert Track(**TRACK, floors=[FLOOR]).floors[0].value == 4
    with pytest.raises(ValidationError, match=r"floor 11 is outside 0\.\.10"):
        Track(**TRACK, floors=[{**FLOOR, "value": 11}])


def test_a_floors_unknown_flag_is_named_by_file_and_path(copy_mini, edit):
    """A floor's condition is checked like any other: a misspelt flag is named."""
    edit(
        copy_mini / "scenario.toml",
        'start = 2\nworse = "higher"',
        'start = 2\nworse = "higher"\nfloors = [{ value = 4, reason = "r", when = '
        '{ kind = "flag", flag = "blokade" } }]',
    )
    [p] = check(load_scenario(copy_mini)).problems
    assert (p.file, p.path) == ("scenario.toml", "track[0].floors[0].when.flag")
    assert "unknown flag 'blokade'" in p.message


def test_a_floor_raises_the_track_with_its_reason(copy_mini, edit):
    """In the mini scenario, a floor of 4 while the blockade holds: choosing the blockade
    (danger 2 + 1) raises danger to 4, and the change gives the floor's reason."""
    edit(
        copy_mini / "scenario.toml",
        'start = 2\nworse = "higher"',
        'start = 2\nworse = "higher"\nfloors = [{ value = 4, reason = "ships at sea", when = '
        '{ kind = "flag", flag = "blockade" } }]',
    )
    s = load_scenario(copy_mini)
    state = new_game(s, "kennedy", 0).state
    state = choose(s, state, "blockade").state
    raised = [c for c in state.log if c.reason == "ships at sea"]
    assert [(c.before, c.after) for c in raised] == [(3, 4)]
