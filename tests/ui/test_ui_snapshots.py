"""Snapshot tests (pytest-textual-snapshot) at a fixed seed and size, over the mini scenario in
tests/data/mini so that edits to the shipped story do not change the pictures. Each test's
docstring says what its picture must show; update with ``--snapshot-update`` and look at them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import THEMES

from game.engine import shown_position
from game.ui.app import create_app
from game.ui.themes import DEFAULT


@pytest.fixture
def app_for(tmp_path, mini):
    def make(theme):
        return create_app(tmp_path / "saves", mini, seed=1, theme=theme)

    return make


async def _start(pilot):
    await pilot.press("enter", "enter")
    await pilot.pause()


def key(pilot, option_id: str) -> str:
    """The number key of an option as shown now (the order is drawn from the game's seed)."""
    app = pilot.app
    return str(shown_position(app.scenario, app.game.state, option_id))


@pytest.mark.parametrize("theme", THEMES)
def test_title(snap_compare, app_for, theme):
    """The title screen at 80x24: "B R I N K", "Mini crisis", "A test world.", a menu with
    "Advise Kennedy / Two days." highlighted and marked ▶ (the cursor without colour), "Advise Khrushchev" (available in the mini
    scenario; the shipped one's "coming soon" is checked by a Pilot test), "Continue the last
    game — none yet" dimmed, load, "Teacher debrief: the class against history", dossier, help, quit;
    "Endings found so far: 0 of 3"; footer d Dossier, ? Help, q Quit, ^p palette."""
    assert snap_compare(app_for(theme), terminal_size=(80, 24))


@pytest.mark.parametrize("theme", THEMES)
def test_game_turn(snap_compare, app_for, theme):
    """The first turn at 80x24: "Tuesday 16 October 1962 — day 1 of 2 · Photos" on top, the
    status line "Danger 2/10 · DEFCON 5" under it (always in view), the title "Respond to the photos", the situation, "Advisers" with "Curtis LeMay, Air Force Chief
    of Staff — for: Air strike" in bold and "Bomb them." muted under it, then in the same scroll "Alert" with the gauge
    "■ □ □ □ □  DEFCON 5" and the start of the "Tracks" list; the options box, "Options 1–3" on
    its frame, lists "1. Talk", "2. Air strike", "3. Blockade" (the order seed 1 draws) with details, option 1
    highlighted and marked ▶; the footer shows 1-9, a, t, d, s, ?, esc and ^p, all inside 80
    columns."""
    assert snap_compare(app_for(theme), run_before=_start, terminal_size=(80, 24))


def test_game_turn_wide(snap_compare, app_for):
    """The same turn at 120x40: two columns, the story on the left; on the right "Alert" with
    the DEFCON gauge written "DEFCON 5" (one filled cell of five), the "Tracks" list ("Danger:
    2 (of 0–10)", "DEFCON: 5 (of 1–5) — DEFCON 5") and "Tension log (latest first)" saying "Nothing has
    moved yet."; the options box across the bottom, "Options 1–3" on its frame."""
    assert snap_compare(app_for(DEFAULT), run_before=_start, terminal_size=(120, 40))


async def _chose_blockade(pilot):
    await _start(pilot)
    await pilot.press(key(pilot, "blockade"))
    await pilot.pause()


@pytest.mark.parametrize("theme", THEMES)
def test_choice_result(snap_compare, app_for, theme):
    """After choosing Blockade, at 80x24, in story order: under the date and the status line
    ("Danger 3/10 · DEFCON 3"), "Your decision: Respond to the photos", "You chose: Blockade.",
    "The navy sails.", the changes with reasons "+1 Danger (2 → 3, worse): ships face each
    other" and "-2 DEFCON (5 → 3, worse): forces on alert" (worse in words, not only in red),
    then the incident and the other side's answer, and last the framed record folded to
    "▸ You matched history — 20 October 1962, Kennedy" (scrolled below); the footer starts with
    ⏎ Continue and offers h Record."""
    assert snap_compare(app_for(theme), run_before=_chose_blockade, terminal_size=(80, 24))


async def _to_ending(pilot):
    await _start(pilot)
    for _ in range(10):
        if pilot.app.game.state.ending is not None:
            break
        await pilot.press(key(pilot, "blockade"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    await pilot.press("end")
    await pilot.pause()


@pytest.mark.parametrize("theme", THEMES)
def test_ending(snap_compare, app_for, theme):
    """The ending screen scrolled to its end at 80x24: "Danger over time" as a sparkline, the
    values also written "Danger by turn: 4 (peak 4; highest alert DEFCON 3)" (the one turn the
    player played, its highest danger), "Divergence from history: 0% of your decisions", the
    path by date ("Tuesday 16 October 1962 / game: You: Blockade", "Wednesday 17 October 1962
    / game: Moscow: Withdraw"), "Endings found so far: 1 of 3" with "✓ A deal" and two "? not
    yet found — clue: ..." lines, and the hint "n play again · o play the other leader · Esc
    title"; footer n, o, d, ?, esc."""
    assert snap_compare(app_for(theme), run_before=_to_ending, terminal_size=(80, 24))


async def _to_ending_top(pilot):
    await _to_ending(pilot)
    await pilot.press("home")
    await pilot.pause()


def test_ending_top_wide(snap_compare, app_for):
    """The top of the ending at 120x40: the headline "A deal" on a coloured bar, "They
    withdrew.", "What historians think" / "As it happened.", the "Who gained: this game beside
    history (A deal), −2 to +2" rows, each with its reason under it ("Kennedy — War avoided:
    +2 here, +2 in history", then "peace"), the danger
    sparkline with its values in words, the divergence, the path and the endings found."""
    assert snap_compare(app_for(DEFAULT), run_before=_to_ending_top, terminal_size=(120, 40))


async def _dossier(pilot):
    await _start(pilot)
    await pilot.press("d")
    await pilot.pause()


@pytest.mark.parametrize("theme", THEMES)
def test_dossier(snap_compare, app_for, theme):
    """The dossier during the first turn at 80x24: "Dossier — met so far in this game", then on
    one page "People (2)": John F. Kennedy and Curtis LeMay (the adviser met) with posts and
    bios, not yet Khrushchev, whom no text has named; "Glossary (0)" with "No terms yet." and
    "Sources (0)" with "No sources yet." (nothing cited until a record is shown); footer esc
    Close, p People, g Glossary, r Sources."""
    assert snap_compare(app_for(theme), run_before=_dossier, terminal_size=(80, 24))


async def _help(pilot):
    await pilot.press("question_mark")
    await pilot.pause()


@pytest.mark.parametrize("theme", THEMES)
def test_help(snap_compare, app_for, theme):
    """The help screen at 80x24: "Help" on top, "How to play" in bold, the paragraphs on turns,
    results and the historical record, saving, then the start of the keys; footer esc Close."""
    assert snap_compare(app_for(theme), run_before=_help, terminal_size=(80, 24))


@pytest.fixture
def app_with_saves(tmp_path, mini, monkeypatch):
    """An app over ``saves`` (a relative folder, so the picture does not show tmp_path) holding
    an unfinished game by Ada of class 7B, an ended one by Ben (played earlier), both with fixed
    ids and times, and one damaged file."""
    from game import engine
    from game.saves import Game, write_save

    monkeypatch.chdir(tmp_path)
    folder = Path("saves")
    for who, code, minute, choose in (("Ada", "7B", 5, False), ("Ben", "", 1, True)):
        state = engine.new_game(mini, "kennedy", 1, "historical", "historical").state
        game = Game(mini, state, id=f"20261016-09000{minute}-abc12{minute}", player=who)
        game.class_code, game.created = code, "2026-10-16T09:00:00+00:00"
        if choose:
            game.choose("blockade")  # the mini scenario ends after it
        stamp = f"2026-10-16T09:0{minute}:00+00:00"
        write_save(folder, game.to_save().model_copy(update={"updated": stamp}))
    (folder / "broken.json").write_bytes(b"{not json")
    return create_app(folder, mini, seed=1)


async def _load(pilot):
    await pilot.press("l")
    await pilot.app.workers.wait_for_complete()  # the folder is read in a worker
    await pilot.pause()


def test_load(snap_compare, app_with_saves):
    """The load screen at 80x24: "Saved games in saves (last played first)" on top; the newest
    game first, marked ▶ (the cursor, not only a colour): "Ada [7B] · Kennedy · Tuesday 16
    October 1962 — day 1 of 2" over "20261016-090005-abc125 · last played 16 October 2026,
    09:05 UTC"; then "Ben · Kennedy · ended: A deal (Wednesday 17 October 1962 — day 2 of 2)"
    (the ending's title, not its id, and the date it ended; played at 09:01); then, dimmed and
    not selectable, "DAMAGED broken.json: line 1 column 2: not valid JSON: ..."; footer s Sort,
    x Delete, esc Back and ^p palette."""
    assert snap_compare(app_with_saves, run_before=_load, terminal_size=(80, 24))


async def _new_game_hawk(pilot):
    await pilot.press("enter")  # "Advise Kennedy" on the title menu
    await pilot.pause()
    await pilot.press("tab", "down")  # to the opponent list, then one down: Hawk
    await pilot.pause()


@pytest.mark.parametrize("theme", THEMES)
def test_new_game(snap_compare, app_for, theme):
    """The new-game form at 80x24 after Tab (from Start, to the settings) and Down, all of it
    without scrolling: the role's title, "The other side decides like (arrows choose, Tab moves
    on):" with "( ) Historical", "(•) Hawk" (chosen: written, not only coloured, and marked ▶ as
    the focused cursor), "( ) Dove", "( ) Random"; "Incidents:" with "(•) Historical" and "( )
    Chaos"; the name and class code fields; last the "Start the game" button; footer esc Back,
    ^s Start."""
    assert snap_compare(app_for(theme), run_before=_new_game_hawk, terminal_size=(80, 24))


async def _confirm(pilot):
    await _start(pilot)
    await pilot.press(
        key(pilot, "strike")
    )  # the air strike: irreversible and +5 danger in the mini scenario
    await pilot.pause()


@pytest.mark.parametrize("theme", THEMES)
def test_confirm(snap_compare, app_for, theme):
    """The confirmation over the first turn at 80x24: a framed box in the middle, "Are you
    sure?", "“Air strike” cannot be undone and raises the danger sharply.", the buttons "y  Yes,
    do it" and "n  Think again" (the latter focused); footer y Yes, do it, n Think again."""
    assert snap_compare(app_for(theme), run_before=_confirm, terminal_size=(80, 24))
