"""A screen that stays built while it is hidden, and lets go of its drawn lines meanwhile.

The title lies under every game; the dossier and a turn's result are built once and shown
again and again (see :mod:`..kept`). Textual keeps every widget's drawn lines until the widget
is drawn again, so each of them held, while hidden, lines that would be drawn afresh before
it was seen again. Refreshing a widget empties that cache, and the screen is drawn in full
when it is shown again. Over a whole game this took about 1.5 MB off the peak memory, for
about 3 ms more on the key that shows the dossier or a result (README, "Performance").

The turn screen is not one of them: it is hidden under the dossier and under every result,
and drawing it again took the Esc that closes the dossier from about 5 ms to 11.
"""

from __future__ import annotations

from textual.screen import Screen

from .styled import StyledOnce


class RestingScreen(StyledOnce, Screen):
    """A :class:`~textual.screen.Screen` that lets go of its drawn lines when it is hidden."""

    def on_screen_suspend(self) -> None:
        for widget in self.walk_children(with_self=True):
            widget.refresh()
