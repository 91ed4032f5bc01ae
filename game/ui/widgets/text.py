"""Small helpers to put scenario text on screen without ever reading it as markup."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.widgets import Static

from ...engine.view import reflow, score

__all__ = [
    "HEADING",
    "MUTED",
    "give",
    "header",
    "line",
    "para",
    "paragraphs",
    "reflow",
    "score",
]

MUTED = "$foreground-muted"
"""The style of muted text inside a :class:`~textual.content.Content`. In a stylesheet the
``$text-muted`` colour is "auto 60%", worked out against the widget's background; a Content
style has no background to work it out against, and ``$text-muted`` there came out at full
brightness."""

HEADING = "bold $secondary"
"""The style of a heading inside a text, as the stylesheet's ``.heading`` draws a heading."""


def give(text: Static, content: Content) -> None:
    """Give ``text`` this content, unless it shows it already: the same content is not laid
    out again (Textual's ``==`` on contents compares the words alone, hence ``is_same``)."""
    shown = text.content
    if not (isinstance(shown, Content) and content.is_same(shown)):
        text.update(content)


def para(text: str, classes: str = "") -> Static:
    """A paragraph of scenario text, shown as it is written (brackets are not markup)."""
    return Static(Text(reflow(text)), classes=f"para {classes}".strip())


def line(text: str, classes: str) -> Static:
    return Static(Text(text), classes=classes)


def paragraphs(title: tuple[str, str], *paragraphs: str | tuple[str, str]) -> Content:
    """A styled title, then paragraphs (plain, or ``(text, style)``) as one text: the first on
    the line after the title, a blank line between the others."""
    parts: list = [title]
    for i, p in enumerate(paragraphs):
        text, style = (p, None) if isinstance(p, str) else p
        parts += ["\n" if i == 0 else "\n\n"]
        parts.append((reflow(text), style) if style else reflow(text))
    return Content.assemble(*parts)


def header(where: str, status: str) -> Content:
    """The two lines at the top of a turn and a result: where and when, then the status line
    (danger and alert levels, see :func:`game.engine.view.status`), always in view."""
    return Content.assemble(where, "\n", (status, "not bold $foreground"))
