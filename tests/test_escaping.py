"""Untrusted text (file names, save fields, JSON keys) never reaches a terminal or a report raw:
control characters (C0, C1, ESC), newlines, bidi and zero-width characters are shown escaped."""

from __future__ import annotations

import json
import shutil
import unicodedata

import pytest
from debrief_class import make_class

from game import cli, engine
from game.model.problem import Problem
from game.saves import Game, write_save
from game.terminal import shown

HOSTILE_NAME = "\x1b[2J\x1b]0;TITLE\x07line\nbreak\u202eevil\u200b\x9b31m.json"
"""Clears the screen, retitles the terminal, splits a line, turns text around, hides a space
and starts a C1 control sequence, if printed raw."""


def raw_controls(text: str) -> list[str]:
    """The characters of ``text`` that must never be printed raw (newlines between lines
    apart)."""
    return [
        c for c in text if c != "\n" and unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs")
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("\x1b[2J", "\\x1b[2J"),
        ("a\nb\r\tc", "a\\nb\\r\\tc"),
        ("\x9b31m\x85", "\\x9b31m\\x85"),
        ("\u200f\u061c\u200b\u200d\ufeff\u2028\u2029\u202e", "\\u200f\\u061c\\u200b\\u200d\\ufeff\\u2028\\u2029\\u202e"),
        ("caf\udce9.json", "caf\\xe9.json"),
        ("Zoë Ødegaard, Хрущёв, 赫鲁晓夫 — ok", "Zoë Ødegaard, Хрущёв, 赫鲁晓夫 — ok"),
    ],
)  # fmt: skip
def test_shown_escapes_exactly_what_could_act_on_a_terminal(text, want):
    assert shown(text) == want


def test_a_problem_is_shown_escaped():
    p = Problem(file="a\x1b[2J.json", path='"\\u001b"', message="x\u202ey")
    assert str(p) == 'a\\x1b[2J.json: "\\u001b": x\\u202ey'


@pytest.fixture
def hostile_folder(tmp_path, mini):
    folder = tmp_path / "saves"
    game = Game(mini, engine.new_game(mini, "kennedy", 3).state, player="Ann")
    game.choose("blockade")
    good = write_save(folder, game.to_save())
    shutil.copy(good, folder / HOSTILE_NAME)  # a readable save under a hostile name
    (folder / ("broken" + HOSTILE_NAME)).write_text("{")
    raw = json.loads(good.read_text())
    (folder / "key.json").write_text(json.dumps({**raw, "\x1b[2J\u202e": 1}))
    return folder


def test_brink_saves_shows_hostile_names_escaped(hostile_folder, mini_dir, capsys):
    assert cli.main(["saves", "--saves-dir", str(hostile_folder), "--scenario", str(mini_dir)]) == 0
    out = capsys.readouterr().out
    assert raw_controls(out) == []
    # two games, two damaged files, the count: no line split but where the list wraps
    records = [line for line in out.splitlines() if not line.startswith(" ")]
    assert len(records) == 5
    assert "copy in \\x1b[2J\\x1b]0;TITLE\\x07line\\nbreak\\u202eevil\\u200b\\x9b31m.json" in out


def test_debrief_shows_hostile_names_escaped_everywhere(cmc, tmp_path, capsys):
    folder = tmp_path / "class"
    make_class(cmc, folder, n=3)
    (folder / HOSTILE_NAME).write_text("{")
    good = next(folder.glob("*.json"))
    shutil.copy(good, folder / ("copy" + HOSTILE_NAME))
    for fmt in ("md", "html", "csv"):
        assert cli.main(["debrief", str(folder), "--format", fmt]) == 0
        got = capsys.readouterr()
        assert raw_controls(got.out.replace("\r\n", "\n")) == [], fmt
        assert raw_controls(got.err) == [] and "skipped \\x1b[2J" in got.err, fmt
        assert len(got.err.splitlines()) == 2  # one line per file left out


def test_player_names_with_invisible_characters_are_refused_in_brinks_words(tmp_path, capsys):
    for name in ("evil\x1b[2J", "Ann\u200fBob", "zw\u200bsp", "line\u2028sep"):
        code = cli.main(["play", "--plain", "--saves-dir", str(tmp_path), "--player", name])
        err = capsys.readouterr().err
        assert code == 1 and "no control or invisible formatting characters" in err
        assert "pattern" not in err and raw_controls(err) == []
    assert not list(tmp_path.iterdir())
