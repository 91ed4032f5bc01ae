"""Every command in a terminal that is not UTF-8 (a C locale, or Latin-1 output) degrades to plain
ASCII or "?" and never raises; a closed standard output is an error, not a traceback. These run
the real command in a subprocess: the encoding of the streams is the process's."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from helpers import MINI, brink

from game import cli

C_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
LATIN1 = {"PYTHONIOENCODING": "latin-1", "PYTHONUTF8": "0"}


pytestmark = pytest.mark.xdist_group("encodings")  # one worker makes the saves of `played`


def in_locale(args, env_extra, stdin=b"", cwd=None):
    """The command with this process's locale and stream encoding replaced by ``env_extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIO"))}
    return brink(*args, stdin=stdin, cwd=cwd, env={**env, **env_extra})


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    """A saves folder with one finished and one unfinished game of the mini scenario."""
    folder = tmp_path_factory.mktemp("saves")
    for stdin in (b"1\n", b"q\n"):
        r = in_locale(["play", "--plain", "--scenario", str(MINI), "--saves-dir", str(folder),
                   "--player", "Zo\u00eb \u2014 \u0425\u0440\u0443\u0449\u0451\u0432"], {}, stdin)  # fmt: skip
        assert r.returncode == 0, r.stderr
    return folder


COMMANDS = {
    "help": ["--help"],
    "play": ["play", "--plain", "--scenario", str(MINI), "--seed", "1"],
    "saves": ["saves", "--scenario", str(MINI)],
    "check": ["check", str(MINI)],
    "timeline": ["timeline"],
    "timeline-json": ["timeline", "--json"],
    "simulate": ["simulate", "--role", "kennedy", "--policy", "hawk", "--runs", "3"],
    "debrief-md": ["debrief", "--scenario", str(MINI), "--format", "md"],
    "debrief-html": ["debrief", "--scenario", str(MINI), "--format", "html"],
    "debrief-csv": ["debrief", "--scenario", str(MINI), "--format", "csv"],
}


@pytest.mark.parametrize("env", [C_LOCALE, LATIN1], ids=["C", "latin-1"])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_degrades_without_a_traceback(name, env, played):
    if env is LATIN1 and name not in ("play", "timeline", "debrief-md", "saves"):
        pytest.skip("Latin-1 is tried on the commands that print most non-ASCII text")
    args = [*COMMANDS[name], "--saves-dir", str(played)] if name != "help" else COMMANDS[name]
    if name in ("check", "timeline", "timeline-json"):
        args = COMMANDS[name]
    r = in_locale(args, env, stdin=b"2\nq\n")
    assert b"Traceback" not in r.stderr and b"UnicodeEncodeError" not in r.stderr, r.stderr
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip()
    if env is C_LOCALE:
        r.stdout.decode("ascii")  # plain ASCII: "--" for a dash, "e" for "é"


def test_resume_in_a_c_locale(played):
    unfinished = next(p for p in played.glob("*.json") if b'"ending": null' in p.read_bytes())
    args = ["resume", unfinished.stem, "--plain", "--scenario", str(MINI)]
    r = in_locale([*args, "--saves-dir", str(played)], C_LOCALE, b"q\n")
    assert r.returncode == 0 and b"Traceback" not in r.stderr
    assert b"Game saved as" in r.stdout
    r.stdout.decode("ascii")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell")
def test_debrief_with_standard_output_closed_says_so(played):
    cmd = [sys.executable, "-m", "game", "debrief", "--scenario", str(MINI), "--format", "html"]
    r = subprocess.run(
        ["sh", "-c", 'exec "$@" >&-', "sh", *cmd, str(played)], capture_output=True, timeout=120
    )
    assert r.returncode == 1 and b"Traceback" not in r.stderr
    assert b"standard output is closed" in r.stderr


def test_a_seed_of_thousands_of_digits_is_refused_in_a_line(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["simulate", "--role", "kennedy", "--policy", "hawk", "--runs", "1",
                  "--seed", "9" * 4300])  # fmt: skip
    err = capsys.readouterr().err
    assert exc.value.code == 2 and "--seed: expected a number, got 4300 characters" in err
    assert len(err) < 600 and "Traceback" not in err
    with pytest.raises(SystemExit):
        cli.main(["play", "--seed", "-1"])
    assert "expected a seed from 0 to" in capsys.readouterr().err


def test_demo_classes_with_one_seed_keep_their_own_games(tmp_path, capsys):
    sim = ["simulate", "--role", "kennedy", "--policy", "hawk", "--runs", "3", "--seed", "5"]
    sim += ["--scenario", str(MINI), "--saves-dir", str(tmp_path), "--save"]
    assert cli.main([*sim, "--class", "7A"]) == 0
    assert cli.main([*sim, "--class", "7B"]) == 0
    assert cli.main([*sim, "--class", "7B"]) == 0  # the same run again replaces its own files
    capsys.readouterr()
    assert len(list(tmp_path.glob("*.json"))) == 6


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX terminal")
def test_the_textual_game_starts_and_quits_in_a_c_locale(tmp_path):
    """The full-screen game in a real terminal (a pseudo-terminal) whose locale is C: the title
    is drawn, Ctrl+Q quits, exit 0, no traceback."""
    import pty
    import select
    import time

    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIO"))}
    env.update(C_LOCALE, TERM="xterm-256color", COLUMNS="80", LINES="24")
    cmd = [sys.executable, "-m", "game", "--saves-dir", str(tmp_path)]
    pid, fd = pty.fork()
    if pid == 0:  # the child: the game on the terminal
        os.execve(sys.executable, cmd, env)
    out = b""
    done = (0, 0)

    def read_until(want: bytes, timeout: float) -> bool:
        nonlocal out
        deadline = time.monotonic() + timeout
        while want not in out and time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    out += os.read(fd, 65536)
                except OSError:  # the game has closed the terminal
                    return want in out
        return want in out

    try:
        assert read_until(b"\x1b[?1049h", 60), out[-2000:]  # the full screen taken
        time.sleep(1.0)  # the title drawn and keys bound
        os.write(fd, b"\x11")  # Ctrl+Q
        read_until(b"\x1b[?1049l", 30)  # the screen given back
        deadline = time.monotonic() + 30
        while (done := os.waitpid(pid, os.WNOHANG))[0] == 0 and time.monotonic() < deadline:
            read_until(b"\0", 0.2)
        assert done[0] == pid, "the game did not quit on Ctrl+Q"
        assert os.waitstatus_to_exitcode(done[1]) == 0, out[-2000:]
    finally:
        if done[0] != pid:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        os.close(fd)
    assert b"Traceback" not in out and b"Error" not in out, out[-2000:]
    assert b"\x1b[?1049l" in out  # the terminal given back
    assert b"Continue" in out or b"New game" in out, out[-2000:]  # the title was drawn
