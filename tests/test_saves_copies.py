"""A save never replaces a file holding a different or longer game: resuming a copy goes on
under a new id, and a file that holds the game further on is kept as it was."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

from game import cli, engine
from game.saves import Game, list_saves, open_save, read_save, write_save
from game.ui.saver import Saver


def play(scenario, moves: int, seed: int = 3) -> Game:
    game = Game(scenario, engine.new_game(scenario, "kennedy", seed).state, player="Ann")
    for _ in range(moves):
        options = engine.view(scenario, game.state).options
        game.choose(options[0].id)
    return game


def run_plain(monkeypatch, capsys, stdin: bytes, *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = cli.main(list(args))
    return code, capsys.readouterr().out


def test_resuming_an_older_copy_never_shortens_the_newer_game(tmp_path, monkeypatch, capsys):
    """The issue's steps: play, copy, play on in the original, then resume the copy."""
    folder = tmp_path / "ow"
    common = ["--plain", "--saves-dir", str(folder)]
    run_plain(monkeypatch, capsys, b"1\n1\nq\n", "play", *common, "--seed", "3")
    [original] = folder.glob("*.json")
    game_id = original.stem
    copy = folder / f"{game_id} (1).json"
    shutil.copy(original, copy)
    run_plain(monkeypatch, capsys, b"1\n1\n1\n1\n1\nq\n", "resume", game_id, *common)
    newer = original.read_bytes()
    longest = len(json.loads(newer)["choices"])
    assert longest > len(json.loads(copy.read_bytes())["choices"])
    code, out = run_plain(monkeypatch, capsys, b"1\nq\n", "resume", str(copy), "--plain")
    assert code == 0 and f"copy of game {game_id}" in out
    assert original.read_bytes() == newer  # the newer game is untouched
    games = {r.path.name: r.save for r in list_saves(folder)}
    assert len(games) == 3  # the original, the copy as it was, and the copy played on
    [fresh] = [s for name, s in games.items() if s.id != game_id]
    assert f"Resume with:\n  brink resume {fresh.id} --saves-dir {folder}\n" in out


def test_write_save_keeps_a_longer_or_different_game(tmp_path, cmc):
    short, long = play(cmc, 1), play(cmc, 3)
    long.id = short.id
    target = write_save(tmp_path, long.to_save())
    kept = target.read_bytes()
    path = write_save(tmp_path, short.to_save())  # the same game, not as far on
    assert path != target and target.read_bytes() == kept
    assert read_save(path).choices == short.to_save().choices
    other = play(cmc, 3, seed=4)  # another game under the same id
    other.id = long.id
    assert write_save(tmp_path, other.to_save()) != target and target.read_bytes() == kept
    further = play(cmc, 4)
    further.id = long.id
    further.created = long.created
    assert write_save(tmp_path, further.to_save()) == target  # the same game, further on
    (tmp_path / "x.json").write_text("{")
    damaged = play(cmc, 1)
    damaged.id = "x"
    assert write_save(tmp_path, damaged.to_save()) != tmp_path / "x.json"
    assert (tmp_path / "x.json").read_text() == "{"


def test_the_tui_saver_goes_on_under_one_new_id(tmp_path, cmc):
    long = play(cmc, 3)
    write_save(tmp_path, long.to_save())
    short = play(cmc, 1)
    short.id, short.created = long.id, long.created
    heard = []
    saver = Saver(lambda message: heard.append(message), lambda *ids: heard.append(ids))
    first = saver.submit(tmp_path, short.to_save()).result()
    short.choose(engine.view(cmc, short.state).options[0].id)
    second = saver.submit(tmp_path, short.to_save()).result()
    saver.close()
    assert first == second != tmp_path / f"{long.id}.json"
    assert heard == [(long.id, first.stem)]
    assert len(read_save(tmp_path / f"{long.id}.json").choices) == 3


def test_open_save_of_a_copy_goes_on_under_a_new_id(tmp_path, cmc):
    game = play(cmc, 2)
    original = write_save(tmp_path, game.to_save())
    copy = tmp_path / "mine.json"
    shutil.copy(original, copy)
    resumed, note = open_save(cmc, original)
    assert resumed.id == game.id and note is None
    resumed, note = open_save(cmc, copy)
    assert resumed.id != game.id and "copy of game" in note


def test_the_load_screen_tells_copies_apart(tmp_path, cmc):
    from game.ui.screens.load import LoadScreen

    game = play(cmc, 2)
    original = write_save(tmp_path, game.to_save())
    shutil.copy(original, tmp_path / f"{game.id} (1).json")
    texts = [str(o.prompt) for o in LoadScreen(list_saves(tmp_path), Path(tmp_path))._options()]
    assert len(texts) == 2 and texts[0] != texts[1]
    assert sum(f"copy in {game.id} (1).json" in t for t in texts) == 1
