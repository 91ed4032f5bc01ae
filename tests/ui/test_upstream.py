"""The workarounds of ``game/ui/upstream.py``: still needed on the checked versions, and
working. When Textual or textual-serve moves past the checked versions, the version tests fail
so that each workaround is looked at again.

Run as a program, this file is a small app with a ``Header`` and the driver-quit fix, as a
browser tab's game would be (see ``test_a_tab_closed_at_once_ends_its_game``).
"""

from __future__ import annotations

import asyncio
import sys
from importlib.metadata import version

import pytest
from textual.app import App
from textual.widgets import Footer, Header, Static

from game.ui.upstream import CHECKED, SERVE_CHECKED, ExitsOnDriverQuit, end_process


class HeaderApp(ExitsOnDriverQuit, App):
    def compose(self):
        yield Header(show_clock=True)
        yield Static("a tab's game")
        yield Footer()


def _minor(package: str) -> tuple[int, int]:
    major, minor = version(package).split(".")[:2]
    return int(major), int(minor)


def test_checked_versions():
    assert _minor("textual") in CHECKED, "look again at ExitsOnDriverQuit for this Textual"
    assert _minor("textual-serve") in SERVE_CHECKED, "look again at end_process"


async def test_a_quit_from_the_driver_exits_like_exit():
    """The driver's quit is an ExitApp message without App.exit(): the app must still end,
    keeping a result code set before."""
    from textual import messages

    app = HeaderApp()
    async with app.run_test() as pilot:
        app._return_code = None
        app.post_message(messages.ExitApp())
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


def _service(delivered: list[bytes]):
    from textual_serve.app_service import AppService
    from textual_serve.download_manager import DownloadManager

    async def write(data) -> None:
        delivered.append(data)

    async def close() -> None:
        pass

    command = f"exec {sys.executable} {__file__}"
    return AppService(
        command, write_bytes=write, write_str=write, close=close, download_manager=DownloadManager()
    )


@pytest.mark.parametrize("delay", [0.0, 0.1, 0.3])
async def test_a_tab_closed_at_once_ends_its_game(delay):
    """textual-serve sends "quit" when a tab closes: before the app has started, just after,
    or once it runs. The game's process ends within a few seconds, every time."""
    delivered: list[bytes] = []
    service = _service(delivered)
    await service.start(80, 24)
    await asyncio.sleep(delay)
    await asyncio.wait_for(service.stop(), 5)
    assert await asyncio.wait_for(service._process.wait(), 5) == 0


async def test_end_process_stops_a_game_that_does_not_quit():
    """A game that never answers "quit" (here: one not even started) is stopped and reaped."""
    delivered: list[bytes] = []
    service = _service(delivered)
    assert hasattr(service, "_process"), "textual-serve changed: end_process must change too"
    await service.start(80, 24)
    await end_process(service, wait=5)
    assert service._process.returncode is not None
    await end_process(service)  # twice is harmless


if __name__ == "__main__":
    HeaderApp().run()
