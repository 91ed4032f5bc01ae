"""UI benchmark: start-up to the first painted title screen, key press to updated frame, and the
peak memory of a whole game. A script that prints figures, not a test.

Run: python tests/bench/bench_ui.py [--starts 10] [--games 3]

1. Start-up: a fresh process per run, headless, from spawning it to the moment the title
   screen's first frame is rendered (the app's ``_display`` is wrapped, and the frame is turned
   into terminal output as a real terminal would get it). A minimal Textual app (one Static) is
   measured the same way in the same run, alternating; goal: Brink <= 1.25x the minimal app.
2. Key to frame: inside the app, from the Key event reaching the app to the next rendered
   frame, over whole Kennedy games at 80x24 played with arrows, 1-9, Enter, d and Esc. Pilot
   only delivers the keys; its waiting is not timed. Goals: median <= 16.7 ms, p99 <= 50 ms.
3. Memory: a whole game in a fresh process; peak RSS (VmHWM) beside the minimal app's, and
   the tracemalloc peak of Python allocations. Goal: peak <= 60 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import sys, time
mode, saves = sys.argv[1], sys.argv[2]
from textual.app import App
from textual.widgets import Static

def hook(app, want):
    real = app._display
    def display(screen, renderable):
        real(screen, renderable)
        if renderable is not None and want(screen):
            renderable.render_segments(app.console)
            print("PAINTED", flush=True)
            app.exit()
    app._display = display

if mode == "minimal":
    class Minimal(App):
        def compose(self):
            yield Static("Hello")
    app = Minimal()
    hook(app, lambda s: True)
else:
    from game.ui.app import create_app
    from game.ui.screens.title import TitleScreen
    app = create_app(saves, seed=1)
    hook(app, lambda s: isinstance(s, TitleScreen))
app.run(headless=True, size=(80, 24))
"""


def start_once(mode: str, saves: str) -> float:
    t0 = time.perf_counter()
    p = subprocess.Popen(
        [sys.executable, "-c", CHILD, mode, saves], stdout=subprocess.PIPE, text=True
    )
    line = p.stdout.readline()
    t1 = time.perf_counter()
    p.wait(timeout=60)
    if line.strip() != "PAINTED":
        raise SystemExit(f"{mode}: no frame painted")
    return t1 - t0


async def play_game(app_cls_args, samples: list[float]) -> None:
    from textual import events

    from game.ui.app import create_app
    from game.ui.screens.confirm import ConfirmScreen
    from game.ui.screens.game import GameScreen

    app = create_app(*app_cls_args, seed=1)
    state = {"key": None}
    real_display = app._display

    def display(screen, renderable):
        real_display(screen, renderable)
        if renderable is not None and state["key"] is not None:
            renderable.render_segments(app.console)
            samples.append(time.perf_counter() - state["key"])
            state["key"] = None

    app._display = display
    real_on_event = app.on_event

    async def on_event(event):
        if isinstance(event, events.Key):
            state["key"] = time.perf_counter()
        await real_on_event(event)

    app.on_event = on_event
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "up", "enter")  # title menu, then the new-game form
        await pilot.press("enter")
        while isinstance(app.screen, GameScreen):
            await pilot.press("down", "down", "up", "d", "escape")
            await pilot.press("1")
            if isinstance(app.screen, ConfirmScreen):
                await pilot.press("y")
            await pilot.press("enter")
        await pilot.press("end", "home")


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
    await play_game((saves,), [])
asyncio.run(main())
peak = tracemalloc.get_traced_memory()[1] if mode == "trace" else 0
# VmHWM, not ru_maxrss: ru_maxrss survives exec and would report the parent's peak
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(json.dumps({"rss_mb": hwm / 1024,
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


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def main() -> None:
    import asyncio

    ap = argparse.ArgumentParser()
    ap.add_argument("--starts", type=int, default=10)
    ap.add_argument("--games", type=int, default=3)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as saves:
        brink, minimal = [], []
        start_once("brink", saves)  # warm the disk cache and bytecode
        start_once("minimal", saves)
        for _ in range(a.starts):
            minimal.append(start_once("minimal", saves))
            brink.append(start_once("brink", saves))
        mb, mm = statistics.median(brink), statistics.median(minimal)
        print(f"start to first painted title, median of {a.starts}:")
        print(f"  minimal Textual app  {mm * 1000:7.1f} ms")
        print(f"  brink title screen   {mb * 1000:7.1f} ms   ratio {mb / mm:.2f} (goal <= 1.25)")

        samples: list[float] = []
        for _ in range(a.games):
            asyncio.run(play_game((saves,), samples))
        ms = [s * 1000 for s in samples]
        print(f"key press to rendered frame, {len(ms)} keys over {a.games} whole games at 80x24:")
        print(
            f"  median {statistics.median(ms):6.2f} ms (goal <= 16.7)   "
            f"p99 {pct(ms, 99):6.2f} ms (goal <= 50)   max {max(ms):6.2f} ms"
        )

        game = memory("game", saves)
        base = memory("minimal", saves)
        traced = memory("trace", saves)
        print("peak memory of a whole game (fresh process, 80x24, headless):")
        print(f"  brink game     peak RSS {game['rss_mb']:6.1f} MB (goal <= 60)")
        print(f"  minimal app    peak RSS {base['rss_mb']:6.1f} MB")
        print(f"  brink game     tracemalloc peak {traced['traced_mb']:6.1f} MB of Python objects")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus")


if __name__ == "__main__":
    main()
