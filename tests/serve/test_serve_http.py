"""``brink serve`` over HTTP, without a browser: what it prints, the students' page (offline,
nothing from another host), the teacher's token, the teacher's pages and their escaping, the
zip, a full class, and bad options."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest
from serving import start_server

from game.saves import Game, write_save

pytestmark = pytest.mark.xdist_group("serve-http")  # one worker starts `class_server` once


@pytest.fixture(scope="module")
def class_server(tmp_path_factory):
    """A server for class 7B shared by the tests that only read from it (the fixture ``served``
    is a server of a test's own, for a test that stops it or plays on it)."""
    server = start_server(tmp_path_factory.mktemp("class"), "--class", "7B")
    yield server
    if server.process.poll() is None:
        server.stop()


def get(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_prints_both_urls_and_stops_cleanly(served):
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", served.students)
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/teacher\?token=[\w-]{20,}", served.teacher)
    assert served.folder.name == "7B" and served.folder.is_dir()
    out = served.stop()
    assert "Stopped. 0 games were in progress; every choice was saved as it was made." in out
    assert served.process.returncode == 0


def test_students_page_loads_nothing_from_another_host(class_server):
    served = class_server
    status, headers, body = get(served.students)
    assert status == 200
    page = body.decode()
    assert "fonts.googleapis" not in page
    # every address the page names is on the server itself
    for ref in re.findall(r'(?:src|href)="([^"]+)"', page):
        assert ref.startswith("/"), ref
    assert 'url("/static/fonts/RobotoMono' in page
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    for ref in re.findall(r'(?:src|href)="([^"]+)"', page):
        assert get(served.students.rstrip("/") + ref.split('"')[0])[0] == 200, ref
    assert get(served.students + "static/")[0] == 403  # no folder listing


def test_teacher_token(class_server):
    served = class_server
    assert get(served.teacher)[0] == 200
    base = served.teacher.split("?")[0]
    for bad in ("", "?token=", "?token=wrong", f"?token={served.token[:-1]}", "?token=%C3%A9"):
        status, _, body = get(base + bad)
        assert status == 403 and body == b"403: Forbidden", bad
    for page in ("/report", "/saves.zip"):
        assert get(base + page)[0] == 403
        assert get(base + page + "?token=nope")[0] == 403


def _save(folder: Path, scenario, player: str, choices: int = 2) -> Game:
    from game import engine

    state = engine.new_game(scenario, "kennedy", 7).state
    game = Game(scenario, state, player=player, class_code="7B")
    for _ in range(choices):
        option = engine.view(scenario, game.state).options[0]
        game.choose(option.id)
    write_save(folder, game.to_save())
    return game


def test_teacher_page_shows_the_class_escaped_and_zips_it(class_server, cmc):
    served = class_server
    _save(served.folder, cmc, "<script>alert(1)</script>")
    _save(served.folder, cmc, "Zoë & co")
    (served.folder / "broken.json").write_text("{", "utf-8")
    status, _, body = get(served.teacher)
    page = body.decode()
    assert status == 200
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Zoë &amp; co" in page and "Games saved: 2" in page
    assert "broken.json" in page  # left out, with the reason
    base, token = served.teacher.split("?")
    status, headers, data = get(f"{base}/saves.zip?{token}")
    assert status == 200 and headers["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert len(names) == 3 and "broken.json" in names
    status, _, report = get(f"{base}/report?{token}")
    assert status == 200 and b"&lt;script&gt;" in report and b"<script>alert" not in report


def test_a_full_class_gets_a_clear_page(tmp_path):
    import asyncio

    import aiohttp

    server = start_server(tmp_path, "--max-sessions", "1")
    try:

        async def scenario() -> tuple[int, str, int | None]:
            async with aiohttp.ClientSession() as http:
                ws_url = server.students.replace("http", "ws") + "ws"
                async with http.ws_connect(ws_url) as first:
                    await first.receive(timeout=20)  # the game has started
                    async with http.get(server.students) as r:
                        text = await r.text()
                    async with http.ws_connect(ws_url) as second:
                        msg = await second.receive(timeout=10)
                        return r.status, text, second.close_code or msg.data

        status, text, refused = asyncio.run(scenario())
        assert status == 503 and "The class is full" in text and "--max-sessions" in text
        assert refused == 1013
    finally:
        out = server.stop()
    assert "Stopped." in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--class", "7B\x1b[31m"], "--class: a class code cannot hold control characters"),
        (["--port", "70000"], "expected a port from 0 to 65535"),
        (["--max-sessions", "0"], "expected a number from 1"),
    ],
)
def test_bad_options_are_refused_in_words(tmp_path, args, message):
    r = subprocess.run(
        [sys.executable, "-m", "game", "serve", "--saves-dir", str(tmp_path), *args],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert r.returncode != 0 and message in r.stderr and "Traceback" not in r.stderr


@pytest.mark.slow
def test_a_port_in_use_is_said(class_server, tmp_path):
    served = class_server
    port = served.students.rsplit(":", 1)[1].strip("/")
    r = subprocess.run(
        [sys.executable, "-m", "game", "serve", "--port", port, "--saves-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert r.returncode == 1 and f"cannot listen on 127.0.0.1 port {port}" in r.stderr


def test_no_json_escapes_into_the_log(served):
    """Malformed messages on the websocket are ignored; the game still answers."""
    import asyncio

    import aiohttp

    async def talk() -> bytes:
        async with aiohttp.ClientSession() as http:
            ws_url = served.students.replace("http", "ws") + "ws"
            async with http.ws_connect(ws_url) as ws:
                for junk in ("{", "[]", '["stdin"]', '["resize", "x"]', json.dumps(["stdin", 5])):
                    await ws.send_str(junk)
                await ws.send_str(json.dumps(["ping", "x"]))
                while True:
                    msg = await ws.receive(timeout=20)
                    if msg.type == aiohttp.WSMsgType.TEXT and "pong" in msg.data:
                        return msg.data

    assert json.loads(asyncio.run(talk())) == ["pong", "x"]
    out = served.stop()
    assert "Traceback" not in out
