"""The Khrushchev campaign in the Textual game: a whole game by keyboard on the shipped scenario,
and snapshots of its screens over the mini scenario (so that story edits do not change them).
Each snapshot's docstring says what its picture must show."""

from __future__ import annotations

import pytest
from ui_helpers import SIZE, THEMES, screen_text, start_khrushchev

from game.engine import shown_position
from game.ui.app import create_app
from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.game import GameScreen
from game.ui.screens.result import ResultScreen
from game.ui.themes import DEFAULT


@pytest.mark.slow
async def test_whole_khrushchev_game_by_keyboard(make_app, cmc):
    """From the title, keys only, option 1 every turn: the game opens in January 1959 with a
    Soviet decision, every turn is Moscow's, and the ending screen shows the ending, the Soviet
    Union's view of it when the story has one, and "who gained" with Khrushchev first."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_khrushchev(pilot)
        assert "1959" in screen_text(app)
        turns = 0
        while isinstance(app.screen, GameScreen):
            assert cmc.decision(app.game.state.pending).side == "ussr"
            await pilot.press("1")
            await pilot.pause()
            if isinstance(app.screen, ConfirmScreen):
                await pilot.press("y")
                await pilot.pause()
            assert isinstance(app.screen, ResultScreen)
            await pilot.press("enter")
            await pilot.pause()
            turns += 1
            assert turns < 80
        assert isinstance(app.screen, EndingScreen)
        assert app.game.state.role == "khrushchev" and turns >= 5
        ending = cmc.ending(app.game.state.ending)
        assert ending.plays_in("khrushchev")
        text = screen_text(app)
        assert ending.title in text
        if "ussr" in ending.seen_from:
            assert "As the Soviet Union saw it" in text
        gains = str(app.screen.query_one("#gains").render())
        assert gains.startswith("Khrushchev — ")


@pytest.mark.slow
async def test_historical_khrushchev_game_matches_history_and_ends_in_the_settlement(make_app, cmc):
    """Choosing history's option every turn (found on the screen by its label), every result
    says the choice matched history, and the game ends in the historical settlement, seen
    from Moscow."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_khrushchev(pilot)
        while isinstance(app.screen, GameScreen):
            d = cmc.decision(app.game.state.pending)
            ids = [o.id for o in app.screen.turn.options]
            await pilot.press(str(ids.index(d.history.option) + 1))
            await pilot.pause()
            if isinstance(app.screen, ConfirmScreen):
                await pilot.press("y")
                await pilot.pause()
            assert "You matched history" in screen_text(app), d.id
            await pilot.press("enter")
            await pilot.pause()
        assert app.game.state.ending == "historical_settlement"
        assert "As the Soviet Union saw it" in screen_text(app)


@pytest.fixture
def khrushchev_app(tmp_path, mini):
    def make(theme):
        return create_app(tmp_path / "saves", mini, seed=1, theme=theme)

    return make


async def _start(pilot):
    await pilot.press("down", "enter", "enter")  # the second campaign, then Start
    await pilot.pause()


@pytest.mark.parametrize("theme", THEMES)
def test_khrushchev_turn(snap_compare, khrushchev_app, theme):
    """Moscow's first turn in the mini world at 80x24, after Washington (played by the
    historical policy) has blockaded: "Wednesday 17 October 1962 — day 2 of 2" on top, the
    title "Moscow answers", "Washington has acted.", the DEFCON gauge "■ ■ ■ □ □  DEFCON 3",
    the tracks, and the tension log with Washington's moves and their reasons ("-2 DEFCON
    (5→3): forces on alert", "+1 Danger (2→3): ships face each other"); the options box,
    "Options 1–2" on its frame, with "1. Hold firm" and "2. Withdraw" (the order seed 1 draws; no "Fire": the danger
    is below 6), option 1 marked ▶; the footer inside 80 columns."""
    assert snap_compare(khrushchev_app(theme), run_before=_start, terminal_size=SIZE)


async def _withdrew(pilot):
    await _start(pilot)
    app = pilot.app
    await pilot.press(str(shown_position(app.scenario, app.game.state, "withdraw")))
    await pilot.pause()


@pytest.mark.parametrize("theme", THEMES)
def test_khrushchev_result(snap_compare, khrushchev_app, theme):
    """After choosing Withdraw at 80x24: "You chose: Withdraw.", "The missiles go home.", the
    change "-2 Danger (… → …, better): withdrawal" written in words, and the framed record
    folded to one line ("▸ You matched history — 28 October 1962, ...")."""
    assert snap_compare(khrushchev_app(theme), run_before=_withdrew, terminal_size=SIZE)


async def _ending(pilot):
    await _withdrew(pilot)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("home")
    await pilot.pause()


def test_khrushchev_ending_wide(snap_compare, khrushchev_app):
    """The top of the ending at 120x40 as Khrushchev: the headline "A deal", "They withdrew.",
    the heading "As the Soviet Union saw it" with "Moscow calls it a victory for peace.", then
    "What historians think" / "As it happened.", "Who gained" with each row beside its reason
    ("Kennedy — War avoided: +2 here, +2 in history", "peace" under it) and the danger chart
    over the campaign's own turns."""
    assert snap_compare(khrushchev_app(DEFAULT), run_before=_ending, terminal_size=(120, 40))
