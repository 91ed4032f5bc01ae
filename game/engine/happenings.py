"""What the engine tells of a step: the :class:`Happening` a front end renders, and the words
for a move the player cannot see (the other side's secret, an unseen incident)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.scenario import Decision, Event, Option, Scenario
from ..model.state import Change
from .rules import Draft
from .texts import phase_title

SECRET_TITLE = "Out of your sight"
SECRET_TEXT = "Something has happened that you cannot see."
SECRET_REASON = "something you cannot see"


@dataclass(frozen=True, slots=True)
class Happening:
    """Something that happened during one engine call, with what it changed and why."""

    kind: str
    """``decision`` (the player's), ``answer`` (the other side's), ``event`` or ``ending``."""
    title: str
    text: str
    changes: tuple[Change, ...] = ()
    side: str | None = None
    decision: Decision | None = None
    option: Option | None = None
    event: Event | None = None
    matched: bool | None = None
    phase: int = 0
    """Position in the calendar of the phase it happened in, so a front end can show the date."""
    phase_title: str = ""
    """That phase's title as it read when this happened (a variant after a strike, say)."""


def phase_title_now(scenario: Scenario, d: Draft) -> str:
    """The title of the draft's phase as it reads on the draft."""
    return phase_title(scenario.meta.phases[d.phase], d)


def unseen(scenario: Scenario, d: Draft, changes: tuple[Change, ...], side: str | None) -> None:
    """Tell the player that tracks it can see moved for a reason it cannot see, if any did."""
    shown = tuple(c for c in changes if d.side in scenario.track(c.track).visible_to)
    if shown:
        d.happenings.append(
            Happening(
                "answer",
                SECRET_TITLE,
                SECRET_TEXT,
                shown,
                side,
                phase=d.phase,
                phase_title=phase_title_now(scenario, d),
            )
        )
