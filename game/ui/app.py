"""The Brink app: holds the current game, saves it, and moves between screens (the game's
course, as the screens ask for it, is in :mod:`.playing`).

``create_app`` is the one way to build it, shared by the ``brink`` command and the tests.
Screens send messages up (an option was picked, a game was asked for); the app answers them
with the engine and hands the screens what to show.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding

from .actions import Actions
from .commands import BrinkCommands
from .kept import Kept
from .loading import Loading, LoadsScenario, read_found
from .playing import Playing
from .saver import Saver
from .themes import DEFAULT, THEMES
from .title_info import TitleInfo, read_title_info, title_info
from .upstream import Collector, ExitsOnDriverQuit, known_key_names, no_pydantic_plugins

no_pydantic_plugins()  # before pydantic builds a model: the app imports the models later
TERMINATING = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)
"""Signals that end the app as a quit does (the terminal given back, the game saved)."""

if TYPE_CHECKING:  # the title is painted before pydantic, the models and the engine are loaded
    from ..model.scenario import Scenario
    from ..saves import Game
    from .classroom import Classroom


class BrinkApp(ExitsOnDriverQuit, Actions, Playing, LoadsScenario, App):
    """The Textual game. Build it with :func:`create_app`.

    Kept fast: the title is painted before the scenario is loaded (see :attr:`scenario`); the
    turn, result and dossier screens are built once and filled again in place; the cycle
    collector's full passes are kept out of key presses (see :mod:`.upstream`).
    """

    CSS_PATH = "brink.tcss"
    TITLE = "Brink"
    SUB_TITLE = "the Cuban Missile Crisis"
    COMMANDS = App.COMMANDS | {BrinkCommands}
    BINDINGS: ClassVar[list] = [
        Binding("f1", "help", "Help", show=False),
        Binding("f2", "dossier", "Dossier", show=False),
    ]
    debrief_on_start: dict | None = None
    """Set by ``brink debrief``: open the debrief at once (``open_debrief``'s arguments)."""

    def __init__(
        self,
        scenario: Scenario | Path,
        saves: Path,
        *,
        seed: int | None = None,
        game: Game | None = None,
        note: str | None = None,
        theme: str = DEFAULT,
        classroom: Classroom | None = None,
    ):
        super().__init__()
        self.classroom = classroom
        """Set in a classroom tab (``brink serve``): the student's own games only."""
        for t in THEMES:
            self.register_theme(t)
        self.theme = theme  # before the stylesheet is first read: setting it later reads it again
        self.saves = saves
        self.seed = seed
        self.game: Game | None = game
        self._note = note
        # Given a folder, the title is painted from scenario.toml alone and the scenario is
        # loaded just after (see ``scenario``); given a loaded scenario, all is known now.
        self._folder = scenario if isinstance(scenario, Path) else None
        self._scenario: Scenario | None = None if self._folder else scenario
        self._loading = Loading(self._folder, saves) if self._folder else None
        self.info: TitleInfo | None = read_title_info(self._folder) if self._folder else None
        if self.info is None and self._scenario is None:  # load now: it names the mistake
            from .scenario_cache import load_cached

            self._scenario = load_cached(self._folder)
        self.found: frozenset[str] = frozenset()
        """The endings found so far in this scenario (read with the scenario)."""
        if self._scenario is not None:
            self.info = title_info(self._scenario)
            self.found = read_found(saves, self._scenario.meta.id)
        self._saver = Saver(self._save_failed, self._save_renamed)
        self._event_loop: asyncio.AbstractEventLoop | None = None
        self._collector = Collector()
        self._kept = Kept(self, self._collector)

    # --- start ----------------------------------------------------------------------------

    def get_default_screen(self):
        """The title is the bottom screen, in place of Textual's empty default one."""
        from .screens.title import TitleScreen

        return TitleScreen()

    def on_resize(self, event) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        """Below the minimum size, the minimum said plainly over everything; above it, gone."""
        from .screens.too_small import TooSmallScreen, too_small

        if too_small(width, height):
            if not any(isinstance(s, TooSmallScreen) for s in self.screen_stack):
                self.push_screen(TooSmallScreen())
        elif isinstance(self.screen, TooSmallScreen):
            self.pop_screen()

    def get_system_commands(self, screen):
        """Textual's palette commands but its theme list: every built-in theme, where Brink
        offers its three by name (see :mod:`.commands`)."""
        for command in super().get_system_commands(screen):
            if command.title != "Theme":
                yield command

    def on_mount(self) -> None:
        self._event_loop = asyncio.get_running_loop()
        for sig in TERMINATING:  # leave the terminal as it was found: alternate screen, mouse
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                self._event_loop.add_signal_handler(sig, self._terminated)
        if self._scenario is None:
            self.call_after_refresh(self._start_loading)  # once the title is on screen
        else:
            self._collector.settle()
        if self.game is not None:
            self.show_current()
            if self._note:
                self.notify(self._note, title="Saved game", timeout=8, markup=False)
        if self.debrief_on_start is not None:
            self.open_debrief(**self.debrief_on_start, standalone=True)
        if self.classroom is not None:  # the student's name first
            from .screens.student import StudentScreen

            self.push_screen(StudentScreen())
        self._fit(*self.size)

    def refresh_css(self, animate: bool = True) -> None:
        """Setting the theme in ``__init__`` asks for this before anything is on screen: then
        only the stylesheet's variables change (it is read once, after this), rather than the
        whole stylesheet being read twice at every start."""
        if self.screen_stack:
            super().refresh_css(animate)
        else:
            self.stylesheet.set_variables(self.get_css_variables())

    # --- saving and stopping --------------------------------------------------------------

    def save(self) -> Future | None:
        """Save the game: the save is made now and written by the saver thread (atomically,
        in order); the returned future gives the path. A failure becomes a notification."""
        if self.game is None:
            return None
        return self._saver.submit(self.saves, self.game.to_save())

    def _save_failed(self, message: str) -> None:
        """From the saver thread: show the failure on the app's loop."""
        self._from_saver(lambda: self.notify(message, severity="error", timeout=10, markup=False))

    def _save_renamed(self, old: str, new: str) -> None:
        """From the saver thread: the game's file held another game, so it went to a new id."""

        def tell() -> None:
            if self.game is not None and self.game.id == old:
                self.game.id = new
            self.notify(
                f"{old}.json holds another game, or this one played further elsewhere; it is "
                f"kept as it was, and this game is saved as {new}.",
                title="Saved game",
                timeout=10,
                markup=False,
            )

        self._from_saver(tell)

    def _from_saver(self, call) -> None:
        if self._event_loop is not None:
            with contextlib.suppress(RuntimeError):  # the app may have closed its loop
                self._event_loop.call_soon_threadsafe(call)

    def wait_for_saves(self) -> None:
        """Block until every save asked for so far is on disk."""
        self._saver.wait()

    def _terminated(self) -> None:
        """SIGTERM or SIGHUP: save the game, then quit as ``q`` does, so that Textual gives
        the terminal back (main screen, mouse tracking off, cursor shown)."""
        if self.game is not None and self.game.state.ending is None:
            self.save()
        self.exit(return_code=143)

    def on_unmount(self) -> None:
        if self._event_loop is not None:
            for sig in TERMINATING:
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    self._event_loop.remove_signal_handler(sig)
        self._saver.close()  # never lose the last save on quit
        self._collector.release()


def create_app(
    saves: Path | str | None = None,
    scenario: Scenario | Path | str | None = None,
    *,
    seed: int | None = None,
    game: Game | None = None,
    note: str | None = None,
    theme: str | None = None,
    classroom: Classroom | None = None,
) -> BrinkApp:
    """Build the app: the saves folder, the scenario (loaded or a folder; default the shipped
    one), a fixed seed for new games (tests), a game to open at once (``brink play`` and
    ``brink resume``) with an optional note about it, the starting theme (by default the one
    chosen last time), and in a classroom
    tab the classroom's policy (see :mod:`.classroom`)."""
    from ..paths import default_scenario_dir, saves_dir

    known_key_names()
    if scenario is None or isinstance(scenario, str | Path):
        scenario = Path(scenario) if scenario else default_scenario_dir()  # loaded in the app
    folder = classroom.folder if classroom is not None else saves_dir(saves)
    if theme is None:  # the one chosen last time (a classroom tab starts with the default)
        from .preferences import remembered_theme

        theme = (remembered_theme() if classroom is None else None) or DEFAULT
    return BrinkApp(
        scenario, folder, seed=seed, game=game, note=note, theme=theme, classroom=classroom
    )


__all__ = ["BrinkApp", "create_app"]
