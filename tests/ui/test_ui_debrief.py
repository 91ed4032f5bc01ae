"""The teacher's debrief screen with a generated class: Pilot tests (from the title menu and
from `brink debrief`, every topic by keyboard, names, answers, classes, export, every footer
key) and snapshot tests at 80x24 and 120x40 in the default and high-contrast themes.

The class is 8 games of the mini scenario (tests/data/mini, with a small debrief.toml added
here) so that edits to the shipped story do not change the pictures.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from debrief_class import make_class
from textual.widgets import Footer, OptionList
from ui_helpers import SIZE, THEMES, screen_text

from game.content import load_scenario
from game.debrief.blocks import Block
from game.debrief.text import TOPICS
from game.ui.app import BrinkApp, create_app
from game.ui.screens.debrief import DebriefScreen, ExportScreen
from game.ui.screens.debrief_help import DebriefHelp
from game.ui.screens.debrief_jump import JumpScreen
from game.ui.screens.title import TitleScreen
from game.ui.widgets.debrief_page import _bar

MINI_DEBRIEF = """
[[myth]]
id = "myth_defcon"
claim = "Every American force went to DEFCON 2."
fact = "Only the bombers did; the rest stayed at DEFCON 3."
sources = ["DOB"]

[[myth]]
id = "myth_letter"
claim = "The first letter promised to remove the missiles."
fact = "It only implied it."
sources = ["DOB"]

[[question]]
id = "q_strike"
decision = "respond"
options = ["strike"]
text = "You bombed the sites. Would a strike have removed every missile?"
answer = "Nobody could promise it: some missiles might have survived."
sources = ["DOB"]

[[question]]
id = "q_blockade"
decision = "respond"
options = ["blockade", "talk"]
text = "Why did most of you avoid bombing?"
answer = "A blockade bought time to think."
sources = ["DOB"]

[[question]]
id = "q_moscow"
decision = "moscow"
text = "What did Moscow want from the crisis?"
answer = "A way out that saved face."
sources = ["DOB"]

[[question]]
id = "q_general"
text = "Who gained in the end?"
answer = "Both leaders, a little; Castro least."
"""


@pytest.fixture
def scenario(tmp_path, mini_dir):
    folder = tmp_path / "scenario"
    shutil.copytree(mini_dir, folder)
    (folder / "debrief.toml").write_text(MINI_DEBRIEF, "utf-8")
    return load_scenario(folder)


@pytest.fixture
def class_app(tmp_path, scenario, monkeypatch):
    """``class_app(**kw)``: the app over ``saves`` (relative, so pictures do not show
    tmp_path) holding 8 games of classes 7A and 7B, Student 5 unfinished."""
    monkeypatch.chdir(tmp_path)
    make_class(scenario, Path("saves"), n=8, unfinished_after=0)

    def make(**kw):
        return create_app(Path("saves"), scenario, seed=1, **kw)

    return make


async def _open(pilot, **kw) -> DebriefScreen:
    pilot.app.open_debrief(**kw)
    await pilot.app.workers.wait_for_complete()  # the folder is read in a worker
    await pilot.pause()
    assert isinstance(pilot.app.screen, DebriefScreen)
    return pilot.app.screen


async def test_opens_from_the_title_menu_and_goes_back(class_app):
    app = class_app()
    async with app.run_test(size=SIZE) as pilot:
        menu = app.screen.query_one("#menu", OptionList)
        ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
        assert not menu.get_option_at_index(ids.index("debrief")).disabled
        menu.highlighted = ids.index("debrief")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen) and screen.debrief.overview.games == 8
        assert "Teacher debrief · 8 games · all classes · names hidden" in screen_text(screen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)


@pytest.mark.slow
async def test_every_topic_by_keyboard(class_app):
    """→ walks every page in order and stops at the end; ← back; PgDn/PgUp and 1–6 jump to
    the first page of a topic."""
    app = class_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        seen = [screen.page.title]
        for _ in range(len(screen.pages) + 2):
            await pilot.press("right")
            await pilot.pause()
            seen.append(screen.page.title)
        assert seen[: len(screen.pages)] == [p.title for p in screen.pages]
        assert seen[-1] == screen.pages[-1].title  # stops at the last page
        assert {p.topic for p in screen.pages} == set(range(len(TOPICS)))
        await pilot.press("left")
        await pilot.pause()
        assert screen.index == len(screen.pages) - 2
        await pilot.press("1")
        await pilot.pause()
        assert screen.index == 0
        for topic in range(1, len(TOPICS)):
            await pilot.press("pagedown")
            await pilot.pause()
            assert screen.page.topic == topic
            assert screen.pages[screen.index - 1].topic == topic - 1
            assert f"▸{TOPICS[topic]}" in screen_text(screen)
        await pilot.press("pageup", "pageup")
        await pilot.pause()
        assert screen.page.topic == len(TOPICS) - 3
        await pilot.press("4")
        await pilot.pause()
        assert screen.page.title == "Myth 1 of 2"


async def test_pages_show_the_figures(class_app, scenario):
    app = class_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(pilot)
        text = screen_text(screen)
        assert "Endings" in text and "Ended in nuclear war" in text
        await pilot.press("2")
        await pilot.pause()
        text = screen_text(screen)
        assert screen.page.title == "Decision 1 of 2: Respond to the photos"
        assert "◆ history" in text and "Curtis LeMay" in text and "History chose “Blockade”" in text
        await pilot.press("6")
        await pilot.pause()
        assert "None: every file in the folder was read." in screen_text(screen)


async def test_g_lists_every_page_and_enter_jumps_there(class_app):
    app = class_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("g")
        await pilot.pause()
        jump = app.screen
        assert isinstance(jump, JumpScreen)
        options = jump.query_one(OptionList)
        assert options.option_count == len(screen.pages)
        assert str(options.get_option_at_index(3).prompt) == f"Decisions · {screen.pages[3].title}"
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert app.screen is screen and screen.index == 3
        await pilot.press("g", "escape")
        await pilot.pause()
        assert app.screen is screen and screen.index == 3


async def test_h_holds_history_back_until_a(class_app):
    app = class_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(pilot)
        await pilot.press("2", "h")
        await pilot.pause()
        text = screen_text(screen)
        assert screen.page.topic == 1 and screen.hide_history
        assert "◆ history" not in text and "History chose" not in text
        assert "not as history" not in text and "press a to show it" in text
        await pilot.press("a")
        await pilot.pause()
        text = screen_text(screen)
        assert "◆ history" in text and "History chose “Blockade”" in text
        await pilot.press("right")
        await pilot.pause()
        assert "◆ history" not in screen_text(screen)  # held back again on the next decision
        await pilot.press("h")
        await pilot.pause()
        assert not screen.hide_history and "History chose" in screen_text(screen)


def test_bar_labels_are_whole_at_any_width():
    label = "Quarantine the island, with a strike held in reserve for later"
    b = Block("bar", label, 3, 8, True)
    wide = _bar(b, len(label)).plain
    assert wide.startswith(label + " █") and wide.endswith("3 ◆ history")
    narrow = _bar(b, 30).plain
    first, second = narrow.split("\n")
    assert first == label and second.startswith(" " * 31 + "█")
    assert "◆" not in _bar(b, 80, hold=True).plain


async def test_the_folder_is_read_in_a_worker_and_the_screen_answers_meanwhile(
    class_app, monkeypatch
):
    import threading

    from game.ui.screens import debrief as module

    release, real = threading.Event(), module.gather

    def slow(folder, scenario, progress=None):
        result = real(folder, scenario, progress)
        assert release.wait(10)
        return result

    monkeypatch.setattr(module, "gather", slow)
    app = class_app()
    async with app.run_test(size=SIZE) as pilot:
        app.open_debrief()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen) and not screen.ready
        for _ in range(100):  # the worker tells how far it got
            if "8 files read…" in screen_text(screen):
                break
            await pilot.pause(0.05)
        assert "Reading the saves in saves: 8 files read…" in screen_text(screen)
        assert not screen.ready
        await pilot.press("right", "g", "h", "e")  # nothing to act on yet: no error
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, DebriefHelp)  # the screen answers while it reads
        await pilot.press("escape")
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen and screen.ready and screen.page.title == "Overview"
        assert "8 games" in screen_text(screen)


async def test_names_are_hidden_until_n(class_app):
    app = class_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("5")
        await pilot.pause()
        assert screen.page.title == "Student 1 — 1 of 8" and "Pupil" not in screen_text(screen)
        await pilot.press("n")
        await pilot.pause()
        assert screen.page.title == "Student 1 (Pupil 0) — 1 of 8"
        assert "names shown" in screen_text(screen)
        await pilot.press("right", "n")
        await pilot.pause()
        assert screen.page.title == "Student 2 — 2 of 8" and "Pupil" not in screen_text(screen)


async def test_anonymize_keeps_names_hidden(class_app):
    app = class_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, anonymize=True)
        await pilot.press("5", "n")
        await pilot.pause()
        assert screen.page.title == "Student 1 — 1 of 8"
        keys = {k.key for k in screen.query_one(Footer).query("FooterKey")}
        assert "n" not in keys


async def test_the_palette_over_the_debrief_only_offers_the_debrief(class_app, tmp_path):
    """Ctrl+P on the debrief: its pages, names, export, help and themes; nothing that loads,
    saves or deletes a game. A page picked there is shown; no save is changed."""
    from textual.command import CommandList, CommandPalette

    before = {p: p.read_bytes() for p in (tmp_path / "saves").iterdir()}
    app = class_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _open(pilot)
        await pilot.press("ctrl+p")
        prompts: list[str] = []
        for _ in range(50):
            await pilot.pause(0.02)
            if isinstance(app.screen, CommandPalette):
                found = app.screen.query_one(CommandList)
                prompts = [
                    str(found.get_option_at_index(i).prompt) for i in range(found.option_count)
                ]
                if any("Go to: Files left out" in p for p in prompts):
                    break
        text = "\n".join(prompts)
        assert "Go to: Overview" in text and "Export the debrief" in text
        for word in ("Load", "Save game", "Delete", "Dossier"):
            assert word not in text, word
        await pilot.press(*"Files left out", "enter")
        await pilot.pause()
        assert app.screen is screen and screen.page.title == TOPICS[5]
    assert {p: p.read_bytes() for p in (tmp_path / "saves").iterdir()} == before


async def test_answers_and_facts_are_revealed_with_a(class_app):
    app = class_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("3")
        await pilot.pause()
        first = screen.debrief.questions[0]
        assert screen.page.title.startswith("Question 1 of")
        assert first.answer not in screen_text(screen) and "Press a to show" in screen_text(screen)
        await pilot.press("a")
        await pilot.pause()
        assert first.answer in screen_text(screen)
        await pilot.press("right")
        await pilot.pause()
        assert screen.debrief.questions[1].answer not in screen_text(screen)
        await pilot.press("4", "a")
        await pilot.pause()
        assert "Only the bombers did" in screen_text(screen)
        await pilot.press("1")
        await pilot.pause()
        keys = {k.key for k in screen.query_one(Footer).query("FooterKey")}
        assert "a" not in keys  # nothing to reveal on the overview


async def test_c_cycles_through_the_classes(class_app):
    app = class_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        seen = []
        for _ in range(3):
            await pilot.press("c")
            await pilot.pause()
            seen.append((screen.debrief.class_code, screen.debrief.overview.games))
        assert seen == [("7A", 4), ("7B", 4), (None, 8)]
        await pilot.press("c", "5")
        await pilot.pause()
        assert screen.page.title == "Student 1 — 1 of 4"
        assert "class 7A" in screen_text(screen)


@pytest.mark.slow
async def test_export_writes_beside_the_saves_folder(class_app, tmp_path):
    app = class_app()
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#export-path").value == "saves-debrief.html"
        await pilot.press("down", "down")  # CSV, one row per game
        await pilot.pause()
        assert app.screen.query_one("#export-path").value == "saves-debrief.csv"
        await pilot.press("enter", "enter")  # pick the format, then write
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        written = tmp_path / "saves-debrief.csv"
        assert written.exists() and "Pupil" not in written.read_text("utf-8-sig")
        assert written.read_text("utf-8-sig").count("\n") == 9
        await pilot.press("n", "e")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        html = (tmp_path / "saves-debrief.html").read_text("utf-8")
        assert "Student 1 (Pupil 0)" in html
        await pilot.press("e")
        await pilot.pause()
        box = app.screen.query_one("#export-path")
        box.value = "saves/report.json"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert ".json names are kept" in str(app.screen.query_one("#export-error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert not (tmp_path / "saves" / "report.json").exists()


def _state(app):
    s = app.screen
    if not isinstance(s, DebriefScreen):
        return type(s).__name__
    return (s.index, s.show_names, s.reveal, s.class_code, s.hide_history)


@pytest.mark.slow
async def test_every_footer_key_works_and_fits(class_app, size=(80, 24)):
    """On each topic, every key the footer shows lies on screen and changes something (at the
    smallest size the game allows; a larger one is checked for fit below)."""
    app = class_app()
    async with app.run_test(size=size) as pilot:
        for topic in "123456":
            screen = app.screen if isinstance(app.screen, DebriefScreen) else await _open(pilot)
            await pilot.press(topic)
            await pilot.pause()
            first = screen.index  # the topic's first page
            keys = [k for k in screen.query_one(Footer).query("FooterKey")]
            palette = next(k for k in keys if k.key == "ctrl+p")
            keys = [k for k in keys if k is not palette]
            assert keys and all(k.region.right <= palette.region.x for k in keys), topic
            assert palette.region.right <= size[0]
            dimmed = {k.key for k in keys if k.has_class("-disabled")}
            assert dimmed == ({"right"} if topic == "6" else set())
            for key in [k.key for k in keys]:
                if screen.index != first:  # back to the topic's first page before each key
                    await pilot.press(topic)
                    await pilot.pause()
                before = _state(app)
                await pilot.press(key)
                await pilot.pause()
                assert (_state(app) != before) == (key not in dimmed), (topic, key)
                if app.screen is not screen and app.screen is not None:
                    await pilot.press("escape")  # close what the key opened
                    await pilot.pause()
                if app.screen is not screen:  # it was Esc: the debrief is closed
                    assert key == "escape" and isinstance(app.screen, TitleScreen)
                    break
            assert all(w.region.right <= size[0] for w in screen.query(".debrief-figure"))


async def test_every_footer_key_fits_on_a_larger_screen(class_app, size=(120, 40)):
    """At 120x40 too, on each topic, the footer's keys and the figures lie on screen."""
    app = class_app()
    async with app.run_test(size=size) as pilot:
        screen = await _open(pilot)
        for topic in "123456":
            await pilot.press(topic)
            await pilot.pause()
            keys = list(screen.query_one(Footer).query("FooterKey"))
            palette = next(k for k in keys if k.key == "ctrl+p")
            keys = [k for k in keys if k is not palette]
            assert keys and all(k.region.right <= palette.region.x for k in keys), topic
            assert palette.region.right <= size[0]
            assert all(w.region.right <= size[0] for w in screen.query(".debrief-figure"))


async def test_help_lists_the_keys(class_app):
    app = class_app()
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, DebriefHelp)
        assert "show or hide the students' names" in screen_text(app.screen)


async def test_brink_debrief_opens_the_screen_and_esc_quits(class_app, monkeypatch, tmp_path):
    """`brink debrief DIR` builds the app with the factory and opens the debrief at once."""
    from game import cli

    ran = []
    monkeypatch.setattr(BrinkApp, "run", lambda self, **kw: ran.append(self))
    args = ["debrief", "saves", "--class", "7a", "--anonymize", "--scenario", "scenario"]
    assert cli.main(args) == 0
    app = ran[0]
    assert app.saves == Path("saves") and app.debrief_on_start["class_code"] == "7a"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen) and screen.standalone and screen.anonymize
        assert screen.debrief.class_code == "7A" and screen.debrief.overview.games == 4
        keys = {k.key for k in screen.query_one(Footer).query("FooterKey")}
        assert "c" not in keys and "n" not in keys  # one class kept, names never shown
        await pilot.press("escape")
        await pilot.pause()
        assert not app.is_running


async def test_brink_debrief_with_two_classes_shows_them_side_by_side(
    class_app, scenario, monkeypatch
):
    """`brink debrief DIR --class 7a --class 7B`: their games only (not 7C's), a page of the
    classes side by side after the highlights, and c cycles through those two."""
    import json

    from game import cli

    for m in make_class(scenario, Path("saves/7C"), n=2, classes=("7C",), seed=3):
        m.path.write_text(
            json.dumps({**json.loads(m.path.read_text("utf-8")), "id": f"c-{m.save.id}"})
        )
    ran = []
    monkeypatch.setattr(BrinkApp, "run", lambda self, **kw: ran.append(self))
    args = ["debrief", "saves", "--class", "7a", "--class", "7B", "--scenario", "scenario"]
    assert cli.main(args) == 0
    app = ran[0]
    assert app.debrief_on_start["side_by_side"] == ("7A", "7B")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.debrief.overview.games == 8  # 7C left out
        assert [p.title for p in screen.pages[:3]] == [
            "Overview",
            "Highlights",
            "Classes side by side",
        ]
        await pilot.press("right", "right")
        await pilot.pause()
        text = screen_text(screen)
        assert "Games: class 7A 4 · class 7B 4" in text and "7C" not in text
        assert "class 7A and class 7B" in screen_text(screen)
        seen = []
        for _ in range(3):
            await pilot.press("c")
            await pilot.pause()
            seen.append(screen.debrief.class_code)
        assert seen == ["7A", "7B", None]


# --- snapshots ---------------------------------------------------------------------------------


def _at(*keys: str):
    async def run_before(pilot):
        pilot.app.open_debrief()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()

    return run_before


@pytest.mark.parametrize("theme", THEMES)
def test_snapshot_overview(snap_compare, class_app, theme):
    """The overview at 80x24: "Teacher debrief · 8 games · all classes · names hidden" on top,
    the topics line with "▸Overview" marked and "page 1/17", the title bar "Overview", five
    framed big figures (8 games, 7 finished, nuclear war, as history, % diverged), the
    campaigns line by line, "Endings" with a bar per ending (history's marked "◆ history" in
    words) and the start of "Against history"; the footer ←→ Page, PgDn/Up Topic, n Names,
    c Class, e Export, ? Help, esc Back."""
    assert snap_compare(class_app(theme=theme), run_before=_at(), terminal_size=SIZE)


def test_snapshot_decision(snap_compare, class_app):
    """The first decision at 80x24: "▸Decisions", the title "Decision 1 of 2: Respond to the
    photos", "Tuesday 16 October 1962 · Advise Kennedy · 4 students chose", the bars Blockade
    (marked "◆ history"), Air strike and Talk with their counts written, "History chose
    “Blockade” (Kennedy, 1962-10-20)", "He chose a blockade.", "The advisers" with Curtis
    LeMay's "Bomb them.", and the questions for the class tied to this decision."""
    assert snap_compare(class_app(), run_before=_at("2"), terminal_size=SIZE)


@pytest.mark.parametrize("theme", THEMES)
def test_snapshot_question_revealed(snap_compare, class_app, theme):
    """The first question at 80x24 after `a`: "▸Questions", "Question 1 of 4", the question in
    bold, why it is asked ("N of 8 students chose ..."), then, marked by a bar on the left, the
    historians' answer and "Sources: DOB (One Minute to Midnight)"; the footer has a Answer."""
    assert snap_compare(class_app(theme=theme), run_before=_at("3", "a"), terminal_size=SIZE)


def test_snapshot_student_wide(snap_compare, class_app):
    """Student 1 at 120x40 with names shown (`n`): the title "Student 1 (Pupil 0) — 1 of 8",
    "Advise Kennedy · class 7A · the other side: historical · incidents: historical", the
    ending, three framed big figures (peak danger, DEFCON, % diverged), "Danger over time"
    as a sparkline with the values written "Danger by turn: ...", the choices marked ✓ or ✗
    in words ("as history" / "diverged; history: Blockade"), and "Who gained" lines."""
    assert snap_compare(class_app(), run_before=_at("5", "n"), terminal_size=(120, 40))


def test_snapshot_export(snap_compare, class_app):
    """The export box over the debrief at 80x24: "Export the debrief", the four formats with
    the first (HTML) marked ▶, "Write to (Enter writes):" and the path "saves-debrief.html",
    "Names hidden (press n on the debrief to show them)."; footer ^s Write, esc Cancel."""
    assert snap_compare(class_app(), run_before=_at("e"), terminal_size=SIZE)


async def test_an_empty_saves_folder_still_has_every_topic(tmp_path, scenario, monkeypatch):
    """From the title with no saves yet: the overview says so, and PgDn reaches every topic."""
    monkeypatch.chdir(tmp_path)
    app = create_app(Path("empty"), scenario, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        assert "No game to debrief (empty)" in screen_text(screen)
        topics = [screen.page.topic]
        for _ in TOPICS[1:]:
            await pilot.press("pagedown")
            await pilot.pause()
            topics.append(screen.page.topic)
        assert topics == list(range(len(TOPICS)))
        assert not any(tmp_path.iterdir()) or not (tmp_path / "empty").exists()


async def test_games_without_a_class_code_are_a_class_of_their_own(tmp_path, scenario, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_class(scenario, Path("saves"), n=4, classes=("7A", ""))
    app = create_app(Path("saves"), scenario, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("c", "c")
        await pilot.pause()
        assert screen.debrief.class_code == "" and screen.debrief.overview.games == 2
        assert "games without a class code" in screen_text(screen)


async def test_one_game_is_counted_in_the_singular(tmp_path, scenario, monkeypatch):
    """The top line says "1 game", not "1 games"."""
    monkeypatch.chdir(tmp_path)
    make_class(scenario, Path("saves"), n=1)
    app = create_app(Path("saves"), scenario, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        assert "Teacher debrief · 1 game · all classes" in screen_text(screen)
