"""Scrolled parts of a screen that is shown again with new content."""

from __future__ import annotations

from textual.widget import Widget


def rewind(scrolled: Widget) -> None:
    """Back to the top for new content. The scrollbar is left as it is: Textual shows or
    hides it as the new content asks once laid out, and taking it away first made every
    turn whose text needs one be laid out three times rather than twice."""
    scrolled.scroll_home(animate=False, immediate=True)
