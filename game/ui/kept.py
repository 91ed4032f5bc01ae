"""The screens of a game that are built once and then filled again in place: the turn, its
result and the dossier.

Building them anew was most of what a key that moves the game on cost. Each is built the first
time it is asked for, installed under its name, and from then on given the new state with its
``show``; what lives as long as the app is then frozen out of the cycle collector (see
:mod:`.upstream`). Once a game has ended they are let go: their widgets and rendered lines are
a good part of a game's memory, and the next game, or the dossier opened again, builds its own.

In a classroom's browser tab they are kept for the tab's next game instead: there the ending's
"play again" is the usual next step, the game's process ends with its tab, and the processor,
which many tabs share, is what is short. Letting go meant, at the ending, removing the
screens and a full collection (:meth:`~.upstream.Collector.renew`) that walks, and so copies
into the game, everything the warm process shares with the other games; and building them
again for the next game's first turn and result. Measured in one process at 100x30 on a loaded
machine (two runs of three endings each): the key that shows the ending took 100-125 ms of
processor time rather than 165-190, and the next game's first turn 60 ms rather than 100.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App
    from textual.screen import Screen

    from .upstream import Collector


class Kept:
    """The app's kept screens, by name."""

    def __init__(self, app: App, collector: Collector):
        self._app, self._collector = app, collector
        self._screens: dict[str, Screen] = {}

    def get(self, name: str) -> Screen | None:
        return self._screens.get(name)

    def show(self, name: str, make: Callable[..., Screen], *args) -> Screen:
        """The screen kept as ``name``, showing ``args``: built as ``make(*args)`` the first
        time, given ``show(*args)`` after that."""
        screen = self._screens.get(name)
        if screen is None:
            screen = self._screens[name] = make(*args)
            self._app.install_screen(screen, name=name)
            self._app.call_after_refresh(self._collector.settle)
        else:
            screen.show(*args)
        return screen

    async def let_go(self) -> None:
        """Let go of every kept screen not on the screen stack."""
        for name, screen in list(self._screens.items()):
            if screen not in self._app.screen_stack:
                del self._screens[name]
                self._app.uninstall_screen(screen)
                await screen.remove()
        # once the removals are done with them, what was frozen with them can be collected
        self._app.call_after_refresh(self._collector.renew)
