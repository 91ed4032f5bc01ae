"""Classroom server benchmark: many tabs playing at once over ``brink serve``. A script that
prints figures, not a test.

Run: python tests/bench/bench_serve.py [--sessions 30] [--choices 10]

A real ``brink serve`` on a loopback port; each tab is a websocket client, as textual.js is:
it opens the game, types a name, starts a Kennedy game and makes ``--choices`` choices that
the game answers: ``1``, then ``y`` when the game asks "Are you sure?", then Enter past the
result. The options' order is drawn from each game's seed, so a game may end before then: the
tab then presses ``n`` on the ending (play again) and Enter to start, and goes on choosing in
the new game. The tab reads the screen's words to know where it is (a turn, the question, a
result, the ending), so every key it sends is one the screen answers. Measured:

- **First frame** of a new tab: from opening the websocket to the first screen bytes (the
  game's process started, Python and Textual loaded, the name screen drawn).
- **Key to frame**: from sending a key to the first screen bytes that answer it, for every
  key after the first game has started (the choices, the questions, Enter past each result,
  and the keys that begin a game again); after each answer the tab waits until the screen is quiet
  (100 ms without bytes), as a student reads before pressing the next key. Updates that come
  after that quiet (a game may still draw a little later) are set aside before the next key is
  sent, and counted, so that they are never taken for its answer.
- **Peak memory**: the resident memory (VmRSS) of the server and every process below it (its
  warm process, the tabs' processes and their games), summed, sampled every 0.2 s; and, every
  second, the same with the pages that the forked games share counted once (PSS).

The same run measures one tab alone (the baseline), then ``--sessions`` tabs at each pace:

- **rush**: every tab opens within 3 s and presses its next key as soon as the screen is
  quiet (100 ms without bytes): the worst case, many times faster than a class plays.
- **class**: tabs open over ``--arrive`` seconds (default 30: students arriving and typing the
  address) and each waits ``--think`` seconds (default 3) before each key, as a student reads a
  turn before choosing (a real turn takes far longer to read).
- **reading**: tabs open over ``--arrive`` seconds as in the class run, and before each timed
  key (a choice, ``y``, Enter past a result, the keys that begin a game again) a tab waits a
  reading time drawn uniformly between the two ``--read`` seconds (default 2 and 8), from a
  generator seeded with ``--seed`` and the tab's number (``random.Random``), so that runs with
  the same seed wait the same times: students who read each screen, each at their own pace.

``--modes`` picks the runs (default: all, in the order above, one alone first). Every run says
the load average of the machine before and after it: latency measured on a loaded machine is
the machine's, not the game's. ``--size`` is the tab's terminal in columns and rows (default
100x30; a laptop's browser window at the page's 16-pixel font is about 140x35).

Each line gives the choices made and the keys no screen answered within 30 s in that run (a
tab stops at such a key, and says where). A tab that fails is counted and its error printed,
never left out silently.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "serve"))
from serving import descendants, start_server, wait_warm

QUIET = 0.1
ANSWER_WAIT = 30.0
"""Seconds a key may wait for the first bytes that answer it before it counts as unanswered."""
ESCAPES = re.compile(
    rb"\x1b(\[[0-9;?<>$]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>])"
)
"""Terminal control sequences, taken out of a tab's bytes to read the screen's words."""
TURN, SURE, RESULT, ENDING = "Option", "Are you sure", "What followed", "The end"
"""Words that tell the screens apart: a turn's options box, the question before a drastic
option, a choice's result, the ending."""


class Unanswered(Exception):
    """A key that no screen answered within :data:`ANSWER_WAIT` seconds."""


def memory_kb(pid: int, field: str, file: str = "status") -> int:
    """A process's memory figure (``VmRSS`` in status, ``Pss`` in smaps_rollup), in kB."""
    try:
        for line in Path(f"/proc/{pid}/{file}").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def sample_memory(pid: int, answer, stop) -> None:
    """Peak resident memory of the server and every process below it, summed, every 0.2 s;
    and every second the same with the pages that forked games share counted once (PSS).
    Run in a process of its own: reading /proc for sixty processes in the tabs' event loop
    held up their keys, and was counted in their latency."""
    peak, turn = [0, 0], 0
    while not stop.wait(0.2 if turn else 0):
        pids = [pid, *descendants(pid)]
        peak[0] = max(peak[0], sum(memory_kb(p, "VmRSS") for p in pids))
        if turn % 5 == 0:
            peak[1] = max(peak[1], sum(memory_kb(p, "Pss", "smaps_rollup") for p in pids))
        turn += 1
    answer.send(peak)


async def _receive(ws, timeout: float) -> bytes:
    """The next screen bytes the tab receives (a closed tab raises ConnectionError)."""
    while True:
        msg = await ws.receive(timeout=timeout)
        if msg.type == aiohttp.WSMsgType.BINARY:
            return msg.data
        if msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
            raise ConnectionError("the tab was closed")


async def _drain(ws) -> int:
    """Take the screen updates that came in since the last was read (a game may still draw a
    little after 100 ms of quiet, or while a student reads), so that the first bytes after a
    key are the key's answer. Returns how many there were."""
    taken = 0
    while True:
        try:
            await _receive(ws, 0.001)
        except TimeoutError:
            return taken
        taken += 1


async def _screen(ws, first: bytes, expect: tuple[str, ...]) -> str:
    """The words of the screen that began with ``first``: read until one of ``expect`` is
    among them (or nothing is expected) and then until the screen is quiet."""
    data = first
    while True:
        words = ESCAPES.sub(b"", data).decode("utf-8", "replace")
        wait = QUIET if not expect or any(e in words for e in expect) else ANSWER_WAIT
        try:
            data += await _receive(ws, wait)
        except TimeoutError:
            if wait == QUIET:
                return words
            raise Unanswered(f"no screen with {' or '.join(expect)} came") from None


class Tab:
    """One student's tab over the websocket: keys sent, the time each took to be answered."""

    def __init__(self, ws, think):
        self.ws, self.think = ws, think
        """Seconds to wait before each timed key: a number, or a function that draws them."""
        self.keys_ms: list[float] = []
        self.choices = self.endings = self.unanswered = 0
        self.late = 0
        """Screen updates that came after the screen had been quiet, before the next key."""

    async def key(self, data: str, *expect: str, timed: bool = True) -> str:
        """Send a key; return the words of the screen that answers it, once quiet."""
        if timed and self.think:
            await asyncio.sleep(self.think() if callable(self.think) else self.think)
        self.late += await _drain(self.ws)
        sent = time.perf_counter()
        await self.ws.send_str(json.dumps(["stdin", data]))
        try:
            first = await _receive(self.ws, ANSWER_WAIT)
        except TimeoutError:
            self.unanswered += 1
            raise Unanswered(f"nothing answered the key {data!r}") from None
        if timed:
            self.keys_ms.append((time.perf_counter() - sent) * 1000)
        return await _screen(self.ws, first, expect)

    async def choose(self) -> None:
        """Make one choice (the first option, confirmed if the game asks) and go on from its
        result: to the next turn, or from an ending to a new game of the same campaign."""
        screen = await self.key("1", SURE, RESULT)
        if SURE in screen and RESULT not in screen:
            await self.key("y", RESULT)
        self.choices += 1
        screen = await self.key("\r", TURN, ENDING)
        if ENDING in screen:
            self.endings += 1
            await self.key("n", "Start")  # play again: the new game's form
            await self.key("\r", TURN)  # Start


def reading(seed: int, n: int, low: float, high: float):
    """Tab ``n``'s reading times: uniform between ``low`` and ``high`` seconds, seeded."""
    draw = random.Random(seed * 1000 + n)
    return lambda: draw.uniform(low, high)


async def tab(url: str, n: int, choices: int, delay: float, think, size: str) -> dict:
    """One tab: opens the game, types a name, starts a Kennedy game and makes ``choices``
    choices (a game that ends is begun again from its ending). Its first frame's time, its
    key-to-frame times, and what it played."""
    await asyncio.sleep(delay)
    async with aiohttp.ClientSession() as http:
        t0 = time.perf_counter()
        async with http.ws_connect(url + size, max_msg_size=0) as ws:
            first = await _receive(ws, 60)
            took = time.perf_counter() - t0
            await _screen(ws, first, ())
            player = Tab(ws, think)
            result = {"first": took, "tab": player, "error": None}
            try:
                for c in f"bench{n}":
                    await player.key(c, timed=False)
                await player.key("\r", "Kennedy", timed=False)  # the name: to the title
                await player.key("\r", "Start", timed=False)  # Kennedy's campaign: the form
                await player.key("\r", TURN, timed=False)  # Start
                while player.choices < choices:
                    await player.choose()
            except Unanswered as e:
                result["error"] = f"tab {n} stopped after {player.choices} choices: {e}"
            return result


async def run(
    url: str,
    pid: int,
    sessions: int,
    choices: int,
    spread: float = 0.0,
    think=0.0,
    size: str = "?width=100&height=30",
) -> dict:
    """``think``: seconds before each timed key, or ``think(n)``, tab n's reading times."""
    load = os.getloadavg()[0]
    stop = multiprocessing.Event()
    answer, sent = multiprocessing.Pipe(duplex=False)
    sampler = multiprocessing.Process(target=sample_memory, args=(pid, sent, stop))
    sampler.start()
    results = await asyncio.gather(
        *(
            tab(
                url,
                i,
                choices,
                spread * i / max(sessions, 1),
                think(i) if callable(think) else think,
                size,
            )
            for i in range(sessions)
        ),
        return_exceptions=True,
    )
    stop.set()
    peak = answer.recv()
    sampler.join()
    ok = [r for r in results if not isinstance(r, BaseException)]
    for r in results:
        if isinstance(r, BaseException):
            print(f"  a tab failed: {type(r).__name__}: {r}", flush=True)
        elif r["error"]:
            print(f"  {r['error']}", flush=True)
    firsts = sorted(r["first"] for r in ok)
    keys = sorted(k for r in ok for k in r["tab"].keys_ms)
    return {
        "tabs": sessions,
        "failed": len(results) - len(ok),
        "stopped": sum(1 for r in ok if r["error"]),
        "choices": sum(r["tab"].choices for r in ok),
        "endings": sum(r["tab"].endings for r in ok),
        "unanswered": sum(r["tab"].unanswered for r in ok),
        "late": sum(r["tab"].late for r in ok),
        "first_median_s": statistics.median(firsts) if firsts else float("nan"),
        "first_max_s": firsts[-1] if firsts else float("nan"),
        "keys": len(keys),
        "key_median_ms": statistics.median(keys) if keys else float("nan"),
        "key_p95_ms": keys[int(0.95 * (len(keys) - 1))] if keys else float("nan"),
        "peak_mb": peak[0] / 1024,
        "peak_pss_mb": peak[1] / 1024,
        "load": (load, os.getloadavg()[0]),
    }


def show(r: dict) -> str:
    return (
        f"{r['tabs']:>3} tab(s), {r['failed']} failed, {r['stopped']} stopped early: "
        f"{r['choices']} choices made ({r['endings']} games ended and begun again), "
        f"{r['unanswered']} keys unanswered, {r['late']} late updates set aside; first frame median {r['first_median_s']:.2f} s"
        f" (slowest {r['first_max_s']:.2f} s); key to frame over {r['keys']} keys median "
        f"{r['key_median_ms']:.1f} ms, p95 {r['key_p95_ms']:.1f} ms; peak memory "
        f"{r['peak_mb']:.0f} MB resident summed, {r['peak_pss_mb']:.0f} MB with shared pages "
        f"counted once; load average {r['load'][0]:.1f} before, {r['load'][1]:.1f} after"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sessions", type=int, default=30)
    ap.add_argument("--choices", type=int, default=10)
    ap.add_argument("--arrive", type=float, default=30.0, help="class pace: seconds of arrivals")
    ap.add_argument("--think", type=float, default=3.0, help="class pace: seconds before a key")
    ap.add_argument(
        "--read", type=float, nargs=2, default=(2.0, 8.0), help="reading pace: seconds, low high"
    )
    ap.add_argument("--seed", type=int, default=1, help="reading pace: the times' seed")
    ap.add_argument("--modes", default="rush,class,reading", help="runs after the one tab alone")
    ap.add_argument("--size", default="100x30", help="the tabs' terminal: COLUMNSxROWS")
    a = ap.parse_args()
    columns, _, rows = a.size.partition("x")
    size = f"?width={int(columns)}&height={int(rows)}"
    modes = a.modes.split(",")
    if set(modes) - {"rush", "class", "reading"}:
        ap.error("--modes: rush, class or reading")
    low, high = a.read
    paces = {
        "rush": dict(spread=3.0),
        "class": dict(spread=a.arrive, think=a.think),
        "reading": dict(spread=a.arrive, think=lambda n: reading(a.seed, n, low, high)),
    }
    with tempfile.TemporaryDirectory() as saves:
        server = start_server(Path(saves), "--class", "BENCH", "--max-sessions", "200")
        try:
            url = server.students.replace("http", "ws") + "ws"
            pid = server.process.pid
            wait_warm(pid)
            time.sleep(1)
            print(f"tabs of {columns}x{rows}", flush=True)
            alone = asyncio.run(run(url, pid, 1, a.choices, size=size))
            print("baseline " + show(alone), flush=True)
            for mode in modes:
                time.sleep(2)
                paced = asyncio.run(run(url, pid, a.sessions, a.choices, size=size, **paces[mode]))
                print(f"{mode:8s} " + show(paced), flush=True)
            saved = len([p for p in server.folder.glob("*.json") if p.name != "discoveries.json"])
            print(f"{saved} games saved in the class folder", flush=True)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
