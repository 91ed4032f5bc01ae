"""The pieces of ``brink serve`` that need no server: the class folder's name, the live reading
of the folder (only changed files read again), and what a browser may send."""

from __future__ import annotations

import contextlib
import gc
import os
import subprocess
import sys
from pathlib import Path

from game import engine
from game.debrief import gather
from game.saves import Game, write_save
from game.serve.command import class_folder
from game.serve.live import LiveFolder
from game.serve.server import LAUNCH, BrinkServer
from game.serve.tab import _number
from game.serve.warm import _acceptable, prepare


def test_class_folder_is_never_a_path_from_the_code(tmp_path):
    assert class_folder(tmp_path, "") == tmp_path
    assert class_folder(tmp_path, "7B") == tmp_path / "7B"
    assert class_folder(tmp_path, "../../etc") == tmp_path / "etc"
    assert class_folder(tmp_path, "..") == tmp_path / "class"
    assert class_folder(tmp_path, "7/B c") == tmp_path / "7-B-c"
    assert class_folder(tmp_path, "Zoë") == tmp_path / "Zo"


def _play(folder: Path, scenario, player: str, seed: int) -> Game:
    game = Game(scenario, engine.new_game(scenario, "kennedy", seed).state, player=player)
    write_save(folder, game.to_save())
    return game


def test_live_folder_reads_again_only_what_changed(tmp_path, cmc):
    games = [_play(tmp_path, cmc, f"s{i}", i) for i in range(3)]
    live = LiveFolder(tmp_path, cmc)
    first = live.gathered()
    assert len(first.games) == 3 and live.reads == 3
    assert live.gathered().games == first.games and live.reads == 3  # nothing changed
    games[0].choose(engine.view(cmc, games[0].state).options[0].id)
    write_save(tmp_path, games[0].to_save())
    (tmp_path / "junk.json").write_text("[]", "utf-8")
    now = live.gathered()
    assert live.reads == 5  # the changed save and the new file, nothing else
    assert now == gather(tmp_path, cmc)  # the same as `brink debrief` reads
    os.remove(tmp_path / "junk.json")
    assert not live.gathered().skipped and live.reads == 5


def test_presence_is_read_safely(tmp_path, cmc):
    live = LiveFolder(tmp_path, cmc)
    (tmp_path / ".playing").mkdir()
    (tmp_path / ".playing" / "ab12").write_text("class-k7-mq4p", "ascii")
    (tmp_path / ".playing" / "cd34").write_text("../../etc/passwd", "ascii")
    assert live.playing("ab12") == "class-k7-mq4p"
    assert live.playing("cd34") is None and live.playing("../x") is None
    live.forget("ab12")
    live.forget("../../x")
    assert live.playing("ab12") is None


def test_sizes_from_the_browser_are_bounded():
    assert _number("120", 80, 20, 500) == 120
    assert _number(10_000, 80, 20, 500) == 500
    for junk in ("", "-5", "1e9", "9" * 50, None, True, [1], 3.5):
        assert _number(junk, 80, 20, 500) == 80


def test_the_game_command_is_made_of_hex_alone(tmp_path, cmc):
    server = BrinkServer(tmp_path, LiveFolder(tmp_path, cmc))
    command = server.game_command("0123abcd")
    assert command.endswith("-m game.serve.student --session 0123abcd")
    assert len(server.token) >= 30


def test_the_warm_process_forks_only_for_a_well_formed_tab():
    env = dict(os.environ)
    assert _acceptable({"session": "0123abcd", "env": env})
    assert not _acceptable({"session": "../x", "env": env})
    assert not _acceptable({"session": "", "env": env})
    assert not _acceptable({"session": "ab", "env": {**env, "TEXTUAL_FPS": "1"}})  # other Textual
    assert not _acceptable({"session": "ab", "env": {"A": 1}})
    assert not _acceptable({"session": "ab"})


def test_the_warm_process_freezes_what_its_games_share():
    """What the warm process holds before it forks is frozen: a forked game's collections walk
    only what the game makes, and leave the shared pages alone."""
    assert gc.get_freeze_count() == 0
    try:
        prepare()
        frozen = gc.get_freeze_count()
        gc.collect()
        assert frozen > 10_000 and len(gc.get_objects()) < frozen / 10
    finally:
        gc.unfreeze()


def test_a_tab_process_refuses_a_bad_session_and_starts_alone_without_the_warm_process(tmp_path):
    launcher = [sys.executable, "-I", "-S", str(LAUNCH)]
    bad = subprocess.run([*launcher, str(tmp_path / "warm"), "../x"], capture_output=True)
    assert bad.returncode == 2 and b"started by `brink serve`" in bad.stderr
    alone = subprocess.run(  # no warm process: the game itself (which wants a classroom)
        [*launcher, str(tmp_path / "warm"), "ab12"], capture_output=True, timeout=60
    )
    assert alone.returncode == 2 and b"started by `brink serve`" in alone.stderr


def test_a_cancelled_stop_still_ends_the_game(tmp_path, cmc):
    """If asking a game to quit is cancelled part-way, its process is still ended."""
    import asyncio

    from game.serve import server as served

    ended = []

    class Service:
        async def stop(self):
            raise asyncio.CancelledError

    async def end(service):
        ended.append(service)

    async def run():
        server = BrinkServer(tmp_path, LiveFolder(tmp_path, cmc))
        service = Service()
        with contextlib.suppress(asyncio.CancelledError):
            await server._stop(service)
        return service

    original = served.end_process
    served.end_process = end
    try:
        service = asyncio.run(run())
    finally:
        served.end_process = original
    assert ended == [service]
