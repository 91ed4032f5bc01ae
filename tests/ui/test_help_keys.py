"""The help's key list is made from the screens' bindings: every key a screen binds with a
description is listed under its screen, and a key added to a screen is listed with no other
change."""

from __future__ import annotations

from textual.binding import Binding

from game.ui.screens import debrief_help
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.debrief_help import debrief_keys
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


def test_the_debrief_help_lists_its_bindings(make_app, monkeypatch):
    """Each key of the debrief with a word in the footer is listed with what it does (its
    tooltip): c says it goes through the classes compared with --class A --class B. Long
    descriptions go on under their first line, within the help's 74 columns at 80x24."""
    text = debrief_keys(make_app())
    flat = " ".join(text.split())
    for b in DebriefScreen.BINDINGS:
        if b.description:
            assert b.tooltip and b.tooltip in flat, b
    assert "c the next class: with brink debrief --class A --class B, the classes compared" in flat
    assert "1–6 a topic: Overview, Decisions" in flat and "Files left out" in flat  # one line
    assert "scroll the page" in text
    lines = text.splitlines()[1:]
    assert all(len(line) <= 74 and line.startswith("  ") for line in lines)
    assert any(line.startswith(" " * 19) for line in lines)  # a second line under its first
    extra = Binding("m", "map", "Map", tooltip="a [b]map[/b] of the class")
    monkeypatch.setattr(debrief_help, "BINDINGS", [*debrief_help.BINDINGS, extra])
    assert r"a \[b]map\[/b] of the class" in debrief_keys(make_app())  # escaped, never markup
