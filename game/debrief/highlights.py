"""The debrief's highlights: where the class split most, and the choices that led to war.

Both are counted over the students who made the decision (the splits) or who finished the
game (the war), so that a share never mixes those who faced a decision with those who did not.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .figures import Debrief, DecisionFigures

SPLITS = 3
"""How many of the most divided decisions the highlights show."""
WAR_CHOICES = 5
"""How many of the choices most often followed by war the highlights show."""


@dataclass(frozen=True, slots=True)
class WarChoice:
    """An option and how the games that chose it ended."""

    decision: str
    option: str
    chose: int
    """Finished games that made this choice."""
    war: int
    """Of them, the games that ended in fighting."""


def splits(d: Debrief, n: int = SPLITS) -> tuple[DecisionFigures, ...]:
    """The decisions the class split over most evenly: at least two students, at least two
    options chosen; the smallest share of the most chosen option first."""
    split = [x for x in d.decisions if x.chose >= 2 and sum(o.count > 0 for o in x.options) >= 2]
    split.sort(key=lambda x: (max(o.count for o in x.options) / x.chose, -x.chose))
    return tuple(split[:n])


def war_choices(d: Debrief, n: int = WAR_CHOICES) -> tuple[WarChoice, ...]:
    """The choices most often followed by an ending in fighting, among finished games: those
    followed by war more often than the class's games were; the most wars first."""
    war = {e.id for e in d.overview.endings if "war" in e.tags}
    done = [s for s in d.students if s.finished]
    wars = sum(s.ending_id in war for s in done)
    if not wars:
        return ()
    chose: Counter = Counter()
    fought: Counter = Counter()
    names: dict[tuple[str, str], tuple[str, str]] = {}
    for s in done:
        for c in s.choices:
            key = (c.decision_id, c.option_id)
            names[key] = (c.decision, c.chosen)
            chose[key] += 1
            fought[key] += s.ending_id in war
    rate = wars / len(done)
    out = [
        WarChoice(*names[k], chose[k], fought[k])
        for k in chose
        if fought[k] and fought[k] / chose[k] > rate
    ]
    out.sort(key=lambda w: (-w.war, -w.war / w.chose, w.decision, w.option))
    return tuple(out[:n])
