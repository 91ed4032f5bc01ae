"""Options are shown in an order drawn from the game's seed and the decision, so that option 1
reveals nothing of what history chose; the order is the same on every resume and in every
front end, and saves, policies and reports keep naming options by id."""

from __future__ import annotations

import pytest
from helpers import brink

from game.engine import choose, divergence, new_game, offered, shown_position, view
from game.engine.view import shown_order


def press_one(scenario, role: str, seed: int):
    """A game in which the player always takes the first option shown."""
    state = new_game(scenario, role, seed, explain=False).state
    while state.ending is None:
        state = choose(scenario, state, view(scenario, state).options[0].id, explain=False).state
    return state


@pytest.mark.parametrize("role", ["kennedy", "khrushchev"])
@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_pressing_1_every_turn_diverges_from_history(cmc, role, seed):
    """`yes 1 | brink play --plain --role R --seed N` diverges from history by at least 15%."""
    assert divergence(press_one(cmc, role, seed)) >= 15


def test_yes_1_in_plain_mode_ends_and_diverges(tmp_path, cmc):
    """Plain mode shows the engine's order: `1` every line (also at a confirmation, where the
    number again confirms) plays a whole game, the same as the engine's first-option game."""
    args = ["play", "--plain", "--role", "kennedy", "--seed", "3", "--saves-dir", str(tmp_path)]
    r = brink(*args, stdin=b"1\n" * 300)
    assert r.returncode == 0, r.stderr
    want = press_one(cmc, "kennedy", 3)
    out = r.stdout.decode()
    assert f"Divergence from history: {divergence(want)}%" in out
    assert f"*** {cmc.ending(want.ending).title} ***" in out


def test_the_order_is_drawn_from_the_seed_and_stable(cmc):
    """The same seed gives the same order (a resumed game is a replayed state); seeds differ;
    history's option is not always first; the option ids shown are those offered."""
    first_is_history = 0
    orders = set()
    for seed in range(40):
        state = new_game(cmc, "kennedy", seed, explain=False).state
        decision = cmc.decision(state.pending)
        ids = [o.id for o in view(cmc, state).options]
        again = new_game(cmc, "kennedy", seed).state
        assert [o.id for o in view(cmc, again).options] == ids
        assert sorted(ids) == sorted(o.id for o in offered(decision, state))
        assert [o.id for o in shown_order(seed, decision, state)] == ids
        assert shown_position(cmc, state, ids[-1]) == len(ids)
        first_is_history += ids[0] == decision.history.option
        orders.add(tuple(ids))
    assert len(orders) > 3 and 0 < first_is_history < 30
