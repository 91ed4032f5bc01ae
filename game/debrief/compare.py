"""Two or more classes side by side, one column per class, for ``brink debrief DIR --class 10B
--class 10C``: the overview's figures, the same figures campaign by campaign, and each
decision's choices.

Each figure is of its own class's games: endings are shares of that class's finished games, and
a decision's options are shares of the students of that class who made the decision (those who
faced it), never of the whole class. A class that never reached a decision says so rather than
"0 of 0". Nothing here holds a student's name: the files left out are worded by
:func:`.text.left_out`, without their names when names are hidden. Rows are worded by
:func:`.text.overview_rows`, as the report's "By campaign" is.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.scenario import Scenario
from .blocks import Block, Page
from .figures import Debrief, DecisionFigures
from .text import left_out, overview_rows, plural, scope, share

NOT_REACHED = "not reached"
"""A decision cell of a class none of whose students reached the decision."""
COMPARE_DECISIONS = (
    "Each cell: the students of that class who made the decision and chose the option, out of "
    "those of that class who made it."
)
NO_GAME = "no game"
"""A campaign cell of a class that played no game of that campaign."""


@dataclass(frozen=True, slots=True)
class DecisionSide:
    """One decision, one row per option, one cell per class ("3 of 12 (25%)")."""

    date: str
    title: str
    role_title: str
    made: tuple[str, ...]
    """How many of each class's students made the decision ("12 students", "not reached")."""
    rows: tuple[tuple[str, bool, tuple[str, ...]], ...]
    """(option, history chose it, one cell per class)."""


@dataclass(frozen=True, slots=True)
class CampaignSide:
    """One campaign's overview, one column per class."""

    title: str
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything a side-by-side report shows, as text."""

    title: str
    subtitle: str
    classes: tuple[str, ...]
    """Each class's heading, e.g. "class 10B"."""
    overview: tuple[tuple[str, tuple[str, ...]], ...]
    campaigns: tuple[CampaignSide, ...]
    decisions: tuple[DecisionSide, ...]
    skipped: tuple[str, ...]
    """The files of the folder left out, worded as the debrief words them."""


def compare(scenario: Scenario, ds: list[Debrief], show_names: bool = True) -> Comparison:
    """The classes' debriefs side by side (each built with its own ``class_code``, all from
    one folder, with the same ``role``)."""
    heads = tuple(scope(d.class_code) for d in ds)
    return Comparison(
        title=_title(ds),
        subtitle=_subtitle(ds, show_names),
        classes=heads,
        overview=_rows(overview_rows([d.overview for d in ds])),
        campaigns=_campaigns(scenario, ds),
        decisions=_decisions(scenario, ds),
        skipped=tuple(left_out(s, show_names) for s in ds[0].skipped),
    )


def _title(ds: list[Debrief]) -> str:
    classes = ", ".join(scope(d.class_code) for d in ds)
    role = f", {ds[0].campaigns[0].title}" if ds[0].role is not None and ds[0].campaigns else ""
    return f"Teacher debrief — {ds[0].scenario_title}: {classes} side by side{role}"


def _subtitle(ds: list[Debrief], show_names: bool) -> str:
    d = ds[0]
    games = sum(x.overview.games for x in ds)
    parts = [f"{plural(games, 'game')} from the folder {d.folder.name or d.folder}"]
    others = d.other_classes - sum(x.overview.games for x in ds[1:])
    if others > 0:
        parts.append(f"{plural(others, 'game')} of other classes not counted")
    if d.skipped:
        parts.append(f"{plural(len(d.skipped), 'file')} left out (listed at the end)")
    parts.append("names shown" if show_names else "names hidden")
    return "; ".join(parts) + "."


def _rows(rows: list[tuple[str, list[str]]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((k, tuple(v)) for k, v in rows)


def _campaigns(scenario: Scenario, ds: list[Debrief]) -> tuple[CampaignSide, ...]:
    """Each campaign some class played, its figures per class ("no game" where a class
    played none of it); none when every class played one and the same campaign only."""
    played = [
        r for r in scenario.meta.roles if any(c.role == r.id for d in ds for c in d.campaigns)
    ]
    if len(played) < 2:
        return ()
    out = []
    for r in played:
        mine = [next((c.overview for c in d.campaigns if c.role == r.id), None) for d in ds]
        rows = overview_rows([o for o in mine if o is not None])
        cells = []
        for what, values in rows:
            it = iter(values)
            cells.append((what, tuple(next(it) if o is not None else NO_GAME for o in mine)))
        out.append(CampaignSide(r.title, tuple(cells)))
    return tuple(out)


def _decisions(scenario: Scenario, ds: list[Debrief]) -> tuple[DecisionSide, ...]:
    """Every decision a student of some class reached, in the order of the calendar."""
    by_id = [{x.id: x for x in d.decisions} for d in ds]
    sides = []
    for phase in scenario.index.phase_decisions:
        for decision in phase:
            seen = [m.get(decision.id) for m in by_id]
            first = next((x for x in seen if x is not None), None)
            if first is None:
                continue
            rows = []
            for opt in first.options:
                cells = []
                for x in seen:
                    count = next((o.count for o in x.options if o.id == opt.id), 0) if x else 0
                    cells.append(share(count, x.chose) if x and x.chose else _none(x))
                rows.append((opt.label, opt.historical, tuple(cells)))
            made = tuple(_made(x) for x in seen)
            sides.append(DecisionSide(first.date, first.title, first.role_title, made, tuple(rows)))
    return tuple(sides)


def _none(x: DecisionFigures | None) -> str:
    """A cell where no student of the class made the decision."""
    return NOT_REACHED if x is None else "none chose yet"


def _made(x: DecisionFigures | None) -> str:
    """Who in a class faced the decision: those who made it (the shares' denominator), and
    the unfinished games that stopped there."""
    if x is None:
        return NOT_REACHED
    stopped = f"; {x.waiting} stopped here" if x.waiting else ""
    return f"{plural(x.chose, 'student')} chose{stopped}"


def page(c: Comparison) -> Page:
    """The classes side by side as one projector page (after the highlights): the overview's
    figures and each campaign's, a line per class under each figure. The decisions side by
    side are in the reports."""
    b = [Block("muted", f"{' · '.join(c.classes)}: each class's own games.")]

    def rows(rs) -> None:
        for what, values in rs:
            b.append(
                Block(
                    "para",
                    f"{what}: "
                    + " · ".join(f"{k} {v}" for k, v in zip(c.classes, values, strict=True)),
                )
            )

    rows(c.overview)
    for side in c.campaigns:
        b.append(Block("heading", side.title))
        rows(side.rows)
    b.append(
        Block(
            "muted",
            "Each decision side by side: brink debrief --format html with the same --class list.",
        )
    )
    return Page(0, "Classes side by side", tuple(b))
