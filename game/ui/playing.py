"""The game's course, as the screens ask for it: start a game or open a save, take the option
picked, show the turn, its result or the ending, go back to the title. Mixed into
:class:`~game.ui.app.BrinkApp` (``self``); the screens' messages for the game's flow
(:mod:`.flow`) are answered here."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from . import stack
from .flow import OpenSave, StartGame, ToTitle

if TYPE_CHECKING:
    from ..saves import Game


class Playing:
    """The app's part in a game; ``self`` is the :class:`~game.ui.app.BrinkApp`."""

    def new_game(
        self,
        role: str,
        opponent: str = "historical",
        events: str = "historical",
        player: str = "",
        class_code: str = "",
    ) -> str | None:
        """Start a game; returns a message if the name or class code is refused."""
        from ..saves import Refused, start

        if self.classroom is not None:  # the name given first, the teacher's class
            player, class_code = self.classroom.player, self.classroom.class_code
        try:
            game, _ = start(self.scenario, role, self.seed, opponent, events, player, class_code)
        except Refused as exc:
            return str(exc)
        self.game = game
        if self.classroom is not None:
            self.classroom.started(self, game)
        self.save()
        self.show_current()
        return None

    def choose(self, number: int, confirmed: bool = False) -> None:
        """The player picked option ``number`` (from 1, as shown) of the current turn."""
        from .screens.confirm import ConfirmScreen

        if self.game is None or self.game.state.ending is not None:
            return
        pick = self.game.pick(number)
        if pick.option is None:
            n = len(self.game.turn.options)
            self.notify(f"There is no option {number}; this turn has {n}.", severity="warning")
            return
        if pick.confirm and not confirmed:

            def answer(ok: bool | None) -> None:
                if ok:
                    self.choose(number, confirmed=True)

            self.push_screen(ConfirmScreen(pick.option.label), answer)
            return
        outcome = self.game.choose(pick.option.id)
        self.save()
        if self.game.state.ending is not None:
            from ..saves import discoveries

            self.found = discoveries.record_found(
                self.saves, self.scenario.meta.id, self.game.state.ending
            )
        from .screens.result import ResultScreen

        state = self.game.state
        result = self._kept.show(
            "result", partial(ResultScreen, self.scenario), state, outcome.happenings
        )
        self._replace_game_screen(result)

    def show_current(self) -> None:
        """Show the current turn, or the ending if the game is over."""
        from .screens.ending import EndingScreen
        from .screens.game import GameScreen

        assert self.game is not None
        state = self.game.state
        if state.ending is not None:
            if self.classroom is None:  # see Kept: a classroom's tab keeps them for its next game
                self._replace_game_screen(EndingScreen(self.scenario, state, self.found))
                self.call_after_refresh(self._kept.let_go)  # once the ending is on screen
            else:
                make = partial(EndingScreen, self.scenario)
                self._replace_game_screen(self._kept.show("ending", make, state, self.found))
            return
        turn = self._kept.show("turn", partial(GameScreen, self.scenario), self.game.turn)
        self._replace_game_screen(turn)
        dossier = self._kept.get("dossier")
        if dossier is not None:
            # what this turn brings to the dossier is laid out once the turn is on screen,
            # not when the key that opens the dossier is pressed
            self.call_after_refresh(dossier.show, state)

    def _replace_game_screen(self, screen) -> None:
        """Put ``screen`` right above the title (see :mod:`.stack`)."""
        self.call_after_refresh(self._collector.tidy)
        stack.show_game_screen(self, screen, self._kept.get("turn"), self._kept.get("result"))

    def new_game_form(self, role: str, player: str = "", class_code: str = ""):
        """The form before a new game of ``role``: a classroom's tab keeps one for all its
        games (see :mod:`.kept`); the terminal game builds one each time."""
        from .screens.new_game import NewGameScreen

        if self.classroom is None:
            return NewGameScreen(role, player, class_code)
        return self._kept.show("form", NewGameScreen, role, player, class_code)

    def to_title(self, then=None) -> None:
        """Back to the title screen (the game is saved first); with ``then``, that screen is
        shown over the title, which is not drawn on the way (see :mod:`.stack`)."""
        if self.game is not None and self.game.state.ending is None:
            self.save()
        if then is None:
            stack.back_to_title(self)
        else:
            stack.over_title(self, then)
        if (title := stack.title(self)) is not None:
            title.refresh_menu()

    def latest_unfinished(self) -> Game | None:
        """The game the title offers to continue: the one this app started or loaded, while
        it is unfinished. Never another game of the saves folder, which a class may share:
        the next student at the machine is not offered (nor shown the name of) the last
        student's game; any save still opens with "Load a saved game" or `brink resume`."""
        game = self.game
        return game if game is not None and game.state.ending is None else None

    def resume_file(self, path: Path) -> None:
        """Load a save and go on with it; problems become notifications, never a crash."""
        from ..saves import SaveError, open_save

        try:  # a copy, or a game of a changed scenario, goes on under a new id
            game, note = open_save(self.scenario, path)
        except SaveError as exc:
            self.notify(
                str(exc.problem), title="Cannot load", severity="error", timeout=10, markup=False
            )
            return
        if note:
            self.notify(note, title="Saved game", timeout=8, markup=False)
        self.game = game
        if self.classroom is not None:
            self.classroom.resumed(self, game, changed=bool(note))
        self.show_current()

    def on_to_title(self, message: ToTitle) -> None:
        self.to_title(message.then)
        if message.told:
            self.notify(message.told)

    def on_open_save(self, message: OpenSave) -> None:
        self.resume_file(message.path)

    def on_start_game(self, message: StartGame) -> None:
        m = message
        refused = self.new_game(m.role, m.opponent, m.events, m.player, m.class_code)
        if refused:
            m.form.refused(refused)

    def on_game_screen_chosen(self, message) -> None:
        self.choose(message.number)

    def on_result_screen_continue(self, message) -> None:
        if self.game is not None:
            self.show_current()
