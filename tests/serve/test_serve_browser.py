"""A class in real browsers (Debian's chromium driven by Playwright): a student types a name
and plays, the save lands in the class folder and ``brink debrief`` counts it; another
student's tab cannot reach that game; the resume code continues it; every request stays on
the server's host; a tab whose game dies says so. One server and one browser serve the whole
module, as one class's server serves all its students."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from serving import CHROMIUM, CHROMIUM_ARGS, children, start_server, wait_warm

pytestmark = [
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)"
    ),
    pytest.mark.xdist_group("browser"),  # one worker starts chromium
]


def wait_for(check, timeout: float = 60.0, step: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"timed out waiting for {check}")


def games(folder: Path) -> dict[str, dict]:
    out = {}
    for path in folder.glob("*.json"):
        try:
            out[path.name] = json.loads(path.read_text("utf-8"))
        except ValueError:  # never half-written (atomic), but be safe
            continue
    return out


class Tab:
    """One student's browser tab on the game."""

    def __init__(self, browser, url: str, requests: list[str]):
        self.page = browser.new_context(viewport={"width": 1000, "height": 700}).new_page()
        self.page.on("request", lambda r: requests.append(r.url))
        self.page.goto(url, timeout=90000)
        self.page.wait_for_selector("body.-first-byte", timeout=90000)
        # the page gives the game the keys itself: a student types without clicking first
        self.page.wait_for_function(
            "document.activeElement?.matches('textarea.xterm-helper-textarea')", timeout=30000
        )
        time.sleep(0.5)

    def keys(self, *keys: str, pause: float = 0.6) -> None:
        """Press each key; a key name is one character or starts with a capital ("Enter",
        "Tab"); anything else ("ana", a resume code such as "4q-tx64") is typed as text."""
        for key in keys:
            if len(key) == 1 or key[0].isupper():
                self.page.keyboard.press(key)
            else:
                self.page.keyboard.type(key)
            time.sleep(pause)

    def close(self) -> None:
        self.page.context.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A server for class 7B, for every test of the module (each tells its own games apart)."""
    server = start_server(tmp_path_factory.mktemp("class"), "--class", "7B")
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=90000)
        yield b
        b.close()


@pytest.mark.slow
def test_a_class_plays_in_browsers(served, browser):
    requests: list[str] = []
    folder = served.folder

    # Ana types her name, starts a Kennedy game with history's defaults and makes 3 choices
    ana = Tab(browser, served.students, requests)
    ana.keys("ana", "Enter", "Enter", "Enter")
    wait_for(lambda: [g for g in games(folder).values() if g["player"] == "ana"])
    for made in range(1, 4):  # each choice saved before the result is passed
        ana.keys("1", "y")  # y: yes, if the choice asks first (nothing otherwise)
        wait_for(
            lambda made=made: any(
                g["player"] == "ana" and len(g["choices"]) >= made for g in games(folder).values()
            )
        )
        ana.keys("Enter")
    (name,) = wait_for(
        lambda: [n for n, g in games(folder).items() if g["player"] == "ana" and g["choices"]]
    )
    wait_for(lambda: len(games(folder)[name]["choices"]) >= 3)
    save = games(folder)[name]
    assert save["player"] == "ana" and save["class_code"] == "7B"
    code = name.removeprefix("class-").removesuffix(".json").upper()
    ana.close()

    # Ben, in another browser: "continue" and "load" reach nothing of Ana's; his game is his
    ben = Tab(browser, served.students, requests)
    ben.keys("ben", "Enter", "c", "Escape", "l", "Escape", "Enter", "Enter", "1", "y", "Enter")
    bens = wait_for(lambda: [g for g in games(folder).values() if g["player"] == "ben"])
    assert len(bens) == 1 and bens[0]["id"] != save["id"]
    assert games(folder)[name]["choices"] == save["choices"]  # Ana's game untouched
    ben.close()

    # Ana again, on "another machine": her resume code continues her game, in the same file
    again = Tab(browser, served.students, requests)
    resumed = time.time()
    again.keys("Tab", "Tab", code.lower(), "Enter", pause=0.8)
    # the game is open once its tab says so to the teacher's page; its turn is drawn just after
    wait_for(
        lambda: [
            p
            for p in (folder / ".playing").glob("*")
            if p.stat().st_mtime >= resumed - 1 and p.read_text() == save["id"]
        ]
    )
    time.sleep(1.0)
    again.keys("1", "y", "Enter")
    wait_for(lambda: len(games(folder)[name]["choices"]) == 4)
    again.close()

    host = urlsplit(served.students).netloc
    assert requests and all(urlsplit(u).netloc == host for u in requests), requests
    r = subprocess.run(
        [sys.executable, "-m", "game", "debrief", str(folder), "--format", "csv"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    names = [row[1] for row in list(csv.reader(io.StringIO(r.stdout)))[1:]]
    assert len(names) == len(games(folder))  # one row a game: Ana's resumed game is one
    assert sorted(n for n in names if n in ("ana", "ben")) == ["ana", "ben"]


@pytest.mark.slow
def test_a_tab_whose_game_dies_says_so(served, browser):
    """The game's process killed outright: the tab says that the game stopped, that its
    choices are saved, and shows its resume code, instead of a frozen screen."""
    warm = wait_warm(served.process.pid)
    others = set(children(warm))  # games of tabs closed before, if any are still ending
    tab = Tab(browser, served.students, [])
    tab.keys("dee", "Enter", "Enter", "Enter")
    (name,) = wait_for(lambda: [n for n, g in games(served.folder).items() if g["player"] == "dee"])
    code = name.removeprefix("class-").removesuffix(".json").upper()
    notice = tab.page.locator(".notice.stopped")
    assert not notice.is_visible()
    (game,) = wait_for(lambda: list(set(children(warm)) - others))
    os.kill(game, signal.SIGKILL)
    notice.wait_for(state="visible", timeout=30000)
    text = notice.inner_text()
    assert "Your game stopped unexpectedly" in text and "Every choice you made is saved" in text
    assert f"Your resume code is {code}" in text, text
    assert "before your game began" not in text
    assert not tab.page.locator(".notice.closed").is_visible()
    tab.close()
