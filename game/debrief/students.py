"""One transcript per student: each choice beside history's, the danger over time, the ending
and who gained.

Students are numbered 1, 2, ... in the order their games were started (then by save id), so a
number stays with the same game however often the debrief is run on the same folder. The name
is kept beside the number; the reports decide whether to show it (see :func:`label`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..engine.compare import GainRow, campaign_turns, divergence, gains
from ..engine.texts import variant_of
from ..engine.view import where
from ..model.scenario import Scenario
from ..model.state import GameState
from ..terminal import shown
from .gather import Played


@dataclass(frozen=True, slots=True)
class ChoiceLine:
    """One of the student's choices beside history's."""

    date: str
    """The phase's label, e.g. "Saturday 27 October 1962, morning"."""
    decision_id: str
    decision: str
    option_id: str
    chosen: str
    historical_id: str | None
    historical: str | None
    """History's option, or None where history never faced this decision."""
    matched: bool | None


@dataclass(frozen=True, slots=True)
class Student:
    """One student's game, as the debrief shows it."""

    number: int
    name: str
    """As saved; may be empty. Never used to build a path."""
    class_code: str
    save_id: str
    file: str
    role: str
    role_title: str
    opponent: str
    events: str
    ending_id: str | None
    ending_title: str | None
    """None while the game is unfinished."""
    reached: str
    """Where the game stands, e.g. "Saturday 27 October 1962, morning — day 12 of 13"."""
    choices: tuple[ChoiceLine, ...]
    danger: tuple[int, ...]
    """The highest danger of each turn the student played (``engine.compare.campaign_turns``)."""
    defcon: tuple[int, ...]
    """The most alert DEFCON level of each of those turns."""
    peak_danger: int
    peak_defcon: int
    divergence: int
    """Per cent of the student's decisions off history's path."""
    gains: tuple[GainRow, ...]
    """Who gained in this ending beside the historical one (empty while unfinished)."""
    minutes: int | None = None
    """Time spent: from the game's start to its last choice (None without a choice)."""

    @property
    def finished(self) -> bool:
        return self.ending_id is not None

    @property
    def matched(self) -> int:
        """How many of the student's choices were history's."""
        return sum(1 for c in self.choices if c.matched is True)


def label(student: Student, show_names: bool) -> str:
    """The name to show: "Student 3", or with names shown "Student 3 (Ann K.)"; a game saved
    without a name is always "Student 3"."""
    if show_names and student.name:
        return f"Student {student.number} ({student.name})"
    return f"Student {student.number}"


def students(scenario: Scenario, games: tuple[Played, ...]) -> tuple[Student, ...]:
    """The transcripts, numbered in the order of ``games``."""
    cache: dict[tuple, tuple[GainRow, ...]] = {}
    return tuple(_student(scenario, i, g, cache) for i, g in enumerate(games, start=1))


def _student(scenario: Scenario, number: int, g: Played, cache: dict) -> Student:
    st, sv = g.state, g.save
    ending = scenario.ending(st.ending) if st.ending else None
    # the rows depend on the ending and on which variant each of its rows takes
    key = (st.ending, *(variant_of(x, st) for x in ending.gains)) if ending else (None,)
    if key not in cache:
        cache[key] = gains(scenario, st) if ending else ()
    turns = campaign_turns(scenario, st)
    return Student(
        number=number,
        name=sv.player,
        class_code=sv.class_code,
        save_id=sv.id,
        file=shown(g.file or g.path.name),
        minutes=_minutes(sv),
        role=st.role,
        role_title=scenario.role(st.role).title,
        opponent=st.opponent,
        events=st.events,
        ending_id=st.ending,
        ending_title=ending.title if ending else None,
        reached=where(scenario, st),
        choices=_choices(scenario, st),
        danger=tuple(p.danger for p in turns),
        defcon=tuple(p.defcon for p in turns),
        peak_danger=max(p.danger for p in turns),
        peak_defcon=min(p.defcon for p in turns),
        divergence=divergence(st),
        gains=cache[key],
    )


def _choices(scenario: Scenario, st: GameState) -> tuple[ChoiceLine, ...]:
    phases = scenario.meta.phases
    pos = scenario.index.phase_pos
    out = []
    for s in st.steps:
        if not s.by_player:
            continue
        d = scenario.decision(s.decision)
        want = d.history.option
        out.append(
            ChoiceLine(
                date=phases[pos[s.phase]].label,
                decision_id=d.id,
                decision=d.title,
                option_id=s.option,
                chosen=s.label or scenario.option(d.id, s.option).label,
                historical_id=want,
                historical=scenario.option(d.id, want).label if want else None,
                matched=s.matched,
            )
        )
    return tuple(out)


def _minutes(save) -> int | None:
    """Minutes from the game's start to its last choice, from the save's times."""
    if not save.choices:
        return None
    try:
        start = datetime.fromisoformat(save.created)
        end = datetime.fromisoformat(save.choices[-1].at)
    except ValueError:
        return None
    return max(0, round((end - start).total_seconds() / 60))
