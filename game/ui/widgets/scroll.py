"""Scrolled parts of a screen that is shown again with new content."""

from __future__ import annotations

from textual.widget import Widget


def rewind(scrolled: Widget) -> None:
    """Back to the top, and without a scrollbar until the new content asks for one, as on a
    screen built afresh (a scrollbar left from longer content would narrow the new text)."""
    scrolled.scroll_home(animate=False, immediate=True)
    scrolled.show_vertical_scrollbar = False
