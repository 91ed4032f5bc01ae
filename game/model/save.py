"""A saved game on disk: the inputs that replay it, and a summary a debrief can read without replaying."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from ..terminal import unsafe
from .base import Ident, Model, Role
from .state import EventMode, Policy

SAVE_VERSION = 1
"""The version this code writes."""
MIN_SAVE_VERSION = 1
"""The oldest version this code still loads."""


def printable(text: str) -> str:
    """Refuse text with a character that could move the cursor, split a line or turn the text
    around on a screen (control, format, line and paragraph separator characters: see
    :mod:`game.terminal`), in Brink's own words."""
    bad = next((c for c in text if unsafe(c)), None)
    if bad is not None:
        raise ValueError(
            f"no control or invisible formatting characters (found U+{ord(bad):04X} at "
            f"position {text.index(bad) + 1})"
        )
    return text


Printable = AfterValidator(printable)

LABEL_MAX = 60
"""The longest player name or class code, in characters (the new-game form's limit too)."""


def short_enough(text: str) -> str:
    """Refuse a name or class code over :data:`LABEL_MAX` characters, in Brink's own words."""
    if len(text) > LABEL_MAX:
        raise ValueError(f"at most {LABEL_MAX} characters (this one has {len(text)})")
    return text


Label = Annotated[str, AfterValidator(short_enough), Printable]
"""A player name or class code: at most 60 characters, no control characters, no invisible
formatting characters (bidi marks, zero-width joiners...), no line or paragraph separators."""

Stamp = Annotated[
    str, StringConstraints(max_length=40, pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.+Z-]{2,30}$")
]
"""A moment in ISO 8601, e.g. ``2024-10-22T19:00:00+00:00``."""


class Choice(Model):
    """One choice the player made."""

    decision: Ident
    option: Ident
    at: Stamp
    """When it was made, ISO 8601 in UTC."""


class Summary(Model):
    """Where the game stands, for lists and debriefs."""

    phase: Ident
    date: Annotated[str, StringConstraints(max_length=200), Printable]
    """The phase's label, e.g. "Saturday 27 October 1962, morning"."""
    tracks: dict[Ident, int]
    peak_danger: int
    peak_defcon: int
    divergence: int
    """Percentage of the player's decisions that left the historical path."""
    ending: Ident | None = None


class SaveFile(Model):
    """One game, one JSON file."""

    save_version: int = Field(ge=1)
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$", max_length=64)]
    scenario_id: Ident
    content_hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]+$", max_length=128)]
    """SHA-256 of the scenario's files when the game was saved (see ``content.content_hash``)."""
    role: Role
    opponent: Policy
    events: EventMode
    seed: int
    player: Label = ""
    class_code: Label = ""
    created: Stamp
    updated: Stamp
    choices: Annotated[tuple[Choice, ...], Field(max_length=10_000)] = ()
    summary: Summary
