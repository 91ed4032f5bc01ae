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


async def _play_to_the_end(app, pilot, pick) -> None:
    """Play the current game to its ending, choosing ``pick(number of options)`` each turn."""
    from game.ui.screens.confirm import ConfirmScreen

    while isinstance(app.screen, GameScreen):
        await pilot.press(str(pick(len(app.game.turn.options))))
        if isinstance(app.screen, ConfirmScreen):
            await pilot.press("y")
        await pilot.press("enter")
    await pilot.pause()


def _path_told(scenario, state) -> list[str]:
    """What the ending's path beside the timeline tells of this game's choices."""
    from game.engine.compare import report
    from game.engine.view import reflow

    return [f"game: {reflow(t)}" for row in report(scenario, state).timeline for t in row.game]


async def test_a_tabs_ending_and_form_are_kept_and_show_the_new_game(make_app, room, mini):
    """The ending and the new-game form are kept for a tab's next game too; the kept ending
    shows the game just played, not the one before; the title under them is brought up to
    date when it is next shown; and each turn shows the game's resume code."""
    from game.engine.compare import report
    from game.engine.view import ending_told
    from game.ui.screens.ending import EndingScreen

    app = make_app(mini, classroom=room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Ana", "enter", "enter", "enter")
        await pilot.pause()
        code = room.code(app.game.id)
        assert app.screen.query_one("#options").border_subtitle == f"Resume code {code}"
        await _play_to_the_end(app, pilot, lambda n: 1)
        ending, first = app.screen, app.game
        assert isinstance(ending, EndingScreen)
        first_path = _path_told(mini, first.state)
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, NewGameScreen) and len(app.screen_stack) == 2
        await pilot.press("enter")
        await pilot.pause()
        second = app.game
        assert second is not first
        code = room.code(second.id)
        assert app.screen.query_one("#options").border_subtitle == f"Resume code {code}"
        await _play_to_the_end(app, pilot, lambda n: n)
        assert app.screen is ending
        await pilot.pause()
        state = second.state
        shown = ending.query_one("#headline").render().plain
        assert shown == ending_told(mini, state).title
        divergence = ending.query_one("#divergence").render().plain
        assert divergence.endswith(f"{report(mini, state).divergence}% of your decisions")
        path = _path_told(mini, state)
        assert path != first_path  # the two games went differently: the path must follow
        shown = ending.query_one("#path").render().plain
        assert all(told in shown for told in path), (path, shown)
        await pilot.press("n")
        assert app.screen is form
        await pilot.press("escape")
        assert isinstance(app.screen, TitleScreen)
        menu = [str(o.prompt) for o in app.screen.query_one("#menu").options]
        assert f"Continue my game (resume code {code})" in menu, menu
