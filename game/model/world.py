"""The world of a scenario, as scenario.toml declares it: sides, campaigns, tracks, flags,
the calendar and the dimensions of "who gained"."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import ROLE_SIDE, Ident, IsoDate, Model, Role, Side, Text
from .rules import Condition

# --- scenario.toml -------------------------------------------------------------------------


class SideInfo(Model):
    """One side of the conflict."""

    name: Text
    """Display name, e.g. "United States"."""
    leader: Ident
    """The person (people.toml) who leads this side."""
    seat: Text | None = None
    """Where the side's decisions are made, as the timeline names what it did: "Washington".
    The side's name when not given."""

    @property
    def called(self) -> str:
        return self.seat or self.name


class Words(Model):
    """The words a scenario's front ends use for the players of its story."""

    player: Text = "You"
    """Who made the player's choices, in the timeline beside history."""
    history: Text = "History"
    """Who made the choices of the player's side that the player did not make (before the
    campaign began)."""


class RoleInfo(Model):
    """A campaign the player can choose: the leader they advise and where it starts."""

    id: Role
    side: Side
    title: Text
    """Shown on the title screen, e.g. "Advise President Kennedy"."""
    blurb: Text
    """One or two sentences on what this campaign covers."""
    start_phase: Ident
    """The first phase this campaign plays; earlier phases are settled as history had them."""
    available: bool = True
    """False while the campaign's content is still being written (shown as coming)."""

    @model_validator(mode="after")
    def _plays_its_leaders_side(self):
        if self.side != ROLE_SIDE[self.id]:
            raise ValueError(f"the {self.id} campaign plays side {ROLE_SIDE[self.id]!r}")
        return self


class Level(Model):
    """A named value of a track (e.g. DEFCON 3 and what it means)."""

    value: int
    label: Text


class Floor(Model):
    """A lowest value a track keeps while a condition holds: danger does not read "calm"
    while troops are fighting."""

    when: Condition
    value: int
    reason: Text
    """Why the track is held there, shown with the change when it raises the track."""


class Track(Model):
    """An integer meter with a declared range, such as danger or DEFCON."""

    id: Ident
    label: Text
    short: Text | None = None
    """The label in the status line, where room is short ("SAC" for "Strategic Air Command:
    DEFCON"); by default the label."""
    description: Text
    min: int
    max: int
    start: int
    """The value at the first phase of the calendar."""
    worse: Literal["higher", "lower", "neither"] = "neither"
    """Which direction means more danger for the world, to colour and explain changes."""
    levels: tuple[Level, ...] = ()
    """Names for particular values, shown beside the number."""
    visible_to: tuple[Side, ...] = ("usa", "ussr")
    """The sides whose leader can see this track."""
    shown_from: IsoDate | None = None
    """The first date the track means something ("Kennedy at home" from his inauguration):
    before it, the track is not shown."""
    better_for: dict[Side, Literal["higher", "lower"]] = Field(default_factory=dict)
    """For a track that is no danger to the world either way but good for one side and bad
    for the other (world opinion), which way is better for each side's player: a change is
    then called better or worse in that player's words."""

    floors: tuple[Floor, ...] = ()
    """Lowest values the track keeps while their conditions hold: after any effect, a track
    below a floor whose condition holds is raised to it."""

    @model_validator(mode="after")
    def _in_range(self):
        if not self.min <= self.start <= self.max:
            raise ValueError(f"start {self.start} is outside {self.min}..{self.max}")
        for f in self.floors:
            if not self.min <= f.value <= self.max:
                raise ValueError(f"floor {f.value} is outside {self.min}..{self.max}")
        return self


class Flag(Model):
    """A fact that can become true during a game, or be learned by a side."""

    id: Ident
    description: Text
    start: bool = False
    """Whether the flag is set when the calendar begins."""


class Phase(Model):
    """A step of the calendar: a date, or part of a busy day."""

    id: Ident
    date: IsoDate
    label: Text
    """How the date is shown, e.g. "Saturday 27 October 1962, morning"."""
    title: Text
    """A short name for what this phase is about."""
    part: Literal["prologue", "crisis", "aftermath"]
    day: int | None = Field(None, ge=1)
    """Day of the crisis (1 for 16 October), if the phase is within it."""
    skip_when: Condition | None = None
    """When this holds as the phase is reached, it is passed over: no incidents, no decisions."""
    variants: tuple[PhaseVariant, ...] = Field(alias="variant", default=())
    """Other titles for some states: ``[[phase.variant]]`` (the first whose ``when`` holds)."""


class PhaseVariant(Model):
    """A phase's title for some states (no "The United Nations" during an invasion)."""

    when: Condition
    title: Text


class Dimension(Model):
    """A measure of who gained, used by every ending's table."""

    id: Ident
    label: Text


class Meta(Model):
    """The contents of scenario.toml."""

    id: Ident
    title: Text
    format_version: int = Field(ge=1)
    """The scenario format version this folder is written for."""
    description: Text
    crisis_days: int = Field(ge=1)
    """How many days the crisis lasts, for "day 12 of 13"."""
    sides: dict[Side, SideInfo]
    roles: tuple[RoleInfo, ...] = Field(alias="role", min_length=1)
    tracks: tuple[Track, ...] = Field(alias="track", min_length=1)
    flags: tuple[Flag, ...] = Field(alias="flag", default=())
    phases: tuple[Phase, ...] = Field(alias="phase", min_length=1)
    dimensions: tuple[Dimension, ...] = Field(alias="dimension", min_length=1)
    danger_track: Ident = "danger"
    """The track drawn in the danger chart and summarised as peak danger."""
    defcon_tracks: tuple[Ident, ...] = ("defcon",)
    """The tracks that count as DEFCON levels for peak DEFCON (lowest is highest alert)."""
    words: Words = Words()
    """The words for the players of the story: ``[words]``."""
