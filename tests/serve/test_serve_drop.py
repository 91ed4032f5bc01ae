"""Tabs that go away at the worst moments never leave a game running or spinning: closed at
once, a tenth of a second after opening, after the first frame, cut without a goodbye, and a
refresh; with the games forked by the warm process, and started on their own. Within five
seconds the server has no game process left, and it is idle."""

from __future__ import annotations

import asyncio
import os
import signal
import time

import aiohttp
import pytest
from serving import children, cpu_ticks, descendants, tab_processes, wait_warm, warm_process


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


@pytest.mark.slow
@pytest.mark.parametrize("start", ["warm", "on their own"])
def test_dropped_tabs_leave_no_process_behind(served, start):
    url = served.students.replace("http", "ws") + "ws"
    pid = served.process.pid
    warm = wait_warm(pid)
    if start != "warm":
        os.kill(warm, signal.SIGKILL)

    async def drops() -> None:
        await asyncio.gather(
            *(_drop(url, how) for how in ("at once", "tenth", "frame", "cut", "refresh"))
        )

    asyncio.run(drops())
    deadline = time.monotonic() + 5
    while tab_processes(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = tab_processes(pid)
    assert left == [], "game processes are still running 5 s after their tabs closed"
    watched = [pid] + ([warm] if start == "warm" else [])
    before = [cpu_ticks(p) for p in watched]
    time.sleep(1)
    ticks = [cpu_ticks(p) - b for p, b in zip(watched, before, strict=True)]
    assert max(ticks) <= 0.1 * os.sysconf("SC_CLK_TCK"), f"ticks used in 1 s: {ticks}"
    out = served.stop()
    assert "Stopped. 0 games were in progress" in out and "Traceback" not in out
    assert "Unknown child process" not in out  # a game reaped behind asyncio's child watcher
    assert not os.path.exists(f"/proc/{warm}"), "the warm process outlived the server"


def test_ctrl_c_closes_open_games(served):
    url = served.students.replace("http", "ws") + "ws"

    async def open_two() -> None:
        async with aiohttp.ClientSession() as http:
            tabs = [await http.ws_connect(url) for _ in range(2)]
            for ws in tabs:
                await ws.receive(timeout=30)
            pids = descendants(served.process.pid)
            warm = warm_process(served.process.pid)
            assert len([p for p in children(served.process.pid) if p != warm]) == 2
            out = await asyncio.to_thread(served.stop)
            assert "Stopped. 2 games were in progress; every choice was saved" in out
            for p in pids:
                assert not os.path.exists(f"/proc/{p}") or cpu_ticks(p) == 0

    asyncio.run(open_two())
