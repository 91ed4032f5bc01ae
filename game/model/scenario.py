"""A whole scenario: every file of its folder, validated, with look-up tables for the engine.

The tables of each file are defined in ``world.py`` (scenario.toml), ``story.py`` (decisions,
events, endings) and ``record.py`` (history, sources, people, glossary, debrief); ``files.py``
says which file holds which list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .base import Model
from .endings import Ending, Gain, Part
from .record import Entry, Myth, Person, Question, Source, SourceKey, Term
from .story import ChanceBy, Decision, Event, Note, Option, Position, Record
from .world import Dimension, Flag, Level, Meta, Phase, RoleInfo, SideInfo, Track

__all__ = [
    "ChanceBy",
    "Decision",
    "Dimension",
    "Ending",
    "Entry",
    "Event",
    "Flag",
    "Gain",
    "Index",
    "Level",
    "Meta",
    "Myth",
    "Note",
    "Option",
    "Part",
    "Person",
    "Phase",
    "Position",
    "Question",
    "Record",
    "RoleInfo",
    "Scenario",
    "SideInfo",
    "Source",
    "SourceKey",
    "Term",
    "Track",
]


class Scenario(Model):
    """A whole scenario folder, validated and indexed for the engine."""

    meta: Meta
    decisions: tuple[Decision, ...]
    events: tuple[Event, ...] = ()
    endings: tuple[Ending, ...]
    ending_parts: tuple[Part, ...] = ()
    """Paragraphs shared by the endings their tags select (``[[part]]`` in endings.toml)."""
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

    def start_position(self, role_id: str) -> int:
        """Where a campaign's first phase stands in the calendar."""
        return self.index.phase_pos[self.index.role[role_id].start_phase]

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
    memo: dict = field(default_factory=dict)
    """Results the engine works out once per scenario (pure functions of it)."""

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
