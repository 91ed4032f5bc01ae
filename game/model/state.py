"""The state of one game: everything the engine needs to go on, and nothing it can derive."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from pydantic import ConfigDict

from .base import ROLE_SIDE, Ident, Model, Role, Side

Policy = Literal["historical", "hawk", "dove", "random"]
"""How the side nobody plays decides."""

EventMode = Literal["historical", "chaos"]
"""``historical``: incidents happen as they did when the state allows; ``chaos``: they roll."""


# Change, Step and Point are made on every step of every game, so they are plain dataclasses
# (a model costs about four times as much to make); pydantic still validates them when a
# GameState is read back, with unknown keys refused. They are not frozen, as a frozen
# dataclass sets each field through ``object.__setattr__``, which made them six times dearer
# to make and a fifth of a simulated game; nothing changes one once it is made (a state only
# ever gets new ones), and they compare and hash by value as frozen ones do.
_RECORD = ConfigDict(extra="forbid", use_attribute_docstrings=True)


@dataclass(slots=True, unsafe_hash=True)
class Change:
    """One change of one track, with the reason the player reads."""

    __pydantic_config__ = _RECORD

    turn: int
    track: Ident
    before: int
    after: int
    reason: str


@dataclass(slots=True, unsafe_hash=True)
class Step:
    """A decision taken, by the player or by the other side's policy."""

    __pydantic_config__ = _RECORD

    turn: int
    phase: Ident
    decision: Ident
    option: Ident
    side: Side
    by_player: bool
    matched: bool | None
    """Whether it is the choice history made; None where history never faced this decision."""
    label: str = ""
    """The option's label as it was shown (a variant's, where one held): what the timeline
    and the debrief name the choice by. Empty in steps recorded before labels were kept."""


@dataclass(slots=True, unsafe_hash=True)
class Point:
    """The danger and alert levels after a turn, for the chart and the peaks."""

    __pydantic_config__ = _RECORD

    turn: int
    phase: Ident
    danger: int
    defcon: int
    """The lowest (most alert) of the DEFCON tracks."""


class GameState(Model):
    """A game in progress or finished. Built only by the engine."""

    scenario_id: Ident
    role: Role
    opponent: Policy
    events: EventMode
    seed: int
    turn: int = 0
    phase: int = 0
    """Position of the current phase in the calendar."""
    tracks: dict[str, int]
    flags: frozenset[str] = frozenset()
    known: frozenset[str] = frozenset()
    """Facts each side has learned, written ``side:fact``."""
    done: frozenset[str] = frozenset()
    """Decision points and events already settled."""
    steps: tuple[Step, ...] = ()
    log: tuple[Change, ...] = ()
    trail: tuple[Point, ...] = ()
    pending: Ident | None = None
    """The decision point waiting for the player, if any."""
    offer: tuple[Ident, ...] = ()
    """The options of the pending decision whose conditions held when it was reached (worked
    out once, there: the view shows them and a choice is checked against them)."""
    ending: Ident | None = None

    @property
    def side(self) -> str:
        """The side the player's role owns."""
        return ROLE_SIDE[self.role]

    @cached_property
    def chosen(self) -> dict[str, str]:
        """The option taken at each decision so far (derived from ``steps``)."""
        return {s.decision: s.option for s in self.steps}
