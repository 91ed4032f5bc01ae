"""An option list whose cursor is a marker as well as a colour.

Textual shows the highlighted option only by its background, which a monochrome terminal (or
a screen reader's copy of the screen) loses. Here the highlighted option also starts with
``▶`` while the list has focus, so the cursor and the focus can be seen without colour.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import OptionList

MARKER = "▶ "


class MarkedOptionList(OptionList):
    """:class:`~textual.widgets.OptionList` with a two-cell gutter holding the cursor marker."""

    def _get_left_gutter_width(self) -> int:
        return len(MARKER)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            index, offset = self._lines[self.scroll_offset.y + y]
        except IndexError:
            return strip  # a blank line, already the full width
        option = self.options[index]
        mark = index == self.highlighted and offset == 0 and self.has_focus
        component = (
            "option-list--option-disabled"
            if option.disabled
            else "option-list--option-highlighted"
            if index == self.highlighted
            else ""
        )
        style = self.get_visual_style("option-list--option", *([component] if component else []))
        text = MARKER if mark else " " * len(MARKER)
        gutter = Strip([Segment(text, style.rich_style)], len(MARKER))
        return Strip.join([gutter, strip])
