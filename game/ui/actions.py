"""What the keys and the command palette ask of the app: the help, the dossier, the teacher's
debrief, the load screen, a save, the theme. Mixed into :class:`~game.ui.app.BrinkApp`, where
Textual looks its actions up."""

from __future__ import annotations

from functools import partial

from ..terminal import shown
from .classroom import REFUSED
from .themes import CONTRAST, DEFAULT


class Actions:
    """The app's actions; ``self`` is the :class:`~game.ui.app.BrinkApp`."""

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_dossier(self) -> None:
        from .screens.dossier import DossierScreen

        if isinstance(self.screen, DossierScreen):
            return
        state = self.game.state if self.game else None
        self.push_screen(self._kept.show("dossier", partial(DossierScreen, self.scenario), state))

    def open_debrief(
        self,
        gathered=None,
        class_code: str | None = None,
        anonymize=False,
        standalone=False,
        side_by_side: tuple[str, ...] = (),
    ) -> None:
        """The teacher's debrief of the saves folder (or of ``gathered``, already read);
        ``standalone``: opened by ``brink debrief``, so Esc quits; ``side_by_side``: the
        classes compared (``brink debrief --class A --class B``)."""
        from .screens.debrief import DebriefScreen

        if self.classroom is not None:  # a student never reads the class's games
            self.notify(REFUSED, severity="warning")
            return
        screen = DebriefScreen(
            self.scenario, self.saves, gathered, class_code, anonymize, standalone, side_by_side
        )
        self.push_screen(screen)

    def action_load(self) -> None:
        from .screens.load import LoadScreen

        if self.classroom is not None:  # a student never lists the class's games
            self.notify(REFUSED, severity="warning")
            return
        if not isinstance(self.screen, LoadScreen):  # the folder is read by the screen's worker
            self.push_screen(LoadScreen(None, self.saves))

    def action_save(self) -> None:
        if self.game is None:
            self.notify("No game in progress to save.", severity="warning")
            return
        try:
            self.save().result()  # asked for: wait, and say so only once it is written
        except OSError:
            return  # already reported by _save_failed
        if self.classroom is not None:  # the code, never the teacher's folder
            code = self.classroom.code(self.game.id)
            self.notify(f"Saved. Your resume code is {code}.", title="Saved", markup=False)
            return
        self.notify(f"Saved as {self.game.id} in {shown(self.saves)}.", title="Saved", markup=False)

    def action_set_theme(self, name: str) -> None:
        """Switch theme, and remember it for the next start (not in a classroom tab, whose
        server every student shares)."""
        self.theme = name
        if self.classroom is None:
            from .preferences import remember_theme

            remember_theme(name)

    def action_contrast(self) -> None:
        self.action_set_theme(DEFAULT if self.theme == CONTRAST else CONTRAST)
