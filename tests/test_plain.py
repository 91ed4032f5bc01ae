"""Plain mode driven through stdin: whole games, bad input, end of input, resume."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import MINI, brink, ctrl_c_as_in_a_terminal

from game.content import load_scenario
from game.engine import new_game, shown_position


def play_mini(tmp_path: Path, stdin: bytes, *extra: str):
    return brink(
        "play",
        "--plain",
        "--scenario",
        str(MINI),
        "--seed",
        "1",
        "--saves-dir",
        str(tmp_path),
        *extra,
        stdin=stdin,
    )


def key(folder: Path, role: str, option_id: str, seed: int = 1) -> int:
    """The number of an option in the first turn as shown (the order is drawn from the seed)."""
    scenario = load_scenario(folder)
    return shown_position(scenario, new_game(scenario, role, seed).state, option_id)


def only_save(tmp_path: Path) -> dict:
    files = [p for p in tmp_path.glob("*.json") if p.name != "discoveries.json"]
    assert len(files) == 1, files
    return json.loads(files[0].read_text())


def test_whole_game_reaches_an_ending_and_saves(tmp_path):
    """Choosing the blockade plays to the historical ending, shows the record, and saves."""
    r = play_mini(
        tmp_path,
        f"{key(MINI, 'kennedy', 'blockade')}\n".encode(),
        "--player",
        "Ann",
        "--class",
        "10B",
    )
    out = r.stdout.decode()
    assert r.returncode == 0, r.stderr
    assert "You matched history" in out
    assert "*** A deal ***" in out
    assert "+1 Danger (2 \u2192 3, worse): ships face each other" in out  # worse in words
    assert "Divergence from history: 0%" in out
    save = only_save(tmp_path)
    assert save["save_version"] == 1
    assert save["summary"]["ending"] == "deal"
    assert save["player"] == "Ann" and save["class_code"] == "10B"
    assert [c["option"] for c in save["choices"]] == ["blockade"]


@pytest.mark.parametrize(
    ("line", "answer"),
    [
        (b"\n", b"Type a number from 1 to 3"),
        (b"blockade\n", b"is not an option"),
        (b"0\n", b"There is no option 0"),
        (b"4\n", b"There is no option 4"),
        (b"-1\n", b"is not an option"),
        (b"99999999999999999999999\n", b"There is no option"),
        (b"x" * 5000 + b"\n", b"That line is too long"),
        (b"\xff\xfe\x80\n", b"is not an option"),
        (b"\xd9\xa3\n", b"is not an option"),  # an Arabic-Indic digit is not a menu number
    ],
)
def test_bad_input_is_answered_and_asked_again(tmp_path, line, answer):
    """Every kind of bad line gets a message, no traceback, and the game goes on to the end."""
    r = play_mini(tmp_path, line + b"1\n")
    assert r.returncode == 0
    assert answer in r.stdout, r.stdout[-400:]
    assert b"Traceback" not in r.stdout + r.stderr
    assert b"*** A deal ***" in r.stdout


def test_end_of_input_saves_and_exits_zero(tmp_path):
    """With no input at all, the game saves where it stands and exits 0."""
    r = play_mini(tmp_path, b"")
    assert r.returncode == 0
    assert b"End of input: game saved as" in r.stdout
    save = only_save(tmp_path)
    assert save["choices"] == [] and save["summary"]["ending"] is None


def test_quit_saves_and_resume_continues(tmp_path):
    """q saves; brink resume replays the save and plays on to the ending."""
    r = play_mini(tmp_path, b"h\nt\nq\n")
    assert r.returncode == 0 and b"Resume with:\n  brink resume" in r.stdout
    assert b"How to play" in r.stdout and b"Tension log" not in r.stdout
    save_id = only_save(tmp_path)["id"]
    r2 = brink(
        "resume",
        save_id,
        "--plain",
        "--scenario",
        str(MINI),
        "--saves-dir",
        str(tmp_path),
        stdin=f"{key(MINI, 'kennedy', 'blockade')}\n".encode(),
    )
    assert r2.returncode == 0, r2.stderr
    assert b"*** A deal ***" in r2.stdout
    assert only_save(tmp_path)["summary"]["ending"] == "deal"


def test_irreversible_option_asks_first(tmp_path):
    """The air strike (irreversible, +5 danger) asks for confirmation; 'n' takes it back."""
    n = key(MINI, "kennedy", "strike")
    r = play_mini(tmp_path, f"{n}\nn\n{n}\ny\n".encode())
    out = r.stdout.decode()
    assert out.count("cannot be undone") == 2
    assert out.count("=== Tuesday 16 October 1962") == 2  # asked again after 'n'
    assert "You diverged from history" in out


def test_player_name_with_control_characters_is_refused(tmp_path):
    """A name with a control character is refused with a message naming the field."""
    r = play_mini(tmp_path, b"1\n", "--player", "Ann\x1b[31m")
    assert r.returncode == 1
    assert b"player" in r.stderr and b"Traceback" not in r.stderr
    assert list(tmp_path.glob("*.json")) == []


def test_resume_of_a_damaged_file_names_it_and_keeps_it(tmp_path):
    """A broken save is reported with its name; the file is left exactly as it was."""
    bad = tmp_path / "broken.json"
    bad.write_bytes(b"{not json")
    r = brink("resume", str(bad), "--plain", "--scenario", str(MINI))
    assert r.returncode == 1
    assert b"broken.json" in r.stderr and b"not valid JSON" in r.stderr
    assert bad.read_bytes() == b"{not json"


def test_saves_lists_games_and_damaged_files(tmp_path):
    """brink saves shows each game and marks a damaged file with the reason."""
    play_mini(tmp_path, b"1\n", "--player", "Bo")
    (tmp_path / "junk.json").write_text("[1, 2]")
    r = brink("saves", "--saves-dir", str(tmp_path), "--scenario", str(MINI))
    out = r.stdout.decode()
    assert r.returncode == 0
    assert "Bo" in out and "deal" in out
    assert "DAMAGED  junk.json" in out and "expected a JSON object" in out
    # without the mini scenario installed, its game is listed as damaged with the reason
    r = brink("saves", "--saves-dir", str(tmp_path))
    told = " ".join(line.strip() for line in r.stdout.decode().splitlines())  # lines wrap at 80
    assert "scenario_id: a game of 'mini', which is not installed" in told


def test_khrushchev_campaign_plays_from_1959_to_the_historical_settlement(tmp_path):
    """`play --role khrushchev --plain` on the shipped scenario, answering as history did: it
    opens in January 1959, passes through the crisis seen from Moscow, and ends in the
    historical settlement with every choice matching history."""
    from game.content import load_scenario
    from game.engine import choose, new_game, view

    cmc = load_scenario()
    state = new_game(cmc, "khrushchev", 1).state
    lines = []
    while state.pending and state.ending is None:
        ids = [o.id for o in view(cmc, state).options]
        pick = cmc.decision(state.pending).history.option
        lines.append(f"{ids.index(pick) + 1}\n")
        state = choose(cmc, state, pick).state
    r = brink(
        "play",
        "--role",
        "khrushchev",
        "--plain",
        "--seed",
        "1",
        "--saves-dir",
        str(tmp_path),
        stdin="".join(lines).encode(),
    )
    out = r.stdout.decode()
    assert r.returncode == 0, r.stderr
    assert out.index("=== January 1959 ===") < out.index("October 1962")
    assert out.count("You matched history") == len(lines) >= 12
    assert "you diverged" not in out and "Traceback" not in r.stderr.decode()
    timeline = out[out.index("Your path beside the real timeline:") :]
    assert "[Michael Dobbs, One Minute to" in timeline, "sources read by author and title"
    assert "[DOB" not in timeline and ", DOB" not in timeline
    save = only_save(tmp_path)
    assert save["role"] == "khrushchev"
    assert save["summary"]["ending"] == state.ending == "historical_settlement"


def test_a_save_that_fails_names_the_folder_exits_1_and_gives_no_resume_hint(
    tmp_path, monkeypatch, capsys
):
    """A file where the saves folder should be: the folder and the cause are named, no hint
    points at a save that does not exist, and the exit status says it failed."""
    import io

    from game import cli

    (tmp_path / "saves").write_text("not a folder")
    for stdin in (b"q\n", b"", b"1\n"):  # quit, end of input, a game played to its end
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        args = ["play", "--plain", "--scenario", str(MINI), "--seed", "1"]
        code = cli.main([*args, "--saves-dir", str(tmp_path / "saves")])
        out = "".join(capsys.readouterr().out.split())  # wrapped anywhere
        assert code == 1, stdin
        want = f"Could not save the game in {tmp_path / 'saves'}: it is a file, not a folder."
        assert "".join(want.split()) in out
        assert "Resumewith" not in out and "savedas" not in out
    assert (tmp_path / "saves").read_text() == "not a folder"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_saves_and_says_so(tmp_path):
    import signal
    import time

    cmd = [sys.executable, "-m", "game", "play", "--plain", "--scenario", str(MINI)]
    p = subprocess.Popen(
        [*cmd, "--saves-dir", str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=ctrl_c_as_in_a_terminal,
    )
    out = b""
    deadline = time.monotonic() + 60
    while not out.endswith(b"> ") and time.monotonic() < deadline:
        out += p.stdout.read1(4096)
    p.send_signal(signal.SIGINT)
    # stdin stays open until the game has ended: closed at once, a game not yet scheduled
    # could read the end of its input before the interrupt, and quit as at the end of input
    try:
        p.wait(timeout=30)
    except subprocess.TimeoutExpired:
        p.kill()
        pytest.fail("the game did not end within 30 s of Ctrl+C")
    rest, err = p.stdout.read(), p.stderr.read()
    p.stdin.close()
    assert p.returncode == 130, err
    assert b"Interrupted: game saved as" in rest and b"Traceback" not in err
    assert only_save(tmp_path)["choices"] == []


def test_the_resume_hint_names_the_scenario_folder_it_was_played_with(
    tmp_path, capsys, monkeypatch
):
    """A game of another scenario folder is resumed with the command printed, as printed."""
    import io
    import shlex

    from game import cli

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"q\n")))
    saves = tmp_path / "my saves"
    cli.main(["play", "--plain", "--scenario", str(MINI), "--saves-dir", str(saves)])
    hint = capsys.readouterr().out.rsplit("Resume with:", 1)[1].strip()
    assert f"--scenario {shlex.quote(str(MINI))}" in hint
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"q\n")))
    assert cli.main([*shlex.split(hint)[1:], "--plain"]) == 0
    assert "Resume with:" in capsys.readouterr().out
