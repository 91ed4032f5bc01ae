"""Pilot tests: a whole Kennedy game by keyboard, confirmation, saving, continue, load."""

from __future__ import annotations

import json

import pytest
from ui_helpers import SIZE, screen_text, start_kennedy

from game import engine
from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.game import GameScreen
from game.ui.screens.load import LoadScreen
from game.ui.screens.result import ResultScreen
from game.ui.screens.title import TitleScreen


async def test_whole_kennedy_game_by_keyboard(make_app, tmp_path, monkeypatch):
    """Keys only, option 1 every turn (confirming when asked): the game reaches its ending
    screen, every turn is saved, the ending is recorded in discoveries.json, and the view of
    each turn was built once (the screen shows it, the key picks from it)."""
    views = []
    real_view = engine.view
    monkeypatch.setattr(engine, "view", lambda *a, **kw: views.append(1) or real_view(*a, **kw))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_kennedy(pilot)
        turns = 0
        while isinstance(app.screen, GameScreen):
            await pilot.press("1")
            await pilot.pause()
            if isinstance(app.screen, ConfirmScreen):
                await pilot.press("y")
                await pilot.pause()
            assert isinstance(app.screen, ResultScreen)
            app.wait_for_saves()  # saves are written by a thread, off the key's path
            saved = json.loads((tmp_path / "saves" / f"{app.game.id}.json").read_text())
            assert len(saved["choices"]) == turns + 1
            await pilot.press("enter")
            await pilot.pause()
            turns += 1
            assert turns < 80
        assert isinstance(app.screen, EndingScreen)
        ending = app.game.state.ending
        assert ending is not None and turns >= 5
        assert len(views) == turns
        text = screen_text(app)
        assert app.scenario.ending(ending).title in text
        assert f"Endings found so far: 1 of {len(app.scenario.endings)}" in text
        assert "Divergence from history" in text
    found = json.loads((tmp_path / "saves" / "discoveries.json").read_text())
    assert found["found"][app.scenario.meta.id] == [ending]


async def test_arrows_and_enter_choose_the_highlighted_option(make_app):
    """Down then Enter takes the second option, not the first."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_kennedy(pilot)
        second = app.screen.turn.options[1].id
        await pilot.press("down", "enter")
        await pilot.pause()
        if isinstance(app.screen, ConfirmScreen):
            await pilot.press("y")
            await pilot.pause()
        assert [c.option for c in app.game.choices] == [second]


async def test_drastic_option_asks_first_and_n_takes_it_back(make_app, mini):
    """In the mini scenario the air strike is irreversible and +5 danger: the game asks;
    n leaves the turn untouched, y takes it."""
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await start_kennedy(pilot)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen) and app.game.choices == []
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert [c.option for c in app.game.choices] == ["strike"]
        assert "You diverged from history" in screen_text(app)


@pytest.mark.slow
async def test_the_options_box_says_how_many_options_the_turn_has(make_app):
    """At 80x24 the options box shows two or three options and scrolls: its frame says how far
    the keys go ("Options 1–3"), turn after turn, as the number of options changes."""
    from textual.widgets import OptionList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_kennedy(pilot)
        counts = set()
        while isinstance(app.screen, GameScreen):
            n = len(app.screen.turn.options)
            box = app.screen.query_one("#options", OptionList)
            assert box.option_count == n
            assert box.border_title == (f"Options 1–{n}" if n > 1 else "Option 1")
            counts.add(n)
            await pilot.press(str(n))  # the last option, which may be below the fold
            await pilot.pause()
            if isinstance(app.screen, ConfirmScreen):
                await pilot.press("y")
                await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        assert len(counts) >= 2  # the frame was brought up to date, not only set once


async def test_a_number_with_no_option_is_refused(make_app):
    """Key 9 on a turn of three options chooses nothing."""
    app = make_app()
    told = []
    app.notify = lambda message, **kw: told.append(message)
    async with app.run_test(size=SIZE) as pilot:
        await start_kennedy(pilot)
        await pilot.press("9")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen) and app.game.choices == []
        assert told == ["There is no option 9; this turn has 3."]


async def test_continue_is_this_sessions_game_only(make_app):
    """One choice, Esc to the title: the same app continues that game, named by campaign and
    date, not by the student; a new app over the same (perhaps shared) folder offers no game
    to continue, so the next student is never handed the last one's."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_kennedy(pilot)
        await pilot.press("1", "enter")
        await pilot.pause()
        state = app.game.state
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        menu = app.screen.query_one("#menu")
        prompts = [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
        assert any(p.startswith("Continue the last game (Kennedy, ") for p in prompts)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen) and app.game.state == state
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        for _ in range(200):
            if again.loaded:
                break
            await pilot.pause(0.02)
        await pilot.pause()
        menu = again.screen.query_one("#menu")
        prompts = [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
        assert "Continue the last game — none yet" in prompts
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(again.screen, TitleScreen) and again.game is None


async def test_load_lists_damaged_files_with_their_reason(make_app, tmp_path):
    """A broken file is listed as DAMAGED with why, cannot be picked, and nothing crashes."""
    folder = tmp_path / "saves"
    folder.mkdir()
    (folder / "broken.json").write_bytes(b"{not json")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.app.workers.wait_for_complete()  # the folder is read in a worker
        await pilot.pause()
        assert isinstance(app.screen, LoadScreen)
        options = app.screen.query_one("#saves")
        prompt = str(options.get_option_at_index(0).prompt)
        assert "DAMAGED" in prompt and "broken.json" in prompt and "not valid JSON" in prompt
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LoadScreen) and app.game is None
    assert (folder / "broken.json").read_bytes() == b"{not json"


async def test_load_opens_a_saved_game(make_app):
    """A game saved by one app is listed by the next and opens on its turn."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_kennedy(pilot)
        await pilot.press("1", "enter")
        await pilot.pause()
        game_id, state = app.game.id, app.game.state
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.app.workers.wait_for_complete()  # the folder is read in a worker
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, GameScreen)
        assert again.game.id == game_id and again.game.state == state


async def test_load_reads_the_folder_in_a_worker_and_says_so_meanwhile(make_app, monkeypatch):
    """The load screen opens before the folder is read, says it is reading, answers keys
    meanwhile, and lists the games once the worker has read them."""
    import threading

    from game.ui.screens import load

    go_on = threading.Event()
    real = load.list_saves

    def slow(*args, **kw):
        go_on.wait(10)
        return real(*args, **kw)

    monkeypatch.setattr(load, "list_saves", slow)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LoadScreen)
        assert "Reading the saved games in" in screen_text(app)
        await pilot.press("s")  # a key while reading: answered, nothing breaks
        await pilot.pause()
        go_on.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Reading" not in screen_text(app) and "No saved games in" in screen_text(app)


def _save(folder, cmc, player: str, class_code: str, updated: str) -> str:
    """Write a fresh Kennedy save with the given name, class and last-played time."""
    from game.engine import new_game
    from game.saves import Game, write_save

    game = Game(cmc, new_game(cmc, "kennedy", 1).state, player=player, class_code=class_code)
    write_save(folder, game.to_save().model_copy(update={"updated": updated}))
    return game.id


async def test_load_sorts_and_deletes_only_after_asking(make_app, tmp_path, cmc):
    """s sorts by player, then by class; x asks first: n keeps the file, y deletes it; a damaged
    file can be neither picked nor deleted. A file name with markup and an escape character is
    shown as it is (escaped), in the list and in the toast, never read as markup."""
    folder = tmp_path / "saves"
    folder.mkdir()
    zoe = _save(folder, cmc, "Zoe", "10A", "2026-11-02T10:00:00+00:00")
    ann = "[@click=app.quit]markup[bold]\x1b"
    (folder / f"{_save(folder, cmc, 'Ann', '10B', '2026-11-01T10:00:00+00:00')}.json").rename(
        folder / f"{ann}.json"
    )
    (folder / "broken.json").write_bytes(b"[]")
    app = make_app()
    told = []
    notify = app.notify

    def heard(message, **kw):  # what a toast is asked to show, and whether as markup
        told.append((message, kw.get("markup", True)))
        notify(message, **kw)

    app.notify = heard
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.app.workers.wait_for_complete()  # the folder is read in a worker
        await pilot.pause()
        listing = app.screen.query_one("#saves")

        def first() -> str:
            return str(listing.get_option_at_index(0).prompt)

        assert first().startswith("Zoe") and "last played first" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert first().startswith("Ann") and "by player" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert first().startswith("Zoe") and "by class" in screen_text(app)
        listing.highlighted = 1  # Ann
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert (folder / f"{ann}.json").exists()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.app.workers.wait_for_complete()  # deleted, and read again, in a worker
        await pilot.pause()
        assert not (folder / f"{ann}.json").exists()
        assert (folder / f"{zoe}.json").exists()
        assert told == [("Deleted [@click=app.quit]markup[bold]\\x1b.json.", False)]
        listing = app.screen.query_one("#saves")
        assert listing.option_count == 2  # Zoe and the damaged file
        listing.highlighted = 1
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, LoadScreen)
    assert (folder / "broken.json").read_bytes() == b"[]"


async def test_load_names_the_leader_the_ending_and_when_in_words(make_app, tmp_path, mini):
    """A finished game is listed with its ending's title, not its id, and the date it ended
    (worded as ``brink saves`` words it); the leader is written
    as a name and the last-played stamp to the minute, in UTC."""
    from game.engine import new_game
    from game.saves import Game, write_save

    folder = tmp_path / "saves"
    game = Game(mini, new_game(mini, "kennedy", 1).state, player="Ben")
    game.choose("blockade")  # the mini scenario ends after it
    ending = mini.ending(game.state.ending)
    assert ending.title != ending.id
    stamp = "2026-10-16T11:05:09+02:00"
    save = game.to_save()
    write_save(folder, save.model_copy(update={"updated": stamp}))
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.app.workers.wait_for_complete()  # the folder is read in a worker
        await pilot.pause()
        prompt = str(app.screen.query_one("#saves").get_option_at_index(0).prompt)
    assert prompt.startswith(f"Ben · Kennedy · ended: {ending.title} ({save.summary.date})\n")
    assert prompt.endswith(f"{game.id} · last played 16 October 2026, 09:05 UTC")


def test_played_reads_stamps_and_leaves_odd_ones_as_they_are():
    from game.ui.screens.load import played

    assert played("2026-10-16T09:05:59+00:00") == "16 October 2026, 09:05 UTC"
    assert played("2026-10-16T23:30:00-05:00") == "17 October 2026, 04:30 UTC"
    assert played("2026-10-16T09:05:00Z") == "16 October 2026, 09:05 UTC"
    assert played("2026-10-16T09:05:00") == "16 October 2026, 09:05 UTC"  # no offset: as stored
    assert played("2026-10-16T9") == "2026-10-16T9"  # not a time: shown as written


async def test_load_lists_a_game_of_a_missing_scenario_as_damaged(make_app, tmp_path, cmc):
    """A save of a scenario that is not installed is listed as damaged, with the reason, and the
    file is left as it was."""
    folder = tmp_path / "saves"
    folder.mkdir()
    game_id = _save(folder, cmc, "Cy", "", "2026-11-03T10:00:00+00:00")
    path = folder / f"{game_id}.json"
    data = json.loads(path.read_text())
    data["scenario_id"] = "bay_of_pigs"
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.app.workers.wait_for_complete()  # the folder is read in a worker
        await pilot.pause()
        prompt = str(app.screen.query_one("#saves").get_option_at_index(0).prompt)
        assert "DAMAGED" in prompt and "bay_of_pigs" in prompt, prompt
    assert path.read_bytes() == before
