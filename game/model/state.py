"""The state of one game: everything the engine needs to go on, and nothing it can derive."""

from __future__ import annotations

from typing import Literal

from .base import Ident, Model, Role, Side

Policy = Literal["historical", "hawk", "dove", "random"]
"""How the side nobody plays decides."""

EventMode = Literal["historical", "chaos"]
"""``historical``: incidents happen as they did when the state allows; ``chaos``: they roll."""


class Change(Model):
    """One change of one track, with the reason the player reads."""

    turn: int
    track: Ident
    before: int
    after: int
    reason: str


class Step(Model):
    """A decision taken, by the player or by the other side's policy."""

    turn: int
    phase: Ident
    decision: Ident
    option: Ident
    side: Side
    by_player: bool
    matched: bool | None
    """Whether it is the choice history made; None where history never faced this decision."""


class Point(Model):
    """The danger and alert levels after a turn, for the chart and the peaks."""

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
    ending: Ident | None = None
