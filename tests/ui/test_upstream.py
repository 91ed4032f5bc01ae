"""The private Textual and Rich internals fenced in game/ui/upstream.py still work: each test
fails when a release changes what the fence relies on."""

from __future__ import annotations

import gc
import re

from textual.app import App, ComposeResult
from textual.widgets import Static

from game.ui import upstream
from game.ui.app import create_app

SIZE = (80, 24)


def picture(app) -> str:
    """The screen as an SVG, without the id that differs from one screenshot to the next."""
    return re.sub(r"terminal-\d+", "terminal", app.export_screenshot())


async def settled(pilot) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


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
