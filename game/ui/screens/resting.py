"""A screen that stays built while it is hidden, and lets go of its drawn lines meanwhile.

The title lies under every game, and a turn's result is built once and shown again with new
texts for every turn (see :mod:`..kept`). Textual keeps every widget's drawn lines until the
widget is drawn again, so each of them held, while hidden, lines that would be drawn afresh
before it was seen again. Refreshing a widget empties that cache, and the screen is drawn in
full when it is shown again. With the dossier, this took about 1.5 MB off a game's peak
memory, for about 3 ms more on the key that shows a result (docs/performance.md).

The turn screen is not one of them: it is hidden under the dossier and under every result,
and drawing it again took the Esc that closes the dossier from about 5 ms to 11. Nor is the
dossier any more: most of its texts are unchanged when it is opened again, and drawing its
long texts afresh made `d` take a median of 26.5 ms rather than 17.9, for 0.1-0.2 MB.

In a classroom's browser tab the lines are kept: there the processor, which the class's games
share, is short rather than memory, and drawing a result's footer and unchanged texts again
was part of every choice.
"""

from __future__ import annotations

from textual.screen import Screen

from .styled import StyledOnce


class RestingScreen(StyledOnce, Screen):
    """A :class:`~textual.screen.Screen` that lets go of its drawn lines when it is hidden."""

    def on_screen_suspend(self) -> None:
        if self.app.classroom is not None:  # a tab's processor is short, not its memory
            return
        for widget in self.walk_children(with_self=True):
            widget.refresh()
