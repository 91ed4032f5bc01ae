"""Classroom mode (a browser tab of ``brink serve``): name first, the class fixed, saves in
the class folder under a resume code, and nothing that reaches another student's game."""

from __future__ import annotations

import json

import pytest
from ui_helpers import SIZE

from game.saves import Game, write_save
from game.ui.classroom import Classroom, code_of, from_env, new_code, read_code, save_id
from game.ui.screens.game import GameScreen
from game.ui.screens.load import LoadScreen
from game.ui.screens.new_game import NewGameScreen
from game.ui.screens.student import StudentScreen
from game.ui.screens.title import TitleScreen


def test_codes():
    for _ in range(200):
        code = new_code()
        assert read_code(code) == code and code_of(save_id(code)) == code
        assert not set(code) & set("IL01O")
    assert read_code(" k7mq4p ") == "K7-MQ4P" and read_code("k7-mq4p") == "K7-MQ4P"
    for bad in ("", "K7-MQ4", "K7-MQ4PX", "../../etc", "K7/MQ4P", "I1-OOOO", "K7-MQ4P\n.json"):
        assert read_code(bad) is None, bad
    with pytest.raises(ValueError):
        save_id("../x")
    assert code_of("20261205-090000-abcdef0123") is None


def test_paths_stay_in_the_class_folder(tmp_path):
    room = Classroom("7B", tmp_path, session="ab" * 8)
    assert room.path_of("K7-MQ4P") == tmp_path / "class-k7-mq4p.json"
    assert room.presence_file() == tmp_path / ".playing" / ("ab" * 8)
    for bad in ("../../x", "ab/cd", "", "x" * 8):
        assert Classroom("7B", tmp_path, session=bad).presence_file() is None


def test_from_env(tmp_path):
    assert from_env({}) is None
    assert from_env({"BRINK_CLASSROOM": "1"}) is None  # no folder, no classroom
    room = from_env({"BRINK_CLASSROOM": "1", "BRINK_CLASS": "7B", "BRINK_CLASS_DIR": "/c"})
    assert room.class_code == "7B" and str(room.folder) == "/c"


@pytest.fixture
def room(tmp_path):
    return Classroom("7B", tmp_path / "7B", session="0123456789abcdef")


async def test_name_first_then_a_game_saved_under_its_code(make_app, room):
    app = make_app(classroom=room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StudentScreen)
        await pilot.press("escape", "enter")  # no name yet: neither accepted
        assert isinstance(app.screen, StudentScreen)
        await pilot.press(*"Ana", "enter")
        assert isinstance(app.screen, TitleScreen)
        menu = [str(o.id) for o in app.screen.query_one("#menu").options]
        assert "load" not in menu and "debrief" not in menu
        await pilot.press("enter")
        assert isinstance(app.screen, NewGameScreen)
        assert not app.screen.query("#player") and not app.screen.query("#class")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)
        app.wait_for_saves()
    (path,) = room.folder.glob("*.json")
    save = json.loads(path.read_text("utf-8"))
    assert save["player"] == "Ana" and save["class_code"] == "7B"
    assert code_of(save["id"]) and path.name == f"{save['id']}.json"
    assert (room.folder / ".playing" / room.session).read_text() == save["id"]


async def test_another_students_game_is_out_of_reach(make_app, room, cmc):
    from game import engine

    other = Game(cmc, engine.new_game(cmc, "kennedy", 3).state, player="Ben", class_code="7B")
    write_save(room.folder, other.to_save())
    app = make_app(classroom=room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Ana", "enter")
        assert app.latest_unfinished() is None
        await pilot.press("l")
        await pilot.pause()
        assert not isinstance(app.screen, LoadScreen)
        app.action_load()
        app.open_debrief()
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        await pilot.press("c")  # continue: asks for a code, never opens Ben's game
        assert isinstance(app.screen, StudentScreen) and app.game is None
        from game.ui.commands import BrinkCommands

        names = [name for name, *_ in BrinkCommands(app.screen)._commands()]
        assert "Load a saved game" not in names
        assert "Save game" not in names  # no game in progress yet


async def test_the_resume_code_continues_the_game(make_app, room, cmc):
    from game import engine

    code = "K7-MQ4P"
    game = Game(cmc, engine.new_game(cmc, "kennedy", 3).state, save_id(code), "Ana", "7B")
    game.choose(engine.view(cmc, game.state).options[0].id)
    write_save(room.folder, game.to_save())
    app = make_app(classroom=room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab", "tab", *"zz-zzzz", "enter")
        assert app.game is None and isinstance(app.screen, StudentScreen)
        app.screen.query_one("#code").value = ""
        await pilot.press(*"k7mq4p", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)
        assert app.game.id == save_id(code) and len(app.game.choices) == 1
        assert room.player == "Ana"


async def test_a_tabs_next_game_is_shown_in_the_screens_it_kept(make_app, room, mini):
    """In a classroom tab the turn and result screens are kept past an ending (the processor
    is what many tabs share): the next game's turns and results are shown in the same screens,
    from its first turn."""
    from game.ui.screens.confirm import ConfirmScreen
    from game.ui.screens.ending import EndingScreen
    from game.ui.screens.result import ResultScreen

    app = make_app(mini, classroom=room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Ana", "enter", "enter", "enter")
        await pilot.pause()
        turn, results, first = app.screen, set(), app.game
        while isinstance(app.screen, GameScreen):
            await pilot.press("1")
            if isinstance(app.screen, ConfirmScreen):
                await pilot.press("y")
            results.add(app.screen)
            await pilot.press("enter")
        assert isinstance(app.screen, EndingScreen) and len(results) == 1
        await pilot.press("n", "enter")
        await pilot.pause()
        assert app.screen is turn and app.game is not first and turn.turn == app.game.turn
        await pilot.press("1")
        if isinstance(app.screen, ConfirmScreen):
            await pilot.press("y")
        assert isinstance(app.screen, ResultScreen) and app.screen in results
