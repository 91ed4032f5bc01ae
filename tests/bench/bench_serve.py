"""Classroom server benchmark: many tabs playing at once over ``brink serve``. A script that
prints figures, not a test.

Run: python tests/bench/bench_serve.py [--sessions 30] [--choices 10]

A real ``brink serve`` on a loopback port; each tab is a websocket client, as textual.js is:
it opens the game, types a name, starts a Kennedy game and makes ``--choices`` choices
(``1``, then ``y`` in case the choice asks first, then Enter past the result). Measured:

- **First frame** of a new tab: from opening the websocket to the first screen bytes (the
  game's process started, Python and Textual loaded, the name screen drawn).
- **Key to frame**: from sending a key to the first screen bytes that answer it, for every
  key after the game has started; after each answer the tab waits until the screen is quiet
  (100 ms without bytes), as a student reads before pressing the next key.
- **Peak memory**: the resident memory (VmRSS) of the server and all its game processes,
  summed, sampled every 0.2 s.

The same run measures one tab alone (the baseline), then ``--sessions`` tabs at two paces:

- **rush**: every tab opens within 3 s and presses its next key as soon as the screen is
  quiet (100 ms without bytes): the worst case, many times faster than a class plays.
- **class**: tabs open over ``--arrive`` seconds (default 30: students arriving and typing the
  address) and each waits ``--think`` seconds (default 3) before each key, as a student reads a
  turn before choosing (a real turn takes far longer to read).

A tab that fails is counted and its error printed, never left out silently.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "serve"))
from serving import children, start_server

QUIET = 0.1
UNANSWERED = [0]
"""Keys that no frame answered within 5 s (a game that had ended), left out of the figures."""


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


async def sample_memory(pid: int, peak: list[int], stop: asyncio.Event) -> None:
    while not stop.is_set():
        total = rss_kb(pid) + sum(rss_kb(c) for c in children(pid))
        peak[0] = max(peak[0], total)
        await asyncio.sleep(0.2)


async def _next_frame(ws, timeout: float = 30.0) -> None:
    while True:
        msg = await ws.receive(timeout=timeout)
        if msg.type == aiohttp.WSMsgType.BINARY and len(msg.data) > 10:
            return
        if msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
            raise ConnectionError("the tab was closed")


async def _quiet(ws) -> None:
    while True:
        try:
            await ws.receive(timeout=QUIET)
        except TimeoutError:
            return


async def tab(
    url: str, n: int, choices: int, delay: float, think: float
) -> tuple[float, list[float]]:
    """One tab: the first frame's time, and the key-to-frame times of its game."""
    await asyncio.sleep(delay)
    keys_ms: list[float] = []
    unanswered = UNANSWERED
    async with aiohttp.ClientSession() as http:
        t0 = time.perf_counter()
        async with http.ws_connect(url + "?width=100&height=30", max_msg_size=0) as ws:
            await _next_frame(ws, 60)
            first = time.perf_counter() - t0
            await _quiet(ws)

            async def key(data: str, timed: bool = True, wait: float = 30.0) -> None:
                if timed and think:
                    await asyncio.sleep(think)
                sent = time.perf_counter()
                await ws.send_str(json.dumps(["stdin", data]))
                try:
                    await _next_frame(ws, wait)
                except TimeoutError:  # nothing to redraw ("y" on a result; a game over)
                    if timed:
                        unanswered[0] += 1
                    return
                if timed:
                    keys_ms.append((time.perf_counter() - sent) * 1000)
                await _quiet(ws)

            for c in f"bench{n}":
                await key(c, timed=False)
            await key("\r", timed=False)  # the name: to the title
            await key("\r", timed=False)  # Kennedy's campaign: the form
            await key("\r", timed=False)  # Start
            for _ in range(choices):  # a game that ends early leaves its last keys unanswered
                await key("1", wait=5.0)
                await key("y", timed=False, wait=1.0)  # only a choice that asks first answers
                await key("\r", wait=5.0)
    return first, keys_ms


async def run(
    url: str, pid: int, sessions: int, choices: int, spread: float = 0.0, think: float = 0.0
) -> dict:
    peak = [0]
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample_memory(pid, peak, stop))
    results = await asyncio.gather(
        *(tab(url, i, choices, spread * i / max(sessions, 1), think) for i in range(sessions)),
        return_exceptions=True,
    )
    stop.set()
    await sampler
    ok = [r for r in results if not isinstance(r, BaseException)]
    for r in results:
        if isinstance(r, BaseException):
            print(f"  a tab failed: {type(r).__name__}: {r}", flush=True)
    firsts = sorted(r[0] for r in ok)
    keys = sorted(k for r in ok for k in r[1])
    return {
        "tabs": sessions,
        "failed": len(results) - len(ok),
        "first_median_s": statistics.median(firsts) if firsts else float("nan"),
        "first_max_s": firsts[-1] if firsts else float("nan"),
        "keys": len(keys),
        "key_median_ms": statistics.median(keys) if keys else float("nan"),
        "key_p95_ms": keys[int(0.95 * (len(keys) - 1))] if keys else float("nan"),
        "peak_mb": peak[0] / 1024,
    }


def show(r: dict) -> str:
    return (
        f"{r['tabs']:>3} tab(s), {r['failed']} failed: first frame median {r['first_median_s']:.2f} s"
        f" (slowest {r['first_max_s']:.2f} s); key to frame over {r['keys']} keys median "
        f"{r['key_median_ms']:.1f} ms, p95 {r['key_p95_ms']:.1f} ms; peak memory "
        f"{r['peak_mb']:.0f} MB; keys unanswered so far {UNANSWERED[0]}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sessions", type=int, default=30)
    ap.add_argument("--choices", type=int, default=10)
    ap.add_argument("--arrive", type=float, default=30.0, help="class pace: seconds of arrivals")
    ap.add_argument("--think", type=float, default=3.0, help="class pace: seconds before a key")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as saves:
        server = start_server(Path(saves), "--class", "BENCH", "--max-sessions", "200")
        try:
            url = server.students.replace("http", "ws") + "ws"
            pid = server.process.pid
            time.sleep(1)
            alone = asyncio.run(run(url, pid, 1, a.choices))
            print("baseline " + show(alone), flush=True)
            time.sleep(2)
            rush = asyncio.run(run(url, pid, a.sessions, a.choices, spread=3.0))
            print("rush     " + show(rush), flush=True)
            time.sleep(2)
            paced = asyncio.run(run(url, pid, a.sessions, a.choices, a.arrive, a.think))
            print("class    " + show(paced), flush=True)
            saved = len(list(server.folder.glob("*.json")))
            print(f"{saved} games saved in the class folder", flush=True)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
