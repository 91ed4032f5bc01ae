"""Scenario content: the world, its calendar, decisions, events, endings and the historical record.

Each class mirrors a table in the TOML files of a scenario folder; ``files.py`` says which
file holds which list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from .base import Ident, IsoDate, Model, Role, Side, Text
from .rules import Condition, Effect

SourceKey = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]*$", max_length=16)]
"""A source's key, in capitals, as in REFERENCE.md (``DOB``, ``FRUS60``)."""


# --- scenario.toml -------------------------------------------------------------------------


class SideInfo(Model):
    """One side of the conflict."""

    name: Text
    """Display name, e.g. "United States"."""
    leader: Ident
    """The person (people.toml) who leads this side."""


class RoleInfo(Model):
    """A campaign the player can choose: the leader they advise and where it starts."""

    id: Role
    side: Side
    title: Text
    """Shown on the title screen, e.g. "Advise President Kennedy"."""
    blurb: Text
    """One or two sentences on what this campaign covers."""
    start_phase: Ident
    """The first phase this campaign plays; earlier phases are settled as history had them."""
    available: bool = True
    """False while the campaign's content is still being written (shown as coming)."""


class Level(Model):
    """A named value of a track (e.g. DEFCON 3 and what it means)."""

    value: int
    label: Text


class Track(Model):
    """An integer meter with a declared range, such as danger or DEFCON."""

    id: Ident
    label: Text
    description: Text
    min: int
    max: int
    start: int
    """The value at the first phase of the calendar."""
    worse: Literal["higher", "lower", "neither"] = "neither"
    """Which direction means more danger for the world, to colour and explain changes."""
    levels: tuple[Level, ...] = ()
    """Names for particular values, shown beside the number."""
    visible_to: tuple[Side, ...] = ("usa", "ussr")
    """The sides whose leader can see this track."""

    @model_validator(mode="after")
    def _in_range(self):
        if not self.min <= self.start <= self.max:
            raise ValueError(f"start {self.start} is outside {self.min}..{self.max}")
        return self


class Flag(Model):
    """A fact that can become true during a game, or be learned by a side."""

    id: Ident
    description: Text
    start: bool = False
    """Whether the flag is set when the calendar begins."""


class Phase(Model):
    """A step of the calendar: a date, or part of a busy day."""

    id: Ident
    date: IsoDate
    label: Text
    """How the date is shown, e.g. "Saturday 27 October 1962, morning"."""
    title: Text
    """A short name for what this phase is about."""
    part: Literal["prologue", "crisis", "aftermath"]
    day: int | None = Field(None, ge=1)
    """Day of the crisis (1 for 16 October), if the phase is within it."""


class Dimension(Model):
    """A measure of who gained, used by every ending's table."""

    id: Ident
    label: Text


class Meta(Model):
    """The contents of scenario.toml."""

    id: Ident
    title: Text
    format_version: int = Field(ge=1)
    """The scenario format version this folder is written for."""
    description: Text
    crisis_days: int = Field(ge=1)
    """How many days the crisis lasts, for "day 12 of 13"."""
    sides: dict[Side, SideInfo]
    roles: tuple[RoleInfo, ...] = Field(alias="role", min_length=1)
    tracks: tuple[Track, ...] = Field(alias="track", min_length=1)
    flags: tuple[Flag, ...] = Field(alias="flag", default=())
    phases: tuple[Phase, ...] = Field(alias="phase", min_length=1)
    dimensions: tuple[Dimension, ...] = Field(alias="dimension", min_length=1)
    danger_track: Ident = "danger"
    """The track drawn in the danger chart and summarised as peak danger."""
    defcon_tracks: tuple[Ident, ...] = ("defcon",)
    """The tracks that count as DEFCON levels for peak DEFCON (lowest is highest alert)."""


# --- decisions/*.toml ----------------------------------------------------------------------


class Note(Model):
    """A paragraph shown only when its condition holds (e.g. only if the side knows a fact)."""

    when: Condition
    text: Text


class Position(Model):
    """An adviser's position at a decision point."""

    person: Ident
    option: Ident | None = None
    """The option they argue for, if it is one of those offered."""
    argument: Text
    """Their case, in their own voice or summarised."""
    sources: tuple[SourceKey, ...] = ()


class Option(Model):
    """One choice at a decision point."""

    id: Ident
    label: Text
    """The choice in a few words, as listed."""
    detail: Text
    """What it would mean, a sentence or two."""
    result: Text
    """What follows, shown after it is chosen."""
    effects: tuple[Effect, ...] = ()
    when: Condition | None = None
    """Offered only when this holds."""
    stance: int = Field(0, ge=-2, le=2)
    """From -2 (most conciliatory) to 2 (most forceful); the hawk and dove policies use it."""
    irreversible: bool = False
    """Cannot be undone; with a sharp rise in danger the game asks to confirm."""


class Record(Model):
    """What history did at a decision point."""

    option: Ident | None = None
    """The option history took; leave out only with ``none_because``."""
    none_because: Text | None = None
    """Why this decision point has no historical choice (it never arose in reality)."""
    date: IsoDate | None = None
    by: Text | None = None
    """Who decided."""
    note: Text
    """What happened, in your own words."""
    disputed: Text | None = None
    """What historians disagree on here, if anything."""
    sources: tuple[SourceKey, ...] = ()

    @model_validator(mode="after")
    def _option_or_reason(self):
        if (self.option is None) == (self.none_because is None):
            raise ValueError("give exactly one of 'option' or 'none_because'")
        if self.option is not None and not self.sources:
            raise ValueError("a historical choice needs at least one source")
        return self


class Decision(Model):
    """A decision point: one side's leader must choose."""

    id: Ident
    side: Side
    phase: Ident
    title: Text
    situation: Text
    """What the leader knew then, and no more."""
    notes: tuple[Note, ...] = ()
    when: Condition | None = None
    """The decision arises only when this holds (checked when its phase is reached)."""
    advisers: tuple[Position, ...] = ()
    options: tuple[Option, ...] = Field(alias="option", min_length=2)
    history: Record


# --- events.toml ---------------------------------------------------------------------------


class ChanceBy(Model):
    """Adds ``per_point`` to an event's chance for each point of a track above ``above``."""

    track: Ident
    above: int = 0
    per_point: float = Field(ge=-1, le=1)


class Event(Model):
    """An incident nobody chose, checked when its phase begins."""

    id: Ident
    phase: Ident
    title: Text
    text: Text
    """What happened, as the player's side hears of it."""
    when: Condition | None = None
    historical: bool
    """True if it happened in reality: in historical mode it then always happens when allowed."""
    chance: float = Field(ge=0, le=1)
    """Probability in chaos mode, before ``chance_by``."""
    chance_by: tuple[ChanceBy, ...] = ()
    effects: tuple[Effect, ...] = ()
    visible_to: tuple[Side, ...] = ("usa", "ussr")
    """Sides that learn of it when it happens."""
    note: Text | None = None
    """The historical record for this incident."""
    disputed: Text | None = None
    sources: tuple[SourceKey, ...] = ()


# --- endings.toml --------------------------------------------------------------------------


class Gain(Model):
    """How one leader fared on one dimension in an ending, from -2 (lost badly) to 2."""

    leader: Literal["kennedy", "khrushchev", "castro"]
    dimension: Ident
    score: int = Field(ge=-2, le=2)
    note: Text


class Ending(Model):
    """A way the story ends."""

    id: Ident
    title: Text
    """The headline."""
    priority: int
    """Lower is checked first when several endings hold."""
    when: Condition | None = None
    """Holds for this ending; none means it always holds (a fallback)."""
    checked: Literal["always", "at_end"] = "at_end"
    """``always``: ends the game as soon as it holds; ``at_end``: only when the calendar is over."""
    epilogue: Text
    historians: Text
    """What historians think of this outcome, or of how plausible it was."""
    historical: bool = False
    """The ending history had; exactly one ending says so."""
    tags: tuple[Literal["nuclear_war", "invasion", "settlement", "war", "peace"], ...] = ()
    """Categories the debrief counts."""
    gains: tuple[Gain, ...] = Field(alias="gain", default=())
    clue: Text | None = None
    """A hint, shown to players who have not yet found this ending."""
    sources: tuple[SourceKey, ...] = ()


# --- history, sources, people, glossary, debrief ------------------------------------------


class Entry(Model):
    """A dated item of the historical record."""

    id: Ident
    date: IsoDate
    when: str | None = None
    """Time of day or a looser date, e.g. "about 9:00" or "mid-November"."""
    title: Text
    text: Text
    disputed: Text | None = None
    """What sources disagree on here."""
    sources: tuple[SourceKey, ...] = Field(min_length=1)


class Source(Model):
    """A work or document cited by key."""

    key: SourceKey
    title: Text
    author: str | None = None
    url: str | None = None


class Person(Model):
    """A leader or adviser."""

    id: Ident
    name: Text
    title: Text
    """Their post in 1962."""
    side: Literal["usa", "ussr", "cuba", "un", "other"]
    bio: Text
    sources: tuple[SourceKey, ...] = ()


class Term(Model):
    """A glossary term."""

    id: Ident
    term: Text
    definition: Text
    sources: tuple[SourceKey, ...] = ()


class Question(Model):
    """A discussion question for the debrief, asked when the class made the given choice."""

    id: Ident
    decision: Ident | None = None
    options: tuple[Ident, ...] = ()
    """Ask when any student chose one of these (empty: ask in any case)."""
    text: Text
    answer: Text
    """What historians say, for the teacher."""
    sources: tuple[SourceKey, ...] = ()


class Myth(Model):
    """A common misconception, with the facts."""

    id: Ident
    claim: Text
    fact: Text
    sources: tuple[SourceKey, ...] = Field(min_length=1)


class Scenario(Model):
    """A whole scenario folder, validated and indexed for the engine."""

    meta: Meta
    decisions: tuple[Decision, ...]
    events: tuple[Event, ...] = ()
    endings: tuple[Ending, ...]
    history: tuple[Entry, ...] = ()
    sources: tuple[Source, ...] = ()
    people: tuple[Person, ...] = ()
    glossary: tuple[Term, ...] = ()
    questions: tuple[Question, ...] = ()
    myths: tuple[Myth, ...] = ()
    content_hash: str = ""
    """SHA-256 of the folder's files, set by the loader; saves record it."""
    origins: tuple[str, ...] = ()
    """Where each decision was read, ``decisions/oct22.toml: decision[0]``, for messages."""

    @cached_property
    def index(self) -> Index:
        """Look-up tables the engine uses on every step, built once."""
        return Index.of(self)

    def track(self, track_id: str) -> Track:
        return self.index.track[track_id]

    def decision(self, decision_id: str) -> Decision:
        return self.index.decision[decision_id]

    def option(self, decision_id: str, option_id: str) -> Option:
        return self.index.option[(decision_id, option_id)]

    def ending(self, ending_id: str) -> Ending:
        return self.index.ending[ending_id]

    def person(self, person_id: str) -> Person | None:
        return self.index.person.get(person_id)

    def source(self, key: str) -> Source | None:
        return self.index.source.get(key)

    def role(self, role_id: str) -> RoleInfo:
        return self.index.role[role_id]

    def phase_position(self, phase_id: str) -> int:
        return self.index.phase_pos[phase_id]

    def decisions_in(self, position: int) -> tuple[Decision, ...]:
        return self.index.phase_decisions[position]

    def events_in(self, position: int) -> tuple[Event, ...]:
        return self.index.phase_events[position]

    @property
    def endings_by_priority(self) -> tuple[Ending, ...]:
        return self.index.endings_sorted


@dataclass(frozen=True, slots=True)
class Index:
    """Look-up tables over a scenario (not part of any file)."""

    track: dict[str, Track]
    phase_pos: dict[str, int]
    decision: dict[str, Decision]
    option: dict[tuple[str, str], Option]
    ending: dict[str, Ending]
    person: dict[str, Person]
    source: dict[str, Source]
    role: dict[str, RoleInfo]
    phase_decisions: tuple[tuple[Decision, ...], ...]
    phase_events: tuple[tuple[Event, ...], ...]
    endings_sorted: tuple[Ending, ...]
    endings_always: tuple[Ending, ...]
    """The endings checked after every step, by priority."""

    @classmethod
    def of(cls, s: Scenario) -> Index:
        pos = {p.id: i for i, p in enumerate(s.meta.phases)}
        decisions: list[list[Decision]] = [[] for _ in s.meta.phases]
        events: list[list[Event]] = [[] for _ in s.meta.phases]
        for d in s.decisions:
            if d.phase in pos:
                decisions[pos[d.phase]].append(d)
        for e in s.events:
            if e.phase in pos:
                events[pos[e.phase]].append(e)
        return cls(
            track={t.id: t for t in s.meta.tracks},
            phase_pos=pos,
            decision={d.id: d for d in s.decisions},
            option={(d.id, o.id): o for d in s.decisions for o in d.options},
            ending={e.id: e for e in s.endings},
            person={p.id: p for p in s.people},
            source={x.key: x for x in s.sources},
            role={r.id: r for r in s.meta.roles},
            phase_decisions=tuple(tuple(x) for x in decisions),
            phase_events=tuple(tuple(x) for x in events),
            endings_sorted=tuple(sorted(s.endings, key=lambda e: e.priority)),
            endings_always=tuple(
                e for e in sorted(s.endings, key=lambda e: e.priority) if e.checked == "always"
            ),
        )
