"""What ``game/ui/upstream.py`` relies on: its workarounds still needed on the checked
versions and working, the private internals it empties still where it looks for them. These
tests judge each workaround by what it does, on whatever release is installed: a release that
fixes a bug upstream fails the test that shows the workaround still needed (drop it then), one
that breaks a workaround fails the test that shows it working. A release newer than the checked
versions is only reported (a warning), so that the versions named in upstream.py are brought up
to date.

Run as a program, this file is a small app with a ``Header`` and the driver-quit fix, as a
browser tab's game would be (see ``test_a_tab_closed_at_once_ends_its_game``).
"""

from __future__ import annotations

import asyncio
import gc
import sys
import warnings
from importlib.metadata import version

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static
from ui_helpers import SIZE, picture, settled

from game.ui import upstream
from game.ui.app import create_app
from game.ui.upstream import (
    CHECKED,
    PYDANTIC_CHECKED,
    RICH_CHECKED,
    SERVE_CHECKED,
    ExitsOnDriverQuit,
    end_process,
)


class HeaderApp(ExitsOnDriverQuit, App):
    def compose(self):
        yield Header(show_clock=True)
        yield Static("a tab's game")
        yield Footer()


def _minor(package: str) -> tuple[int, int]:
    major, minor = version(package).split(".")[:2]
    return int(major), int(minor)


def test_releases_past_the_checked_ones_are_reported():
    """Not a failure: the behaviour tests below decide; this names the versions to record."""
    for package, checked in (
        ("textual", CHECKED),
        ("textual-serve", SERVE_CHECKED),
        ("rich", RICH_CHECKED),
        ("pydantic", PYDANTIC_CHECKED),
    ):
        assert checked, f"upstream.py names no checked {package} version"
        if _minor(package) > max(checked):
            warnings.warn(
                f"{package} {version(package)} is newer than the versions upstream.py was "
                f"checked against {checked}: the tests below passed on it, so add it there",
                stacklevel=1,
            )


async def test_the_driver_quit_workaround_is_still_needed():
    """The driver's quit is an ExitApp message that does not go through App.exit(), so the
    flag exit() sets is not set (here: the result code): what ExitsOnDriverQuit mends. When a
    release sets it, this fails and the mixin can go."""
    from textual import messages

    class Plain(App):
        def compose(self) -> ComposeResult:
            yield Header(show_clock=True)

    app = Plain()
    async with app.run_test() as pilot:
        app.post_message(messages.ExitApp())
        await pilot.pause()
    assert app.return_code is None


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


def _service(delivered: list[bytes], command: str = ""):
    from textual_serve.app_service import AppService
    from textual_serve.download_manager import DownloadManager

    async def write(data) -> None:
        delivered.append(data)

    async def close() -> None:
        pass

    command = command or f"exec {sys.executable} {__file__}"
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
    """A game that never answers "quit" (here: one not even started) is stopped and reaped, by
    a signal sent to its pid: ``Process.kill()`` polls the process first, and under load that
    poll can reap a game that exits in that instant behind asyncio's child watcher."""
    delivered: list[bytes] = []
    service = _service(delivered)
    assert hasattr(service, "_process"), "textual-serve changed: end_process must change too"
    await service.start(80, 24)
    polled = []
    service._process.kill = lambda: polled.append("kill")  # it would poll, and a poll reaps
    await end_process(service, grace=0.2, wait=5)
    assert service._process.returncode is not None
    assert polled == [], "the game was killed through Process.kill(), which polls it first"
    await end_process(service)  # twice is harmless


async def test_end_process_lets_a_game_that_is_ending_end(caplog):
    """A game whose output has ended is ending: it is left a moment to end by itself, not
    killed at once. Killing it at once polls it first (``subprocess``'s ``send_signal``), and
    that poll reaps a process that has just exited behind asyncio's child watcher, which then
    logs "Unknown child process" (what a served class saw, at random)."""
    for linger in (0.3, 0, 0, 0, 0, 0, 0, 0):  # the first: still running when asked to end
        script = (  # it waits first: textual-serve 1.1's stop() fails on a game whose output
            # has ended before its reading of stderr has begun (on a loaded machine)
            "import os, time; time.sleep(0.2); print('__GANGLION__', flush=True); os.close(1); "
            f"time.sleep({linger})"
        )
        service = _service([], f'exec {sys.executable} -c "{script}"')
        await service.start(80, 24)
        await asyncio.wait_for(service.stop(), 5)  # its output has ended
        await end_process(service)
        assert service._process.returncode == 0, f"ended with {service._process.returncode}"
    assert "Unknown child process" not in caplog.text


def test_the_internals_are_where_they_were():
    """Each cache the fence empties is still an ``lru_cache`` where it looks for it: a release
    that moves one makes the fence a silent no-op, and this test says so."""
    from rich.cells import cached_cell_len
    from textual._styles_cache import StylesCache
    from textual.geometry import Region

    assert callable(StylesCache.get_inner_outer.cache_clear)
    assert callable(cached_cell_len.cache_clear)
    assert callable(Region.intersection.cache_clear) and callable(Region.union.cache_clear)


async def test_removed_widgets_lines_are_not_kept():
    """Textual's ``StylesCache.get_inner_outer`` caches by widget, so it kept removed widgets'
    rendered lines alive (Textualize/textual#6665): ``forget_dead_widgets`` empties it, and
    the widgets still on screen are drawn again as before."""
    from textual._styles_cache import StylesCache

    class Column(App):
        def compose(self) -> ComposeResult:
            yield Static("stays", id="stays")
            yield Static("goes", id="goes")

    app = Column()
    async with app.run_test() as pilot:
        await pilot.pause()
        before = picture(app)
        assert StylesCache.get_inner_outer.cache_info().currsize > 0
        await app.query_one("#goes").remove()
        upstream.forget_dead_widgets()
        assert StylesCache.get_inner_outer.cache_info().currsize == 0
        app.query_one("#stays").refresh()
        await pilot.pause()
        assert "stays" in picture(app) and "goes" not in picture(app)
        assert picture(app) != before


async def test_the_measures_are_forgotten_at_a_quiet_moment_and_drawn_again(tmp_path, cmc):
    """The memo caches of text widths and of region arithmetic are emptied by the quiet-moment
    tidy, and what is on screen is drawn again the same."""
    from rich.cells import cached_cell_len
    from textual.geometry import Region

    app = create_app(tmp_path, cmc, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")
        await settled(pilot)
        before = picture(app)
        assert cached_cell_len.cache_info().currsize > 0
        assert Region.intersection.cache_info().currsize > 0
        upstream.forget_measures()
        assert cached_cell_len.cache_info().currsize == 0
        assert Region.intersection.cache_info().currsize == 0
        assert Region.union.cache_info().currsize == 0
        cached_cell_len("filled again")
        upstream.Collector().tidy()
        assert cached_cell_len.cache_info().currsize == 0
        app.screen.refresh(layout=True)
        await settled(pilot)
        assert picture(app) == before


def test_the_collector_is_handed_back():
    """After settle the automatic full passes are off and objects are frozen, and so after
    renew; release restores Python's thresholds and unfreezes, and a renew after it does not
    take them again."""
    before = gc.get_threshold()
    collector = upstream.Collector()
    try:
        collector.settle()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold()[:2] == before[:2] and gc.get_threshold()[2] > before[2]
        collector.tidy()
        collector.renew()  # unfreezes, collects and freezes again
        assert gc.get_freeze_count() > 0 and gc.get_threshold()[2] > before[2]
    finally:
        collector.release()
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    collector.renew()  # a late call, once the app has closed, changes nothing
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


if __name__ == "__main__":
    HeaderApp().run()


def test_the_key_names_are_unicodedatas_answers():
    """Each name answered from ``KEY_NAMES`` gets what ``unicodedata.lookup`` gives for it (a
    character, or a ``KeyError`` for None), and any other name still goes to ``unicodedata``."""
    import unicodedata

    import textual.keys

    upstream.known_key_names()
    shim = textual.keys.unicodedata
    assert shim is not unicodedata
    for name, char in upstream.KEY_NAMES.items():
        try:
            real = unicodedata.lookup(name)
        except KeyError:
            real = None
        assert char == real, name
        if char is None:
            with pytest.raises(KeyError):
                shim.lookup(name)
        else:
            assert shim.lookup(name) == char
    assert shim.lookup("LATIN SMALL LETTER A") == "a"
    with pytest.raises(KeyError):
        shim.lookup("NO SUCH CHARACTER NAME")
    assert shim.name("?") == "QUESTION MARK"  # everything else is unicodedata's own


async def test_a_game_asks_unicodedata_for_no_key_name(tmp_path, cmc, monkeypatch):
    """From the title to a turn, its dossier and its result, every key name Textual looks up
    (its bindings, the footer's keys) is one of ``KEY_NAMES``: a key Brink binds anew that is
    not there fails here, and would read the Unicode name tables again."""
    import unicodedata

    import textual.keys

    asked: list[str] = []

    class Spy:
        def __getattr__(self, name):
            return getattr(unicodedata, name)

        @staticmethod
        def lookup(name):
            asked.append(name)
            return unicodedata.lookup(name)

    monkeypatch.setattr(upstream, "unicodedata", Spy())
    textual.keys.key_to_character.cache_clear()  # as in a fresh process
    textual.keys.format_key.cache_clear()
    app = create_app(tmp_path, cmc, seed=1)
    assert isinstance(textual.keys.unicodedata, upstream._KeyNames)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")
        await settled(pilot)
        await pilot.press("down", "d")
        await settled(pilot)
        await pilot.press("escape", "1")
        await settled(pilot)
        await pilot.press("y", "enter")
        await settled(pilot)
    assert asked == []


PLUGINS_PROBE = """
import sys
{stub}
from game.model.save import SaveFile
from pydantic.plugin._loader import get_plugins
print(list(get_plugins()), "importlib.metadata" in sys.modules, "email" in sys.modules)
"""


@pytest.mark.parametrize("stubbed", [True, False])
def test_pydantic_looks_for_plugins_only_without_the_stub(stubbed):
    """In a fresh process: building the models without the stub imports pydantic's plugin
    loader, and with it ``importlib.metadata`` and ``email`` (the workaround still needed),
    and finds no plugins here; with the stub neither is imported, and no plugins either."""
    import os
    import subprocess

    stub = "from game.ui.upstream import no_pydantic_plugins; no_pydantic_plugins()"
    code = PLUGINS_PROBE.format(stub=stub if stubbed else "")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout.split()
    assert out == (["[]", "False", "False"] if stubbed else ["[]", "True", "True"])
