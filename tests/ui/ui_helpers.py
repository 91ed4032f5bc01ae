"""Helpers the Textual tests share (their fixtures are in conftest.py): the screen size the
game must fit, the themes pictures are taken in, what a screen shows as text or as a picture,
and the keys that start each campaign from the title screen."""

from __future__ import annotations

import re

import pytest
from textual.widgets import OptionList

from game.ui.screens.game import GameScreen
from game.ui.screens.new_game import NewGameScreen
from game.ui.screens.title import TitleScreen
from game.ui.themes import CONTRAST, DEFAULT

SIZE = (80, 24)
"""The smallest terminal the game plays in."""

THEMES = [pytest.param(DEFAULT, id="default"), pytest.param(CONTRAST, id="contrast")]


def screen_text(where) -> str:
    """All the text of a screen's widgets (``where``: the screen, or the app for its current
    screen), for assertions on what is shown."""
    return "\n".join(str(w.render()) for w in where.screen.query("Static"))


def picture(app) -> str:
    """The screen as an SVG, without the id that differs from one screenshot to the next."""
    return re.sub(r"terminal-\d+", "terminal", app.export_screenshot())


async def settled(pilot) -> None:
    """Wait until the screen is drawn and its animations have run."""
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def start_kennedy(pilot) -> None:
    """Title -> "Advise President Kennedy" -> Start, all by keyboard."""
    assert isinstance(pilot.app.screen, TitleScreen)
    await pilot.press("enter")
    assert isinstance(pilot.app.screen, NewGameScreen)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, GameScreen)


async def start_khrushchev(pilot) -> None:
    """Title -> "Advise Chairman Khrushchev" (the second campaign) -> Start, by keyboard."""
    menu = pilot.app.screen.query_one("#menu", OptionList)
    assert not menu.get_option("role:khrushchev").disabled
    await pilot.press("down", "enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, NewGameScreen)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, GameScreen)
