"""UI benchmark: start-up to the first painted title screen, key press to updated frame, and the
peak memory of a whole game. A script that prints figures, not a test.

Run: python tests/bench/bench_ui.py [--starts 10] [--games 3] [--memory-only] [--memory-runs 1]

1. Start-up: a fresh process per run, headless, from spawning it to the first frame of the
   title screen that a player can act on: the campaigns in the menu and its cursor (the menu
   has the focus). (At 80x24 the title is taller than the window; its scroll bar's thumb is
   drawn in the next frame, into a gutter the first frame already leaves for it.) ``brink``
   runs as the command does (``game.cli.main`` with no arguments, the saves folder in
   ``BRINK_SAVES_DIR``), only made headless at 80x24. The app's ``_display`` is
   wrapped, the frame is turned into terminal output as a real terminal would get it, and the
   child writes straight to its stdout and stops (a ``print`` inside a Textual app is captured
   and would only arrive when the process ends). A minimal Textual app (one Static) is measured
   the same way in the same run, alternating; goal: Brink <= 1.25x the minimal app. Both run
   with their bytecode cached, as after an install (the warm-up runs write it even where
   ``PYTHONDONTWRITEBYTECODE`` is set), and Brink with its own caches as after a first start
   (``LOAD``).
2. Key to frame: inside the app, from the moment the Key event is made (``event.time``, just
   before the driver hands it to the app, so time it spends queued behind other work counts) to
   the next rendered frame, over whole Kennedy games at 80x24 played with arrows, 1-9, Enter, d
   and Esc. Pilot only delivers the keys; its waiting between keys is not timed. Goals: median
   <= 16.7 ms, p99 <= 50 ms.
3. Memory: a whole game in a fresh process; peak RSS (VmHWM) beside the minimal app's, and
   the tracemalloc peak of Python allocations. Goal: peak <= 60 MB. Measured twice: under
   Pilot (headless, as above), and as a player runs it: ``python -m game`` in a pseudo-terminal
   of 80x24, a whole Kennedy game typed as key bytes (the same keys per turn, "y" when a
   choice asks first), the game's progress read from its save file, VmHWM read from /proc
   at the ending; the minimal app is run the same way.

Every game played here is the long one, history's path: each turn the number key of the option
history took (found by its id in the engine's view of the turn, since the options are shown in
an order drawn from the game's seed), so the figures cover all of a Kennedy campaign's
decisions (16 in the shipped scenario), not a short game that an early option ends.
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections import deque
from pathlib import Path

# argparse and statistics are imported where they are used: the memory child imports this
# module for ``play_game``, and its figure is the game's, not this script's (0.4 MB)

CHILD = r"""
import os, re, sys
mode, saves = sys.argv[1], sys.argv[2]

def hook(cls, ready):
    real_display, real_run = cls._display, cls.run
    def display(app, screen, renderable):
        real_display(app, screen, renderable)
        if renderable is not None:
            text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", renderable.render_segments(app.console))
            if ready(app, screen, text):
                os.write(1, b"PAINTED\n")
                os._exit(0)
    cls._display = display
    cls.run = lambda app, **kw: real_run(app, headless=True, size=(80, 24))

if mode == "minimal":
    from textual.app import App
    from textual.widgets import Static
    class Minimal(App):
        def compose(self):
            yield Static("Hello")
    hook(Minimal, lambda app, screen, text: "Hello" in text)
    Minimal().run()
else:
    from game.ui.app import BrinkApp
    from game.ui.screens.title import TitleScreen
    def ready(app, screen, text):
        titles = [c.title for c in app.info.campaigns]
        return isinstance(screen, TitleScreen) and "\u25b6" in text and all(t in text for t in titles)
    hook(BrinkApp, ready)
    import game.cli
    game.cli.not_a_terminal = lambda: None  # headless: the terminal check would refuse a pipe
    from game.cli import main
    os.environ["BRINK_SAVES_DIR"] = saves
    main([])
"""

CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

LOAD = """
import sys
from game.paths import default_scenario_dir
from game.ui.loading import load
load(default_scenario_dir(), sys.argv[1])
"""
"""Brink's own caches as a player's second start finds them: the scenario and the title's
summary are kept once a first start has loaded the scenario, which happens just after its
title is painted (each timed start stops at that frame)."""


def start_once(mode: str, saves: str) -> float:
    t0 = time.perf_counter()
    p = subprocess.Popen(
        [sys.executable, "-c", CHILD, mode, saves],
        stdout=subprocess.PIPE,
        text=True,
        env=CHILD_ENV,
    )
    line = p.stdout.readline()
    t1 = time.perf_counter()
    p.wait(timeout=60)
    if line.strip() != "PAINTED":
        raise SystemExit(f"{mode}: no title a player can act on was painted")
    return t1 - t0


def historys_number(game) -> int:
    """The number key of the option history took on ``game``'s turn (1 if it is not offered),
    found by id in the engine's view of the turn: the options are shown in an order drawn from
    the game's seed."""
    decision = game.scenario.decision(game.state.pending)
    ids = [o.id for o in game.turn.options]
    return ids.index(decision.history.option) + 1 if decision.history.option in ids else 1


async def play_game(app_cls_args, samples: list[float]) -> int:
    """A whole game on history's path under Pilot; returns the choices made to its ending."""
    from textual import events

    from game.ui.app import create_app
    from game.ui.screens.confirm import ConfirmScreen
    from game.ui.screens.game import GameScreen

    app = create_app(*app_cls_args, seed=1)
    pending: list = []  # the Key events not yet answered by a frame
    recent: deque = deque(maxlen=64)  # every Key event seen lately, answered or not
    real_display = app._display

    def display(screen, renderable):
        real_display(screen, renderable)
        if renderable is not None and pending:
            renderable.render_segments(app.console)
            now = time.monotonic()
            samples.extend(now - key.time for key in pending)  # key.time: time.monotonic()
            pending.clear()

    app._display = display
    real_on_event = app.on_event

    async def on_event(event):
        if isinstance(event, events.Key) and not any(key is event for key in recent):
            pending.append(event)  # (a key can come through here twice: again as it bubbles)
            recent.append(event)
        await real_on_event(event)

    app.on_event = on_event
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "up", "enter")  # title menu, then the new-game form
        await pilot.press("enter")
        while isinstance(app.screen, GameScreen):
            await pilot.press("down", "down", "up", "d", "escape")
            await pilot.press(str(historys_number(app.game)))
            if isinstance(app.screen, ConfirmScreen):
                await pilot.press("y")
            await pilot.press("enter")
        await pilot.press("end", "home")
        return len(app.game.choices)


MEMORY_CHILD = r"""
import asyncio, json, sys, tracemalloc
mode, saves = sys.argv[1], sys.argv[2]
if mode == "trace":
    tracemalloc.start()
async def main():
    if mode == "minimal":
        from textual.app import App
        from textual.widgets import Static
        class Minimal(App):
            def compose(self):
                yield Static("Hello")
        async with Minimal().run_test(size=(80, 24)) as pilot:
            await pilot.press("a")
        return
    sys.path.insert(0, sys.argv[3])
    from bench_ui import play_game
    return await play_game((saves,), [])
choices = asyncio.run(main())
peak = tracemalloc.get_traced_memory()[1] if mode == "trace" else 0
# VmHWM, not ru_maxrss: ru_maxrss survives exec and would report the parent's peak
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(json.dumps({"rss_mb": hwm / 1024, "choices": choices,
                  "traced_mb": peak / 2**20}))
"""


def memory(mode: str, saves: str) -> dict:
    here = os.path.dirname(os.path.abspath(__file__))
    r = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD, mode, saves, here],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if r.returncode:
        raise SystemExit(r.stderr[-2000:])
    return json.loads(r.stdout.strip().splitlines()[-1])


KEY_BYTES = {
    "down": b"\x1b[B",
    "up": b"\x1b[A",
    "enter": b"\r",
    "escape": b"\x1b",
    "end": b"\x1b[F",
    "home": b"\x1b[H",
    "ctrl+q": b"\x11",
}


class Terminal:
    """A program in a pseudo-terminal of 80x24: keys typed as bytes, its output drained."""

    def __init__(self, argv: list[str], env: dict[str, str]):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**env, "TERM": "xterm-256color"}
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self.output = b""

    def drain(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if select.select([self.master], [], [], left)[0]:
                try:
                    self.output = (self.output + os.read(self.master, 65536))[-100_000:]
                except OSError:
                    return

    def press(self, *keys: str) -> None:
        for key in keys:
            os.write(self.master, KEY_BYTES.get(key, key.encode()))
            self.drain(
                0.35 if key == "escape" else 0.12
            )  # a lone Esc is told from a sequence by a pause

    def until(self, test, seconds: float = 20.0) -> bool:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if test():
                return True
            self.drain(0.1)
        return False

    def peak_mb(self) -> float:
        with open(f"/proc/{self.proc.pid}/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmHWM")) / 1024

    def close(self) -> None:
        self.press("ctrl+q")
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self.master)


def newest_save(saves: str) -> Path | None:
    files = [p for p in Path(saves).glob("*.json") if p.name != "discoveries.json"]
    return max(files, key=lambda p: p.stat().st_mtime) if files else None


def progress(saves: str) -> tuple[int, str | None] | None:
    """Choices made and the ending, from the newest save in ``saves``."""
    path = newest_save(saves)
    if path is None:
        return None
    data = json.loads(path.read_text())
    return len(data["choices"]), data["summary"].get("ending")


def historys_key(saves: str) -> str:
    """The number key of history's option on the turn of the newest save in ``saves``, as the
    game in the pseudo-terminal shows it (the save is opened by the engine, in this process)."""
    from game.content import load_scenario
    from game.paths import default_scenario_dir
    from game.saves import open_save

    global SCENARIO
    if SCENARIO is None:
        SCENARIO = load_scenario(default_scenario_dir())
    game, _ = open_save(SCENARIO, newest_save(saves))
    return str(historys_number(game))


SCENARIO = None


def terminal_game(saves: str) -> tuple[float, int]:
    """Peak RSS of ``python -m game`` over a whole Kennedy game in a pseudo-terminal."""
    t = Terminal([sys.executable, "-m", "game"], {**CHILD_ENV, "BRINK_SAVES_DIR": saves})
    try:
        if not t.until(lambda: b"Kennedy" in t.output):
            raise SystemExit("terminal game: no title screen")
        t.drain(1.0)  # the scenario is read just after the title is painted
        t.press("down", "up", "enter")
        t.drain(0.5)
        t.press("enter")
        if not t.until(lambda: progress(saves) is not None):
            raise SystemExit("terminal game: no game started")
        for _ in range(80):
            made = progress(saves)[0]
            t.press("down", "down", "up", "d")
            t.drain(0.3)
            t.press("escape", historys_key(saves))
            if not t.until(lambda made=made: progress(saves)[0] > made, 1.5):
                t.press("y")  # the option asks first
                if not t.until(lambda made=made: progress(saves)[0] > made):
                    raise SystemExit("terminal game: a choice was not taken")
            t.drain(0.3)
            t.press("enter")
            t.drain(0.3)
            if progress(saves)[1]:
                break
        else:
            raise SystemExit("terminal game: no ending after 80 choices")
        t.drain(1.0)
        t.press("end", "home")
        t.drain(1.0)
        return t.peak_mb(), progress(saves)[0]
    finally:
        t.close()


def terminal_minimal() -> float:
    code = (
        "from textual.app import App\nfrom textual.widgets import Static\n"
        "class M(App):\n    def compose(self):\n        yield Static('Hello')\nM().run()\n"
    )
    t = Terminal([sys.executable, "-c", code], CHILD_ENV)
    try:
        if not t.until(lambda: b"Hello" in t.output):
            raise SystemExit("minimal app: nothing painted")
        t.press("a")
        t.drain(1.0)
        return t.peak_mb()
    finally:
        t.close()


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def _of(runs: range) -> str:
    return "one run" if len(runs) == 1 else f"median of {len(runs)} runs"


def _each(figures) -> str:
    figures = list(figures)
    return "" if len(figures) == 1 else " [" + ", ".join(f"{f:.2f}" for f in figures) + "]"


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--starts", type=int, default=10)
    ap.add_argument("--games", type=int, default=3)
    ap.add_argument("--memory-only", action="store_true", help="skip the start and key timings")
    ap.add_argument(
        "--memory-runs", type=int, default=1, help="games per memory figure (their median)"
    )
    a = ap.parse_args()
    from statistics import median

    runs = range(a.memory_runs)
    with tempfile.TemporaryDirectory() as saves:
        if a.memory_only:  # the scenario cache as the timings leave it
            subprocess.run([sys.executable, "-c", LOAD, saves], check=True, env=CHILD_ENV)
        else:
            timings(saves, a.starts, a.games)
        games = [memory("game", saves) for _ in runs]
        base = median(memory("minimal", saves)["rss_mb"] for _ in runs)
        traced = median(memory("trace", saves)["traced_mb"] for _ in runs)
        print(f"peak memory of a whole game (fresh process, 80x24, headless; {_of(runs)}):")
        print(
            f"  brink game     peak RSS {median(g['rss_mb'] for g in games):6.1f} MB "
            f"(goal <= 60){_each(g['rss_mb'] for g in games)}, "
            f"{games[0]['choices']} choices to the ending"
        )
        print(f"  minimal app    peak RSS {base:6.1f} MB")
        print(f"  brink game     tracemalloc peak {traced:6.1f} MB of Python objects")
    peaks = []
    for _ in runs:
        with tempfile.TemporaryDirectory() as saves:
            peak, choices = terminal_game(saves)
            peaks.append(peak)
    base = median(terminal_minimal() for _ in runs)
    print(
        f"peak memory in a real terminal (python -m game in an 80x24 pseudo-terminal; {_of(runs)}):"
    )
    print(
        f"  brink game     peak RSS {median(peaks):6.1f} MB (goal <= 60){_each(peaks)}, "
        f"{choices} choices to the ending"
    )
    print(f"  minimal app    peak RSS {base:6.1f} MB")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus")


def timings(saves: str, starts: int, games: int) -> None:
    """Start to the first painted title beside the minimal app; key to frame over whole games."""
    import asyncio
    import statistics

    brink, minimal = [], []
    start_once("brink", saves)  # warm the disk cache and bytecode
    start_once("minimal", saves)
    subprocess.run([sys.executable, "-c", LOAD, saves], check=True, env=CHILD_ENV)
    for _ in range(starts):
        minimal.append(start_once("minimal", saves))
        brink.append(start_once("brink", saves))
    mb, mm = statistics.median(brink), statistics.median(minimal)
    print(f"start to first painted title, median of {starts}:")
    print(f"  minimal Textual app  {mm * 1000:7.1f} ms")
    print(f"  brink title screen   {mb * 1000:7.1f} ms   ratio {mb / mm:.2f} (goal <= 1.25)")

    samples: list[float] = []
    choices = [asyncio.run(play_game((saves,), samples)) for _ in range(games)]
    ms = [s * 1000 for s in samples]
    print(
        f"key press to rendered frame, {len(ms)} keys over {games} whole games at 80x24 "
        f"({', '.join(map(str, choices))} choices):"
    )
    print(
        f"  median {statistics.median(ms):6.2f} ms (goal <= 16.7)   "
        f"p99 {pct(ms, 99):6.2f} ms (goal <= 50)   max {max(ms):6.2f} ms"
    )


if __name__ == "__main__":
    main()
