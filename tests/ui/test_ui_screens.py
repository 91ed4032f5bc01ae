"""Pilot tests: every screen opens and closes by keyboard, the palette, themes, reflow, the
CLI entry points, the dossier's "met so far", and the discoveries file."""

from __future__ import annotations

import json

import pytest
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from ui_helpers import SIZE

from game.engine import offered, shown_position
from game.engine.met import met
from game.saves import discoveries
from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.dossier import PARTS, DossierScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.game import GameScreen
from game.ui.screens.help import HelpScreen
from game.ui.screens.load import LoadScreen
from game.ui.screens.new_game import NewGameScreen
from game.ui.screens.result import ResultScreen
from game.ui.screens.title import TitleScreen
from game.ui.themes import CONTRAST, LIGHT


async def test_every_screen_opens_from_the_keyboard(make_app):
    """Title: d dossier, ? help, l load, each closed by Esc; in a game: d, ?, F1, F2 too."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for key, kind in (("d", DossierScreen), ("question_mark", HelpScreen), ("l", LoadScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, kind), key
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, TitleScreen)
        await pilot.press("enter", "enter")
        await pilot.pause()
        for key, kind in (
            ("d", DossierScreen),
            ("question_mark", HelpScreen),
            ("f1", HelpScreen),
            ("f2", DossierScreen),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, kind), key
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, GameScreen)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DossierScreen)
        await pilot.press("g", "r", "p", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)


async def test_each_screen_gives_the_focus_once_to_its_widget(make_app, monkeypatch):
    """The form, the turn, the dossier, the help, the result, a confirmation and the saves each
    focus their own widget as they are built, never first the scroll around it: each move of
    the focus styles the widget and everything inside it again."""
    given: dict = {}
    real = Screen.set_focus

    def set_focus(screen, widget, *args, **kwargs):
        if widget is not None:  # None: the focus taken away as the screen is left
            given.setdefault(screen, set()).add(widget.id)
        return real(screen, widget, *args, **kwargs)

    monkeypatch.setattr(Screen, "set_focus", set_focus)
    app = make_app()
    wanted = {
        NewGameScreen: "start",
        GameScreen: "options",
        DossierScreen: "dossier",
        HelpScreen: "help",
        ResultScreen: "result",
        ConfirmScreen: "no",
        LoadScreen: "saves",
    }
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter", "d", "escape", "question_mark", "escape", "1")
        await pilot.pause()
        app.push_screen(ConfirmScreen("a test"))
        await pilot.pause()
        await pilot.press("n", "escape", "l")
        await pilot.pause()
        shown = {type(screen): ids for screen, ids in given.items()}
    assert wanted.keys() <= shown.keys()
    for kind, target in wanted.items():
        assert shown[kind] == {target}, kind.__name__


def title_menu(app) -> dict[str, bool]:
    """The title menu's prompts, each with whether it is disabled."""
    menu = app.screen.query_one("#menu", OptionList)
    return {
        str(menu.get_option_at_index(i).prompt): menu.get_option_at_index(i).disabled
        for i in range(menu.option_count)
    }


async def test_title_offers_both_campaigns(make_app):
    """The shipped scenario's two campaigns are on the title menu, both enabled."""
    app = make_app()
    async with app.run_test(size=SIZE):
        prompts = title_menu(app)
        for leader in ("Kennedy", "Khrushchev"):
            assert any(leader in p and not d for p, d in prompts.items()), leader


async def test_title_shows_coming_campaigns_without_hiding_them(make_app, cmc):
    """A campaign switched off (`available = false`) is listed as coming, and disabled."""
    roles = tuple(r.model_copy(update={"available": r.id != "khrushchev"}) for r in cmc.meta.roles)
    scenario = cmc.model_copy(update={"meta": cmc.meta.model_copy(update={"roles": roles})})
    app = make_app(scenario)
    async with app.run_test(size=SIZE):
        prompts = title_menu(app)
        coming = {p: d for p, d in prompts.items() if "coming soon" in p}
        assert any("Khrushchev" in p for p in coming)
        assert all(coming.values())
        assert any("Kennedy" in p and not d for p, d in prompts.items())


@pytest.mark.slow
async def test_palette_opens_dossier_help_load_and_sets_the_theme(make_app, tmp_path):
    """ctrl+p then a command name runs our provider's command."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for words, kind in (("Dossier", DossierScreen), ("Help", HelpScreen)):
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*words)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, kind), words
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"High contrast")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == CONTRAST
        await pilot.press("enter", "enter")  # a game, then save it from the palette
        await pilot.pause()
        app.wait_for_saves()
        for path in (tmp_path / "saves").glob("*.json"):
            path.unlink()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Save game")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "saves" / f"{app.game.id}.json").exists()


@pytest.mark.parametrize("theme", [LIGHT, CONTRAST])
async def test_themes_are_registered(make_app, theme):
    app = make_app(theme=theme)
    async with app.run_test(size=SIZE):
        assert app.theme == theme and app.current_theme.name == theme


async def test_game_screen_reflows_on_resize(make_app):
    """80 wide: one column (tracks below the story); 120 wide: the tracks beside the story."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        story, tracks = app.screen.query_one("#story"), app.screen.query_one("#tracks")
        assert tracks.region.x == story.region.x
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert tracks.region.x > story.region.x + 40
        assert tracks.region.right <= 120


async def test_the_turn_jumps_to_the_advisers_and_the_tracks(make_app):
    """At 80x24, ``t`` brings the tracks to the top of the turn's scrolled part and ``a`` the
    advisers."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        body = app.screen.query_one("#body")
        for key, part in (("t", "#tracks"), ("a", "#advisers")):
            await pilot.press(key)
            await pilot.pause()
            assert body.scroll_y > 0
            assert app.screen.query_one(part).region.y == body.region.y


def test_the_tracks_colour_each_gauge_by_its_danger_and_write_its_level(cmc):
    """A DEFCON gauge is green when calm, amber when tense, bold red when grave, and always
    writes its level; the log shows its latest changes first, muted."""
    from game.engine.view import TrackView
    from game.model.state import Change
    from game.ui.widgets.tracks import tracks_text

    defcon = next(t for t in cmc.meta.tracks if t.id in cmc.meta.defcon_tracks)
    for value, style in ((5, "$success"), (3, "$warning"), (1, "bold $error")):
        text = tracks_text(cmc, (TrackView(defcon, value),), ())
        level = TrackView(defcon, value).level
        gauge = next(s for s in text.spans if text.plain[s.start : s.end].endswith(level))
        assert gauge.style == style
        assert f"DEFCON {value}" in text.plain
    log = (
        Change(1, defcon.id, 5, 4, "the older change"),
        Change(2, defcon.id, 4, 3, "the newer change"),
    )
    text = tracks_text(cmc, (TrackView(defcon, 3),), log)
    assert text.plain.index("the newer change") < text.plain.index("the older change")
    assert "Nothing has moved yet." in tracks_text(cmc, (), ()).plain


async def test_footer_keys_fit_at_80_columns(make_app):
    """On every game screen at 80x24, each footer key lies wholly on screen."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        while True:
            keys = app.screen.query_one(Footer).query("FooterKey")
            assert keys and all(k.region.right <= 80 for k in keys), type(app.screen)
            if isinstance(app.screen, EndingScreen):
                break
            await pilot.press("1")
            await pilot.pause()
            if not isinstance(app.screen, ResultScreen):
                await pilot.press("y")
                await pilot.pause()
            keys = app.screen.query_one(Footer).query("FooterKey")
            assert all(k.region.right <= 80 for k in keys)
            await pilot.press("enter")
            await pilot.pause()


async def test_dossier_lists_only_what_was_met(make_app):
    """In a new game only some people are met; with no game the whole dossier is shown."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        m = met(app.scenario, app.game.state)
        assert 0 < len(m.people) < len(app.scenario.people) and not m.everything
        names = {p.name for p in m.people}
        assert {a.name for a in app.screen.turn.advisers} <= names
    assert met(app.scenario, None).everything


async def test_the_dossier_opened_again_shows_what_the_new_turns_met(make_app):
    """The dossier built on the first turn, opened again turns later, lists what has been met
    by then, part by part, exactly as a dossier built afresh for that state would."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter", "d", "escape")
        first = met(app.scenario, app.game.state)
        for _ in range(3):
            await pilot.press("1")
            if isinstance(app.screen, ConfirmScreen):
                await pilot.press("y")
            await pilot.press("enter")
        await pilot.pause()
        now = met(app.scenario, app.game.state)
        assert len(now.people) + len(now.terms) > len(first.people) + len(first.terms)
        await pilot.press("d")
        await pilot.pause()
        heading = app.screen.query_one("#people-heading", Static).render()
        assert str(heading) == f"People ({len(now.people)})"
        heading = app.screen.query_one("#glossary-heading", Static).render()
        assert str(heading) == f"Glossary ({len(now.terms)})"
        shown = str(app.screen.query_one("#people", Static).render())
        assert all(p.name in shown for p in now.people)


async def test_the_dossier_gives_new_text_only_to_the_parts_that_changed(make_app):
    """Turn after turn, a part of the dossier whose entries are as before keeps its text as it
    was (not laid out again when the dossier opens); a part with new entries gets a new one."""
    app = make_app()
    kept = changed = 0
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter", "d")
        await pilot.pause()
        dossier = app.screen
        text = {p: dossier.query_one(f"#{p}", Static).content for p in PARTS}
        entries = {p: rows for p, _, rows, _ in dossier._parts()}
        for _ in range(6):  # history's path: long enough for six turns
            st = app.game.state
            want = app.scenario.decision(st.pending).history.option
            ids = [o.id for o in offered(app.scenario.decision(st.pending), st)]
            n = shown_position(app.scenario, st, want) if want in ids else 1
            await pilot.press("escape", str(n))
            if isinstance(app.screen, ConfirmScreen):
                await pilot.press("y")
            await pilot.press("enter", "d")
            await pilot.pause()
            assert app.screen is dossier
            for part, _, rows, _ in dossier._parts():
                now = dossier.query_one(f"#{part}", Static).content
                assert (now is text[part]) == (rows == entries[part]), part
                kept, changed = kept + (now is text[part]), changed + (now is not text[part])
                text[part], entries[part] = now, rows
    assert kept and changed  # the game went through both cases


async def test_the_dossier_starts_at_the_top_again_when_it_has_new_entries(make_app):
    """Read down to the sources from the title (everything), then open it in a new game: what
    the game has met is shown from its first line, not from where the old page was left."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d", "r")
        await pilot.pause()
        assert app.screen.query_one("#dossier").scroll_y > 0
        await pilot.press("escape", "enter", "enter", "d")
        await pilot.pause()
        assert isinstance(app.screen, DossierScreen) and not app.screen.met.everything
        assert app.screen.query_one("#dossier").scroll_y == 0


async def test_the_dossier_jumps_to_each_part(make_app):
    """g, r and p bring the heading of the glossary, the sources and the people to the top of
    the dossier (the whole of it, from the title: every part is longer than the screen)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        page = app.screen.query_one("#dossier")
        top = page.content_region.y
        for key, part in (("g", "glossary"), ("r", "sources"), ("p", "people")):
            await pilot.press(key)
            await pilot.pause()
            heading = app.screen.query_one(f"#{part}-heading", Static)
            assert 0 <= heading.region.y - top <= 1, (part, heading.region.y, top)
            assert str(heading.render()).startswith(part.title())


def test_the_dossier_meets_the_other_leader_only_once_he_is_named(cmc):
    """A Khrushchev player in January 1959 has not met President Kennedy (whose biography tells
    how the crisis ended); Kennedy is met at the first text shown that names him, and neither
    the other side's secret choices nor what was settled before the campaign count."""
    from game import engine

    def people(state):
        return {p.id for p in met(cmc, state).people}

    state = engine.new_game(cmc, "khrushchev", 0).state
    assert "khrushchev" in people(state) and "kennedy" not in people(state)
    while "kennedy" not in people(state):
        assert state.ending is None, "Kennedy never named"
        decision = cmc.decision(state.pending)
        options = engine.offered(decision, state)
        option = next((o for o in options if o.id == decision.history.option), options[0])
        state = engine.choose(cmc, state, option.id).state
    assert state.phase >= cmc.phase_position("y1961_apr")  # not before he took office
    # the Kennedy campaign's first turn: nothing Moscow settled in 1959-1962 has been shown
    kennedy = engine.new_game(cmc, "kennedy", 0).state
    assert any(s.side == "ussr" for s in kennedy.steps)
    terms = {t.term for t in met(cmc, kennedy).terms}
    assert "U-2" in terms and not terms & {"KGB", "TASS", "Presidium"}  # named only by Moscow


def test_discoveries_survive_a_damaged_file(tmp_path):
    """A damaged file reads as nothing found, and recording replaces it with valid JSON."""
    (tmp_path / "discoveries.json").write_text("{oops")
    assert discoveries.read_found(tmp_path, "s") == frozenset()
    assert discoveries.record_found(tmp_path, "s", "a") == {"a"}
    assert discoveries.record_found(tmp_path, "s", "b") == {"a", "b"}
    assert discoveries.record_found(tmp_path, "t", "a") == {"a"}
    data = json.loads((tmp_path / "discoveries.json").read_text())
    assert data == {"version": 1, "found": {"s": ["a", "b"], "t": ["a"]}}
    assert list(tmp_path.glob(".discoveries*")) == []


def test_brink_with_no_command_opens_the_title_screen(monkeypatch, tmp_path):
    """`brink` builds the app with the factory and runs it (run is replaced here)."""
    from game import cli
    from game.ui.app import BrinkApp

    ran = []
    monkeypatch.setattr(BrinkApp, "run", lambda self, **kw: ran.append(self))
    monkeypatch.setattr(cli, "not_a_terminal", lambda: None)  # as if in a terminal
    monkeypatch.setenv("BRINK_SAVES_DIR", str(tmp_path))
    assert cli.main([]) == 0
    assert len(ran) == 1 and ran[0].game is None and ran[0].saves == tmp_path


def test_brink_play_without_plain_opens_the_game(monkeypatch, tmp_path):
    """`brink play` (no --plain) opens the Textual app on a new game, with the seed given."""
    from game import cli
    from game.ui.app import BrinkApp

    ran = []
    monkeypatch.setattr(BrinkApp, "run", lambda self, **kw: ran.append(self))
    monkeypatch.setattr(cli, "not_a_terminal", lambda: None)  # as if in a terminal
    assert cli.main(["play", "--seed", "4", "--saves-dir", str(tmp_path)]) == 0
    assert ran[0].game is not None and ran[0].game.state.seed == 4


@pytest.mark.parametrize("theme", ["brink", LIGHT])
async def test_muted_words_inside_a_text_come_out_muted(make_app, theme):
    """The sources under a dossier entry are muted inside one text: they must come out nearer
    the background than the entry's own words do, in the dark and in the light theme (a
    muted colour that cannot be worked out comes out at full strength)."""
    from textual.color import Color

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await pilot.press("d")  # from the title: the whole dossier
        await pilot.pause()
        entries = app.screen.query_one("#people", Static)
        strips = entries.render_lines(entries.region.reset_offset)
        segments = [s for strip in strips for s in strip if s.text.strip()]
        muted = next(s for s in segments if s.text.startswith("Sources:"))
        body = next(s for s in segments if not s.style.bold and not s.text.startswith("Sources:"))
        background = Color.parse(app.theme_variables["background"])

        def distance(segment) -> float:
            c = Color.from_rich_color(segment.style.color)
            return abs(c.brightness - background.brightness)

        assert distance(muted) < distance(body) - 0.1
