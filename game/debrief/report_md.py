"""The debrief as Markdown: one section per topic, tables for counts.

Every text from a save (names, class codes, file names) and from the scenario goes through
:func:`md`, which escapes what would break a table or become markup (``|``, ``*``, ``_``,
brackets, backticks, ``<``, ``&``...): a name like ``<script>`` or ``a|b`` stays text.
"""

from __future__ import annotations

import re

from ..engine.view import reflow
from . import roster
from .compare import COMPARE_DECISIONS, Comparison
from .figures import Debrief
from .highlights import splits, war_choices
from .students import label
from .text import (
    NO_SPLIT,
    REPORT_TOPICS,
    SPLITS_HEADING,
    WARS_HEADING,
    campaign_rows,
    counts_lines,
    distribution,
    ending_line,
    gains_table,
    history_by,
    left_out,
    matched_word,
    one_line,
    plural,
    roles_line,
    share,
    split_line,
    subtitle,
    title,
    war_line,
    wars_note,
)

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_LEADING = re.compile(r"^([#+>!=-]|\d+(?=[.)](?:\s|$)))")


def md(text: str) -> str:
    """Text safe in Markdown and in a table cell: entities for ``&`` and ``<``, a backslash
    before the punctuation Markdown reads anywhere (``\\ ` * _ [ ] | ~``) and before what it
    reads at the start of a line (``#``, ``-``, ``1.``...), line breaks as spaces."""
    text = one_line(text).replace("&", "&amp;").replace("<", "&lt;")
    text = _SPECIAL.sub(r"\\\1", text)
    return _LEADING.sub(lambda m: m[1] + "\\" if m[1][0].isdigit() else "\\" + m[1], text)


def render(
    d: Debrief, show_names: bool = True, topics: tuple[str, ...] = tuple(REPORT_TOPICS)
) -> str:
    """The debrief as one Markdown document: the ``topics`` named (see
    :data:`.text.REPORT_TOPICS`)."""
    out: list[str] = [f"# {md(title(d))}", "", md(subtitle(d, show_names)), ""]
    parts = {
        "overview": lambda: _overview(d),
        "highlights": lambda: _highlights(d),
        "roster": lambda: _roster(d, show_names),
        "decisions": lambda: _decisions(d),
        "questions": lambda: _questions(d),
        "myths": lambda: _myths(d),
        "students": lambda: _students(d, show_names),
        "files": lambda: _files(d, show_names),
    }
    for t in topics:
        out += parts[t]()
    return "\n".join(out).rstrip() + "\n"


def _overview(d: Debrief) -> list[str]:
    o = d.overview
    out = [f"## {REPORT_TOPICS['overview']}", ""]
    out += [f"- {md(line)}" for line in roles_line(o)]
    out += ["", "| Ending | Games |", "|---|---:|"]
    out += [
        f"| {md(e.title)}{' (history)' if e.historical else ''} | {e.count} |" for e in o.endings
    ]
    if o.unfinished:
        out.append(f"| Unfinished | {o.unfinished} |")
    out += ["", "| Figure | Value |", "|---|---|"]
    out += [f"| {md(what)} | {md(value)} |" for what, value in counts_lines(o)]
    out += [
        "",
        f"Peak danger by game: {md(distribution(o.peak_danger))}.",
        "",
        f"Most alert DEFCON by game: {md(distribution(o.peak_defcon, 'DEFCON '))}.",
        "",
    ]
    return out + _campaigns(d)


def _highlights(d: Debrief) -> list[str]:
    """Where the class split most, and the choices that led to war (see :mod:`.highlights`)."""
    out = [f"## {REPORT_TOPICS['highlights']}", "", f"### {SPLITS_HEADING}", ""]
    for x in splits(d):
        out += [f"{md(split_line(x))}:", ""]
        out += [f"- {md(p.label)}: {share(p.count, x.chose)}" for p in x.options if p.count]
        out.append("")
    if not splits(d):
        out += [NO_SPLIT, ""]
    wars = war_choices(d)
    out += [f"### {WARS_HEADING}", ""]
    out += [f"- {md(war_line(w))}" for w in wars]
    return [*out, *([""] if wars else []), md(wars_note(d.overview, wars)), ""]


def _questions(d: Debrief) -> list[str]:
    out = [f"## {REPORT_TOPICS['questions']}", ""]
    for i, q in enumerate(d.questions, 1):
        about = f" — on “{md(q.decision)}”" if q.decision else ""
        out += [f"{i}. **{md(reflow(q.text))}**{about} ({md(q.why)})", ""]
        out += [f"   *Historians:* {md(reflow(q.answer))}", ""]
        if q.sources:
            out += [f"   Sources: {md('; '.join(q.sources))}", ""]
    return out


def _myths(d: Debrief) -> list[str]:
    out = [f"## {REPORT_TOPICS['myths']}", ""]
    for m in d.myths:
        out += [f"- **Myth:** {md(reflow(m.claim))}", ""]
        out += [f"  **Fact:** {md(reflow(m.fact))}", ""]
        out += [f"  Sources: {md('; '.join(m.sources))}", ""]
    return out


def _files(d: Debrief, show_names: bool) -> list[str]:
    out = [f"## {REPORT_TOPICS['files']}", ""]
    if not d.skipped:
        out += ["None: every file was read.", ""]
    return out + [f"- {md(left_out(s, show_names))}" for s in d.skipped]


def _campaigns(d: Debrief) -> list[str]:
    """The overview side by side for each campaign (when both were played)."""
    if len(d.campaigns) < 2:
        return []
    heads, rows = campaign_rows(d)
    out = ["## By campaign", "", "| Figure | " + " | ".join(md(h) for h in heads) + " |"]
    out.append("|---" * (len(heads) + 1) + "|")
    out += [f"| {md(k)} | " + " | ".join(md(v) for v in vs) + " |" for k, vs in rows]
    return [*out, ""]


def _roster(d: Debrief, show_names: bool) -> list[str]:
    """The roster for grading (see :mod:`.roster`)."""
    out = [f"## {REPORT_TOPICS['roster']}", "", "| " + " | ".join(roster.COLUMNS) + " |"]
    out.append("|---" * len(roster.COLUMNS) + "|")
    out += ["| " + " | ".join(md(c) for c in row) + " |" for row in roster.rows(d, show_names)]
    return [*out, ""]


def _decisions(d: Debrief) -> list[str]:
    out = [f"## {REPORT_TOPICS['decisions']}", ""]
    for x in d.decisions:
        out += [f"### {md(x.date)}: {md(x.title)}", ""]
        out += [f"For: {md(x.role_title)}; {plural(x.chose, 'student')} made this decision.", ""]
        out += [f"| Option | Students (of {x.chose}) | History |", "|---|---:|---|"]
        out += [
            f"| {md(o.label)} | {o.count} | {'history chose this' if o.historical else ''} |"
            for o in x.options
        ]
        if x.waiting:
            out.append(f"| (unfinished games stopped here) | {x.waiting} | |")
        out.append("")
        if x.history is not None:
            who = f" ({md(history_by(x))})" if x.history_by else ""
            out += [
                f"History chose **{md(x.history)}**{who}: {md(reflow(x.history_note))}",
                "",
            ]
        else:
            out += [f"History never faced this decision: {md(reflow(x.none_because or ''))}", ""]
        if x.advisers:
            out += ["Advisers:", ""]
            for a in x.advisers:
                side = f" — for {md(a.option)}" if a.option else ""
                out.append(
                    f"- **{md(a.name)}**, {md(a.title)}{side}: {md(reflow(a.argument))} ({md(a.basis)})"
                )
            out.append("")
        for q in x.questions:
            out += [f"Question for the class: {md(reflow(q.text))}", ""]
    return out


def _students(d: Debrief, show_names: bool) -> list[str]:
    out = [f"## {REPORT_TOPICS['students']}", ""]
    for s in d.students:
        cls = f", class {md(s.class_code)}" if s.class_code else ""
        out += [f"### {md(label(s, show_names))}{cls}", ""]
        out += [
            f"{md(s.role_title)}; the other side played {md(s.opponent)}, incidents "
            f"{md(s.events)}. Ending: **{md(ending_line(s))}**. Peak danger {s.peak_danger}, "
            f"most alert DEFCON {s.peak_defcon}, divergence {s.divergence}% "
            f"({s.matched} of {len(s.choices)} choices as history).",
            "",
        ]
        if s.choices:
            out += ["| Date | Decision | Chose | History | |", "|---|---|---|---|---|"]
            out += [
                f"| {md(c.date)} | {md(c.decision)} | {md(c.chosen)} | "
                f"{md(c.historical or '—')} | {matched_word(c.matched)} |"
                for c in s.choices
            ]
            out.append("")
        out += [f"Danger over time: {' '.join(map(str, s.danger))}.", ""]
        if s.gains:
            leaders, rows = gains_table(s.gains)
            out.append("| Who gained (−2 to +2) | " + " | ".join(map(md, leaders)) + " |")
            out.append("|---" * (len(leaders) + 1) + "|")
            out += [f"| {md(dim)} | " + " | ".join(map(md, cells)) + " |" for dim, cells in rows]
            out.append("")
    return out


def render_compare(c: Comparison) -> str:
    """Classes side by side (see :mod:`.compare`) as one Markdown document."""
    head = "| {} | " + " | ".join(md(h) for h in c.classes) + " |"
    rule = "|---" * (len(c.classes) + 1) + "|"

    def table(first: str, rows) -> list[str]:
        out = [head.format(first), rule]
        return out + [f"| {md(k)} | " + " | ".join(md(v) for v in vs) + " |" for k, vs in rows]

    out = [f"# {md(c.title)}", "", md(c.subtitle), "", "## Overview", ""]
    out += [*table("Figure", c.overview), ""]
    if c.campaigns:
        out += ["## By campaign", ""]
        for side in c.campaigns:
            out += [f"### {md(side.title)}", "", *table("Figure", side.rows), ""]
    out += ["## Decisions", "", md(COMPARE_DECISIONS), ""]
    for x in c.decisions:
        out += [f"### {md(x.date)}: {md(x.title)}", "", f"For: {md(x.role_title)}.", ""]
        rows = [("Made the decision", x.made)]
        rows += [(f"{label}{' (history)' if hist else ''}", cells) for label, hist, cells in x.rows]
        out += [*table("Option", rows), ""]
    out += [f"## {REPORT_TOPICS['files']}", ""]
    out += [f"- {md(line)}" for line in c.skipped] or ["None: every file was read."]
    return "\n".join(out).rstrip() + "\n"
