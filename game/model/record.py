"""The historical record and reference material: dated entries, sources, people, glossary,
and the debrief's questions and myths."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .base import Ident, IsoDate, Model, Text

SourceKey = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]*$", max_length=16)]
"""A source's key, in capitals, as in REFERENCE.md (``DOB``, ``FRUS60``)."""


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
    decisions: tuple[Ident, ...] = ()
    """The decisions it bears on: the debrief shows it first when a student made one."""
