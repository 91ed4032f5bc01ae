"""The debrief's figures, computed from the games as frozen data: the overview, the decisions
one by one, and (from ``questions`` and ``students``) the questions, the myths and the
transcripts, gathered in one :class:`Debrief`.

How endings are counted (from the tags and flags of ``endings.toml``): "nuclear war" is an
ending tagged ``nuclear_war``; "invasion" one tagged ``invasion`` (an invasion that goes nuclear
counts in both); "fighting" one tagged ``war``; "the historical settlement" is the ending marked
``historical = true``. Unfinished games have no ending and count in none of these; their peaks
and divergence so far count in the rest.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..engine.compare import historical_ending
from ..engine.view import AdviserView, adviser_views
from ..model.scenario import Scenario
from .gather import Gathered, Skipped, class_key
from .questions import Asked, MythFacts, asked, myths
from .students import Student, students


@dataclass(frozen=True, slots=True)
class RoleCount:
    role: str
    title: str
    finished: int
    unfinished: int


@dataclass(frozen=True, slots=True)
class EndingCount:
    id: str
    title: str
    count: int
    tags: tuple[str, ...]
    historical: bool


@dataclass(frozen=True, slots=True)
class Overview:
    """The class at a glance."""

    games: int
    roles: tuple[RoleCount, ...]
    finished: int
    unfinished: int
    endings: tuple[EndingCount, ...]
    """The endings reached, most frequent first, and the historical one even if no game
    reached it (with 0), so that the class sees where history ended."""
    nuclear_war: int
    invasion: int
    fighting: int
    historical: int
    historical_title: str
    peak_danger: tuple[tuple[int, int], ...]
    """(peak danger, how many games), lowest first."""
    peak_defcon: tuple[tuple[int, int], ...]
    """(most alert DEFCON reached, how many games), most alert (lowest) first."""
    worst_danger: int
    worst_defcon: int
    danger_max: int
    """The top of the danger scale (at which the game ends in war)."""
    mean_divergence: float


@dataclass(frozen=True, slots=True)
class Campaign:
    """The overview of one campaign's games."""

    role: str
    title: str
    overview: Overview


@dataclass(frozen=True, slots=True)
class OptionCount:
    id: str
    label: str
    count: int
    historical: bool


@dataclass(frozen=True, slots=True)
class DecisionFigures:
    """One decision point that at least one student faced."""

    id: str
    title: str
    date: str
    role_title: str
    """The campaign whose players make this decision."""
    options: tuple[OptionCount, ...]
    """Every option of the decision, with how many students chose it."""
    chose: int
    waiting: int
    """Students whose unfinished game stopped at this decision."""
    history: str | None
    """The label of history's option, or None where history never faced it."""
    history_note: str
    history_by: str | None
    history_date: str | None
    none_because: str | None
    advisers: tuple[AdviserView, ...]
    questions: tuple[Asked, ...]


@dataclass(frozen=True, slots=True)
class Debrief:
    """Everything the screen and the reports show."""

    scenario_title: str
    folder: Path
    class_code: str | None
    """The class kept (None: every class)."""
    classes: tuple[str, ...]
    """Every class code in the folder."""
    other_classes: int
    """Readable games left out because they belong to another class."""
    overview: Overview
    decisions: tuple[DecisionFigures, ...]
    questions: tuple[Asked, ...]
    myths: tuple[MythFacts, ...]
    students: tuple[Student, ...]
    skipped: tuple[Skipped, ...]
    role: str | None = None
    """The campaign kept (None: both)."""
    campaigns: tuple[Campaign, ...] = ()
    """The overview of each campaign played, in the scenario's order."""


def build(
    scenario: Scenario,
    gathered: Gathered,
    class_code: str | None = None,
    role: str | None = None,
) -> Debrief:
    """The debrief of the gathered games (of one class, if ``class_code`` is given; of one
    campaign, if ``role`` is)."""
    games = gathered.of_class(class_code)
    if role is not None:
        games = tuple(g for g in games if g.state.role == role)
    studs = students(scenario, games)
    qs = asked(scenario, studs)
    waiting = Counter(g.state.pending for g in games if g.state.ending is None)
    code = None
    if class_code is not None:
        code = next((c for c in gathered.classes if class_key(c) == class_key(class_code)), None)
    return Debrief(
        scenario_title=scenario.meta.title,
        folder=gathered.folder,
        class_code=code if code is not None else class_code,
        classes=gathered.classes,
        other_classes=len(gathered.games) - len(gathered.of_class(class_code)),
        overview=overview(scenario, studs),
        decisions=decisions(scenario, studs, qs, waiting),
        questions=qs,
        myths=myths(scenario, studs),
        students=studs,
        skipped=gathered.skipped,
        role=role,
        campaigns=tuple(
            Campaign(r.id, r.title, overview(scenario, mine))
            for r in scenario.meta.roles
            if (mine := tuple(s for s in studs if s.role == r.id))
        ),
    )


def overview(scenario: Scenario, studs: tuple[Student, ...]) -> Overview:
    """Games by role, finished or not; endings; war, invasion, history; peaks; divergence."""
    roles = []
    for r in scenario.meta.roles:
        mine = [s for s in studs if s.role == r.id]
        if mine:
            done = sum(s.finished for s in mine)
            roles.append(RoleCount(r.id, r.title, done, len(mine) - done))
    reached = Counter(s.ending_id for s in studs if s.finished)
    hist = historical_ending(scenario)
    shown = {**reached, hist.id: reached.get(hist.id, 0)}  # history's, even if nobody got it
    prio = {e.id: e.priority for e in scenario.endings}
    endings = tuple(
        EndingCount(e, (x := scenario.ending(e)).title, n, x.tags, x.historical)
        for e, n in sorted(shown.items(), key=lambda kv: (-kv[1], prio[kv[0]]))
    )

    def tagged(tag: str) -> int:
        return sum(e.count for e in endings if tag in e.tags)

    danger = Counter(s.peak_danger for s in studs)
    defcon = Counter(s.peak_defcon for s in studs)
    finished = sum(s.finished for s in studs)
    return Overview(
        games=len(studs),
        roles=tuple(roles),
        finished=finished,
        unfinished=len(studs) - finished,
        endings=endings,
        nuclear_war=tagged("nuclear_war"),
        invasion=tagged("invasion"),
        fighting=tagged("war"),
        historical=reached.get(hist.id, 0),
        historical_title=hist.title,
        peak_danger=tuple(sorted(danger.items())),
        peak_defcon=tuple(sorted(defcon.items())),
        worst_danger=max(danger, default=0),
        worst_defcon=min(defcon, default=0),
        danger_max=scenario.track(scenario.meta.danger_track).max,
        mean_divergence=sum(s.divergence for s in studs) / len(studs) if studs else 0.0,
    )


def decisions(
    scenario: Scenario,
    studs: tuple[Student, ...],
    qs: tuple[Asked, ...],
    waiting: Counter,
) -> tuple[DecisionFigures, ...]:
    """Each decision some student made or stopped at, in the order of the calendar."""
    counts: Counter = Counter()
    made: Counter = Counter()
    for s in studs:
        for c in s.choices:
            counts[(c.decision_id, c.option_id)] += 1
            made[c.decision_id] += 1
    titles = {r.side: r.title for r in scenario.meta.roles}
    out = []
    for phase in scenario.index.phase_decisions:
        for d in phase:
            if not made[d.id] and not waiting[d.id]:
                continue
            labels = {o.id: o.label for o in d.options}
            want = d.history.option
            out.append(
                DecisionFigures(
                    id=d.id,
                    title=d.title,
                    date=scenario.meta.phases[scenario.phase_position(d.phase)].label,
                    role_title=titles.get(d.side, d.side),
                    options=tuple(
                        OptionCount(o.id, o.label, counts[(d.id, o.id)], o.id == want)
                        for o in d.options
                    ),
                    chose=made[d.id],
                    waiting=waiting[d.id],
                    history=labels[want] if want else None,
                    history_note=d.history.note,
                    history_by=d.history.by,
                    history_date=d.history.date,
                    none_because=d.history.none_because,
                    advisers=adviser_views(scenario, d),
                    questions=tuple(q for q in qs if q.decision_id == d.id),
                )
            )
    return tuple(out)
