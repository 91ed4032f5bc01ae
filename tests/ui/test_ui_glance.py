"""Play at a glance in the Textual game: the status line on every turn and result at 80x24,
the result in story order with the historical record folded to its verdict until h opens it."""

from __future__ import annotations

from game.ui.app import create_app
from game.ui.screens.game import GameScreen
from game.ui.screens.result import ResultScreen

SIZE = (80, 24)


def on_screen(app) -> str:
    """The top lines (date and status), which must be drawn whole at the top of the screen and
    never scroll away."""
    where = app.screen.query_one("#where")
    assert where.region.y == 0 and where.region.height == 2
    assert app.screen.region.contains_region(where.region)
    return str(where.render())


async def test_first_turn_and_its_result_show_the_status_without_scrolling(tmp_path, cmc):
    """Kennedy's first turn at 80x24 shows the date with the crisis day, the danger as "2/10"
    with its word, US forces' and SAC's DEFCON written out; so does the result, whose record is
    one line ("You matched history — 16 October 1962, President Kennedy") until h opens it with
    its sources, and never says "You chose X; history chose X"."""
    app = create_app(tmp_path, cmc, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")  # the first campaign, then Start
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)
        seen = on_screen(app)
        for words in ("day 1 of 13", "Danger 2/10, calm", "US forces DEFCON 5", "SAC DEFCON 5"):
            assert words in seen, words
        ids = [o.id for o in app.screen.turn.options]
        await pilot.press(str(ids.index("secret_committee") + 1))  # what history did
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        seen = on_screen(app)
        assert "What followed — Tuesday 16 October 1962 — day 1 of 13" in seen
        assert "US forces DEFCON 5 · SAC DEFCON 5" in seen
        record = str(app.screen.query_one("#record").render())
        assert "You matched history — 16 October 1962, President Kennedy" in record
        assert "Sources:" not in record and "history chose" not in record
        await pilot.press("h")
        await pilot.pause()
        record = str(app.screen.query_one("#record").render())
        assert "Sources: Sheldon M. Stern" in record and "You chose" not in record
        assert "1962-10-16" not in record


async def test_page_down_scrolls_the_turn_and_never_moves_the_option_cursor(tmp_path, cmc):
    """As the help says, PgDn and PgUp scroll the turn; the highlighted option stays where it
    was, so PgDn then Enter advises the option the player had picked, not another."""
    app = create_app(tmp_path, cmc, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        options = app.screen.query_one("#options")
        body = app.screen.query_one("#body")
        assert options.has_focus and options.highlighted == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert options.highlighted == 0 and body.scroll_y > 0
        await pilot.press("pageup")
        await pilot.pause()
        assert options.highlighted == 0 and body.scroll_y == 0
