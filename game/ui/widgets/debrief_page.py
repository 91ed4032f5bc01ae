"""A page of the teacher's debrief laid out as widgets: headings and paragraphs, big figures,
bars whose labels take the screen's width, the danger series; a secret shown only once it is
revealed, and history's choice left out while it is held back."""

from __future__ import annotations

from rich.text import Text
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Digits, Sparkline, Static

from ...debrief.blocks import Block, Page
from .text import MUTED

BAR = 24
"""Cells of a full bar."""
LABEL = 30
"""Cells of a bar's label at the least; a wider screen gives labels its width."""
TAIL = len(" 999 ◆ history")
"""Cells after a bar: its count and the history mark."""


def page_widgets(page: Page, width: int, hold: bool, reveal: bool) -> list:
    """The widgets of ``page``: bars' labels ``width`` cells wide, history's choice left out
    while it is held back (``hold``), a secret shown once ``reveal``."""
    out: list = []
    for b in page.blocks:
        if hold and b.history and b.kind != "figures":
            continue
        if b.kind == "secret":
            if reveal:
                out.append(Static(Text(b.text), classes="para debrief-secret"))
        elif b.kind == "figures":
            figures = b.figures[:-1] if hold and b.history else b.figures
            out.append(Horizontal(*(_figure(v, c) for v, c in figures), classes="debrief-figures"))
        elif b.kind == "bar":
            out.append(Static(_bar(b, width, hold), classes="debrief-bar"))
        elif b.kind == "series":
            out.append(Sparkline(list(b.series), classes="debrief-spark"))
            out.append(Static(Text(f"Danger by turn: {b.text}"), classes="muted"))
        else:
            css = {"heading": "debrief-heading", "muted": "muted para"}.get(b.kind, "para")
            out.append(Static(Text(b.text), classes=css))
    if hold:
        out.append(
            Static(Text("History's choice is held back: press a to show it."), classes="hint")
        )
    elif page.has_secret and not reveal:
        what = "the facts" if page.topic == 3 else "the historians' answer"
        out.append(Static(Text(f"Press a to show {what}."), classes="hint"))
    return out


def label_width(page: Page, screen: int) -> int:
    """Cells for the bars' labels: the longest label's, as far as the screen (``screen``
    cells wide) allows."""
    longest = max((len(b.text) for b in page.blocks if b.kind == "bar"), default=0)
    room = screen - 6 - BAR - TAIL  # padding and scroll bar
    return max(LABEL, min(longest, room))


def _figure(value: str, caption: str) -> Vertical:
    return Vertical(Digits(value), Static(Text(caption)), classes="debrief-figure")


def _bar(b: Block, width: int = LABEL, hold: bool = False) -> Content:
    """``Label ......... ████████░░░░ 12 ◆ history``: the count is written, history in words
    (not while history's choice is held back). A label longer than ``width`` stands whole on
    its own line(s), the bar below it."""
    marked = b.marked and not hold
    full = round(BAR * b.value / b.total) if b.total else 0
    full = max(full, 1 if b.value else 0)
    head = f"{b.text:<{width}} " if len(b.text) <= width else f"{b.text}\n{'':<{width}} "
    parts: list = [
        head,
        ("█" * full, "$accent" if marked else "$primary"),
        ("░" * (BAR - full), MUTED),
        f" {b.value}",
    ]
    if marked:
        parts.append((" ◆ history", "bold"))
    return Content.assemble(*parts)
