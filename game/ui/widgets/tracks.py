"""The DEFCON gauges, the table of tracks and the tension log, as one text.

Levels are written out as well as coloured: colour is never the only signal. One text rather
than a widget per part: the panel changes at every turn, and every widget of a screen is
styled, laid out and drawn (a blank line stands for what were the parts' margins).
"""

from __future__ import annotations

from textual.content import Content

from ...engine.view import TrackView, change_text
from ...model.scenario import Scenario
from ...model.state import Change
from .text import HEADING, MUTED

DANGER_STYLES = {"calm": "$success", "tense": "$warning", "grave": "bold $error", "neutral": ""}
"""How each degree of danger is coloured (the gauge also writes its level out)."""


def danger(tv: TrackView) -> str:
    """How bad a value is on its track: ``calm``, ``tense``, ``grave`` (or ``neutral`` for a
    track that is not worse either way)."""
    t = tv.track
    span = max(1, t.max - t.min)
    if t.worse == "higher":
        frac = (tv.value - t.min) / span
    elif t.worse == "lower":
        frac = (t.max - tv.value) / span
    else:
        return "neutral"
    return "grave" if frac >= 0.6 else "tense" if frac >= 0.3 else "calm"


def gauge(tv: TrackView) -> str:
    """One DEFCON track as its label, then a row of cells (filled up to its level) and the
    level written out."""
    t, v = tv.track, tv.value
    cells = " ".join("■" if n >= v else "□" for n in range(t.max, t.min - 1, -1))
    return f"{t.label}\n{cells}  {tv.level or f'{t.label} {v}'}"


def tracks_text(
    scenario: Scenario, tracks: tuple[TrackView, ...], log: tuple[Change, ...]
) -> Content:
    """The alert gauges, every visible track with its value and level, and the latest twelve
    changes of the tension log with their reasons, latest first."""
    defcon = set(scenario.meta.defcon_tracks)
    parts: list = [("Alert", HEADING)]
    for tv in tracks:
        if tv.track.id in defcon:
            parts += ["\n", (gauge(tv), DANGER_STYLES[danger(tv)]), "\n"]
    parts += ["\n", ("Tracks", HEADING)]
    for tv in tracks:
        t = tv.track
        level = f" — {tv.level.split(': ', 1)[-1]}" if tv.level else ""
        parts.append(f"\n{t.label}: {tv.value} (of {t.min}–{t.max}){level}")
    parts += ["\n\n", ("Tension log (latest first)", HEADING)]
    changes = [f"{change_text(scenario, c)}: {c.reason}" for c in reversed(log[-12:])]
    parts += ["\n", ("\n".join(changes) or "Nothing has moved yet.", MUTED)]
    return Content.assemble(*parts)
