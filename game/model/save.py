"""A saved game on disk: the inputs that replay it, and a summary a debrief can read without replaying."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from .base import Ident, Model, Role
from .state import EventMode, Policy

SAVE_VERSION = 1
"""The version this code writes."""
MIN_SAVE_VERSION = 1
"""The oldest version this code still loads."""

Label = Annotated[
    str,
    StringConstraints(max_length=60, pattern=r"^[^\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]*$"),
]
"""A player name or class code: at most 60 characters, no control or text-direction characters."""


class Choice(Model):
    """One choice the player made."""

    decision: Ident
    option: Ident
    at: str
    """When it was made, ISO 8601 in UTC."""


class Summary(Model):
    """Where the game stands, for lists and debriefs."""

    phase: Ident
    date: str
    """The phase's label, e.g. "Saturday 27 October 1962, morning"."""
    tracks: dict[str, int]
    peak_danger: int
    peak_defcon: int
    divergence: int
    """Percentage of the player's decisions that left the historical path."""
    ending: Ident | None = None


class SaveFile(Model):
    """One game, one JSON file."""

    save_version: int = Field(ge=1)
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]{1,64}$")]
    scenario_id: Ident
    content_hash: str
    role: Role
    opponent: Policy
    events: EventMode
    seed: int
    player: Label = ""
    class_code: Label = ""
    created: str
    updated: str
    choices: tuple[Choice, ...] = ()
    summary: Summary
