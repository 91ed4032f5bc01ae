"""The warm start: tabs' games forked by one process that has imported the game. A crashed game
touches no other; without the warm process tabs start their games on their own; a server killed
outright leaves no process running."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import time

import aiohttp
import pytest
from serving import children, descendants, running, start_server, tab_processes, wait_warm


async def _open(http: aiohttp.ClientSession, url: str) -> aiohttp.ClientWebSocketResponse:
    ws = await http.ws_connect(url + "?width=100&height=30")
    while (await ws.receive(timeout=30)).type != aiohttp.WSMsgType.BINARY:
        pass
    return ws


async def _answers(ws: aiohttp.ClientWebSocketResponse) -> bool:
    """Whether the tab's game draws again after a key (a letter in the name field)."""
    await ws.send_str(json.dumps(["stdin", "x"]))
    try:
        while True:
            msg = await ws.receive(timeout=15)
            if msg.type == aiohttp.WSMsgType.BINARY:
                return True
            if msg.type != aiohttp.WSMsgType.TEXT:
                return False
    except TimeoutError:
        return False


def _until(check, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.slow
def test_games_are_forked_warm_and_a_crash_touches_no_other(served):
    pid = served.process.pid
    warm = wait_warm(pid)
    url = served.students.replace("http", "ws") + "ws"

    async def play() -> None:
        async with aiohttp.ClientSession() as http:
            one, two = await _open(http, url), await _open(http, url)
            games = children(warm)
            assert len(games) == 2, "the tabs' games were not forked by the warm process"
            os.kill(games[0], signal.SIGKILL)  # one game crashes: its tab's process ends
            tabs = lambda: [p for p in children(pid) if p != warm]  # noqa: E731
            assert await asyncio.to_thread(_until, lambda: len(tabs()) == 1)
            assert await _answers(two), "another tab's game stopped answering"
            os.kill(warm, signal.SIGKILL)  # the warm process itself goes
            assert await _answers(two), "a game stopped answering when the warm process went"
            three = await _open(http, url)  # a new tab starts its game on its own
            assert await _answers(three)
            for ws in (one, two, three):
                await ws.close()

    asyncio.run(play())
    assert _until(lambda: tab_processes(pid) == []), "processes left after the tabs closed"
    out = served.stop()
    assert "Traceback" not in out and "Unknown child process" not in out


@pytest.mark.slow
def test_a_killed_server_leaves_no_game_running(tmp_path):
    server = start_server(tmp_path, "--class", "7B")
    warm = wait_warm(server.process.pid)
    url = server.students.replace("http", "ws") + "ws"

    async def open_two() -> list[int]:
        async with aiohttp.ClientSession() as http:
            tabs = [await _open(http, url), await _open(http, url)]
            below = descendants(server.process.pid)
            assert len(children(warm)) == 2
            server.process.kill()  # no Ctrl+C, no goodbye
            server.process.wait(timeout=10)
            for ws in tabs:
                await ws.close()
            return below

    below = asyncio.run(open_two())
    assert len(below) == 5  # the warm process, two tabs' processes and their games
    assert _until(lambda: not any(running(p) for p in below)), "processes outlived the server"
