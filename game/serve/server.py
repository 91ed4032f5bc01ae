"""The classroom server: textual-serve's server with Brink's offline page, one game process per
tab (at most ``max_sessions``), the teacher's pages, and a clean stop.

A tab's game is forked by the warm process (:mod:`.warm`), which has imported the game once,
through a small process of the tab's own (:mod:`.launch`); without a warm process a tab's process
runs ``python -m game.serve.student`` itself. Either way its command holds a session id the
server made and nothing a browser sends: nothing from a browser reaches the command line, a path
or Python. A game that does not end when its tab closes is stopped after :data:`STOP_WAIT`
seconds; a game that ends without closing its tab (its process killed or crashed) closes the
tab with :data:`GAME_STOPPED`, so that the page says so instead of freezing. One tab's game,
and what passes between the tab and it, is in :mod:`.tab`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import shlex
import shutil
import socket
import sys
import tempfile
from pathlib import Path

import aiohttp_jinja2
import jinja2
import textual_serve
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from ..ui.upstream import end_process
from .live import LiveFolder
from .tab import Session, TabService, _number, _relay
from .teacher import Teacher
from .warm import tab_env

STOP_WAIT = 5.0
"""Seconds a game has to close after its tab went away; then its process is stopped (which
waits up to another second for it to end by itself)."""
GAME_STOPPED = 4000
"""The websocket close code of a tab whose game stopped without closing it; the reason sent
with it is the game's resume code, if it has been saved (the students' page shows both)."""
HEARTBEAT = 15.0
"""Seconds between pings to each tab: a tab that stops answering (a laptop asleep) is closed."""
LAUNCH = Path(__file__).parent / "launch.py"
TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(textual_serve.__file__).parent / "static"
"""textual-serve's own page files (the terminal's script and style, and the Roboto Mono font),
served from the installed package so that they always match its protocol."""

log = logging.getLogger("brink.serve")


class BrinkServer(Server):
    """Serves the students' page and their games, and the teacher's pages."""

    def __init__(
        self,
        folder: Path,
        live: LiveFolder,
        class_code: str = "",
        host: str = "127.0.0.1",
        port: int = 8000,
        max_sessions: int = 40,
        token: str | None = None,
    ):
        super().__init__("", host=host, port=port, title="Brink")
        self.folder = folder
        self.class_code = class_code
        self.max_sessions = max_sessions
        self.sessions: dict[str, Session] = {}
        self.token = token or secrets.token_urlsafe(24)
        self.teacher = Teacher(self, live)
        self.live = live
        self.warm: asyncio.subprocess.Process | None = None
        """The warm process that forks the tabs' games (see :mod:`.warm`), once started."""
        self._warm_dir: str | None = None

    def make_app(self) -> web.Application:
        """The aiohttp application: the students' page and websocket, the teacher's pages,
        and textual-serve's page files (no folder listing)."""
        app = web.Application(middlewares=[_headers])
        env = aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
        env.globals["class_code"] = self.class_code
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", STATIC, name="static"),
                web.get("/favicon.ico", _no_icon),
                *self.teacher.routes(),
            ]
        )
        app.on_startup.append(self._start_warm)
        app.on_cleanup.append(self._stop_warm)
        return app

    async def _start_warm(self, app: web.Application) -> None:
        """Start the warm process, listening in a folder of this server's own (where processes
        can be forked and pass their streams: not on Windows)."""
        if not (hasattr(os, "fork") and hasattr(socket, "send_fds")):
            return
        self._warm_dir = tempfile.mkdtemp(prefix="brink-serve-")
        socket_path = os.path.join(self._warm_dir, "warm")
        self.warm = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "game.serve.warm",
            socket_path,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
            env={**os.environ, **tab_env()},
        )

    async def _stop_warm(self, app: web.Application) -> None:
        """End the warm process (closing its pipe ends it) and remove its folder."""
        warm, self.warm = self.warm, None
        if warm is not None:
            with contextlib.suppress(Exception):
                warm.stdin.close()
            try:
                await asyncio.wait_for(warm.wait(), STOP_WAIT)
            except Exception:  # not ended in time
                with contextlib.suppress(ProcessLookupError):
                    warm.kill()
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(warm.wait(), STOP_WAIT)
        if self._warm_dir is not None:
            shutil.rmtree(self._warm_dir, ignore_errors=True)

    def game_command(self, session: str) -> str:
        """The command that runs one tab's game: made of the Python running Brink, this
        server's warm process's socket and a session id of hex digits, nothing else (the shell
        gets nothing from a browser)."""
        assert session and all(c in "0123456789abcdef" for c in session)
        python = shlex.quote(sys.executable)
        if self.warm is None or self.warm.returncode is not None or self._warm_dir is None:
            return f"exec {python} -m game.serve.student --session {session}"
        socket_path = shlex.quote(os.path.join(self._warm_dir, "warm"))
        return f"exec {python} -I -S {shlex.quote(str(LAUNCH))} {socket_path} {session}"

    async def handle_index(self, request: web.Request) -> web.Response:
        """The students' page, or a clear page when the class is full."""
        if len(self.sessions) >= self.max_sessions:
            context = {"limit": self.max_sessions}
            return aiohttp_jinja2.render_template("full.html", request, context, status=503)
        size = request.query.get("fontsize", "16")
        context = {
            "static": "/static/",
            "font_size": int(size) if size.isdigit() else 16,
            "game_stopped": GAME_STOPPED,
        }
        if not 8 <= context["font_size"] <= 40:
            context["font_size"] = 16
        return aiohttp_jinja2.render_template("student.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab: start its game, pass keys and screen updates, and make sure the game's
        process ends when the tab goes away, whenever that is."""
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT)
        await websocket.prepare(request)
        if len(self.sessions) >= self.max_sessions:
            await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=b"class full")
            return websocket
        width = _number(request.query.get("width"), 80, 20, 500)
        height = _number(request.query.get("height"), 24, 10, 200)
        sid = secrets.token_hex(8)
        service = TabService(
            self.game_command(sid),
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        session = self.sessions[sid] = Session(sid, service, websocket)
        try:
            await service.start(width, height)
            watch = asyncio.create_task(self._tell_if_stopped(sid, service, websocket))
            try:
                await _relay(websocket, service)
            finally:
                if not service.ended.is_set():  # the tab went first: nothing to tell it
                    watch.cancel()
                await asyncio.wait([watch])  # else let it finish closing the tab
        except (asyncio.CancelledError, ConnectionError):
            pass
        except Exception:
            log.exception("a tab's game failed")
        finally:
            del self.sessions[sid]
            await self._stop(service)
            self.live.forget(sid)
            with contextlib.suppress(Exception):
                await websocket.close()
            session.done.set()
        return websocket

    async def _tell_if_stopped(
        self, sid: str, service: TabService, websocket: web.WebSocketResponse
    ) -> None:
        """Once the game's output has ended: if its tab is still open, the game did not close
        it (a game that quits closes its tab first), so its process was killed or crashed.
        Close the tab with :data:`GAME_STOPPED` and the game's resume code: the page then says
        that the game stopped, that its choices are saved, and how to go on."""
        await service.ended.wait()
        if websocket.closed:
            return
        code = await asyncio.to_thread(self.live.resume_code, sid)
        log.warning("a student's game stopped unexpectedly; its tab was told how to go on")
        with contextlib.suppress(Exception):
            await websocket.close(code=GAME_STOPPED, message=(code or "").encode("ascii"))

    async def _stop(self, service: AppService) -> None:
        """Ask the game to quit; stop its process if it has not ended in time. A stop that is
        itself cancelled (the server shutting down, or textual-serve's own wait on the game's
        reader cancelled) still ends the process."""
        try:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(asyncio.shield(service.stop()), STOP_WAIT)
        finally:
            await end_process(service)

    async def close_all(self) -> int:
        """Close every tab (their games save and quit); returns how many were open."""
        open_now = list(self.sessions.values())
        for session in open_now:
            with contextlib.suppress(Exception):
                await session.websocket.close(code=WSCloseCode.GOING_AWAY, message=b"stopped")
        if open_now:
            await asyncio.wait(
                [asyncio.create_task(s.done.wait()) for s in open_now], timeout=STOP_WAIT * 2
            )
        return len(open_now)


async def _no_icon(request: web.Request) -> web.Response:
    return web.Response(status=204)


@web.middleware
async def _headers(request: web.Request, handler):
    """Every answer: nothing loaded from another host, no referrer, no caching of pages."""
    response = await handler(request)
    if response.prepared:  # a websocket, already answered
        return response
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self' 'unsafe-inline'; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; frame-ancestors 'none'",
    )
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if not request.path.startswith("/static/"):
        response.headers.setdefault("Cache-Control", "no-store")
    return response
