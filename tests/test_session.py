"""The play session (game.saves.Game and start): the one place a game starts, a turn is seen, an
option is picked by its number and taken. Plain mode and the Textual app both go through it."""

from __future__ import annotations

import importlib
import io

import pytest

from game import engine
from game.plain import Plain
from game.saves import Refused, start


def test_start_refuses_a_campaign_not_written_and_names_a_save_cannot_hold(mini):
    unwritten = mini.model_copy(deep=True)
    unwritten.meta.roles[1].__dict__["available"] = False  # the khrushchev campaign
    with pytest.raises(Refused) as caught:
        start(unwritten, "khrushchev", 1)
    assert caught.value.about == "role"
    assert str(caught.value) == "the khrushchev campaign is not written yet (ready: kennedy)"
    with pytest.raises(Refused) as caught:
        start(mini, "kennedy", 1, player="x" * 500)
    assert caught.value.about == "names" and "player" in str(caught.value)
    with pytest.raises(Refused):
        start(mini, "kennedy", 1, class_code="10\x1bB")


def test_start_gives_a_seeded_game_and_a_random_seed_otherwise(mini):
    game, _ = start(mini, "kennedy", 7, "hawk", "chaos", "Ann", "10B")
    assert (game.state.seed, game.state.opponent, game.state.events) == (7, "hawk", "chaos")
    assert (game.player, game.class_code, game.choices) == ("Ann", "10B", [])
    assert game.state == engine.new_game(mini, "kennedy", 7, "hawk", "chaos").state
    seeds = {start(mini, "kennedy")[0].state.seed for _ in range(5)}
    assert len(seeds) > 1


def test_pick_by_number_and_what_needs_confirming(mini):
    game, _ = start(mini, "kennedy", 1)
    shown = [o.id for o in game.turn.options]
    assert sorted(shown) == ["blockade", "strike", "talk"]
    for n, option_id in enumerate(shown, 1):
        pick = game.pick(n)
        assert pick.option.id == option_id
        assert pick.confirm == (option_id == "strike")  # irreversible, danger +5
    assert game.pick(0).option is None and game.pick(4).option is None
    game.choose("blockade")
    assert game.state.ending is not None
    assert game.pick(1).option is None  # nothing to pick once the game is over


def counting(monkeypatch, module, name: str) -> list:
    """Count the calls of ``module.name`` (its first argument's id, when it has one)."""
    real = getattr(module, name)
    calls: list = []

    def counted(*args, **kw):
        calls.append(getattr(args[0], "id", None))
        return real(*args, **kw)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_plain_mode_builds_each_turn_once_and_works_out_its_options_once(
    cmc, monkeypatch, tmp_path
):
    """A whole game in plain mode, with the keys that show the turn again (a, t, h, a bad
    number): the view of each turn is built once, and the options offered at each of the
    player's decisions are worked out once, by the engine as it reaches the decision."""
    keys = []
    probe, _ = start(cmc, "kennedy", 3)
    mine = []  # the player's decisions, in order
    while probe.state.ending is None:
        mine.append(probe.state.pending)
        pick = next(n for n in range(1, 10) if not probe.pick(n).confirm)
        probe.choose(probe.pick(pick).option.id)
        keys += ["a", "t", "h", "99", str(pick)]
    views = counting(monkeypatch, engine, "view")
    offers = counting(monkeypatch, importlib.import_module("game.engine.plan").Arising, "offered")
    offers_again = counting(monkeypatch, importlib.import_module("game.engine.view"), "offered")
    game, _ = start(cmc, "kennedy", 3)
    out = io.StringIO()
    keys_in = io.BytesIO("\n".join(keys).encode() + b"\n")
    Plain(game, keys_in, out, lambda g: None, folder=tmp_path).run()  # endings found: tmp_path
    assert game.state == probe.state
    assert len(views) == len(mine)
    assert [d for d in offers if d in mine] == mine  # once per decision, as it is reached
    assert offers_again == []  # not again for the view, nor when the option is taken
