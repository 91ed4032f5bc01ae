"""Tabs that go away at the worst moments never leave a game running or spinning: closed at
once, a tenth of a second after opening, after the first frame, cut without a goodbye, and a
refresh. Five seconds later the server has no game process left and is idle."""

from __future__ import annotations

import asyncio
import os
import time

import aiohttp
from serving import children, cpu_ticks


async def _drop(url: str, how: str) -> None:
    async with aiohttp.ClientSession() as http:
        ws = await http.ws_connect(url)
        if how == "tenth":
            await asyncio.sleep(0.1)
        elif how in ("frame", "cut", "refresh"):
            await ws.receive(timeout=30)  # the first frame of the game
        if how == "cut":  # no closing handshake: the connection just ends
            ws._response.connection.transport.abort()
            return
        await ws.close()
        if how == "refresh":
            async with http.ws_connect(url) as again:
                await again.receive(timeout=30)


def test_dropped_tabs_leave_no_process_behind(served):
    url = served.students.replace("http", "ws") + "ws"

    async def drops() -> None:
        await asyncio.gather(
            *(_drop(url, how) for how in ("at once", "tenth", "frame", "cut", "refresh"))
        )

    asyncio.run(drops())
    pid = served.process.pid
    time.sleep(5)
    assert children(pid) == [], "game processes are still running 5 s after their tabs closed"
    before = cpu_ticks(pid)
    time.sleep(1)
    ticks = cpu_ticks(pid) - before
    assert ticks <= 0.1 * os.sysconf("SC_CLK_TCK"), f"the server used {ticks} ticks in 1 s"
    out = served.stop()
    assert "Stopped. 0 games were in progress" in out and "Traceback" not in out


def test_ctrl_c_closes_open_games(served):
    url = served.students.replace("http", "ws") + "ws"

    async def open_two() -> None:
        async with aiohttp.ClientSession() as http:
            tabs = [await http.ws_connect(url) for _ in range(2)]
            for ws in tabs:
                await ws.receive(timeout=30)
            pids = children(served.process.pid)
            assert len(pids) == 2
            out = await asyncio.to_thread(served.stop)
            assert "Stopped. 2 games were in progress; every choice was saved" in out
            for p in pids:
                assert not os.path.exists(f"/proc/{p}") or cpu_ticks(p) == 0

    asyncio.run(open_two())
