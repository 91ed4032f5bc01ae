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


SourceDate = Annotated[
    str, StringConstraints(pattern=r"^[0-9]{4}(-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))?$")
]
"""A year (``1997``) or a full date (``1962-10-28``)."""

WebAddress = Annotated[str, StringConstraints(pattern=r"^https?://[^\s/?#]+\.[^\s/?#]+[^\s]*$")]
"""An http(s) address with a host."""


class Source(Model):
    """A work or document cited by key: enough for a student to find and open it. The model
    checks the form of each field; ``brink check`` requires author, date and url or archive
    (a scenario written before they were required still loads and plays)."""

    key: SourceKey
    """How the scenario files cite it; players read the author and title instead."""
    author: Text | None = None
    """The person, people or issuing body who wrote it ("Michael Dobbs", "Office of the
    Historian, U.S. Department of State")."""
    title: Text
    date: SourceDate | None = None
    """When it was written or published: a year, or a full date for a document."""
    url: WebAddress | None = None
    """Where a student can open it."""
    archive: Text | None = None
    """Where a document without an address is held ("Archive of the President of the Russian
    Federation"), or a book's publisher."""
    short: str | None = None
    """How a line names it in brief (e.g. "FRUS XI, no. 99"); by default the author's surname
    and the year ("Dobbs 2008")."""


class Post(Model):
    """A post a person held before the one they are known by."""

    title: Text
    until: IsoDate
    """The day it ended (the next post, or ``title``, from then on)."""


class Person(Model):
    """A leader or adviser."""

    id: Ident
    name: Text
    title: Text
    """Their post in 1962."""
    earlier: tuple[Post, ...] = ()
    """Their posts before ``title``, earliest first: an adviser is shown with the post held
    on the date of the decision."""

    def title_on(self, date: str) -> str:
        """The post held on ``date`` (an ISO date)."""
        return next((p.title for p in self.earlier if date < p.until), self.title)

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
