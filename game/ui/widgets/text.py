"""Small helpers to put scenario text on screen without ever reading it as markup."""

from __future__ import annotations

import re

from rich.text import Text
from textual.widgets import Static


def reflow(text: str) -> str:
    """Join the hard line breaks of TOML text so the terminal can wrap it; blank lines stay."""
    return re.sub(r"(?<!\n)[ \t]*\n[ \t]*(?!\n)", " ", text.strip())


def para(text: str, classes: str = "") -> Static:
    """A paragraph of scenario text, shown as it is written (brackets are not markup)."""
    return Static(Text(reflow(text)), classes=f"para {classes}".strip())


def line(text: str, classes: str) -> Static:
    return Static(Text(text), classes=classes)


def para_row(text: str, classes: str = "") -> tuple[Text, str]:
    """What :func:`para` shows, as a row of :class:`~.lines.Lines`."""
    return Text(reflow(text)), f"para {classes}".strip()


def line_row(text: str, classes: str) -> tuple[Text, str]:
    """What :func:`line` shows, as a row of :class:`~.lines.Lines`."""
    return Text(text), classes


def score(n: int | None) -> str:
    return "—" if n is None else f"{n:+d}"


def sources(scenario, keys) -> str:
    return "; ".join(f"{k} ({src.title})" if (src := scenario.source(k)) else k for k in keys)
