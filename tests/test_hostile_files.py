"""Hostile entries where Brink reads and writes: FIFOs, device symlinks, folders, huge and deeply
nested files, byte-order marks, stale temporary files, and report targets that are not regular
files. Every read finishes at once with the problem named; nothing hostile is ever changed."""

from __future__ import annotations

import json
import os
import stat
import sys
import threading
import time
from pathlib import Path

import pytest
from debrief_class import make_class

from game import cli, engine, reading
from game.content import ScenarioError, content_hash, load_scenario
from game.saves import Game, discoveries, installed_scenarios, list_saves, read_save, write_save
from game.saves.atomic import NotRegular, atomic_write, remove_stale

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
needs_dev_zero = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")


def good_save(mini):
    game = Game(mini, engine.new_game(mini, "kennedy", 3).state, player="Ann")
    game.choose("blockade")
    return game.to_save()


def within(seconds: float, fn, *args):
    """``fn(*args)``, failing the test (not hanging it) if it does not return in time."""
    box: dict = {}

    def run():
        try:
            box["value"] = fn(*args)
        except BaseException as exc:  # handed to the test below
            box["error"] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"{fn.__name__} still running after {seconds} s (blocked?)"
    if "error" in box:
        raise box["error"]
    return box.get("value")


def problems(folder: Path) -> list[str]:
    with pytest.raises(ScenarioError) as exc:
        within(10, load_scenario, folder)
    return [str(p) for p in exc.value.problems]


# --- the one reader -------------------------------------------------------------------------


def test_reader_refuses_what_is_not_a_regular_file(tmp_path):
    (tmp_path / "folder").mkdir()
    with pytest.raises(reading.Unreadable, match="not a regular file: a folder"):
        reading.read_bytes(tmp_path / "folder", 100)
    with pytest.raises(reading.Unreadable, match="no such file"):
        reading.read_bytes(tmp_path / "nothing", 100)
    (tmp_path / "big").write_bytes(b"x" * 101)
    with pytest.raises(reading.TooLarge):
        reading.read_bytes(tmp_path / "big", 100)
    assert reading.decode(b"\xef\xbb\xbfa\xc3\xa9") == "a\u00e9"


def test_reader_asks_for_the_files_size_not_a_megabyte(tmp_path, monkeypatch):
    """The first read asks for the file's size and one byte more: a megabyte buffer for a
    small file, given back at once, left the allocator holding memory for the rest of a game.
    A file over the limit is still refused."""
    asked = []
    real_read = os.read
    monkeypatch.setattr(reading.os, "read", lambda fd, n: asked.append(n) or real_read(fd, n))
    small = tmp_path / "small.toml"
    small.write_bytes(b"x" * 3000)
    assert reading.read_bytes(small, 2_000_000) == b"x" * 3000
    assert asked[0] == 3001 and max(asked) <= 1 << 16
    with pytest.raises(reading.Unreadable):
        reading.read_bytes(small, 2999)


@needs_fifo
def test_reader_never_blocks_on_a_fifo(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(reading.Unreadable, match="a FIFO"):
        within(5, reading.read_bytes, tmp_path / "pipe", 100)


@needs_dev_zero
def test_reader_refuses_a_symlink_to_a_device_without_reading_it(tmp_path):
    (tmp_path / "zero").symlink_to("/dev/zero")
    with pytest.raises(reading.Unreadable, match="a device"):
        within(5, reading.read_bytes, tmp_path / "zero", 10**9)


# --- scenario folders -----------------------------------------------------------------------


@needs_fifo
def test_a_fifo_decision_file_is_a_named_problem_not_a_hang(copy_mini):
    os.mkfifo(copy_mini / "decisions" / "zz.toml")
    assert "decisions/zz.toml: not a regular file: a FIFO (named pipe)" in problems(copy_mini)
    within(5, content_hash, copy_mini)  # the scenario cache hashes the files first


@needs_fifo
def test_a_fifo_scenario_toml_is_not_called_missing(copy_mini):
    (copy_mini / "scenario.toml").unlink()
    os.mkfifo(copy_mini / "scenario.toml")
    assert "scenario.toml: not a regular file: a FIFO (named pipe)" in problems(copy_mini)
    assert "mini" not in within(5, installed_scenarios, copy_mini)


@needs_dev_zero
def test_a_symlink_to_dev_zero_is_a_named_problem(copy_mini):
    (copy_mini / "events.toml").unlink()
    (copy_mini / "events.toml").symlink_to("/dev/zero")
    assert "events.toml: not a regular file: a device" in problems(copy_mini)


def test_an_optional_file_that_is_a_folder_is_not_silently_absent(copy_mini):
    (copy_mini / "events.toml").unlink()
    (copy_mini / "events.toml").mkdir()
    assert "events.toml: not a regular file: a folder" in problems(copy_mini)


def test_deeply_nested_toml_is_a_problem_not_a_traceback(copy_mini):
    (copy_mini / "glossary.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert "glossary.toml: nested too deeply to read" in problems(copy_mini)


def test_a_byte_order_mark_is_read(copy_mini, mini):
    path = copy_mini / "endings.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_scenario(copy_mini).endings == mini.endings


# --- discoveries, cache ---------------------------------------------------------------------


@needs_fifo
def test_discoveries_as_a_fifo_or_device_count_as_nothing_found(tmp_path):
    os.mkfifo(tmp_path / "discoveries.json")
    assert within(5, discoveries.read_found, tmp_path, "s") == frozenset()
    with pytest.raises(NotRegular):  # and recording never replaces the FIFO
        discoveries.record_found(tmp_path, "s", "a")
    assert stat.S_ISFIFO(os.lstat(tmp_path / "discoveries.json").st_mode)
    if Path("/dev/zero").exists():
        (tmp_path / "discoveries.json").unlink()
        (tmp_path / "discoveries.json").symlink_to("/dev/zero")
        assert within(5, discoveries.read_found, tmp_path, "s") == frozenset()


def test_discoveries_keep_what_they_can_and_read_a_bom(tmp_path):
    data = {"version": 1, "found": {"s": ["a", 3, "b"], "t": "x", "u": ["c"]}, "new": 1}
    (tmp_path / "discoveries.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(data).encode())
    assert discoveries.read_found(tmp_path, "s") == {"a", "b"}
    assert discoveries.record_found(tmp_path, "s", "d") == {"a", "b", "d"}
    got = json.loads((tmp_path / "discoveries.json").read_text())
    assert got == {"version": 1, "found": {"s": ["a", "b", "d"], "u": ["c"]}}


@needs_fifo
def test_a_fifo_in_the_cache_is_no_cache(tmp_path, monkeypatch):
    from game import paths

    monkeypatch.setenv("BRINK_CACHE_DIR", str(tmp_path))
    os.mkfifo(tmp_path / "title.pickle")
    assert within(5, paths.read_cache, "title.pickle") is None


def test_there_is_one_atomic_write():
    """Only game/saves/atomic.py renames a file into place."""
    root = Path(cli.__file__).parent
    users = sorted(
        str(p.relative_to(root)) for p in root.rglob("*.py") if "os.replace(" in p.read_text()
    )
    assert users == ["saves/atomic.py"]


# --- writing --------------------------------------------------------------------------------


def hostile_targets(tmp_path: Path) -> dict[str, Path]:
    real = tmp_path / "real.md"
    real.write_text("the teacher's notes")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    targets = {"symlink": link}
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo.md")
        targets["FIFO"] = tmp_path / "fifo.md"
    if Path("/dev/null").exists():
        dev = tmp_path / "null.md"
        dev.symlink_to("/dev/null")
        targets["device link"] = dev
    return targets


def state_of(path: Path) -> tuple:
    st = os.lstat(path)
    return st.st_mode, st.st_ino, os.readlink(path) if stat.S_ISLNK(st.st_mode) else None


def test_atomic_write_refuses_what_is_not_a_regular_file(tmp_path):
    for what, target in hostile_targets(tmp_path).items():
        before = state_of(target)
        with pytest.raises(NotRegular, match="not a regular file"):
            atomic_write(target, b"report")
        assert state_of(target) == before, what
    assert (tmp_path / "real.md").read_text() == "the teacher's notes"
    assert not list(tmp_path.glob(".*.tmp"))


def test_debrief_out_leaves_symlinks_fifos_and_devices_as_they_were(cmc, tmp_path, capsys):
    folder = tmp_path / "saves"
    make_class(cmc, folder, n=2)
    for what, target in hostile_targets(tmp_path).items():
        before = state_of(target)
        code = cli.main(["debrief", str(folder), "--format", "md", "--out", str(target)])
        err = capsys.readouterr().err
        assert code == 1 and "is not a regular file" in err and "left as it was" in err, what
        assert state_of(target) == before, what
    if Path("/dev/null").exists():  # the node itself, as root would see it
        before = os.stat("/dev/null")
        assert cli.main(["debrief", str(folder), "--format", "md", "--out", "/dev/null"]) == 1
        assert os.stat("/dev/null").st_ino == before.st_ino
    assert cli.main(["debrief", str(folder), "--format", "csv", "--out", "-"]) == 0
    assert capsys.readouterr().out.startswith("student,")
    assert not (Path.cwd() / "-").exists()


def test_stale_temporary_files_are_removed_when_the_folder_is_next_used(tmp_path, mini):
    folder = tmp_path / "saves"
    folder.mkdir()
    old = time.time() - 3600
    stale = [folder / ".20260101-000000-abcdef1234.k2j4_x9a.tmp", folder / ".x.abcdefgh.tmp"]
    for p in stale:
        p.write_bytes(b"")
        os.utime(p, (old, old))
    fresh = folder / ".20260101-000000-abcdef1234.fresh123.tmp"
    fresh.write_bytes(b"{")
    kept = [folder / ".notes.tmp", folder / "keep.abcdefgh.tmp"]  # not our names
    for p in kept:
        p.write_bytes(b"")
        os.utime(p, (old, old))
    link = folder / ".link.abcdefgh.tmp"
    link.symlink_to(folder / ".notes.tmp")
    os.utime(link, (old, old), follow_symlinks=False)
    list_saves(folder)
    assert not any(p.exists() for p in stale)
    assert fresh.exists() and all(p.exists() for p in kept) and link.is_symlink()
    for p in stale:
        p.write_bytes(b"")
        os.utime(p, (old, old))
    write_save(folder, good_save(mini))
    assert not any(p.exists() for p in stale)
    assert remove_stale(tmp_path / "nowhere") == 0


def test_a_save_in_a_folder_that_is_a_file_says_so(tmp_path, mini):
    (tmp_path / "saves").write_text("x")
    with pytest.raises(NotADirectoryError, match="not a folder"):
        write_save(tmp_path / "saves", good_save(mini))


# --- damaged saves in words -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "(top level)", "not valid JSON: nested too deeply"),
        (b'{"save_version": ' + b"9" * 5000 + b"}", "(top level)", "a number far too long"),
        (b'{"save_version": 1, "id": "ab', "line 1 column 27", "a string is not closed"),
        (b'{"save_version": 1, "id": ', "line 1 column 27", "the file ends too early"),
        (b'{"save_version": 1 "id": 2}', "line 1 column 20", "a comma is missing here"),
        (b'{"save_version": ' + b"9" * 4000 + b"}", "save_version", "far newer than this game"),
    ],
)
def test_damaged_saves_are_explained_in_words(tmp_path, data, field, words):
    path = tmp_path / "x.json"
    path.write_bytes(data)
    with pytest.raises(Exception) as exc:
        read_save(path)
    problem = exc.value.problem
    assert problem.path == field and words in problem.message
    for jargon in ("RecursionError", "ValueError", "Expecting", "9999"):
        assert jargon not in str(problem)
    assert len(str(problem)) < 200
    assert sys.getrecursionlimit() < 100_000  # the nesting above really was too deep


def test_conditions_nested_hundreds_deep_are_one_short_problem(copy_mini):
    path = copy_mini / "decisions" / "day1.toml"
    cond = '{ kind = "flag", flag = "blockade" }'
    for _ in range(300):
        cond = '{ kind = "not", of = ' + cond + " }"
    text = path.read_text("utf-8").replace('id = "talk"', f'id = "talk"\nwhen = {cond}', 1)
    path.write_text(text, "utf-8")
    [problem] = problems(copy_mini)
    assert problem.endswith("when.of.of.of...: nested too deeply (conditions inside conditions)")
    assert len(problem) < 200
