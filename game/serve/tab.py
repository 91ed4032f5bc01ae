"""One tab of the classroom server and its game: textual-serve's service for the game (which
also says when the game has gone), the open session, and what the tab sends passed on to the
game (keys, size, focus; anything malformed dropped)."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService


class TabService(AppService):
    """textual-serve's service for one tab's game, which also says when the game's output has
    ended (the game has gone: closed, or its process killed)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.ended = asyncio.Event()

    async def run(self) -> None:
        try:
            await super().run()
        finally:
            self.ended.set()


@dataclass
class Session:
    """One open tab and its game."""

    id: str
    service: TabService
    websocket: web.WebSocketResponse
    opened: float = field(default_factory=time.time)
    done: asyncio.Event = field(default_factory=asyncio.Event)


async def _relay(websocket: web.WebSocketResponse, service: AppService) -> None:
    """Pass what the tab sends to its game: keys, size, focus; malformed messages are
    ignored (they never reach the game or Python)."""
    async for message in websocket:
        if message.type != WSMsgType.TEXT:
            continue
        try:
            envelope = json.loads(message.data)
            kind, data = envelope[0], envelope[1]
        except (ValueError, TypeError, IndexError, KeyError):
            continue
        if kind == "stdin" and isinstance(data, str):
            await service.send_bytes(data.encode("utf-8"))
        elif kind == "resize" and isinstance(data, dict):
            width = _number(data.get("width"), 80, 20, 500)
            height = _number(data.get("height"), 24, 10, 200)
            await service.set_terminal_size(width, height)
        elif kind == "ping":
            await websocket.send_json(["pong", data])
        elif kind == "blur":
            await service.blur()
        elif kind == "focus":
            await service.focus()


def _number(value: object, default: int, low: int, high: int) -> int:
    """A size sent by the browser, as a whole number within bounds."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.isdigit() and len(value) < 6:
        number = int(value)
    else:
        return default
    return min(max(number, low), high)
