"""Loading the scenario once the title is on screen, in a thread.

The title is painted from ``scenario.toml`` alone (:mod:`.title_info`); the validated scenario
(from its cache), the endings found so far and a first listing of the saves (so that the
title's "Continue" is quick to fill in) are read just after, in a thread that also imports the
other screens, so that the key that first opens one need not. :class:`LoadsScenario` is the
app's side of it.
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

from . import stack
from .title_info import title_info

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


class LoadsScenario:
    """The app's side of the loading, mixed into :class:`~game.ui.app.BrinkApp` (``self``):
    its scenario once loaded, waited for when asked for sooner, and the title filled in."""

    @property
    def loaded(self) -> bool:
        """Whether the scenario is loaded (the title is painted before it is)."""
        return self._scenario is not None

    @property
    def scenario(self) -> Scenario:
        """The validated scenario. While it is still loading this waits for it: a choice made
        on the title screen in its first tenth of a second is answered a little later."""
        if self._scenario is None:
            self._start_loading()
            self._loading.result()  # a broken scenario raises ScenarioError, as a load would
            self._loaded()
        return self._scenario

    def _start_loading(self) -> None:
        """Load the scenario (from its cache) in a thread; ``_loaded`` follows on the loop."""
        if self._scenario is None:
            self._loading.start(self._event_loop, lambda: self.call_next(self._loaded))

    def _loaded(self) -> None:
        """On the app's loop: take the loaded scenario and fill in the title screen."""
        if self._scenario is not None:
            return
        from ..content import ScenarioError

        try:
            self._scenario, self.found = self._loading.result()
        except ScenarioError as exc:  # a broken install: say so as `brink` does, not with a trace
            problems = f"brink: the scenario has problems (run brink check):\n{exc}"
            self.exit(return_code=1, message=problems)
            return
        self.info = title_info(self._scenario)
        self._collector.settle()
        title = stack.title(self)
        if title is not None:
            title.refresh_menu()


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
    from ..saves import discoveries

    return discoveries.read_found(saves, scenario_id)
