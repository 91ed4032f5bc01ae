"""The words a scenario brings for its players: who chose what in the timeline, whose gains come
first, and which campaigns an ending belongs to, all from the scenario's files."""

from __future__ import annotations

from game.content import load_scenario
from game.engine import new_game
from game.engine.compare import gains, report, timeline
from game.engine.references import check_references
from game.saves import start


def test_the_timeline_names_the_player_and_the_other_side_by_the_scenarios_words(copy_mini, edit):
    edit(copy_mini / "scenario.toml", 'seat = "Moscow"', 'seat = "Kremlin"')
    edit(copy_mini / "scenario.toml", "[[role]]", '[words]\nplayer = "Vous"\n\n[[role]]')
    s = load_scenario(copy_mini)
    game, _ = start(s, "kennedy", 1)
    game.choose("talk")  # the game goes on to Moscow's answer on day 2
    lines = [line for row in timeline(s, game.state) for line in row.game]
    assert lines[0] == "Vous: Talk"
    assert any(line.startswith("Kremlin: ") for line in lines[1:]), lines


def test_without_words_or_a_seat_the_timeline_says_you_and_the_sides_name(copy_mini, edit):
    edit(copy_mini / "scenario.toml", 'seat = "Washington"\n', "")
    s = load_scenario(copy_mini)
    game, _ = start(s, "khrushchev", 1)
    while game.state.ending is None:
        game.choose(game.pick(1).option.id)
    lines = [line for row in timeline(s, game.state) for line in row.game]
    assert any(line.startswith("You: ") for line in lines)
    assert any(line.startswith("United States: ") for line in lines), lines


def test_gains_put_the_players_leader_first_then_the_sides_then_anyone_else(copy_mini, edit):
    edit(
        copy_mini / "endings.toml",
        'gain = [{ leader = "kennedy", dimension = "war_avoided", score = 2, note = "peace" }]',
        'gain = [{ leader = "lemay", dimension = "war_avoided", score = -1, note = "overruled" },'
        ' { leader = "khrushchev", dimension = "war_avoided", score = 1, note = "a deal" },'
        ' { leader = "kennedy", dimension = "war_avoided", score = 2, note = "peace" }]',
    )
    s = load_scenario(copy_mini)
    state = new_game(s, "khrushchev", 1).state
    deal = state.model_copy(update={"ending": "deal"})
    assert [g.leader for g in gains(s, deal)] == ["kennedy", "khrushchev", "lemay"]
    assert [g.leader for g in gains(s, deal, first="khrushchev")] == [
        "khrushchev",
        "kennedy",
        "lemay",
    ]
    assert report(s, state).gains[0].leader == "khrushchev"  # the player's leader


def test_an_ending_names_only_known_campaigns_and_people(copy_mini, edit):
    edit(
        copy_mini / "endings.toml",
        'leader = "kennedy", dimension = "war_avoided", score = -2',
        'leader = "nobody", dimension = "war_avoided", score = -2',
    )
    edit(copy_mini / "endings.toml", 'id = "deal"', 'id = "deal"\nroles = ["castro"]')
    text = "\n".join(str(p) for p in check_references(load_scenario(copy_mini)))
    assert "ending[0].gain[0].leader" in text and "unknown person 'nobody'" in text
    assert "ending[1].roles[0]" in text and "unknown campaign 'castro'" in text
