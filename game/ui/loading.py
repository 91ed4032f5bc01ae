"""Loading the scenario once the title is on screen, in a thread.

The title is painted from ``scenario.toml`` alone (:mod:`.title_info`); the validated scenario
(from its cache), the endings found so far and a first listing of the saves (so that the
title's "Continue" is quick to fill in) are read just after, in a thread that also imports the
other screens, so that the key that first opens one need not.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.scenario import Scenario

SCREENS = ("new_game", "game", "result", "confirm", "ending", "dossier", "help", "load")


class Loading:
    """The scenario of ``folder`` and the endings found in ``saves``, read once, in a thread."""

    def __init__(self, folder: Path, saves: Path):
        self.folder, self.saves = folder, saves
        self._future: Future | None = None

    def start(self, loop: asyncio.AbstractEventLoop | None, when_done: Callable[[], None]) -> None:
        """Start reading (once); ``when_done`` is then called on ``loop``, if there is one."""
        if self._future is not None:
            return
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="brink-load")
        self._future = pool.submit(load, self.folder, self.saves)
        pool.shutdown(wait=False)
        if loop is not None:

            def done(_future: Future) -> None:
                with contextlib.suppress(RuntimeError):  # the app may have closed its loop
                    loop.call_soon_threadsafe(when_done)

            self._future.add_done_callback(done)

    def result(self) -> tuple[Scenario, frozenset[str]]:
        """The scenario and the endings found, waiting for them if need be (a broken scenario
        raises ScenarioError, as loading it would)."""
        return self._future.result()


def load(folder: Path, saves: Path) -> tuple[Scenario, frozenset[str]]:
    """The scenario in ``folder`` (from the cache) and the endings found so far, with its
    summary kept for the next start's title, the saves listed once and the other screens
    imported."""
    from ..saves import latest_unfinished
    from .scenario_cache import load_cached
    from .title_info import keep_title_info, title_info

    scenario = load_cached(folder)
    keep_title_info(folder, title_info(scenario))
    latest_unfinished(saves, scenario)
    for screen in SCREENS:
        importlib.import_module(f"{__package__}.screens.{screen}")
    return scenario, read_found(saves, scenario.meta.id)


def read_found(saves: Path, scenario_id: str) -> frozenset[str]:
    """The endings found so far in this scenario."""
    from . import discoveries

    return discoveries.read_found(saves, scenario_id)
