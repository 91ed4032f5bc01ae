"""A tab whose game process dies (killed outright: no goodbye, no exit message) is closed by
the server with its own code and the game's resume code, so that the page says the game
stopped and how to go on, instead of a frozen screen; the other tabs play on. A served
session's log holds no "Unknown child process" line from asyncio's child watcher."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import time

import aiohttp
import pytest
from serving import children, tab_processes, wait_warm

from game.serve.server import GAME_STOPPED
from game.ui.classroom import CODE


async def _open(http: aiohttp.ClientSession, url: str) -> aiohttp.ClientWebSocketResponse:
    """A tab, once its game shows the first screen (where the name is typed)."""
    ws = await http.ws_connect(url + "?width=100&height=30")
    drawn = b""
    while b"Your name" not in drawn:
        msg = await ws.receive(timeout=60)
        if msg.type == aiohttp.WSMsgType.BINARY:
            drawn += msg.data
    return ws


QUIET = 0.3
"""Seconds without a frame that count as the game having drawn what a key changed: shorter than
the name box's cursor blink (a frame every half second), which would otherwise never let a
tab look quiet."""


async def _keys(ws: aiohttp.ClientWebSocketResponse, *keys: str) -> bool:
    """Press each key, then let the game draw until it is quiet (however loaded the machine);
    whether it drew after each."""
    every = True
    for key in keys:
        await ws.send_str(json.dumps(["stdin", key]))
        deadline = time.monotonic() + 20
        drawn = False
        while time.monotonic() < deadline:
            try:
                msg = await ws.receive(timeout=QUIET if drawn else 10)
            except TimeoutError:
                break
            drawn = drawn or msg.type == aiohttp.WSMsgType.BINARY
        every = every and drawn
    return every


async def _closed(ws: aiohttp.ClientWebSocketResponse) -> aiohttp.WSMessage:
    """The close the server sends (screen updates before it are skipped)."""
    while True:
        msg = await ws.receive(timeout=30)
        if msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            return msg


def _saved(folder) -> list:
    return sorted(folder.glob("class-*.json"))


async def _until(ws: aiohttp.ClientWebSocketResponse, check, timeout: float = 60.0) -> bool:
    """Read what the tab's game draws (so that the server's pings are answered) until
    ``check()`` holds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        try:
            msg = await ws.receive(timeout=0.2)
        except TimeoutError:
            continue
        if msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            break  # the tab has closed: nothing more will come
    return check()


@pytest.mark.slow
@pytest.mark.parametrize("start, begun", [("warm", True), ("on its own", False)])
def test_a_killed_game_tells_its_tab(served, start, begun):
    pid = served.process.pid
    warm = wait_warm(pid)
    if start != "warm":
        os.kill(warm, signal.SIGKILL)
    url = served.students.replace("http", "ws") + "ws"

    async def play() -> None:
        async with aiohttp.ClientSession() as http:
            tab = await _open(http, url)
            if begun:  # a name, the campaign, history's defaults: the game is saved
                await _keys(tab, "ana", "\r", "\r", "\r")
                assert await _until(tab, lambda: _saved(served.folder)), "the game was not saved"
            other = await _open(http, url)  # opened late: a tab left unread misses the pings
            games = [p for p in children(warm if start == "warm" else pid) if p != warm]
            assert len(games) == 2
            os.kill(min(games), signal.SIGKILL)  # the first tab's game, forked first
            msg = await _closed(tab)
            assert msg.type == aiohttp.WSMsgType.CLOSE and msg.data == GAME_STOPPED
            if begun:
                (save,) = _saved(served.folder)
                code = save.stem.removeprefix("class-").upper()
                assert msg.extra == code and CODE.match(code)
            else:
                assert msg.extra == ""
            assert await _keys(other, "b"), "the other tab stopped answering"
            await other.close()

    asyncio.run(play())
    deadline = time.monotonic() + 15
    while tab_processes(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert tab_processes(pid) == [], "processes left behind"
    out = served.stop()
    assert "a student's game stopped unexpectedly" in out
    assert "Traceback" not in out and "Unknown child process" not in out, out
