"""The debrief's files: damaged, foreign and future saves are listed with the reason and skipped;
hostile names come out escaped in HTML and Markdown, quoted in CSV and never as a path;
``--anonymize`` and ``--class``; the command's exit codes; ``simulate --save``; and the saves are
never written over."""

from __future__ import annotations

import csv
import html
import io
import json
from pathlib import Path

import pytest
from debrief_class import HOSTILE, html_escaped, html_parts, make_class, play
from helpers import brink

from game.cli import main
from game.debrief import build, gather, render
from game.debrief.export import ExportError, write_report
from game.debrief.pages import pages
from game.debrief.text import left_out
from game.saves import read_save, resume, write_save

CMC_ID = "cuban_missile_crisis"


def files_of(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under the folder with its bytes and mtime, to prove nothing changed."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def messy(cmc, mini, tmp_path):
    """10 good games, then every kind of file that must be skipped, each with its reason."""
    folder = tmp_path / "saves"
    good = make_class(cmc, folder, n=10)
    raw = json.loads(good[0].path.read_text("utf-8"))
    (folder / "broken.json").write_text("{not json")
    (folder / "types.json").write_text(json.dumps({**raw, "id": "types", "seed": "x"}))
    (folder / "newline.json").write_text(json.dumps({**raw, "id": "nl", "player": "Ann\nBob"}))
    (folder / "future.json").write_text(json.dumps({**raw, "id": "future", "save_version": 2}))
    mini_game = play(mini, "kennedy", 1)
    mini_game.player = "Mini Player"
    write_save(folder, mini_game.to_save().model_copy(update={"id": "other-scenario"}))
    edited = {**raw["summary"], "peak_danger": raw["summary"]["peak_danger"] + 1}
    (folder / "edited.json").write_text(json.dumps({**raw, "id": "edited", "summary": edited}))
    (folder / "copy.json").write_text(good[1].path.read_text("utf-8"))
    (folder / "folder.json").mkdir()  # a sub-folder, read as one (empty)
    (folder / "notes.txt").write_text("not a save, not listed")
    old = json.loads(good[2].path.read_text("utf-8"))
    (folder / "old-same.json").write_text(
        json.dumps({**old, "id": "old-same", "content_hash": "ab12"})
    )
    gone = {**old, "id": "old-gone", "content_hash": "ab12"}
    gone["choices"] = [*old["choices"][:1], {**old["choices"][1], "option": "vanished"}]
    (folder / "old-gone.json").write_text(json.dumps(gone))
    return folder, good


REASONS = {
    "broken.json": "not valid JSON",
    "types.json": "seed",
    "newline.json": "player",
    "future.json": "save_version: version 2 is newer than this game reads (1); update Brink",
    "other-scenario.json": f"a game of another scenario ('mini', not '{CMC_ID}')",
    "edited.json": "summary: replaying the choices does not give the saved summary",
    "copy.json": "a second copy of a game (same save id)",
    "old-gone.json": "saved with another version of the scenario: only 1 of its",
}


def test_damaged_foreign_and_future_files_are_skipped_with_the_reason(cmc, messy):
    folder, good = messy
    before = files_of(folder)
    d = build(cmc, gather(folder, cmc))
    got = {s.file: s.reason for s in d.skipped}
    assert set(got) == set(REASONS)
    for name, reason in REASONS.items():
        assert reason in got[name], (name, got[name])
    assert {s.save_id for s in d.students} == {m.save.id for m in good} | {"old-same"}
    assert d.overview.games == 11
    assert files_of(folder) == before  # nothing read was changed


def test_cli_lists_skipped_files_on_stderr_and_reports_the_rest(messy, tmp_path, capsys):
    folder, _ = messy
    before = files_of(folder)
    out = tmp_path / "report.csv"
    assert main(["debrief", str(folder), "--format", "csv", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    for name, reason in REASONS.items():
        assert f"skipped {name}" in err and reason in err
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    assert len(rows) == 11
    assert files_of(folder) == before


@pytest.fixture
def hostile(cmc, tmp_path):
    folder = tmp_path / "class"
    make_class(cmc, folder, n=8, names=(*HOSTILE, "a|b *x*"))
    return folder


def test_hostile_names_escaped_in_html(hostile, tmp_path, capsys):
    assert main(["debrief", str(hostile), "--format", "html"]) == 0
    text = capsys.readouterr().out
    assert "<script>" not in text and "<script" not in text.lower()
    page = html_parts(text)
    assert "script" not in page.tags and not any("passwd" in a for a in page.attributes)
    for name in HOSTILE:
        escaped = html_escaped(name)
        assert escaped in text
        if escaped != name:
            assert name not in text
        assert name in page.text  # a browser shows the name as typed, as text
        assert not any(name in a for a in page.attributes)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&#34;quoted&#34;" in text and "Ann &amp; Bob" in text


def test_hostile_names_quoted_in_csv_and_read_back_exactly(hostile, capsys):
    assert main(["debrief", str(hostile), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["name"] for r in rows[:6]] == [*HOSTILE, "a|b *x*"]
    assert main(["debrief", str(hostile), "--format", "csv", "--per-decision"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["name"] for r in rows} >= set(HOSTILE)


def test_hostile_names_escaped_in_markdown_tables(hostile, capsys):
    assert main(["debrief", str(hostile), "--format", "md"]) == 0
    text = capsys.readouterr().out
    assert "<script>" not in text and "&lt;script>" in text
    assert "a\\|b \\*x\\*" in text and "a|b" not in text
    assert "Ann &amp; Bob" in text
    for line in text.splitlines():  # every table row has as many cells as its header
        if line.startswith("| Date "):
            cells = line.count(" | ")
        elif line.startswith("| ") and "Wednesday" in line:
            assert line.replace("\\|", "").count(" | ") == cells


def test_names_never_become_a_path(hostile, tmp_path, monkeypatch):
    """Reports land only at --out (or the default name made from the folder's name)."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    before = {p for p in tmp_path.rglob("*")}
    for fmt in ("md", "html", "csv"):
        assert main(["debrief", str(hostile), "--format", fmt, "--out", f"r.{fmt}"]) == 0
    after = {p for p in tmp_path.rglob("*")}
    assert after - before == {work / "r.md", work / "r.html", work / "r.csv"}
    assert not any("passwd" in p.name or "script" in p.name for p in after)


def test_anonymize_leaves_no_name_in_any_format(hostile, capsys):
    names = [*HOSTILE, "a|b *x*", "Pupil 6", "Pupil 7"]
    for args in (["md"], ["html"], ["csv"], ["csv", "--per-decision"]):
        assert main(["debrief", str(hostile), "--anonymize", "--format", *args]) == 0
        text = capsys.readouterr().out
        # CSV is checked cell by cell ("a,b" is also two neighbouring cells' letters)
        pieces = [c for row in csv.reader(io.StringIO(text)) for c in row]
        pieces = pieces if args[0] == "csv" else [text]
        for name in names:
            forms = {name, html_escaped(name), html.escape(name), html.escape(name, quote=False)}
            for form in forms:
                assert not any(form in p for p in pieces), (args, form)
        assert "Pupil" not in text
        if args[0] == "csv":
            rows = list(csv.DictReader(io.StringIO(text)))
            assert {r["name"] for r in rows} == {""} and rows[-1]["student"] == "8"
        else:
            assert "Student 8" in text
        assert ".json" not in text  # file names of games, which a teacher may have renamed


def test_class_option_keeps_one_class(cmc, tmp_path, capsys):
    folder = tmp_path / "class"
    make_class(cmc, folder, n=6, classes=("7A", "7B", ""))
    assert main(["debrief", str(folder), "--class", "7b", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["name"] for r in rows] == ["Pupil 1", "Pupil 4"]
    assert [r["student"] for r in rows] == ["1", "2"]
    assert main(["debrief", str(folder), "--class", "9Z", "--format", "csv"]) == 1
    err = capsys.readouterr().err
    assert "no game of class '9Z'" in err and "7A, 7B, (no class code)" in err


@pytest.mark.slow
def test_cli_exit_codes_and_messages(cmc, tmp_path):
    """A missing folder: 2; an empty folder or only damaged files: 1; never a traceback."""
    runs = [brink("debrief", str(tmp_path / "nope"), "--format", "md", text=True)]
    assert runs[-1].returncode == 2 and "no such folder" in runs[-1].stderr
    (tmp_path / "empty").mkdir()
    runs.append(brink("debrief", str(tmp_path / "empty"), "--format", "html", text=True))
    r = runs[-1]
    assert r.returncode == 1 and "no game to debrief" in r.stderr and "no .json" in r.stderr
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.json").write_text("[1, 2")
    (bad / "b.json").write_text('{"save_version": 99}')
    runs.append(brink("debrief", str(bad), "--format", "csv", text=True))
    r = runs[-1]
    assert r.returncode == 1 and r.stdout == ""
    assert "skipped a.json: damaged (" in r.stderr
    assert "skipped b.json: damaged (save_version: version 99" in r.stderr
    assert "2 file(s) left out" in r.stderr
    runs.append(brink("debrief", str(bad), "--per-decision", "--format", "md", text=True))
    assert runs[-1].returncode == 2 and "--per-decision goes with --format csv" in runs[-1].stderr
    runs.append(brink("debrief", str(bad), "--out", "report.txt", text=True))
    assert runs[-1].returncode == 2 and "add --format" in runs[-1].stderr
    assert all("Traceback" not in r.stdout + r.stderr for r in runs)


def test_out_never_writes_over_a_save(cmc, tmp_path, capsys):
    folder = tmp_path / "class"
    games = make_class(cmc, folder, n=3)
    before = files_of(folder)
    target = games[0].path
    assert main(["debrief", str(folder), "--format", "md", "--out", str(target)]) == 1
    assert "is a saved game" in capsys.readouterr().err
    new_json = folder / "report.json"
    assert main(["debrief", str(folder), "--format", "csv", "--out", str(new_json)]) == 1
    assert ".json names are kept for saved games" in capsys.readouterr().err
    assert files_of(folder) == before and not new_json.exists()
    report = tmp_path / "report.html"
    report.write_text("last week's report")
    assert main(["debrief", str(folder), "--out", str(report)]) == 0  # format from the name
    assert report.read_text("utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(ExportError, match="is a folder"):
        write_report(tmp_path, "x", "md")


def test_simulate_save_writes_loadable_games_deterministically(cmc, tmp_path, capsys):
    def simulate(folder: Path, role: str, seed: str) -> list:
        args = ["simulate", "--role", role, "--policy", "random", "--runs", "6", "--seed", seed]
        assert main([*args, "--save", "--saves-dir", str(folder), "--class", "9C"]) == 0
        assert f"Saved 6 games in {folder} (class 9C)" in capsys.readouterr().out
        saves = [read_save(p) for p in sorted(folder.glob("*.json"))]
        for s in saves:
            game, note = resume(cmc, s)
            assert note is None and game.state.ending == s.summary.ending
        return saves

    a = simulate(tmp_path / "a", "kennedy", "3")
    assert len(a) == 6 and all(s.class_code == "9C" and s.player for s in a)
    assert all(s.player.endswith(".") and len(s.player.split()) == 2 for s in a)
    assert len({s.player for s in a}) > 1
    b = simulate(tmp_path / "b", "kennedy", "3")

    def key(saves):
        return [
            (s.id, s.player, s.seed, [(c.decision, c.option) for c in s.choices]) for s in saves
        ]

    assert key(a) == key(b)
    other = simulate(tmp_path / "other", "kennedy", "50")
    assert {s.player for s in other} != {s.player for s in a}
    c = simulate(tmp_path / "a", "khrushchev", "3")  # the same folder: both roles side by side
    assert len(c) == 12 and {s.role for s in c} == {"kennedy", "khrushchev"}
    d = build(cmc, gather(tmp_path / "a", cmc))
    assert d.overview.games == 12 and d.skipped == ()


def test_simulate_save_refuses_a_bad_class_code(tmp_path, capsys):
    args = ["simulate", "--role", "kennedy", "--policy", "dove", "--runs", "2"]
    assert main([*args, "--save", "--saves-dir", str(tmp_path), "--class", "x" * 61]) == 1
    assert "--class" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_render_unknown_format_is_refused(cmc, tmp_path):
    folder = tmp_path / "c"
    make_class(cmc, folder, n=1)
    with pytest.raises(ValueError, match="unknown format"):
        render(build(cmc, gather(folder, cmc)), "pdf")


@pytest.fixture
def named_files(cmc, tmp_path):
    """Four games, a damaged file and a copy, both named after the student (as a teacher or a
    platform names them), the damaged one still holding its student's name."""
    folder = tmp_path / "class"
    good = make_class(cmc, folder, n=4, names=("Tom Jones", "Ann Lee", "Raj Patel", "Eve Ng"))
    raw = json.loads(good[0].path.read_text("utf-8"))
    (folder / "Tom's game (copy).json").write_text(good[0].path.read_text("utf-8"))
    damaged = json.dumps({**raw, "seed": "x", "player": "Zoe Black"})
    (folder / "Zoe Black - game.json").write_text(damaged)
    return folder


def test_anonymize_names_no_file_left_out_nor_its_student(named_files, capsys):
    for fmt in ("md", "html", "csv"):
        assert main(["debrief", str(named_files), "--anonymize", "--format", fmt]) == 0
        out, err = capsys.readouterr()
        for text in (out, err):
            for word in ("Tom", "Zoe", "Black", "Jones", "Ann Lee", ".json", "copy)"):
                assert word not in text, (fmt, word)
        # sorted by file name: "Zoe Black - game.json", then the copy not counted
        assert "skipped file 1: damaged (seed:" in err
        assert "skipped file 2: a second copy of a game" in err
        if fmt != "csv":
            assert "file 1: damaged (seed:" in out and "file 2: a second copy of a game" in out


def test_files_left_out_say_whose_they_were_with_names_shown(cmc, named_files):
    d = build(cmc, gather(named_files, cmc))
    shown = [left_out(s, True) for s in d.skipped]
    hidden = [left_out(s, False) for s in d.skipped]
    assert shown[0].startswith("Zoe Black - game.json (Zoe Black's game): damaged (seed: ")
    # two identical copies: one is counted, the other named with whose it was and the kept one
    assert "(Tom Jones's game): a second copy of a game" in shown[1]
    assert shown[1].endswith(("; counted: Tom's game (copy).json", "; counted: class-000.json"))
    assert hidden[0].startswith("file 1: damaged (seed: ") and "Zoe" not in hidden[0]
    assert hidden[1].startswith("file 2: a second copy") and "json" not in hidden[1]
    skipped_page = pages(d, show_names=False)[-1]
    words = " ".join(b.text for b in skipped_page.blocks)
    assert "file 1: damaged" in words and ".json" not in words and "Zoe" not in words
