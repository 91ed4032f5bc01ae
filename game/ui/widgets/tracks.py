"""The DEFCON gauge, the table of tracks and the tension log.

Levels are written out as well as coloured: colour is never the only signal.
"""

from __future__ import annotations

from rich.text import Text

from ...engine.view import TrackView, change_text
from ...model.scenario import Scenario
from ...model.state import Change
from .lines import Lines, Row


def danger_class(tv: TrackView) -> str:
    """A CSS class naming how bad a value is on its track: ``-calm``, ``-tense`` or ``-grave``."""
    t = tv.track
    span = max(1, t.max - t.min)
    if t.worse == "higher":
        frac = (tv.value - t.min) / span
    elif t.worse == "lower":
        frac = (t.max - tv.value) / span
    else:
        return "-neutral"
    return "-grave" if frac >= 0.6 else "-tense" if frac >= 0.3 else "-calm"


def gauge(tv: TrackView) -> Row:
    """One DEFCON track as a row of five cells, with its level written out."""
    t, v = tv.track, tv.value
    cells = " ".join("■" if n >= v else "□" for n in range(t.max, t.min - 1, -1))
    level = tv.level or f"{t.label} {v}"
    return Text(f"{t.label}\n{cells}  {level}"), f"gauge {danger_class(tv)}"


class TrackPanel(Lines):
    """The DEFCON gauges, every visible track with its value and level, and the tension log;
    :meth:`show_tracks` brings it to another turn in place."""

    def __init__(self, scenario: Scenario, tracks: tuple[TrackView, ...], log: tuple[Change, ...]):
        self.scenario = scenario
        super().__init__(self._rows(tracks, log), id="tracks")

    def show_tracks(self, tracks: tuple[TrackView, ...], log: tuple[Change, ...]) -> None:
        self.show(self._rows(tracks, log))

    def _rows(self, tracks: tuple[TrackView, ...], log: tuple[Change, ...]) -> list[Row]:
        defcon = set(self.scenario.meta.defcon_tracks)
        rows: list[Row] = [("Alert", "heading")]
        rows += [gauge(tv) for tv in tracks if tv.track.id in defcon]
        rows.append(("Tracks", "heading"))
        lines = []
        for tv in tracks:
            t = tv.track
            level = f" — {tv.level.split(': ', 1)[-1]}" if tv.level else ""
            lines.append(f"{t.label}: {tv.value} (of {t.min}–{t.max}){level}")
        rows.append((Text("\n".join(lines)), "track-table"))
        rows.append(("Tension log (latest first)", "heading"))
        if not log:
            rows.append(("Nothing has moved yet.", "muted"))
        lines = []  # one widget for the whole log: fewer widgets to lay out
        for c in reversed(log[-12:]):
            lines.append(f"{change_text(self.scenario, c)}: {c.reason}")
        if lines:
            rows.append((Text("\n".join(lines)), "log-line"))
        return rows
