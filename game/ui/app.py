"""The Brink app: holds the current game, calls the engine, saves, and moves between screens.

``create_app`` is the one way to build it, shared by the ``brink`` command and the tests.
Screens send messages up (an option was picked, a game was asked for); the app answers them
with the engine and hands the screens what to show.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import secrets
from concurrent.futures import Future
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding

from .. import engine
from ..content import default_scenario_dir
from ..engine.play import Happening
from ..model.problem import first_error
from ..model.scenario import Scenario
from ..saves import (
    Game,
    SaveError,
    installed_scenarios,
    latest_unfinished,
    list_saves,
    new_id,
    read_save,
    resume,
)
from . import discoveries
from .commands import BrinkCommands
from .saver import Saver
from .scenario_cache import load_cached
from .themes import CONTRAST, DEFAULT, THEMES

_FROZEN = False


class BrinkApp(App):
    """The Textual game. Build it with :func:`create_app`."""

    CSS_PATH = "brink.tcss"
    TITLE = "Brink"
    SUB_TITLE = "the Cuban Missile Crisis"
    COMMANDS = App.COMMANDS | {BrinkCommands}
    HORIZONTAL_BREAKPOINTS: ClassVar[list] = [(0, "-narrow"), (110, "-wide")]
    BINDINGS: ClassVar[list] = [
        Binding("f1", "help", "Help", show=False),
        Binding("f2", "dossier", "Dossier", show=False),
    ]

    def __init__(
        self,
        scenario: Scenario,
        saves: Path,
        *,
        seed: int | None = None,
        game: Game | None = None,
        note: str | None = None,
        theme: str = DEFAULT,
    ):
        super().__init__()
        self.scenario = scenario
        self.saves = saves
        self.seed = seed
        self.game: Game | None = game
        self._note = note
        self._theme_name = theme
        self.found: frozenset[str] = discoveries.read_found(saves, scenario.meta.id)
        self._saver = Saver(self._save_failed)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._dossier = None

    # --- start ----------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._loop = asyncio.get_running_loop()
        for t in THEMES:
            self.register_theme(t)
        self.theme = self._theme_name
        from .screens.title import TitleScreen

        self.push_screen(TitleScreen())
        # What exists now (modules, the scenario) lives as long as the app: keep it out of the
        # collector's full passes, which otherwise pause a key press now and then. Only once a
        # process: a later app (in the tests) would freeze its predecessors' garbage for good.
        global _FROZEN
        if not _FROZEN:
            _FROZEN = True
            gc.freeze()
        if self.game is not None:
            self.show_current()
            if self._note:
                self.notify(self._note, title="Saved game", timeout=8)

    # --- what screens ask for ----------------------------------------------------------------

    def new_game(
        self,
        role: str,
        opponent: str = "historical",
        events: str = "historical",
        player: str = "",
        class_code: str = "",
    ) -> str | None:
        """Start a game; returns a message if the name or class code is refused."""
        seed = self.seed if self.seed is not None else secrets.randbelow(2**31)
        try:
            outcome = engine.new_game(self.scenario, role, seed, opponent, events)
            game = Game(self.scenario, outcome.state, player=player, class_code=class_code)
            game.to_save()
        except ValueError as exc:
            return first_error(exc)
        self.game = game
        self.save()
        self.show_current(first=outcome.happenings)
        return None

    def choose(self, index: int, confirmed: bool = False) -> None:
        """The player picked option ``index`` (0-based) of the current turn."""
        from .screens.confirm import ConfirmScreen

        if self.game is None or self.game.state.ending is not None:
            return
        options = engine.view(self.scenario, self.game.state).options
        if not 0 <= index < len(options):
            self.notify(f"There is no option {index + 1}.", severity="warning")
            return
        option = options[index]
        track = self.scenario.meta.danger_track
        if not confirmed and engine.needs_confirm(option, track, self.game.state.tracks[track]):

            def answer(ok: bool | None) -> None:
                if ok:
                    self.choose(index, confirmed=True)

            self.push_screen(ConfirmScreen(option.label), answer)
            return
        outcome = self.game.choose(option.id)
        self.save()
        if self.game.state.ending is not None:
            self.found = discoveries.record_found(
                self.saves, self.scenario.meta.id, self.game.state.ending
            )
        from .screens.result import ResultScreen

        self._replace_game_screen(ResultScreen(self.scenario, self.game.state, outcome.happenings))

    def show_current(self, first: tuple[Happening, ...] = ()) -> None:
        """Show the current turn, or the ending if the game is over."""
        from .screens.ending import EndingScreen
        from .screens.game import GameScreen

        assert self.game is not None
        if self.game.state.ending is not None:
            screen = EndingScreen(self.scenario, self.game.state, self.found)
        else:
            screen = GameScreen(self.scenario, self.game.state)
        self._replace_game_screen(screen)

    def _title_depth(self) -> int:
        from .screens.title import TitleScreen

        for i, screen in enumerate(self.screen_stack):
            if isinstance(screen, TitleScreen):
                return i + 1
        return len(self.screen_stack)

    def _replace_game_screen(self, screen) -> None:
        """Put ``screen`` right above the title screen, closing anything else."""
        depth = self._title_depth()
        while len(self.screen_stack) > depth + 1:
            self.pop_screen()
        if len(self.screen_stack) > depth:  # replace in place: the title is not woken up
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def to_title(self) -> None:
        """Back to the title screen (the game is saved first)."""
        if self.game is not None and self.game.state.ending is None:
            self.save()
        depth = self._title_depth()
        while len(self.screen_stack) > depth:
            self.pop_screen()
        self.screen.refresh_menu()

    def save(self) -> Future | None:
        """Save the game: the save is made now and written by the saver thread (atomically,
        in order); the returned future gives the path. A failure becomes a notification."""
        if self.game is None:
            return None
        return self._saver.submit(self.saves, self.game.to_save())

    def _save_failed(self, message: str) -> None:
        """From the saver thread: show the failure on the app's loop."""
        if self._loop is not None:
            with contextlib.suppress(RuntimeError):  # the app may have closed its loop
                self._loop.call_soon_threadsafe(
                    lambda: self.notify(message, severity="error", timeout=10)
                )

    def wait_for_saves(self) -> None:
        """Block until every save asked for so far is on disk."""
        self._saver.wait()

    def on_unmount(self) -> None:
        self._saver.close()  # never lose the last save on quit

    def latest_unfinished(self):
        """The newest readable save of an unfinished game this app can play, if any."""
        return latest_unfinished(self.saves, self.scenario)

    def resume_file(self, path: Path) -> None:
        """Load a save and go on with it; problems become notifications, never a crash."""
        try:
            save = read_save(path)
            game, note = resume(self.scenario, save, str(path))
        except SaveError as exc:
            self.notify(str(exc.problem), title="Cannot load", severity="error", timeout=10)
            return
        if note:
            game.id = new_id()  # keep the old file as it was; go on in a new one
            self.notify(note, title="Saved game", timeout=8)
        self.game = game
        self.show_current()

    def on_game_screen_chosen(self, message) -> None:
        self.choose(message.index)

    def on_result_screen_continue(self, message) -> None:
        if self.game is not None:
            self.show_current()

    # --- actions (keys and the command palette) ---------------------------------------------

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_dossier(self) -> None:
        from .screens.dossier import DossierScreen

        if isinstance(self.screen, DossierScreen):
            return
        state = self.game.state if self.game else None
        if self._dossier is None:  # built once, then brought up to date each time
            self._dossier = DossierScreen(self.scenario, state)
            self.install_screen(self._dossier, name="dossier")
        else:
            self._dossier.show(state)
        self.push_screen("dossier")

    def action_load(self) -> None:
        from .screens.load import LoadScreen

        if not isinstance(self.screen, LoadScreen):
            known = installed_scenarios() | {self.scenario.meta.id}
            self.push_screen(LoadScreen(list_saves(self.saves, known), self.saves, known))

    def action_save(self) -> None:
        if self.game is None:
            self.notify("No game in progress to save.", severity="warning")
            return
        try:
            self.save().result()  # asked for: wait, and say so only once it is written
        except OSError:
            return  # already reported by _save_failed
        self.notify(f"Saved as {self.game.id} in {self.saves}.", title="Saved")

    def action_set_theme(self, name: str) -> None:
        self.theme = name

    def action_contrast(self) -> None:
        self.theme = DEFAULT if self.theme == CONTRAST else CONTRAST


def create_app(
    saves: Path | str | None = None,
    scenario: Scenario | Path | str | None = None,
    *,
    seed: int | None = None,
    game: Game | None = None,
    note: str | None = None,
    theme: str = DEFAULT,
) -> BrinkApp:
    """Build the app: the saves folder, the scenario (loaded or a folder; default the shipped
    one), a fixed seed for new games (tests), a game to open at once (``brink play`` and
    ``brink resume``) with an optional note about it, and the starting theme."""
    from ..saves import saves_dir

    if not isinstance(scenario, Scenario):
        scenario = load_cached(Path(scenario) if scenario else default_scenario_dir())
    return BrinkApp(scenario, saves_dir(saves), seed=seed, game=game, note=note, theme=theme)


__all__ = ["BrinkApp", "create_app"]
