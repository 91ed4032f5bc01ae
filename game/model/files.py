"""Which file of a scenario folder holds what, as one model per kind of file."""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .scenario import (
    Decision,
    Ending,
    Entry,
    Event,
    Meta,
    Myth,
    Part,
    Person,
    Question,
    Source,
    Term,
)


class DecisionsFile(Model):
    """A file in decisions/: one or more ``[[decision]]`` tables."""

    decisions: tuple[Decision, ...] = Field(alias="decision", min_length=1)


class EventsFile(Model):
    """events.toml: ``[[event]]`` tables."""

    events: tuple[Event, ...] = Field(alias="event", default=())


class EndingsFile(Model):
    """endings.toml: ``[[ending]]`` tables, and ``[[part]]`` tables that several endings share."""

    endings: tuple[Ending, ...] = Field(alias="ending", min_length=1)
    ending_parts: tuple[Part, ...] = Field(alias="part", default=())


class HistoryFile(Model):
    """history.toml: ``[[entry]]`` tables, the dated historical record."""

    history: tuple[Entry, ...] = Field(alias="entry", default=())


class SourcesFile(Model):
    """sources.toml: ``[[source]]`` tables."""

    sources: tuple[Source, ...] = Field(alias="source", default=())


class PeopleFile(Model):
    """people.toml: ``[[person]]`` tables."""

    people: tuple[Person, ...] = Field(alias="person", default=())


class GlossaryFile(Model):
    """glossary.toml: ``[[term]]`` tables."""

    glossary: tuple[Term, ...] = Field(alias="term", default=())


class DebriefFile(Model):
    """debrief.toml: ``[[question]]`` and ``[[myth]]`` tables."""

    questions: tuple[Question, ...] = Field(alias="question", default=())
    myths: tuple[Myth, ...] = Field(alias="myth", default=())


FILES: dict[str, type[Model]] = {
    "scenario.toml": Meta,
    "events.toml": EventsFile,
    "endings.toml": EndingsFile,
    "history.toml": HistoryFile,
    "sources.toml": SourcesFile,
    "people.toml": PeopleFile,
    "glossary.toml": GlossaryFile,
    "debrief.toml": DebriefFile,
}
"""The fixed files of a scenario folder and their models; ``decisions/*.toml`` use DecisionsFile."""

REQUIRED = ("scenario.toml", "endings.toml")
"""Files a scenario folder cannot do without (plus at least one file in decisions/)."""
