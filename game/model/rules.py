"""Conditions and effects: the small vocabulary content uses instead of code.

Each is a table with a ``kind`` key, e.g. ``{ kind = "track", track = "danger", min = 6 }``.
There is no expression language and nothing is evaluated as Python.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from .base import Ident, Model, Side, Text


class TrackWithin(Model):
    """True when a track's value lies within ``min`` and ``max`` (either may be left out)."""

    kind: Literal["track"]
    track: Ident
    """The track's id, declared in scenario.toml."""
    min: int | None = None
    """Lowest value for which the condition holds."""
    max: int | None = None
    """Highest value for which the condition holds."""

    @model_validator(mode="after")
    def _has_bound(self):
        if self.min is None and self.max is None:
            raise ValueError("give min, max or both")
        return self


class FlagSet(Model):
    """True when a flag is set (or, with ``is = false``, when it is not)."""

    kind: Literal["flag"]
    flag: Ident
    """The flag's id, declared in scenario.toml."""
    is_: bool = Field(True, alias="is")
    """Whether the flag must be set (true) or unset (false)."""


class Chose(Model):
    """True when the given decision point was answered with one of the given options."""

    kind: Literal["chose"]
    decision: Ident
    """The decision point's id."""
    options: tuple[Ident, ...] = Field(min_length=1)
    """Any of these option ids satisfies the condition."""


class Knows(Model):
    """True when a side knows a fact (knowledge is a flag one side has learned)."""

    kind: Literal["knows"]
    side: Side
    fact: Ident
    """The fact's id, declared as a flag in scenario.toml."""


class PlayerIs(Model):
    """True when the player's role owns the given side (for text that differs by viewpoint)."""

    kind: Literal["player"]
    side: Side


class AllOf(Model):
    """True when every inner condition holds."""

    kind: Literal["all"]
    of: tuple[Condition, ...] = Field(min_length=1)


class AnyOf(Model):
    """True when at least one inner condition holds."""

    kind: Literal["any"]
    of: tuple[Condition, ...] = Field(min_length=1)


class Not(Model):
    """True when the inner condition does not hold."""

    kind: Literal["not"]
    of: Condition


Condition = Annotated[
    TrackWithin | FlagSet | Chose | Knows | PlayerIs | AllOf | AnyOf | Not,
    Field(discriminator="kind"),
]
"""A test on the game state, chosen by its ``kind``."""
# AllOf, AnyOf and Not refer to Condition before it exists: pydantic resolves it when their
# validators are first built (the models defer building; see base.py).


class ChangeTrack(Model):
    """Move a track by ``by`` (or put it at ``to``), clamped to its range, for a stated reason."""

    kind: Literal["track"]
    track: Ident
    by: int | None = None
    """How much to add (negative to subtract)."""
    to: int | None = None
    """The value to set, instead of ``by``."""
    reason: Text
    """Why it changes, in a few words the player reads in the tension log."""
    when: Condition | None = None
    """The change is made only when this holds, judged (like the option's result or the
    incident's text) on the state just before the effects it belongs to: so one track may
    carry two changes with different reasons (or amounts) for different paths."""
    assumes: Condition | None = None
    """What ``reason`` takes for granted; ``brink check`` proves that the reason is never
    shown where this is false."""

    @model_validator(mode="after")
    def _one_of(self):
        if (self.by is None) == (self.to is None):
            raise ValueError("give exactly one of 'by' or 'to'")
        return self


class SetFlag(Model):
    """Set or clear a flag: a fact that has become true (quarantine declared, letter 1 received)."""

    kind: Literal["flag"]
    flag: Ident
    value: bool = True
    """True to set the flag, false to clear it."""


class Learn(Model):
    """A side learns a fact; text for that side can then depend on it."""

    kind: Literal["learn"]
    side: Side
    fact: Ident


class End(Model):
    """End the game at once with the given ending, whatever else holds."""

    kind: Literal["end"]
    ending: Ident


Effect = Annotated[ChangeTrack | SetFlag | Learn | End, Field(discriminator="kind")]
"""A change to the game state, chosen by its ``kind``."""
