"""Play at a glance in the Textual game: the status line on every turn and result at 80x24,
the result in story order with the historical record folded to its verdict until h opens it."""

from __future__ import annotations

from ui_helpers import SIZE

from game.ui.app import create_app
from game.ui.screens.game import GameScreen
from game.ui.screens.result import ResultScreen


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


async def test_palette_offers_save_only_in_a_game_and_brinks_three_themes(tmp_path, cmc):
    """No "Save game" on the title (no game in progress); in a game it is there. Textual's
    "Theme" command (every built-in theme) is left out: the palette's themes are Brink's."""
    from game.ui.commands import BrinkCommands
    from game.ui.themes import LABELS

    app = create_app(tmp_path, cmc, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        names = [name for name, *_ in BrinkCommands(app.screen)._commands()]
        assert "Save game" not in names
        assert [n for n in names if n.startswith("Theme")] == [
            f"Theme: {label}" for label in LABELS.values()
        ]
        assert "Theme" not in [c.title for c in app.get_system_commands(app.screen)]
        await pilot.press("enter", "enter")
        await pilot.pause()
        names = [name for name, *_ in BrinkCommands(app.screen)._commands()]
        assert "Save game" in names


async def test_the_theme_chosen_is_remembered_at_the_next_start(tmp_path, cmc):
    from game.ui.themes import DEFAULT, LIGHT

    assert create_app(tmp_path, cmc).theme == DEFAULT
    app = create_app(tmp_path, cmc)
    async with app.run_test(size=SIZE):
        app.action_set_theme(LIGHT)
    assert create_app(tmp_path, cmc).theme == LIGHT
    (tmp_path / "config" / "theme").write_text("dracula\n")
    assert create_app(tmp_path, cmc).theme == DEFAULT  # only Brink's own themes
    (tmp_path / "config" / "theme").write_bytes(b"\xff\x00" * 500)
    assert create_app(tmp_path, cmc).theme == DEFAULT


async def test_continuing_clears_the_titles_toast_and_none_yet_never_holds_the_cursor(
    tmp_path, cmc
):
    """Esc from a turn says "Game saved. Continue it from the title screen."; once the game is
    continued that toast is gone. When there is no game left to continue, the cursor that was
    on "Continue the last game" moves to an option that can be chosen."""
    from game.ui.screens.title import TitleScreen

    app = create_app(tmp_path, cmc, seed=1)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen) and len(app.screen.query("Toast")) == 1
        menu = app.screen.query_one("#menu")
        menu.highlighted = next(
            i for i in range(menu.option_count) if menu.get_option_at_index(i).id == "continue"
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen) and len(app.screen.query("Toast")) == 0
        await pilot.press("escape")
        await pilot.pause()
        app.game = None  # as after the game ended: nothing to continue
        app.screen.refresh_menu()
        assert not menu.get_option_at_index(menu.highlighted).disabled


async def test_below_the_minimum_size_the_minimum_is_said_plainly(tmp_path, cmc):
    """At 60x20 a plain message with the minimum and this terminal's size covers the screen and
    takes the keys; at 80x24 the screen beneath comes back as it was."""
    from textual.widgets import Static

    from game.ui.screens.title import TitleScreen
    from game.ui.screens.too_small import TooSmallScreen

    app = create_app(tmp_path, cmc, seed=1)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        text = str(app.screen.query_one("#too-small", Static).render())
        assert "at least 80 columns and 24 lines; this one is 60×20" in text
        await pilot.press("enter")  # not the menu's: nothing starts
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)


async def test_new_game_form_fits_80x24_start_last_and_play_again_keeps_the_names(tmp_path, mini):
    """The form at 80x24 shows the settings, then the name and class fields, then "Start the
    game", all without scrolling; playing again from the ending fills in the same name and
    class."""
    from textual.widgets import Input

    from game.ui.screens.ending import EndingScreen
    from game.ui.screens.new_game import NewGameScreen

    app = create_app(tmp_path, mini, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NewGameScreen)
        order = [form.query_one(f"#{w}").region for w in ("events", "player", "class", "start")]
        assert all(form.region.contains_region(r) for r in order)
        assert order[0].bottom <= order[1].y and order[1].bottom <= order[3].y
        form.query_one("#player", Input).value = "Ana"
        form.query_one("#class", Input).value = "7B"
        await pilot.press("enter")  # Start has the focus
        await pilot.pause()
        while not isinstance(app.screen, EndingScreen):
            await pilot.press("1", "y", "enter")
            await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewGameScreen)
        assert app.screen.query_one("#player", Input).value == "Ana"
        assert app.screen.query_one("#class", Input).value == "7B"


async def test_options_box_shows_every_option_of_arms_for_cuba_at_120x40(tmp_path, cmc):
    """Khrushchev's "Arms for Cuba" at 120x40: both options whole in the box, no scroll bar."""
    from game import engine
    from game.saves import Game

    state = engine.new_game(cmc, "khrushchev", 1).state
    while cmc.decision(state.pending).title != "Arms for Cuba":
        d = cmc.decision(state.pending)
        state = engine.choose(cmc, state, d.history.option).state
    app = create_app(tmp_path, cmc, game=Game(cmc, state))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#options")
        assert options.option_count == 2
        assert options.max_scroll_y == 0
        assert options.region.height == options.virtual_size.height + 2  # the frame


async def test_the_endings_keys_lead_to_the_other_leaders_form_and_to_the_title(tmp_path, mini):
    """On the ending, o opens the new-game form for the other leader over the title, and Esc
    goes back to the title: the screen posts the game's flow, the app moves the screens."""
    from game import engine
    from game.saves import Game
    from game.ui.screens.ending import EndingScreen
    from game.ui.screens.new_game import NewGameScreen
    from game.ui.screens.title import TitleScreen

    state = engine.new_game(mini, "kennedy", 1).state
    while state.ending is None:
        state = engine.choose(mini, state, mini.decision(state.pending).history.option).state
    for key, role in (("o", "khrushchev"), ("escape", None)):
        app = create_app(tmp_path, mini, game=Game(mini, state))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, EndingScreen)
            await pilot.press(key)
            await pilot.pause()
            if role is None:
                assert isinstance(app.screen, TitleScreen)
            else:
                assert isinstance(app.screen, NewGameScreen) and app.screen.role == role
                assert isinstance(app.screen_stack[-2], TitleScreen)
