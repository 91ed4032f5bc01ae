"""The help's key list is made from the screens' bindings: every key a screen binds with a
description is listed under its screen, and a key added to a screen is listed with no other
change."""

from __future__ import annotations

from textual.binding import Binding

from game.ui.screens.game import GameScreen
from game.ui.screens.help import key_lines
from game.ui.screens.result import ResultScreen
from game.ui.screens.title import TitleScreen


def section(text: str, heading: str) -> str:
    return text.split(f"[i]{heading}[/i]")[1].split("[i]")[0]


def test_every_described_key_of_a_screen_is_listed_under_it(make_app):
    app = make_app()
    text = key_lines(app)
    for heading, screen in (
        ("On the title screen", TitleScreen),
        ("On a turn", GameScreen),
        ("After a choice", ResultScreen),
    ):
        part = section(text, heading)
        for b in screen.BINDINGS:
            if b.description:
                assert b.description in part, (heading, b)
    turn = section(text, "On a turn")
    assert "1-9" in turn and "Choose" in turn
    assert "pgup or pgdn" in turn  # two keys of one description on one line
    assert "Quit" in section(text, "Anywhere")  # Textual's own Ctrl+Q, through the app's bindings


def test_a_key_added_to_a_screen_is_listed(make_app, monkeypatch):
    extra = Binding("m", "map", "Show the [b]map[/b]")
    monkeypatch.setattr(GameScreen, "BINDINGS", [*GameScreen.BINDINGS, extra])
    text = key_lines(make_app())
    assert r"Show the \[b]map\[/b]" in section(text, "On a turn")  # escaped, never markup
