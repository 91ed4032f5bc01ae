"""Small wordings the reports share: headings, counts in words, scores, and scenario text
joined for wrapping."""

from __future__ import annotations

from ..engine.compare import GainRow
from ..engine.dates import long_date
from ..engine.view import score
from ..terminal import shown as shown_text
from .figures import Debrief, DecisionFigures, Overview
from .gather import Skipped
from .highlights import WarChoice
from .students import Student

TOPICS = ("Overview", "Decisions", "Questions", "Myths", "Students", "Files left out")
"""The debrief's topics, in the order the screen and the reports show them."""

REPORT_TOPICS = {
    "overview": "Overview",
    "highlights": "Highlights",
    "roster": "Roster",
    "decisions": "Decisions",
    "questions": "Questions",
    "myths": "Myths",
    "students": "Students",
    "files": "Files left out",
}
"""The reports' topics by the names ``--topics`` takes, in the order the reports show them
(the overview's "By campaign" is part of the overview)."""


def topics_named(text: str) -> tuple[str, ...]:
    """The topics a ``--topics`` list names ("overview,questions"), in the reports' order;
    ValueError, in words, for an unknown or empty one."""
    names = [t.strip() for t in text.split(",")]
    asked = [t.lower() for t in names]
    wrong = [n for n, t in zip(names, asked, strict=True) if t not in REPORT_TOPICS]
    if wrong:
        known = ", ".join(REPORT_TOPICS)
        if wrong[0]:
            raise ValueError(f"unknown topic '{shown_text(wrong[0][:30])}' (known: {known})")
        raise ValueError(f"a topic's name is empty (known: {known})")
    return tuple(t for t in REPORT_TOPICS if t in asked)


def one_line(text: str) -> str:
    """Any text on one line (for table cells and CSV)."""
    return " ".join(text.split())


def scope(class_code: str | None) -> str:
    """Which games: "all classes", "class 7B" or "games without a class code"."""
    if class_code is None:
        return "all classes"
    return f"class {class_code}" if class_code else "games without a class code"


def title(d: Debrief) -> str:
    """The report's title: "Teacher debrief — <scenario>", and the class if one was picked."""
    cls = f", {scope(d.class_code)}" if d.class_code is not None else ""
    role = f", {d.campaigns[0].title}" if d.role is not None and d.campaigns else ""
    return f"Teacher debrief — {d.scenario_title}{cls}{role}"


def subtitle(d: Debrief, show_names: bool) -> str:
    """How many games from where, what was left out, and whether names are shown."""
    o = d.overview
    parts = [f"{plural(o.games, 'game')} from the folder {d.folder.name or d.folder}"]
    if d.other_classes:
        parts.append(f"{plural(d.other_classes, 'game')} of other classes not counted")
    if d.skipped:
        parts.append(f"{plural(len(d.skipped), 'file')} left out (listed at the end)")
    parts.append("names shown" if show_names else "names hidden")
    return "; ".join(parts) + "."


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def share(n: int, total: int) -> str:
    """A count and its share: "3 of 28 (11%)"."""
    return f"{n} of {total} ({round(100 * n / total) if total else 0}%)"


def roles_line(o: Overview) -> list[str]:
    """One line per campaign: "Advise President Kennedy: 15 games, 13 finished, 2 unfinished"."""
    return [
        f"{r.title}: {plural(r.finished + r.unfinished, 'game')}, {r.finished} finished, "
        f"{r.unfinished} unfinished"
        for r in o.roles
    ]


DIVERGENCE_RULE = (
    "a choice counts as diverged when it is not history's, including a decision history never "
    "faced (the game had already left history's path)"
)
"""The one rule for decisions history never faced, stated wherever divergence is shown."""


def counts_lines(o: Overview) -> list[tuple[str, str]]:
    """The headline counts, as (what, how many) pairs; the endings over the finished games
    (while none is finished, one line says so rather than "0 of 0")."""
    if o.finished:
        endings = [
            ("Ended in nuclear war", share(o.nuclear_war, o.finished)),
            ("Ended in an invasion of Cuba", share(o.invasion, o.finished)),
            ("Ended in any fighting", share(o.fighting, o.finished)),
            (
                f"Ended in the historical settlement ({o.historical_title})",
                share(o.historical, o.finished),
            ),
        ]
    else:
        endings = [("Endings", "no game is finished yet")]
    return [
        *endings,
        ("Highest danger reached", f"{o.worst_danger} of {o.danger_max}"),
        ("Most alert DEFCON reached", f"DEFCON {o.worst_defcon}"),
        ("Mean divergence from history", f"{o.mean_divergence:.1f}% ({DIVERGENCE_RULE})"),
    ]


def campaign_rows(d: Debrief) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The overview side by side for each campaign: the campaigns' titles, then (figure,
    one value per campaign) rows (see :func:`overview_rows`)."""
    return [c.title for c in d.campaigns], overview_rows([c.overview for c in d.campaigns])


def overview_rows(os: list[Overview]) -> list[tuple[str, list[str]]]:
    """Overviews side by side (of campaigns, or of classes): (figure, one value per overview)
    rows; endings as shares of each one's finished games."""

    def of(n: int, o: Overview) -> str:
        return share(n, o.finished) if o.finished else "none finished"

    rows = [
        ("Games", [str(o.games) for o in os]),
        ("Finished", [str(o.finished) for o in os]),
        ("Ended in nuclear war", [of(o.nuclear_war, o) for o in os]),
        ("Ended in an invasion of Cuba", [of(o.invasion, o) for o in os]),
        ("Ended in any fighting", [of(o.fighting, o) for o in os]),
        ("Ended in the historical settlement", [of(o.historical, o) for o in os]),
        ("Highest danger reached", [f"{o.worst_danger} of {o.danger_max}" for o in os]),
        ("Most alert DEFCON reached", [f"DEFCON {o.worst_defcon}" for o in os]),
        ("Mean divergence from history", [f"{o.mean_divergence:.1f}%" for o in os]),
    ]
    titles: dict[str, list[str]] = {}
    for i, o in enumerate(os):
        for e in o.endings:
            titles.setdefault(e.title, ["0"] * len(os))[i] = str(e.count)
    rows += [(f"Ending: {t}", v) for t, v in titles.items()]
    rows.append(("Peak danger by game", [distribution(o.peak_danger) for o in os]))
    return rows


def distribution(pairs: tuple[tuple[int, int], ...], prefix: str = "") -> str:
    """A distribution in words: "3: 2 games, 5: 4 games"."""
    return ", ".join(f"{prefix}{k}: {plural(v, 'game')}" for k, v in pairs) or "none"


def left_out(s: Skipped, show_names: bool) -> str:
    """A file left out, and why. Names hidden: "file 3: damaged (...)", with neither the
    file's name nor the student's (a file name is often the student's name). Names shown:
    the file's name, whose game it was when that can be read in it, and for a copy the file
    counted instead."""
    if not show_names:
        return f"file {s.number}: {s.reason}"
    who = f" ({s.player}'s game)" if s.player else ""
    kept = f"; counted: {s.kept}" if s.kept else ""
    return f"{s.file}{who}: {s.reason}{kept}"


SPLITS_HEADING = "Where the class split most"
WARS_HEADING = "The choices that led to war"


def split_line(x: DecisionFigures) -> str:
    """A decision of the highlights: "22 October 1962: The response · 12 students chose"."""
    return f"{x.date}: {x.title} · {plural(x.chose, 'student')} chose"


def war_line(w: WarChoice) -> str:
    """A choice of the highlights, over the finished games that made it."""
    return (
        f"“{w.option}” ({w.decision}): {w.war} of the {plural(w.chose, 'finished game')} "
        "that chose it ended in war"
    )


def wars_note(o: Overview, wars: tuple[WarChoice, ...]) -> str:
    """Under the choices that led to war: why there are none, or the class's own rate."""
    if not wars:
        return (
            f"None: {'no finished game ended in war' if o.finished else 'no game is finished yet'}."
        )
    return f"All finished games: {o.fighting} of {o.finished} ended in war."


NO_SPLIT = "No decision divided two or more students yet."


def history_by(x: DecisionFigures) -> str:
    """Who made history's choice and when, as a person reads it: "Kennedy, 22 October 1962"
    ("" when the scenario does not say who)."""
    if not x.history_by:
        return ""
    return f"{x.history_by}, {long_date(x.history_date)}" if x.history_date else x.history_by


def ending_line(s: Student) -> str:
    return s.ending_title if s.ending_title else f"unfinished (reached {s.reached})"


def matched_word(m: bool | None) -> str:
    """A choice against history's (see :data:`DIVERGENCE_RULE`)."""
    return {True: "as history", False: "diverged", None: "diverged: history never faced it"}[m]


def gains_table(gains: tuple[GainRow, ...]) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Who gained, one row per dimension and one column per leader: the leaders' names, then
    (dimension, cells) rows with cells like "−1 (history +2)"."""
    leaders: list[str] = []
    rows: dict[str, dict[str, str]] = {}
    for g in gains:
        name = g.leader.title()
        if name not in leaders:
            leaders.append(name)
        rows.setdefault(g.dimension, {})[name] = (
            f"{score(g.score)} (history {score(g.historical_score)})"
        )
    return leaders, [(dim, [cells.get(n, "") for n in leaders]) for dim, cells in rows.items()]
