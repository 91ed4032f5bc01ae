"""The geometry of the HTML report's charts; ``templates/charts.html.j2`` draws them as inline
SVG (no script, no outside file, no font fetched).

They read in black and white: bars are dark grey with the number written beside them, the bar
that marks history is hatched and labelled "history" in words, and the danger chart has its
scale written on the axis. Only numbers are computed here; every text is the template's to
escape.
"""

from __future__ import annotations

from dataclasses import dataclass

ROW_H, BAR_W, LABEL_W = 22, 360, 260
"""A bar chart's row height, longest bar and label column, in pixels."""
LABEL_CHARS = 40
"""A bar's label is cut to this many characters (the full label is in the table or text)."""


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: int
    history: bool
    y: int
    width: int


@dataclass(frozen=True, slots=True)
class Bars:
    """A horizontal bar chart; ``key`` makes its pattern id unique in the page."""

    key: str
    width: int
    height: int
    label_w: int
    row_h: int
    rows: tuple[Bar, ...]


def bars(rows: list[tuple[str, int, bool]], total: int, key: str) -> Bars:
    """One row per (label, value, is history's). Bars are scaled to ``total`` (e.g. the number
    of games), so rows of different charts compare. ``key``: letters, digits, ``_`` and ``-``."""
    out = []
    for i, (label, value, marked) in enumerate(rows):
        short = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"
        w = max(round(BAR_W * value / total) if total else 0, 1)
        out.append(Bar(short, value, marked, 3 + i * ROW_H, w))
    return Bars(key, LABEL_W + BAR_W + 120, ROW_H * len(rows) + 6, LABEL_W, ROW_H, tuple(out))


@dataclass(frozen=True, slots=True)
class Line:
    """The danger over time: one point per turn the student played, the scale 0..top written
    on the left."""

    width: int
    height: int
    left: int
    right: int
    values: str
    """The values in words, for the chart's title."""
    grid: tuple[tuple[int, str, str], ...]
    """(value, y of the line, y of its number) of the dashed scale lines."""
    points: str
    """The polyline's points; the template marks each with a dot."""
    steps: int


def danger_line(values: tuple[int, ...], top: int, width: int = 520, height: int = 120) -> Line:
    left, bottom, pad = 28, 18, 6
    inner_w, inner_h = width - left - pad, height - bottom - pad
    n = max(len(values) - 1, 1)

    def xy(i: int, v: int) -> tuple[str, str]:
        y = pad + inner_h * (1 - v / top if top else 1)
        return f"{left + inner_w * i / n:.1f}", f"{y:.1f}"

    dots = tuple(xy(i, v) for i, v in enumerate(values))
    return Line(
        width=width,
        height=height,
        left=left,
        right=width - pad,
        values=" ".join(map(str, values)),
        grid=tuple(
            (v, xy(0, v)[1], f"{float(xy(0, v)[1]) + 4:.1f}") for v in sorted({0, top // 2, top})
        ),
        points=" ".join(f"{x},{y}" for x, y in dots),
        steps=len(values) - 1,
    )
