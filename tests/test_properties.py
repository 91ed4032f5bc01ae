"""Property tests on the mini scenario: any seed, policy, event mode and sequence of option
indexes plays to an ending without errors other than IllegalMove, and replays exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import IllegalMove, choose, new_game, offered
from game.engine.rules import Draft
from game.engine.simulate import play_out
from game.model import ROLE_SIDE

GAMES = dict(
    role=st.sampled_from(["kennedy", "khrushchev"]),
    seed=st.integers(min_value=-(2**63), max_value=2**63),
    opponent=st.sampled_from(["historical", "hawk", "dove", "random"]),
    events=st.sampled_from(["historical", "chaos"]),
    picks=st.lists(st.integers(min_value=0, max_value=10), min_size=0, max_size=6),
)
MAX_MOVES = 20


def play_indexes(mini, role, seed, opponent, events, picks):
    """Play by option index into each decision's full list of options; an index that points
    at an option not offered now must be refused with IllegalMove (and change nothing), after
    which an offered option is taken. Returns the final state and the ids chosen."""
    state = new_game(mini, role, seed, opponent, events).state
    chosen: list[str] = []
    for move in range(MAX_MOVES):
        if state.ending is not None:
            return state, chosen
        assert state.pending is not None, "no move and no ending"
        decision = mini.decision(state.pending)
        legal = offered(decision, Draft.of(state, ROLE_SIDE[role]))
        assert legal, f"{decision.id} offers nothing"
        index = picks[move % len(picks)] if picks else 0
        option = decision.options[index % len(decision.options)]
        if option not in legal:
            before = state
            with pytest.raises(IllegalMove):
                choose(mini, state, option.id)
            assert state == before
            option = legal[index % len(legal)]
        state = choose(mini, state, option.id).state
        chosen.append(option.id)
    raise AssertionError(f"no ending after {MAX_MOVES} moves")


def replay(mini, role, seed, opponent, events, chosen, explain=True):
    state = new_game(mini, role, seed, opponent, events, explain=explain).state
    for option in chosen:
        state = choose(mini, state, option, explain=explain).state
    return state


@settings(max_examples=300, deadline=None)
@given(**GAMES)
def test_any_game_ends_and_replays(mini, role, seed, opponent, events, picks):
    """Every game ends with a declared ending, and its seed and choices replay it exactly."""
    final, chosen = play_indexes(mini, role, seed, opponent, events, picks)
    assert final.ending in {e.id for e in mini.endings}
    assert final.pending is None
    assert len(chosen) == sum(s.by_player for s in final.steps)
    with pytest.raises(IllegalMove):
        choose(mini, final, chosen[-1] if chosen else "blockade")
    assert replay(mini, role, seed, opponent, events, chosen) == final
    # without the happenings (simulations, the checker) the game is the same game
    assert replay(mini, role, seed, opponent, events, chosen, explain=False) == final
    for p in final.trail:
        assert 0 <= p.danger <= 10 and 1 <= p.defcon <= 5
    for c in final.log:
        track = mini.track(c.track)
        assert track.min <= c.after <= track.max and c.before != c.after and c.reason


@settings(max_examples=100, deadline=None)
@given(option=st.text(max_size=20), role=st.sampled_from(["kennedy", "khrushchev"]))
def test_arbitrary_option_text_is_illegal_or_offered(mini, option, role):
    """Any string as an option id is either an offered option or an IllegalMove, never a crash."""
    state = new_game(mini, role).state
    legal = {o.id for o in offered(mini.decision(state.pending), Draft.of(state, ROLE_SIDE[role]))}
    if option in legal:
        assert choose(mini, state, option).state.steps[-1].option == option
    else:
        with pytest.raises(IllegalMove):
            choose(mini, state, option)


@pytest.mark.parametrize("role", ["kennedy", "khrushchev"])
def test_simulated_games_are_the_games_a_player_gets(cmc, role):
    """A simulated game (no happenings made) ends in the very state the same choices give a
    player, whose every step is told; and nothing is told when nothing is asked for."""
    for seed in range(40):
        final = play_out(cmc, role, "random", "random", "chaos", seed)
        state = new_game(cmc, role, seed, "random", "chaos").state
        for step in final.steps:
            if step.by_player:
                outcome = choose(cmc, state, step.option)
                assert outcome.happenings[0].option.id == step.option  # told, in order
                assert choose(cmc, state, step.option, explain=False).happenings == ()
                state = outcome.state
        assert state == final
