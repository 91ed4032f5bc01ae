"""The debrief as CSV for spreadsheets (the standard ``csv`` module): one row per game, or with
``per_decision`` one row per choice.

Every field is quoted where CSV needs it (commas, quotes, line breaks), so a name reads back
exactly. A name or class code that a spreadsheet would take for a formula (starting with
``=``, ``+``, ``-``, ``@``) gets a leading apostrophe, as spreadsheets themselves do; the other
names are written as they are.

``as_history`` follows the rule of the divergence (``text.DIVERGENCE_RULE``): ``no`` for a
decision history never faced, whose ``history_label`` says so.
"""

from __future__ import annotations

import csv
import io

from .figures import Debrief
from .students import Student

GAME_COLUMNS = (
    "student",
    "name",
    "class",
    "role",
    "opponent",
    "events",
    "finished",
    "ending",
    "ending_title",
    "reached",
    "choices",
    "as_history",
    "divergence_pct",
    "peak_danger",
    "peak_defcon",
    "danger_over_time",
    "file",
)
CHOICE_COLUMNS = (
    "student",
    "name",
    "class",
    "role",
    "step",
    "date",
    "decision",
    "decision_title",
    "option",
    "option_label",
    "history_option",
    "history_label",
    "as_history",
)


def cell(text: str) -> str:
    """A text field a spreadsheet will show as text, never run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _who(s: Student, show_names: bool) -> tuple[str, str]:
    return str(s.number), cell(s.name) if show_names else ""


def games(d: Debrief, show_names: bool = True) -> str:
    """One row per game."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(GAME_COLUMNS)
    for s in d.students:
        w.writerow(
            (
                *_who(s, show_names),
                cell(s.class_code),
                s.role,
                s.opponent,
                s.events,
                "yes" if s.finished else "no",
                s.ending_id or "",
                s.ending_title or "",
                s.reached,
                len(s.choices),
                s.matched,
                s.divergence,
                s.peak_danger,
                s.peak_defcon,
                " ".join(map(str, s.danger)),
                cell(s.file) if show_names else "",
            )
        )
    return buf.getvalue()


def choices(d: Debrief, show_names: bool = True) -> str:
    """One row per choice a student made."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CHOICE_COLUMNS)
    for s in d.students:
        who = _who(s, show_names)
        for i, c in enumerate(s.choices, 1):
            w.writerow(
                (
                    *who,
                    cell(s.class_code),
                    s.role,
                    i,
                    c.date,
                    c.decision_id,
                    c.decision,
                    c.option_id,
                    c.chosen,
                    c.historical_id or "",
                    c.historical or "(history never faced this decision)",
                    "yes" if c.matched else "no",
                )
            )
    return buf.getvalue()
