"""A turn's result told once, for every front end: the result screen, plain mode and the debrief
render what :func:`tell` builds and word nothing of their own.

Each happening of an engine call (the player's decision, the other side's answer, an incident)
becomes a :class:`Told`: its heading, who chose what, what happened, the track changes the
player's side can see (each with its reason, and whether it made things worse or better, in
words as well as in colour), and the historical record with its verdict, what historians
dispute and the sources.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.scenario import Scenario
from ..model.state import Change
from .dates import long_date
from .happenings import Happening
from .sources import cite_keys
from .view import change_text

HEADINGS = {"decision": "Your decision", "answer": "The other side", "event": "Incident"}


@dataclass(frozen=True, slots=True)
class ToldChange:
    """A track change as the player reads it: "+2 Danger (3 → 5, worse): a U-2 is lost"."""

    text: str
    effect: str
    """``worse``, ``better`` or ``neutral`` (a track with no better or worse direction)."""


@dataclass(frozen=True, slots=True)
class Record:
    """What really happened at that point: one line with the verdict (all a folded record
    shows), then paragraphs."""

    line: str
    """"You matched history — 22 October 1962, President Kennedy", "You diverged from history:
    history chose “Y” (20 October 1962, President Kennedy)", "Historical record: this
    decision never arose in 1962" or, for an incident, "Historical record: <its title>"."""
    summary: str | None
    """Why the decision never arose, when it did not."""
    note: str
    disputed: str | None
    sources: str | None
    """The sources, each cited (see :mod:`.sources`), or None."""


@dataclass(frozen=True, slots=True)
class Told:
    """One happening, told."""

    kind: str
    heading: str
    """"Your decision: Respond to the photos"."""
    chose: str | None
    """"You chose: Blockade." or "They chose: Withdraw."."""
    text: str
    changes: tuple[ToldChange, ...]
    record: Record | None
    phase: int
    phase_title: str
    """The title of its phase as it read then."""


def told_change(scenario: Scenario, c: Change, side: str | None = None) -> ToldChange:
    """One track change with its reason, worse or better said in words: for the world (the
    track's ``worse``), else for ``side``'s player (its ``better_for``)."""
    track = scenario.track(c.track)
    if track.worse != "neither":
        worse = (c.after > c.before) == (track.worse == "higher")
    elif side in track.better_for:
        worse = (c.after > c.before) != (track.better_for[side] == "higher")
    else:
        return ToldChange(f"{change_text(scenario, c)}: {c.reason}", "neutral")
    effect = "worse" if worse else "better"
    return ToldChange(f"{change_text(scenario, c, ', ' + effect)}: {c.reason}", effect)


def tell(scenario: Scenario, side: str, h: Happening) -> Told | None:
    """What the player of ``side`` is told of ``h`` (None for the ending, told apart)."""
    if h.kind == "ending":
        return None
    chose = None
    if h.option is not None and h.kind in ("decision", "answer"):
        chose = f"{'You' if h.kind == 'decision' else 'They'} chose: {h.option.label}."
    changes = tuple(
        told_change(scenario, c, side)
        for c in h.changes
        if side in scenario.track(c.track).visible_to
    )
    return Told(
        h.kind,
        f"{HEADINGS[h.kind]}: {h.title}",
        chose,
        h.text,
        changes,
        _record(scenario, h),
        h.phase,
        h.phase_title or scenario.meta.phases[h.phase].title,
    )


def tell_all(scenario: Scenario, side: str, happenings) -> tuple[Told, ...]:
    """Every happening of one engine call that is told, in order."""
    return tuple(t for h in happenings if (t := tell(scenario, side, h)) is not None)


def _record(scenario: Scenario, h: Happening) -> Record | None:
    if h.kind == "event" and h.event is not None and h.event.note:
        e = h.event
        line = f"Historical record: {h.title}"
        return Record(line, None, e.note, e.disputed, _cited(scenario, e.sources))
    if h.kind != "decision" or h.decision is None:
        return None
    rec = h.decision.history
    sources = _cited(scenario, rec.sources)
    if rec.option is None:
        line = "Historical record: this decision never arose in 1962"
        return Record(line, rec.none_because, rec.note, rec.disputed, sources)
    when = ", ".join(x for x in (rec.date and long_date(rec.date), rec.by) if x)
    if h.matched:
        line = "You matched history" + (f" — {when}" if when else "")
    else:
        label = scenario.option(h.decision.id, rec.option).label
        line = f"You diverged from history: history chose “{label}”" + (
            f" ({when})" if when else ""
        )
    return Record(line, None, rec.note, rec.disputed, sources)


def _cited(scenario: Scenario, keys) -> str | None:
    return cite_keys(scenario, keys) if keys else None
