"""The questions for the class, chosen from what the class did, and the myths to correct.

Which questions of the scenario's bank (``debrief.toml``) are asked, in this order:

1. a question tied to options (``options = [...]``) when at least one student chose one of them
   at its decision; the most chosen first;
2. a question tied to a decision without options when at least one student made that decision,
   in the order of the calendar;
3. the general questions (no decision, no options), always, in the order of the file.

The myths come in the same spirit: those that bear on a decision some student made come first.

Each comes with what historians say (for the teacher) and its sources.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..engine.sources import cite
from ..model.scenario import Question, Scenario
from .students import Student


@dataclass(frozen=True, slots=True)
class Asked:
    """A question the debrief puts to the class, and why this one."""

    id: str
    text: str
    answer: str
    """What historians say, for the teacher."""
    sources: tuple[str, ...]
    """"KEY (title)" for each source."""
    decision_id: str | None
    decision: str | None
    """The title of the decision it is about, if any."""
    count: int
    """Students who chose one of its options (or, without options, made the decision)."""
    why: str
    """E.g. "4 of the 14 students who faced this decision chose Surgical air strike or Strike
    and invade": of those who made the decision, not of the whole class."""


@dataclass(frozen=True, slots=True)
class MythFacts:
    """A common misconception, the facts, and the sources."""

    id: str
    claim: str
    fact: str
    sources: tuple[str, ...]
    count: int = 0
    """Students who made a decision it bears on; those above 0 come first."""


def source_names(scenario: Scenario, keys) -> tuple[str, ...]:
    """Each source by author and title: ``Michael Dobbs, One Minute to Midnight, 2008``."""
    return tuple(cite(s) if (s := scenario.source(k)) else k for k in keys)


def asked(scenario: Scenario, students: tuple[Student, ...]) -> tuple[Asked, ...]:
    """The questions for this class, in the order above."""
    picked = [frozenset((c.decision_id, c.option_id) for c in st.choices) for st in students]
    faced = [frozenset(c.decision_id for c in st.choices) for st in students]
    made: dict[str, int] = {}
    for st in students:
        for c in st.choices:
            made[c.decision_id] = made.get(c.decision_id, 0) + 1
    by_options, by_decision, general = [], [], []
    order = {d.id: i for i, d in enumerate(_calendar(scenario))}
    for q in scenario.questions:
        if q.options:
            wanted = _wanted(scenario, q)
            n = sum(1 for keys in picked if not keys.isdisjoint(wanted))
            if n:
                at = {d for d, _ in wanted}
                total = sum(1 for ds in faced if not ds.isdisjoint(at))
                labels = " or ".join(_option_labels(scenario, q))
                why = f"{n} of the {_students(total)} who faced this decision chose {labels}"
                by_options.append(_asked(scenario, q, n, why))
        elif q.decision is not None:
            n = made.get(q.decision, 0)
            if n:
                why = f"{_students(n)} faced this decision"
                by_decision.append(_asked(scenario, q, n, why))
        else:
            general.append(_asked(scenario, q, 0, "for every class"))
    by_options.sort(key=lambda a: -a.count)  # stable: ties keep the file's order
    by_decision.sort(key=lambda a: order.get(a.decision_id, len(order)))
    return (*by_options, *by_decision, *general)


def myths(scenario: Scenario, students: tuple[Student, ...] = ()) -> tuple[MythFacts, ...]:
    """The scenario's myths: first those that bear on a decision some student made, the most
    students first, then the rest; ties keep the order of the file."""
    made: dict[str, set[int]] = {}
    for n, st in enumerate(students):
        for c in st.choices:
            made.setdefault(c.decision_id, set()).add(n)
    ms = scenario.myths
    counts = [len(set().union(*(made.get(d, set()) for d in m.decisions))) for m in ms]
    order = sorted(range(len(ms)), key=lambda i: -counts[i])  # stable: ties keep the file's order
    return tuple(
        MythFacts(
            ms[i].id, ms[i].claim, ms[i].fact, source_names(scenario, ms[i].sources), counts[i]
        )
        for i in order
    )


def _students(n: int) -> str:
    return f"{n} student{'s' if n != 1 else ''}"


def _wanted(scenario: Scenario, q: Question) -> frozenset[tuple[str, str]]:
    """The (decision, option) pairs a question is about; without a decision, the options of
    that id at any decision."""
    if q.decision is not None:
        return frozenset((q.decision, o) for o in q.options)
    return frozenset(key for key in scenario.index.option if key[1] in q.options)


def _option_labels(scenario: Scenario, q: Question) -> list[str]:
    if q.decision is not None:
        return [
            scenario.option(q.decision, o).label if (q.decision, o) in scenario.index.option else o
            for o in q.options
        ]
    return list(q.options)


def _asked(scenario: Scenario, q: Question, n: int, why: str) -> Asked:
    d = scenario.index.decision.get(q.decision) if q.decision else None
    return Asked(
        id=q.id,
        text=q.text,
        answer=q.answer,
        sources=source_names(scenario, q.sources),
        decision_id=q.decision,
        decision=d.title if d else None,
        count=n,
        why=why,
    )


def _calendar(scenario: Scenario):
    """Every decision in the order of the calendar (then of the files)."""
    return [d for phase in scenario.index.phase_decisions for d in phase]
