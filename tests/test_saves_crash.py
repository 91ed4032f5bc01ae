"""Saves under stress: processes killed (SIGKILL) at random moments while saving, and two
processes saving different games into one folder at once. Uses fork, so POSIX only."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from game import engine
from game.saves import Game, list_saves, read_save, write_save

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

KILLS = 400


def child(work) -> int:
    """Run ``work`` in a forked process that never returns into pytest."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            work()
        except BaseException:
            code = 1
        os._exit(code)
    return pid


def versions(mini, n: int):
    """n saves of one game, of different sizes (the name) and times: each may replace any
    other (a save never replaces the same game further on, so all hold the same choices)."""
    game = Game(mini, engine.new_game(mini, "kennedy", 5).state, player="Kim", class_code="8A")
    game.choose("talk")
    save = game.to_save()
    return [
        save.model_copy(
            update={
                "updated": f"2025-01-01T00:00:{i % 60:02d}Z",
                "player": "Kim" + "m" * (7 * i % 50),
            }
        )
        for i in range(n)
    ]


@pytest.mark.slow
def test_killed_while_saving_the_folder_holds_the_old_or_the_new_save(tmp_path, mini):
    """A child saves one game in a tight loop and is killed with SIGKILL after a random delay,
    400 times. After each kill the save is complete and loadable, equal to one of the
    versions written; no half-written file is ever listed as a save."""
    rng = random.Random(1962)
    saves = versions(mini, 8)
    target = write_save(tmp_path, saves[0])  # the previous save always exists
    known = {s.model_dump_json() for s in saves}
    mid_write = 0

    def loop():
        i = 0
        while True:
            write_save(tmp_path, saves[i % len(saves)])
            i += 1

    for _ in range(KILLS):
        pid = child(loop)
        time.sleep(rng.uniform(0, 0.003))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        assert read_save(target).model_dump_json() in known
        rows = list_saves(tmp_path)
        assert len(rows) == 1 and rows[0].save is not None and rows[0].path == target
        strays = [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
        mid_write += bool(strays)
        for p in strays:  # left by a kill mid-write; never a save, cleared for the next round
            p.unlink()
    assert mid_write > KILLS // 20, "the kills should often land in the middle of a save"


@pytest.mark.slow
def test_two_processes_saving_different_games_at_once_lose_nothing(tmp_path, mini):
    """Two processes each save 1,000 times (100 games, 10 saves each) into one folder while the
    test lists it: every game is there, complete, as its last save left it; no listing ever
    shows a damaged file."""

    def writer(tag: int):
        def work():
            rng = random.Random(tag)
            games = [
                Game(mini, engine.new_game(mini, "kennedy", tag * 1000 + i).state, player=f"p{tag}")
                for i in range(100)
            ]
            for round_ in range(10):
                for g in games:
                    save = g.to_save().model_copy(update={"class_code": f"r{round_}"})
                    write_save(tmp_path, save)
                    if rng.random() < 0.01:
                        time.sleep(0.0005)
            (tmp_path / f"done-{tag}").write_text("\n".join(g.id for g in games))

        return work

    running = {child(writer(1)), child(writer(2))}
    listings = 0
    while running:
        rows = list_saves(tmp_path)
        assert all(r.save is not None for r in rows), [r.problem for r in rows if r.problem]
        listings += 1
        for pid in list(running):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                running.discard(pid)
                assert os.waitstatus_to_exitcode(status) == 0
    ids = set()
    for tag in (1, 2):
        ids |= set((tmp_path / f"done-{tag}").read_text().split())
    assert len(ids) == 200
    rows = list_saves(tmp_path)
    assert {r.save.id for r in rows} == ids and all(r.save.class_code == "r9" for r in rows)
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
    assert listings > 0


def test_a_failed_write_leaves_the_old_save_and_no_temp_file(tmp_path, mini, monkeypatch):
    saves = versions(mini, 2)
    target = write_save(tmp_path, saves[0])
    before = target.read_bytes()

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space"):
        write_save(tmp_path, saves[1])
    assert target.read_bytes() == before
    assert sorted(p.name for p in Path(tmp_path).iterdir()) == [target.name]
