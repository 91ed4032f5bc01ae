"""The roster for grading: one row per game (student, class, campaign, ending, divergence,
decisions made, time spent), several attempts of one student side by side.

Attempts are one student's when they carry the same name and class code (ignoring case and
spaces around them); a game saved without a name is a student of its own. The groups come in
the order of each student's first game, so the rows follow the students' numbers. With names
hidden the rows say "Student 3" only; the grouping still shows which games are one student's.
The reports only render these rows.
"""

from __future__ import annotations

from .figures import Debrief
from .students import Student, label
from .text import ending_line

COLUMNS = (
    "Student",
    "Class",
    "Campaign",
    "Ending",
    "Divergence",
    "Decisions made",
    "Time spent",
)


def spent(minutes: int | None) -> str:
    """ "1 h 05 min", "38 min", or "—" when the game holds no choice."""
    if minutes is None:
        return "—"
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"


def groups(d: Debrief) -> list[list[Student]]:
    """The students' games, one list per student (see the module)."""
    by_key: dict[tuple[str, str] | int, list[Student]] = {}
    for s in d.students:
        name = " ".join(s.name.split()).casefold()
        key = (name, s.class_code.strip().casefold()) if name else s.number
        by_key.setdefault(key, []).append(s)
    return list(by_key.values())


def rows(d: Debrief, show_names: bool) -> list[tuple[str, ...]]:
    """The roster's rows, as text (see :data:`COLUMNS`); a student's second attempt onwards
    says "attempt 2 of 3" beside the student."""
    out = []
    for games in groups(d):
        for i, s in enumerate(games, 1):
            who = label(s, show_names)
            if len(games) > 1:
                who += f", attempt {i} of {len(games)}"
            out.append(
                (
                    who,
                    s.class_code or "—",
                    s.role_title,
                    ending_line(s),
                    f"{s.divergence}%",
                    str(len(s.choices)),
                    spent(s.minutes),
                )
            )
    return out
