"""Whole games on the shipped scenario: seeded random playthroughs, the historical path, and
games broken off, written out as JSON, read back and finished."""

from __future__ import annotations

import random

import pytest

from game.engine import POLICIES, choose, new_game, view
from game.engine.compare import historical_ending, report
from game.engine.play import play_through
from game.engine.simulate import play_out, simulate
from game.model.state import GameState

pytestmark = pytest.mark.xdist_group("playthroughs")  # one worker plays the random games

RUNS = 1000
ROLES = ("kennedy", "khrushchev")


@pytest.fixture(scope="module", params=ROLES)
def role(request):
    return request.param


@pytest.fixture(scope="module")
def seen_by_policy(cmc, role):
    """For each opponent policy, 1,000 random games of the campaign: half with historical
    incidents, half with chaos."""
    out = {}
    for policy in POLICIES:
        half = RUNS // 2
        a = simulate(cmc, role, "random", half, seed=0, opponent=policy, events="historical")
        b = simulate(cmc, role, "random", half, seed=half, opponent=policy, events="chaos")
        out[policy] = (a, b)
    return out


@pytest.mark.parametrize("policy", POLICIES)
def test_every_random_game_ends_in_an_ending(seen_by_policy, policy):
    """No seeded random game against this policy is left without an ending."""
    for tally in seen_by_policy[policy]:
        assert tally.runs == RUNS // 2
        assert tally.stuck == 0
        assert sum(tally.endings.values()) == tally.runs


def test_random_games_together_visit_every_decision_point(cmc, seen_by_policy, role):
    """Across all policies the random games reach every decision point of the campaign's side."""
    visited = set().union(*(t.decisions for pair in seen_by_policy.values() for t in pair))
    side = cmc.role(role).side
    assert {d.id for d in cmc.decisions if d.side == side} <= visited


def test_random_games_reach_many_endings(cmc, seen_by_policy, role):
    """Random play is varied: most endings occur, and no single ending takes 90% of games."""
    endings = {}
    for pair in seen_by_policy.values():
        for t in pair:
            for e, n in t.endings.items():
                endings[e] = endings.get(e, 0) + n
    mine = [e for e in cmc.endings if e.plays_in(role)]
    assert set(endings) <= {e.id for e in mine}, "an ending of another campaign"
    assert len(endings) >= len(mine) - 3, endings
    assert max(endings.values()) < 0.9 * sum(endings.values()), endings


@pytest.mark.parametrize("role", ROLES)
def test_history_on_both_sides_ends_in_the_historical_settlement(cmc, role):
    """History's choices on both sides, with history's incidents, end where 1962 ended."""
    state = play_out(cmc, role, "historical", "historical", "historical", seed=1)
    assert state.ending == historical_ending(cmc).id
    r = report(cmc, state)
    assert r.divergence == 0
    assert all(c.matched for c in r.choices)
    assert r.peak_defcon == 2  # Strategic Air Command at DEFCON 2, as on 24 October
    assert len(r.choices) >= 12


@pytest.mark.parametrize("role", ROLES)
def test_history_path_is_the_same_for_every_seed(cmc, role):
    finals = {play_out(cmc, role, "historical", seed=s).tracks.__repr__() for s in range(20)}
    assert len(finals) == 1


def test_both_campaigns_of_history_end_in_the_same_world(cmc):
    """Played as history had it, the two campaigns are one history: same ending, same tracks,
    same flags, and the Kennedy game's opening prologue is what the Khrushchev player lived."""
    k = play_out(cmc, "kennedy", "historical", "historical", "historical", seed=1)
    s = play_out(cmc, "khrushchev", "historical", "historical", "historical", seed=1)
    assert (k.ending, k.tracks, k.flags) == (s.ending, s.tracks, s.flags)
    assert [(x.decision, x.option) for x in k.steps] == [(x.decision, x.option) for x in s.steps]
    assert {x.side for x in s.steps if x.by_player} == {"ussr"}
    assert {x.side for x in k.steps if x.by_player} == {"usa"}


def test_an_airstrike_brings_a_different_soviet_answer_than_a_blockade(cmc):
    """Moscow answers the player's choice: the Soviet decisions taken after an air strike differ
    from those after the quarantine."""

    def soviet_after(option: str) -> set[str]:
        state = new_game(cmc, "kennedy", 3).state
        while state.pending and state.ending is None:
            ids = [o.id for o in view(cmc, state).options]
            pick = option if option in ids else ids[0]
            if state.pending != "response":
                hist = cmc.decision(state.pending).history.option
                pick = hist if hist in ids else ids[0]
            state = choose(cmc, state, pick).state
        return {(s.decision, s.option) for s in state.steps if s.side == "ussr"}

    assert soviet_after("surgical_strike") != soviet_after("quarantine")


@pytest.mark.parametrize("seed", range(40))
def test_broken_off_games_finish_the_same_after_a_json_round_trip(cmc, seed):
    """Play k steps, write the state as JSON, read it back, finish: same as the unbroken game."""
    rng = random.Random(seed)
    role = ROLES[seed % 2]
    state = new_game(
        cmc, role, seed, rng.choice(POLICIES), rng.choice(["historical", "chaos"])
    ).state
    picks = []
    while state.pending and state.ending is None:
        options = view(cmc, state).options
        picks.append(rng.randrange(len(options)))
        state = choose(cmc, state, options[picks[-1]].id).state
    unbroken = state
    for k in range(len(picks) + 1):
        state = new_game(cmc, role, seed, unbroken.opponent, unbroken.events).state
        for i, p in enumerate(picks):
            if i == k:
                state = GameState.model_validate_json(state.model_dump_json())
            state = choose(cmc, state, view(cmc, state).options[p].id).state
        assert state == unbroken


@pytest.mark.parametrize("opponent", POLICIES[:3])
def test_moscow_choices_change_what_washington_does(cmc, opponent):
    """As Khrushchev, declining Anadyr means no crisis at all for the computer-played Washington,
    whatever its policy; against the historical Washington, running the quarantine line instead
    of turning back leads it to other decisions."""

    def american_after(decision: str, option: str) -> tuple:
        state = new_game(cmc, "khrushchev", 3, opponent).state
        while state.pending and state.ending is None:
            ids = [o.id for o in view(cmc, state).options]
            hist = cmc.decision(state.pending).history.option
            pick = hist if hist in ids else ids[0]
            if state.pending == decision and option in ids:
                pick = option
            state = choose(cmc, state, pick).state
        return tuple((s.decision, s.option) for s in state.steps if s.side == "usa"), state.ending

    history = american_after("", "")
    if opponent == "historical":
        assert american_after("ships_at_line", "run_line") != history
    no_missiles = american_after("anadyr", cmc.decision("anadyr").options[-1].id)
    assert no_missiles[0] == () and no_missiles != history


@pytest.mark.parametrize("role", ["kennedy", "khrushchev"])
@pytest.mark.parametrize(("opponent", "events"), [("random", "chaos"), ("hawk", "historical")])
def test_a_whole_game_at_once_is_the_game_played_choice_by_choice(cmc, role, opponent, events):
    """Simulations play a game on one working draft (``play_through``); a save replays it with
    ``choose`` one choice at a time. Both must reach the same state, dice and all, or a saved
    simulated game would not replay."""
    for seed in range(40):
        fast = play_through(cmc, role, _dice(seed), seed, opponent, events)
        picks = random.Random(seed)
        state = new_game(cmc, role, seed, opponent, events, explain=False).state
        while state.ending is None and state.pending is not None:
            option = state.offer[picks.randrange(len(state.offer))]
            state = choose(cmc, state, option, explain=False).state
        assert fast == state, f"seed {seed}: the draft played on differs from choice by choice"


def _dice(seed: int):
    """A player choosing at random from ``seed``, as the choice-by-choice game does."""
    picks = random.Random(seed)
    return lambda _decision, options: options[picks.randrange(len(options))]


@pytest.mark.parametrize("role", ["kennedy", "khrushchev"])
def test_a_game_told_and_untold_reaches_the_same_state(cmc, role):
    """A save replays its choices without telling them (``explain=False``: the debrief reads
    thousands); the player's game tells each one. The states must be the same, or a replayed
    save would not be the game that was played."""
    for seed in range(12):
        picks = random.Random(seed)
        told = new_game(cmc, role, seed, "random", "chaos").state
        untold = new_game(cmc, role, seed, "random", "chaos", explain=False).state
        while told.ending is None and told.pending is not None:
            assert told == untold, f"seed {seed}, turn {told.turn}"
            option = told.offer[picks.randrange(len(told.offer))]
            told = choose(cmc, told, option).state
            untold = choose(cmc, untold, option, explain=False).state
        assert told == untold, f"seed {seed}: the end of the game differs"
