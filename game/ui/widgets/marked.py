"""An option list whose cursor is a marker as well as a colour.

Textual shows the highlighted option only by its background, which a monochrome terminal (or
a screen reader's copy of the screen) loses. Here the highlighted option also starts with
``▶`` while the list has focus, so the cursor and the focus can be seen without colour.

The marker is drawn into the options' left padding (two cells, set in ``DEFAULT_CSS``): each
rendered line carries its option's index in its style's ``meta`` (as Textual puts it there for
the mouse), and the first line of the highlighted option is the one whose line above belongs
to another option.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import OptionList

MARKER = "▶ "


def _option_of(strip: Strip) -> int | None:
    """The index of the option a rendered line belongs to (None for a blank or a divider)."""
    for segment in strip:
        if segment.style is not None and segment.style.meta:
            return segment.style.meta.get("option")
        return None
    return None


class MarkedOptionList(OptionList):
    """:class:`~textual.widgets.OptionList` with the cursor marker in a two-cell left padding."""

    DEFAULT_CSS = """
    MarkedOptionList > .option-list--option {
        padding: 0 0 0 2;
    }
    """

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if not self.has_focus or self.highlighted is None:
            return strip
        index = _option_of(strip)
        if index != self.highlighted:
            return strip
        if self.scroll_offset.y + y > 0 and _option_of(super().render_line(y - 1)) == index:
            return strip  # a second line of the highlighted option
        first = next(iter(strip))
        mark = Strip([Segment(MARKER, first.style)], len(MARKER))
        return Strip.join([mark, strip.crop(len(MARKER), strip.cell_length)])
