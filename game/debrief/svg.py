"""Charts drawn as inline SVG for the HTML report: no script, no outside file, no font fetched.

They read in black and white: bars are dark grey with the number written beside them, the bar
that marks history is hatched and labelled "history" in words, and the danger chart has its
scale written on the axis. Every text is escaped.
"""

from __future__ import annotations

from html import escape

FONT = 'font-family="sans-serif" font-size="13"'


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def bars(rows: list[tuple[str, int, bool]], total: int, key: str, label_width: int = 260) -> str:
    """A horizontal bar chart: one row per (label, value, is history's). Bars are scaled to
    ``total`` (e.g. the number of games), so rows of different charts compare. ``key`` makes
    the chart's pattern id unique in the page (letters, digits, ``_`` and ``-``)."""
    pid = f"hatch-{key}"
    row_h, bar_w = 22, 360
    width = label_width + bar_w + 120
    height = row_h * len(rows) + 6
    out = [
        f'<svg class="chart" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" {FONT}>',
        f'<defs><pattern id="{pid}" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="3"/></pattern></defs>',
    ]
    for i, (label, value, marked) in enumerate(rows):
        y = 3 + i * row_h
        w = round(bar_w * value / total) if total else 0
        text = label if len(label) <= 40 else label[:39] + "…"
        out.append(f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end">{_e(text)}</text>')
        fill = f"url(#{pid})" if marked else "#555"
        out.append(
            f'<rect x="{label_width}" y="{y + 3}" width="{max(w, 1)}" height="{row_h - 6}" '
            f'fill="{fill}" stroke="#000" stroke-width="1"/>'
        )
        note = f"{value} · history" if marked else str(value)
        weight = ' font-weight="bold"' if marked else ""
        out.append(f'<text x="{label_width + w + 6}" y="{y + 15}"{weight}>{_e(note)}</text>')
    out.append("</svg>")
    return "".join(out)


def danger_line(values: tuple[int, ...], top: int, width: int = 520, height: int = 120) -> str:
    """The danger over time: one point per step, the scale 0..top written on the left."""
    left, bottom, pad = 28, 18, 6
    inner_w, inner_h = width - left - pad, height - bottom - pad
    n = max(len(values) - 1, 1)

    def xy(i: int, v: int) -> tuple[float, float]:
        return left + inner_w * i / n, pad + inner_h * (1 - v / top if top else 1)

    out = [
        f'<svg class="chart danger" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" {FONT}>',
        f"<title>Danger over time: {_e(' '.join(map(str, values)))}</title>",
    ]
    for v in sorted({0, top // 2, top}):
        _, y = xy(0, v)
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - pad}" y2="{y:.1f}" stroke="#bbb" '
            'stroke-dasharray="3 3"/>'
            f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{v}</text>'
        )
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(i, v) for i, v in enumerate(values)))
    out.append(f'<polyline points="{points}" fill="none" stroke="#000" stroke-width="2"/>')
    for i, v in enumerate(values):
        x, y = xy(i, v)
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="#000"/>')
    out.append(
        f'<text x="{left}" y="{height - 4}">start</text>'
        f'<text x="{width - pad}" y="{height - 4}" text-anchor="end">'
        f"after {len(values) - 1} steps</text></svg>"
    )
    return "".join(out)
