"""A column of text lines that is filled again in place, turn after turn.

The turn and the tracks change at every key that moves the game on (the result screen keeps
three texts per happening instead, see :mod:`..screens.result`). Building their widgets again
each time was most of what such a key cost, and widgets thrown away each turn are garbage that
only the collector's slow full passes free. Here each line is a
:class:`~textual.widgets.Static` that is kept: it is given new text and classes, the lines not
needed this time are hidden (and emptied), and new ones are added only when a turn needs more
than any before it.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Static

Row = tuple[VisualType, str]
"""What one line shows and its CSS classes (e.g. ``(Text("..."), "para argument")``)."""


class Lines(Vertical):
    """Static lines shown from rows; any other children (a framed record, say) stay after them."""

    def __init__(self, rows: Sequence[Row] = (), **kwargs):
        super().__init__(**kwargs)
        self._first = rows

    def compose(self) -> ComposeResult:
        for content, classes in self._first:
            yield Static(content, classes=classes)
        self._first = ()

    def show(self, rows: Sequence[Row]) -> None:
        """Show these rows, reusing the lines already there."""
        if not self.is_mounted:  # not composed yet: compose these instead
            self._first = rows
            return
        lines = [child for child in self.children if type(child) is Static]
        after = next((child for child in self.children if type(child) is not Static), None)
        for i, (content, classes) in enumerate(rows):
            if i < len(lines):
                line = lines[i]
                if line.content != content:  # the same text is not laid out again
                    line.update(content)
                line.set_classes(classes)  # (nothing is styled again when they are the same)
                line.display = True
            elif after is not None:
                self.mount(Static(content, classes=classes), before=after)
            else:
                self.mount(Static(content, classes=classes))
        for line in lines[len(rows) :]:
            if line.display:
                line.update("")
                line.display = False


def rewind(scrolled: Widget) -> None:
    """Back to the top, and without a scrollbar until the new content asks for one, as on a
    screen built afresh (a scrollbar left from longer content would narrow the new text)."""
    scrolled.scroll_home(animate=False, immediate=True)
    scrolled.show_vertical_scrollbar = False
