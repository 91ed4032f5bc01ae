"""The start: the title screen is painted from scenario.toml alone, before pydantic, the models
and the engine are loaded; the scenario is loaded just after, and the title is filled in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from textual.widgets import OptionList
from ui_helpers import SIZE

from game.content import ScenarioError, default_scenario_dir, load_scenario
from game.ui.app import BrinkApp, create_app
from game.ui.screens.new_game import NewGameScreen
from game.ui.screens.title import TitleScreen
from game.ui.title_info import read_title_info, title_info

ROOT = Path(__file__).resolve().parents[2]


def menu_prompts(app) -> list[str]:
    menu = app.screen.query_one("#menu", OptionList)
    return [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]


async def until_loaded(app, pilot) -> None:
    for _ in range(200):
        if app.loaded:
            break
        await pilot.pause(0.02)
    await pilot.pause()
    assert app.loaded


@pytest.mark.parametrize("folder", [default_scenario_dir(), ROOT / "tests/data/mini"])
def test_the_summary_is_what_the_scenario_says(folder):
    """The title read with tomllib is the title the validated scenario gives."""
    assert read_title_info(folder) == title_info(load_scenario(folder))


def test_the_title_path_loads_no_models(tmp_path):
    """In a fresh interpreter, `brink`'s terminal check passes and its title screen is composed
    and shown with neither pydantic nor the models nor the engine imported (the scenario load is
    held back here)."""
    code = textwrap.dedent(
        f"""
        import asyncio, json, sys
        from game.ui.app import BrinkApp, create_app
        import game.cli

        BrinkApp._start_loading = lambda self: None
        game.cli.not_a_terminal = lambda: None
        assert game.cli._no_terminal() is None  # `brink` checks for a terminal first

        async def main():
            app = create_app({str(tmp_path)!r})
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                menu = app.screen.query_one("#menu")
                first = str(menu.get_option_at_index(0).prompt)
            return first, app.loaded

        first, loaded = asyncio.run(main())
        stand_in = "pydantic.plugin._loader"  # Brink's own (see upstream.no_pydantic_plugins)
        heavy = sorted(m for m in sys.modules if m.split(".")[0] == "pydantic" and m != stand_in
                       or m.startswith(("game.model", "game.engine", "game.saves")))
        print(json.dumps([first, loaded, heavy]))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    first, loaded, heavy = json.loads(run.stdout.strip().splitlines()[-1])
    assert first.startswith("Advise President Kennedy")
    assert loaded is False and heavy == []


async def test_the_title_is_filled_in_once_loaded(tmp_path, mini_dir):
    """Given a folder, the app starts unloaded; the load fills in "Continue" and the endings."""
    app = create_app(tmp_path / "saves", mini_dir, seed=1)
    assert not app.loaded
    async with app.run_test(size=SIZE) as pilot:
        await until_loaded(app, pilot)
        assert "Continue the last game — none yet" in menu_prompts(app)
        found = str(app.screen.query_one("#found").render())
        assert found == f"Endings found so far: 0 of {len(app.scenario.endings)}"


async def test_the_focus_goes_straight_to_the_menu(tmp_path, mini_dir, monkeypatch):
    """At the start, and back from a screen pushed over the title, the focus goes to the menu
    and never to the scrolled body around it (each move restyles the title's widgets)."""
    from textual.screen import Screen

    focused: list[str | None] = []
    set_focus = Screen.set_focus

    def record(self, widget, *args, **kwargs):
        focused.append(getattr(widget, "id", None))
        return set_focus(self, widget, *args, **kwargs)

    monkeypatch.setattr(Screen, "set_focus", record)
    app = create_app(tmp_path, mini_dir)
    async with app.run_test(size=SIZE) as pilot:
        await until_loaded(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen) and app.screen.focused.id == "menu"
    assert "menu" in focused and "title-body" not in focused


async def test_the_title_is_the_bottom_screen_and_a_game_goes_back_to_it(tmp_path, mini_dir):
    """The title is the app's first screen (there is no empty screen under it to set up and
    style); a game goes above it, and Esc from the turn comes back to the same title."""
    app = create_app(tmp_path, mini_dir)
    async with app.run_test(size=SIZE) as pilot:
        await until_loaded(app, pilot)
        assert len(app.screen_stack) == 1 and isinstance(app.screen, TitleScreen)
        title = app.screen
        app.new_game("kennedy")
        await pilot.pause()
        assert app.screen_stack[0] is title and len(app.screen_stack) == 2
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen_stack == [title]


@pytest.mark.parametrize("height", [24, 14])
async def test_the_title_menu_keeps_its_width_when_the_title_scrolls(tmp_path, mini_dir, height):
    """The title is laid out once: its scrollbar, when the window is too short for it, goes
    in a gutter kept for it, so the menu is as wide with the scrollbar as without."""
    app = create_app(tmp_path, mini_dir)
    async with app.run_test(size=(80, height)) as pilot:
        await until_loaded(app, pilot)
        title = app.screen_stack[0]  # under the minimum size's message at 80x14
        body = title.query_one("#title-body")
        assert body.show_vertical_scrollbar == (height == 14)
        assert title.query_one("#menu").outer_size.width == 80 - 2 - 2  # padding, gutter


async def test_another_students_game_is_not_offered(tmp_path, mini_dir, mini):
    """A saved unfinished game of another session (a shared folder) is neither offered to
    continue nor named on the title; it still opens with Load."""
    from game import engine
    from game.saves import Game, write_save

    game = Game(mini, engine.new_game(mini, "kennedy", 1).state, player="Ada Lovelace")
    write_save(tmp_path / "saves", game.to_save())
    app = create_app(tmp_path / "saves", mini_dir, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        await until_loaded(app, pilot)
        prompts = menu_prompts(app)
        assert "Continue the last game — none yet" in prompts
        assert not any("Ada" in p for p in prompts)
        await pilot.press("c")
        await pilot.pause()
        assert app.game is None


async def test_a_choice_made_before_the_load_waits_for_it(tmp_path, mini_dir, monkeypatch):
    """With the background load held back, choosing a campaign loads the scenario then and
    there and opens the new-game form."""
    monkeypatch.setattr(BrinkApp, "_start_loading", lambda self: None)
    app = create_app(tmp_path / "saves", mini_dir, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, TitleScreen) and not app.loaded
        assert "Continue the last game" in menu_prompts(app)  # not known yet: disabled
        monkeypatch.undo()
        await pilot.press("enter")
        await pilot.pause()
        assert app.loaded and isinstance(app.screen, NewGameScreen)


async def test_a_broken_scenario_ends_the_app_with_a_code(tmp_path, copy_mini, edit):
    """A mistake the summary does not see is found by the load: the app exits with status 1."""
    edit(copy_mini / "scenario.toml", "[[track]]", "[[track]]\nbogus = 1")
    app = create_app(tmp_path / "saves", copy_mini, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(200):
            if app.return_code is not None:
                break
            await pilot.pause(0.02)
    assert app.return_code == 1


def test_an_unreadable_summary_loads_at_once(tmp_path, copy_mini):
    """A scenario.toml that tomllib cannot read is loaded at once, which names the mistake."""
    meta = copy_mini / "scenario.toml"
    meta.write_text(meta.read_text("utf-8") + "\n[[[broken\n", "utf-8")
    with pytest.raises(ScenarioError, match=r"scenario\.toml"):
        create_app(tmp_path / "saves", copy_mini)


def test_the_command_line_lists_the_engine_policies():
    """arguments.POLICIES is written out (so `brink` imports no engine); it must match the
    engine."""
    from game import arguments, engine

    assert arguments.POLICIES == engine.POLICIES
