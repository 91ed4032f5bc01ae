"""Snapshot tests (pytest-textual-snapshot) at a fixed seed and size, over the mini scenario in
tests/data/mini so that edits to the shipped story do not change the pictures. Each test's
docstring says what its picture must show; update with ``--snapshot-update`` and look at them.
"""

from __future__ import annotations

import pytest

from game.ui.app import create_app
from game.ui.themes import CONTRAST, DEFAULT

THEMES = [pytest.param(DEFAULT, id="default"), pytest.param(CONTRAST, id="contrast")]


@pytest.fixture
def app_for(tmp_path, mini):
    def make(theme):
        return create_app(tmp_path / "saves", mini, seed=1, theme=theme)

    return make


async def _start(pilot):
    await pilot.press("enter", "enter")
    await pilot.pause()


@pytest.mark.parametrize("theme", THEMES)
def test_title(snap_compare, app_for, theme):
    """The title screen at 80x24: "B R I N K", "Mini crisis", "A test world.", a menu with
    "Advise Kennedy / Two days." highlighted, "Advise Khrushchev" (available in the mini
    scenario; the shipped one's "coming soon" is checked by a Pilot test), "Continue the last
    game — none yet" and "Teacher debrief — coming soon" dimmed, load, dossier, help, quit;
    "Endings found so far: 0 of 3"; footer d Dossier, ? Help, q Quit, ^p palette."""
    assert snap_compare(app_for(theme), terminal_size=(80, 24))


@pytest.mark.parametrize("theme", THEMES)
def test_game_turn(snap_compare, app_for, theme):
    """The first turn at 80x24: "Tuesday 16 October 1962 — day 1 of 2 · Photos" on top, the
    title "Respond to the photos", the situation, "Advisers" with "Curtis LeMay, Air Force Chief
    of Staff — for: Air strike" and "Bomb them.", then in the same scroll "Alert" with the gauge
    "■ □ □ □ □  DEFCON 5" and the start of the "Tracks" list; the options box lists
    "1. Blockade", "2. Air strike", "3. Talk" with details, option 1 highlighted; the footer
    shows 1-9, a, t, d, s, ?, esc and ^p, all inside 80 columns."""
    assert snap_compare(app_for(theme), run_before=_start, terminal_size=(80, 24))


def test_game_turn_wide(snap_compare, app_for):
    """The same turn at 120x40: two columns, the story on the left; on the right "Alert" with
    the DEFCON gauge written "DEFCON 5" (one filled cell of five), the "Tracks" list ("Danger:
    2 (of 0–10)", "DEFCON: 5 (of 1–5) — DEFCON 5") and "Tension log (latest first)" saying "Nothing has
    moved yet."; the options box across the bottom."""
    assert snap_compare(app_for(DEFAULT), run_before=_start, terminal_size=(120, 40))


async def _chose_blockade(pilot):
    await _start(pilot)
    await pilot.press("1")
    await pilot.pause()


@pytest.mark.parametrize("theme", THEMES)
def test_choice_result(snap_compare, app_for, theme):
    """After choosing Blockade, at 80x24: "Your decision: Respond to the photos", "You chose:
    Blockade.", "The navy sails.", the changes with reasons "+1 Danger (2 → 3): ships face each
    other" and "-2 DEFCON (5 → 3): forces on alert", a framed "Historical record — You matched
    history" panel ("history chose “Blockade” on 1962-10-20 (Kennedy)", "He chose a blockade.",
    "Sources: DOB (One Minute to Midnight)"), then "Incident: An incident" below; the footer
    starts with ⏎ Continue."""
    assert snap_compare(app_for(theme), run_before=_chose_blockade, terminal_size=(80, 24))


async def _to_ending(pilot):
    await _start(pilot)
    for _ in range(10):
        if pilot.app.game.state.ending is not None:
            break
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    await pilot.press("end")
    await pilot.pause()


@pytest.mark.parametrize("theme", THEMES)
def test_ending(snap_compare, app_for, theme):
    """The ending screen scrolled to its end at 80x24: "Danger over time" as a sparkline, the
    values also written "Danger by turn: 2 3 4 2 (peak 4; highest alert DEFCON 3)", "Divergence
    from history: 0% of your decisions", the path by date ("Tuesday 16 October 1962 / game: You:
    Blockade", "Wednesday 17 October 1962 / game: Moscow: Withdraw"), "Endings found so far: 1
    of 3" with "✓ A deal" and two "? not yet found — clue: ..." lines, and the hint "n play
    again · o play the other leader · Esc title"; footer n, o, d, ?, esc."""
    assert snap_compare(app_for(theme), run_before=_to_ending, terminal_size=(80, 24))


async def _to_ending_top(pilot):
    await _to_ending(pilot)
    await pilot.press("home")
    await pilot.pause()


def test_ending_top_wide(snap_compare, app_for):
    """The top of the ending at 120x40: the headline "A deal" on a coloured bar, "They
    withdrew.", "What historians think" / "As it happened.", the "Who gained: this game beside
    history (A deal), −2 to +2" table (Kennedy, War avoided, +2, +2) and its note, the danger
    sparkline with its values in words, the divergence, the path and the endings found."""
    assert snap_compare(app_for(DEFAULT), run_before=_to_ending_top, terminal_size=(120, 40))


async def _dossier(pilot):
    await _start(pilot)
    await pilot.press("d")
    await pilot.pause()


@pytest.mark.parametrize("theme", THEMES)
def test_dossier(snap_compare, app_for, theme):
    """The dossier during the first turn at 80x24: "Dossier — met so far in this game", tabs
    "People (3)", "Glossary (0)", "Sources (0)" (nothing cited until a record is shown); People
    lists Curtis LeMay (the adviser met), John F. Kennedy and Nikita Khrushchev with posts and
    bios; footer esc Close, p People, g Glossary, r Sources."""
    assert snap_compare(app_for(theme), run_before=_dossier, terminal_size=(80, 24))


async def _help(pilot):
    await pilot.press("question_mark")
    await pilot.pause()


@pytest.mark.parametrize("theme", THEMES)
def test_help(snap_compare, app_for, theme):
    """The help screen at 80x24: "Help" on top, "How to play" in bold, the paragraphs on turns,
    results and the historical record, saving, then the start of the keys; footer esc Close."""
    assert snap_compare(app_for(theme), run_before=_help, terminal_size=(80, 24))
