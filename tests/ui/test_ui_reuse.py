"""The turn and result screens are built once and filled again in place for every turn: what
they show must be what a screen built afresh would show; at the ending they are let go."""

from __future__ import annotations

import gc
import weakref

import pytest
from textual.widgets import Static
from ui_helpers import SIZE, picture, settled

from game import engine
from game.saves import Game
from game.ui.app import create_app
from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.dossier import DossierScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.game import GameScreen
from game.ui.screens.result import ResultScreen
from game.ui.widgets.tracks import tracks_text


@pytest.mark.slow
async def test_every_turn_and_result_looks_as_if_built_afresh(tmp_path, cmc):
    """Four turns of one game in one app (its screens reused, scrolled to the end of each result
    first) against the same turns in an app that builds each screen new."""
    app = create_app(tmp_path / "a", cmc, seed=3)
    turns, results, screens = [], [], set()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")
        for _ in range(4):
            await settled(pilot)
            turns.append((app.game.state, picture(app)))
            screens.add(id(app.screen))
            await pilot.press(str(len(app.screen.turn.options)))  # the last option: varied
            await pilot.pause()
            if isinstance(app.screen, ConfirmScreen):
                await pilot.press("y")
            await settled(pilot)
            assert isinstance(app.screen, ResultScreen)
            results.append(picture(app))
            screens.add(id(app.screen))
            await pilot.press("end", "enter")
    assert len(screens) == 2  # one turn screen, one result screen
    for (state, turn), result in zip(turns, results, strict=True):
        fresh = create_app(tmp_path / "b", cmc, game=Game(cmc, state))
        async with fresh.run_test(size=SIZE) as pilot:
            await settled(pilot)
            assert isinstance(fresh.screen, GameScreen)
            assert picture(fresh) == turn
            await pilot.press(str(len(fresh.screen.turn.options)))
            await pilot.pause()
            if isinstance(fresh.screen, ConfirmScreen):
                await pilot.press("y")
            await settled(pilot)
            assert picture(fresh) == result


async def test_the_game_screens_are_let_go_at_the_ending(tmp_path, cmc):
    """Once the ending is on screen, the turn, result and dossier screens of the game are freed
    (they are most of a game's memory); the dossier and a new game then build their own."""
    app = create_app(tmp_path / "s", cmc, seed=1)
    seen: list[weakref.ref] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter", "d")
        seen.append(weakref.ref(app.screen))
        await pilot.press("escape")
        while isinstance(app.screen, GameScreen):
            seen.append(weakref.ref(app.screen))
            await pilot.press("1")
            if isinstance(app.screen, ConfirmScreen):
                await pilot.press("y")
            seen.append(weakref.ref(app.screen))
            await pilot.press("enter")
        assert isinstance(app.screen, EndingScreen)
        for _ in range(50):  # let go once the ending is drawn, then unfrozen: a few frames
            await settled(pilot)
            gc.collect()
            kinds = {type(ref()).__name__ for ref in seen if ref() is not None}
            if not kinds:
                break
        assert kinds == set(), f"still alive after the ending: {kinds}"
        await pilot.press("d")
        assert isinstance(app.screen, DossierScreen)
        await pilot.press("escape", "n", "enter")
        await settled(pilot)
        assert isinstance(app.screen, GameScreen) and app.game.state.ending is None


def drawn(screen) -> int:
    """Lines held in Textual's per-widget caches of drawn lines, over the whole screen."""
    return sum(len(w._styles_cache._cache) for w in screen.walk_children(with_self=True))


async def test_a_hidden_screen_lets_go_of_its_drawn_lines(tmp_path, cmc):
    """The title under a game and a result once the next turn is shown hold no drawn lines.
    The turn screen keeps its lines under the dossier, and the dossier once closed keeps its
    own (drawing them again slowed Esc and d); the dossier opened again looks as it did."""
    app = create_app(tmp_path, cmc, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")
        await settled(pilot)
        turn, title = app.screen, app.screen_stack[-2]
        assert isinstance(turn, GameScreen) and drawn(turn) > 0
        assert drawn(title) == 0
        await pilot.press("d")
        await settled(pilot)
        dossier, before = app.screen, picture(app)
        assert isinstance(dossier, DossierScreen) and drawn(dossier) > 0
        await pilot.press("escape")
        await settled(pilot)
        assert app.screen is turn and drawn(turn) > 0
        assert drawn(dossier) > 0
        await pilot.press("d")
        await settled(pilot)
        assert app.screen is dossier and picture(app) == before
        await pilot.press("escape", "3")
        await settled(pilot)
        result = app.screen
        assert isinstance(result, ResultScreen) and drawn(result) > 0
        await pilot.press("enter")
        await settled(pilot)
        assert app.screen is turn and drawn(result) == 0


async def test_a_text_with_the_same_content_is_left_alone(tmp_path, cmc):
    """Shown the same turn again, the turn screen gives none of its texts new content (that
    would lay it out again); shown the next turn, it gives them the new turn's. Contents are
    told apart by their styles too: Textual's ``==`` on contents compares only the words."""
    app = create_app(tmp_path, cmc, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")
        await settled(pilot)
        screen = app.screen
        texts = [screen.query_one(f"#{name}", Static) for name in ("situation", "tracks")]
        kept = [text.content for text in texts]
        screen.show(app.game.turn)
        assert [text.content for text in texts] == kept
        assert all(text.content is old for text, old in zip(texts, kept, strict=True))
        await pilot.press("1")
        await pilot.pause()
        if isinstance(app.screen, ConfirmScreen):
            await pilot.press("y")
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        assert app.screen is screen
        situation, tracks = texts
        assert situation.content != kept[0]
        v = engine.view(cmc, app.game.state)
        assert tracks.content.is_same(tracks_text(cmc, v.tracks, v.log))


def test_the_first_state_is_what_validating_it_gives(mini):
    """The first state of a campaign is built from the validated scenario without validating it
    again (its validator costs megabytes); it must equal a validated one."""
    state = engine.new_game(mini, "kennedy", 1).state
    assert state == type(state).model_validate(state.model_dump())


def looks(screen) -> list:
    """Every widget's colours, text style and size rules, as its styles give them now."""
    return [
        (w, s.background, s.color, s.text_style, s.width, s.height, s.display)
        for w in screen.walk_children(with_self=True)
        for s in (w.styles,)
    ]


def restyled_by(app, screens: list) -> None:
    """Records into ``screens`` the screen of every widget the stylesheet styles again."""
    real = app.stylesheet.update_nodes

    def update_nodes(nodes, animate=False):
        nodes = list(nodes)
        screens.extend(n.screen for n in nodes if n is not app)
        return real(nodes, animate=animate)

    app.stylesheet.update_nodes = update_nodes


async def test_a_screen_shown_again_is_not_styled_again(tmp_path, cmc):
    """The result and the dossier, shown a second time, are not styled again in full (it was a
    quarter of the key), and their styles are still what a full restyle gives."""
    app = create_app(tmp_path, cmc, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter", "d", "escape", "1")
        await settled(pilot)
        result = app.screen
        assert isinstance(result, ResultScreen)
        await pilot.press("enter", "d")
        await settled(pilot)
        dossier = app.screen
        assert isinstance(dossier, DossierScreen)
        await pilot.press("escape")
        await settled(pilot)
        screens: list = []
        restyled_by(app, screens)
        for key, shown in (("d", dossier), ("escape", None), ("1", result)):
            await pilot.press(key)
            await settled(pilot)
            if shown is not None:
                assert app.screen is shown
                assert screens.count(shown) < len(list(shown.walk_children())) // 2
                before = looks(shown)
                shown.update_node_styles(animate=False)
                assert looks(shown) == before


async def test_a_hidden_screen_is_styled_again_when_the_theme_changed(tmp_path, cmc):
    """A kept screen that was hidden while the theme changed is styled again when shown: its
    styles are what a full restyle gives, in the new theme's colours."""
    app = create_app(tmp_path, cmc, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter", "1")
        await settled(pilot)
        result = app.screen
        old = result.styles.background
        await pilot.press("enter")
        await settled(pilot)
        app.theme = "brink-contrast"
        await settled(pilot)
        await pilot.press("1")
        await settled(pilot)
        assert app.screen is result and result.styles.background != old
        before = looks(result)
        result.update_node_styles(animate=False)
        assert looks(result) == before


async def test_a_scrollbar_left_from_a_long_text_goes_when_the_new_text_fits():
    """``rewind`` leaves the scrollbar for the layout to settle: a short text after a long one
    is laid out at the full width, with no scrollbar, as on a screen built afresh."""
    from textual.app import App
    from textual.containers import VerticalScroll

    from game.ui.widgets.scroll import rewind

    class Scrolled(App):
        def compose(self):
            with VerticalScroll(id="body"):
                yield Static("x\n" * 50, id="text")

    app = Scrolled()
    async with app.run_test(size=(40, 10)) as pilot:
        body, text = app.query_one("#body"), app.query_one("#text", Static)
        body.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert body.show_vertical_scrollbar and body.scroll_y > 0
        text.update("A short text. " * 4)
        rewind(body)
        await pilot.pause()
        assert not body.show_vertical_scrollbar and body.scroll_y == 0
        assert text.size.width == 40
