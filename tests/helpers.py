"""Helpers the tests share (their fixtures are in conftest.py, which pytest loads but a test
does not import): the mini scenario's folder, the real command in a subprocess, and a game
walked to its end along chosen or historical options."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from game.engine import choose, new_game, offered

MINI = Path(__file__).resolve().parent / "data" / "mini"
"""The tiny scenario of the tests (never write into it: copy it, as the ``copy_mini`` fixture
does)."""


WAR_WITH_LANDINGS = {
    "response": "strike_and_invade",
    "after_strike": "ready_invasion",
    "us_ceasefire": "fight_on",
    "second_request": "refuse_second",
    "landing_order": "land_force",
}
"""Kennedy's picks for Washington's full air attack, its invasion force kept gathering, no
ceasefire, and the landings a week after the first raids."""


def ctrl_c_as_in_a_terminal() -> None:
    """For ``Popen(preexec_fn=...)``: a child the test interrupts gets Ctrl+C's default
    handling, as in a terminal. A suite started in the background of a script inherits it
    ignored, as a shell's background jobs do, and the interrupted child would never end."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def brink(
    *args: str,
    stdin: bytes | str | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    text: bool = False,
    timeout: float = 300,
) -> subprocess.CompletedProcess:
    """``python -m game ARGS`` in a subprocess, as a player runs ``brink``: its exit status and
    output (bytes, or str with ``text``). Its input is ``stdin``, else empty: never the test's."""
    if stdin is None:
        stdin = "" if text else b""
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        text=text,
        timeout=timeout,
    )


def walk(s, role, picks=None, opponent="historical", events="historical", seed=0, until=None):
    """Play a game: at each of the player's decisions take ``picks[decision]`` if given and
    offered, else history's option when offered, else the first offered. Stop at the ending,
    or when ``until`` is pending. Returns the final state and every happening seen, in order."""
    picks = picks or {}
    out = new_game(s, role, seed, opponent, events)
    state, told = out.state, list(out.happenings)
    while state.ending is None and state.pending is not None and state.pending != until:
        decision = s.decision(state.pending)
        ids = [o.id for o in offered(decision, state)]
        want = picks.get(decision.id, decision.history.option)
        out = choose(s, state, want if want in ids else ids[0])
        state = out.state
        told.extend(out.happenings)
    return state, told


def first_seed(s, role, until, holds=lambda state: True, seeds=300, **kw):
    """The first seed whose game (played as :func:`walk` plays it, with ``kw``) reaches
    ``until`` pending with ``holds(state)``: that seed and the state there."""
    for seed in range(seeds):
        state, _ = walk(s, role, seed=seed, until=until, **kw)
        if state.pending == until and holds(state):
            return seed, state
    raise AssertionError(f"no seed of {seeds} reached {until} as wanted")
