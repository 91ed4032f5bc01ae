"""Sources as a person reads them (by author and title, never by key), how an adviser's
argument stands on the record, and the check that every source is one a student can open."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from ..model.problem import Problem
from ..model.record import Source
from ..model.scenario import Scenario
from ..model.story import Position
from .dates import long_date

DENIED_HOSTS: tuple[tuple[str, str], ...] = (
    (r"(^|\.)staging\.|^staging-|dvincitest|drivingcreative", "a staging or test host"),
    (r"wiki|(^|\.)infogalactic\.com$|(^|\.)fandom\.com$", "Wikipedia, a wiki or a wiki mirror"),
    (r"(^|\.)(blogspot|wordpress|medium|substack|tumblr)\.com$", "a blog"),
    (r"(^|\.)(docslib\.org|studyres\.com|studymode\.com)$|(^|\.)vdocuments\.", "a re-upload site"),
    (r"(^|\.)uncensoredopinion\.co\.za$", "an opinion site"),
    (r"(^|\.)books\.google\.", "a bare Google Books id"),
)
"""Hosts a student should not be sent to: copies, drafts and opinion instead of the record."""

DENIED_TITLES = re.compile(r"^\s*(article|news item|post|document|book) cited for\b", re.I)
"""A title that says why something is cited instead of what it is."""


def denied(url: str) -> str | None:
    """Why ``url`` is not a source a student should open, or None if its host is allowed."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    for pattern, why in DENIED_HOSTS:
        if re.search(pattern, host):
            return f"{host} is {why}; cite the archive or the published work instead"
    return None


def _surnames(author: str) -> str:
    people = [p.strip() for p in re.split(r",| and | & ", author) if p.strip()]
    names = [p.split()[-1] for p in people]
    if len(names) > 2:
        return f"{names[0]} et al."
    return " & ".join(names)


def short(source: Source) -> str:
    """A source named in brief: its ``short`` form, else the author's surname and the year
    ("Dobbs 2008")."""
    if source.short:
        return source.short
    name = _surnames(source.author) if source.author else source.title
    return f"{name} {source.date[:4]}" if source.date else name


def cite(source: Source) -> str:
    """A source as a person reads it: author, title, date ("Michael Dobbs, One Minute to
    Midnight, 2008")."""
    parts = (source.author, source.title, source.date and long_date(source.date))
    return ", ".join(p for p in parts if p)


def where(source: Source) -> str:
    """Where to open it: the address, else the archive or publisher."""
    return source.url or source.archive or ""


def cite_keys(scenario: Scenario, keys: Iterable[str]) -> str:
    """The cited sources, each by author and title, joined by semicolons."""
    return "; ".join(cite(s) if (s := scenario.source(k)) else k for k in keys)


def short_keys(scenario: Scenario, keys: Iterable[str]) -> str:
    """The sources named in brief ("Dobbs 2008; Stern 2005"), joined by semicolons."""
    return "; ".join(short(s) if (s := scenario.source(k)) else k for k in keys)


def basis(scenario: Scenario, position: Position) -> str:
    """How an adviser's argument stands on the record, as shown beside it:
    "documented: Dobbs 2008; FRUS XI, no. 99" or "illustrative"."""
    if position.basis is None:
        return "not marked as documented or illustrative"
    if position.basis == "illustrative":
        return "illustrative: a plausible line, not from the record"
    return "documented: " + short_keys(scenario, position.sources)


BASIS_MISSING = 'required: basis = "documented" (with the sources that show it) or "illustrative"'


def check_sources(scenario: Scenario) -> list[Problem]:
    """Every source names its author, date and where to open it, its address is on an allowed
    host and its title says what it is."""
    problems = []
    for i, s in enumerate(scenario.sources):
        for field in ("author", "date"):
            if getattr(s, field) is None:
                problems.append(
                    Problem(file="sources.toml", path=f"source[{i}].{field}", message="required")
                )
        if s.url is None and s.archive is None:
            problems.append(
                Problem(
                    file="sources.toml",
                    path=f"source[{i}]",
                    message="give 'url' or 'archive': where a student can open this source",
                )
            )
        if s.url and (why := denied(s.url)):
            problems.append(Problem(file="sources.toml", path=f"source[{i}].url", message=why))
        if DENIED_TITLES.match(s.title):
            problems.append(
                Problem(
                    file="sources.toml",
                    path=f"source[{i}].title",
                    message="a title must say what the work is, not what it is cited for",
                )
            )
    return problems
