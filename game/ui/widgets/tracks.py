"""The DEFCON gauge, the table of tracks and the tension log.

Levels are written out as well as coloured: colour is never the only signal.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ...engine.view import TrackView
from ...model.scenario import Scenario
from ...model.state import Change


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


class DefconGauge(Static):
    """One DEFCON track as a row of five cells, with its level written out."""

    def __init__(self, tv: TrackView, **kw):
        super().__init__(**kw)
        self.tv = tv

    def on_mount(self) -> None:
        self.add_class(danger_class(self.tv))
        t, v = self.tv.track, self.tv.value
        cells = " ".join("■" if n >= v else "□" for n in range(t.max, t.min - 1, -1))
        level = self.tv.level or f"{t.label} {v}"
        self.update(Text(f"{t.label}\n{cells}  {level}"))


class TrackPanel(Vertical):
    """The DEFCON gauges, every visible track with its value and level, and the tension log."""

    def __init__(self, scenario: Scenario, tracks: tuple[TrackView, ...], log: tuple[Change, ...]):
        super().__init__(id="tracks")
        self.scenario, self.track_views, self.changes = scenario, tracks, log

    def compose(self) -> ComposeResult:
        defcon = set(self.scenario.meta.defcon_tracks)
        yield Static("Alert", classes="heading")
        for tv in self.track_views:
            if tv.track.id in defcon:
                yield DefconGauge(tv, classes="gauge")
        yield Static("Tracks", classes="heading")
        lines = []
        for tv in self.track_views:
            t = tv.track
            level = f" — {tv.level.split(': ', 1)[-1]}" if tv.level else ""
            lines.append(f"{t.label}: {tv.value} (of {t.min}–{t.max}){level}")
        yield Static(Text("\n".join(lines)), id="track-table")
        yield Static("Tension log (latest first)", classes="heading")
        if not self.changes:
            yield Static("Nothing has moved yet.", classes="muted")
        for c in reversed(self.changes[-12:]):
            label = self.scenario.track(c.track).label
            sign = "+" if c.after > c.before else "-"
            yield Static(
                Text(f"{sign}{abs(c.after - c.before)} {label} ({c.before}→{c.after}): {c.reason}"),
                classes="log-line",
            )
