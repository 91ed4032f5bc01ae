"""The teacher's pages, behind the token printed at start: who is playing and where, every game
of the class folder (read again as saves land), the debrief report, and a zip of the saves.

A request without the right token gets 403 and nothing else; the token is compared in constant
time. Every name and text from a save is escaped (Jinja2's autoescape, and the debrief's own
HTML report, which escapes everything it writes).
"""

from __future__ import annotations

import asyncio
import hmac
import io
import stat
import time
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING

import aiohttp_jinja2
from aiohttp import web

from ..saves import MAX_SAVE_BYTES, reached
from ..saves.disk import save_entries
from ..ui.classroom import code_of

if TYPE_CHECKING:
    from ..debrief.gather import Gathered
    from .live import LiveFolder
    from .server import BrinkServer

REFRESH = 10
"""Seconds between two reloads of the teacher's page."""


@dataclass(frozen=True)
class Tab:
    """An open tab, as the teacher's page lists it."""

    player: str
    role: str
    where: str
    choices: int
    minutes: int


class Teacher:
    """The teacher's routes of one server."""

    def __init__(self, server: BrinkServer, live: LiveFolder):
        self.server = server
        self.live = live
        self._lock = asyncio.Lock()

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get("/teacher", self.page),
            web.get("/teacher/report", self.report),
            web.get("/teacher/saves.zip", self.saves_zip),
        ]

    def _allowed(self, request: web.Request) -> None:
        given = request.query.get("token", "").encode("utf-8", "replace")
        if not hmac.compare_digest(given, self.server.token.encode("ascii")):
            raise web.HTTPForbidden(text="403: Forbidden")

    async def _gathered(self) -> Gathered:
        async with self._lock:  # one reading of the folder at a time, off the event loop
            return await asyncio.to_thread(self.live.gathered)

    async def page(self, request: web.Request) -> web.Response:
        self._allowed(request)
        gathered = await self._gathered()
        by_id = {g.save.id: g for g in gathered.games}
        scenario = self.live.scenario
        now = time.time()
        tabs = []
        for session in list(self.server.sessions.values()):
            game = by_id.get(self.live.playing(session.id) or "")
            minutes = int((now - session.opened) // 60)
            if game is None:
                tabs.append(Tab("(choosing a name or a campaign)", "", "", 0, minutes))
                continue
            s = game.save
            tabs.append(
                Tab(
                    s.player, _role(scenario, s.role), reached(scenario, s), len(s.choices), minutes
                )
            )
        rows = [
            {
                "player": g.save.player or "(no name)",
                "role": _role(scenario, g.save.role),
                "where": reached(scenario, g.save),
                "choices": len(g.save.choices),
                "danger": g.save.summary.peak_danger,
                "updated": g.save.updated.replace("T", " ")[:16],
                "code": code_of(g.save.id) or "",
            }
            for g in sorted(gathered.games, key=lambda g: g.save.updated, reverse=True)
        ]
        context = {
            "token": self.server.token,
            "refresh": REFRESH,
            "tabs": tabs,
            "limit": self.server.max_sessions,
            "games": rows,
            "skipped": gathered.skipped,
            "folder": str(self.server.folder),
        }
        return aiohttp_jinja2.render_template("teacher.html", request, context)

    async def report(self, request: web.Request) -> web.Response:
        """The debrief of the class folder as one HTML report (as ``brink debrief --format
        html`` writes it)."""
        self._allowed(request)
        gathered = await self._gathered()
        if not gathered.games:
            return web.Response(
                text="No game has been saved in the class folder yet.", content_type="text/plain"
            )
        from ..debrief import build, render

        html = await asyncio.to_thread(
            lambda: render(build(self.live.scenario, gathered, None), "html")
        )
        return web.Response(text=html, content_type="text/html")

    async def saves_zip(self, request: web.Request) -> web.Response:
        """Every save file of the class folder, in one zip."""
        self._allowed(request)
        data = await asyncio.to_thread(_zip, self.server.folder)
        name = f"brink-saves-{self.server.folder.name or 'class'}.zip"
        return web.Response(
            body=data,
            content_type="application/zip",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )


def _zip(folder) -> bytes:
    """The folder's save files (regular files only, no sub-folder, none larger than a save)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in save_entries(folder):
            name = entry.name
            try:
                info = entry.stat(follow_symlinks=False)
                if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_SAVE_BYTES:
                    continue
                with open(entry.path, "rb") as f:
                    archive.writestr(name, f.read(MAX_SAVE_BYTES + 1))
            except OSError:
                continue
    return out.getvalue()


def _role(scenario, role: str) -> str:
    try:
        return scenario.role(role).title
    except (KeyError, ValueError):
        return role
