"""The debrief cut into pages for a projector: one topic at a time, one decision, question,
myth or student per page, as plain blocks of text and figures (:mod:`.blocks`) that a front end
lays out.

The overview is followed by the highlights (where the class split most, the choices that led
to war); decisions that only one student reached are folded together on one page.
"""

from __future__ import annotations

from ..engine.view import reflow, score
from .blocks import Block, Page
from .figures import Debrief, DecisionFigures
from .highlights import splits, war_choices
from .questions import Asked, MythFacts
from .students import Student, label
from .text import (
    DIVERGENCE_RULE,
    NO_SPLIT,
    SPLITS_HEADING,
    TOPICS,
    WARS_HEADING,
    counts_lines,
    distribution,
    ending_line,
    history_by,
    left_out,
    matched_word,
    plural,
    roles_line,
    scope,
    split_line,
    war_line,
    wars_note,
)

FOLD = 1
"""Decisions reached by at most this many students share one page."""


def lone(x: DecisionFigures) -> bool:
    """Only one student reached this decision (made it, or stopped at it)."""
    return x.chose + x.waiting <= FOLD


def pages(d: Debrief, show_names: bool) -> tuple[Page, ...]:
    """Every page, topic by topic (a topic with nothing in it still has one page saying so)."""
    out = [_overview(d)]
    if d.overview.games:
        out.append(_highlights(d))
    full = [x for x in d.decisions if not lone(x)]
    out += [_decision(x, i, len(full)) for i, x in enumerate(full, 1)]
    if folded := [x for x in d.decisions if lone(x)]:
        out.append(_folded(folded))
    if not d.decisions:
        out.append(Page(1, "Decisions", (Block("para", "No student has made a decision yet."),)))
    out += [_question(q, i, len(d.questions)) for i, q in enumerate(d.questions, 1)]
    if not d.questions:
        out.append(Page(2, "Questions", (Block("para", "The scenario has no questions."),)))
    out += [_myth(m, i, len(d.myths)) for i, m in enumerate(d.myths, 1)]
    if not d.myths:
        out.append(Page(3, "Myths", (Block("para", "The scenario lists no myths."),)))
    out += [_student(s, show_names, len(d.students)) for s in d.students]
    if not d.students:
        out.append(Page(4, "Students", (Block("para", "No student's game to show."),)))
    out.append(_skipped(d, show_names))
    return tuple(out)


def _overview(d: Debrief) -> Page:
    o = d.overview
    if not o.games:
        where = f"{scope(d.class_code)} in " if d.class_code is not None else ""
        text = f"No game to debrief ({where}{d.folder}): the students' save files go there."
        return Page(0, "Overview", (Block("para", text),))
    b = [
        Block(
            "figures",
            figures=(
                (str(o.games), "games"),
                (str(o.finished), "finished"),
                (str(o.nuclear_war), "nuclear war"),
                (str(o.historical), "historical settlement"),
                (f"{o.mean_divergence:.0f}", "% diverged"),
            ),
        ),
        *(Block("para", line) for line in roles_line(o)),
        Block("heading", "Endings"),
        *(Block("bar", e.title, e.count, o.games, e.historical) for e in o.endings),
    ]
    if o.unfinished:
        b.append(Block("bar", "Unfinished", o.unfinished, o.games))
    b.append(Block("heading", "Against history"))
    b += [Block("para", f"{what}: {value}") for what, value in counts_lines(o)]
    b.append(Block("heading", "Peak danger by game"))
    b += [Block("bar", f"danger {k}", v, o.games) for k, v in o.peak_danger]
    b.append(Block("heading", "Most alert DEFCON by game"))
    b += [Block("bar", f"DEFCON {k}", v, o.games) for k, v in o.peak_defcon]
    b.append(Block("muted", f"Danger: {distribution(o.peak_danger)}."))
    return Page(0, "Overview", tuple(b))


def _highlights(d: Debrief) -> Page:
    """Where the class split most, and the choices most often followed by war."""
    o = d.overview
    b = [
        Block(
            "figures",
            figures=(
                (str(o.fighting), "ended in war"),
                (str(o.nuclear_war), "nuclear war"),
                (str(o.historical), "historical settlement"),
            ),
        ),
        Block("heading", SPLITS_HEADING),
    ]
    for x in splits(d):
        b.append(Block("muted", split_line(x)))
        b += [Block("bar", p.label, p.count, x.chose) for p in x.options if p.count]
    if not splits(d):
        b.append(Block("para", NO_SPLIT))
    b.append(Block("heading", WARS_HEADING))
    wars = war_choices(d)
    b += [Block("para", war_line(w)) for w in wars]
    b.append(Block("muted" if wars else "para", wars_note(o, wars)))
    return Page(0, "Highlights", tuple(b))


def _history(x: DecisionFigures) -> list[Block]:
    """What history chose at ``x`` (or why history never faced it)."""
    if x.history is None:
        return [
            Block("heading", "History never faced this decision", history=True),
            Block("para", reflow(x.none_because or ""), history=True),
        ]
    by = f" ({history_by(x)})" if x.history_by else ""
    return [
        Block("heading", f"History chose “{x.history}”{by}", history=True),
        Block("para", reflow(x.history_note), history=True),
    ]


def _decision(x: DecisionFigures, i: int, n: int) -> Page:
    """The bars are of the students who made this decision (not of the whole class)."""
    stopped = f"; {plural(x.waiting, 'unfinished game')} stopped here" if x.waiting else ""
    same = sum(o.count for o in x.options if o.historical)
    b = [
        Block("muted", f"{x.date} · {x.role_title} · {plural(x.chose, 'student')} chose{stopped}"),
        Block(
            "figures",
            figures=((str(x.chose), "chose"), (str(x.chose - same), "not as history")),
            history=True,
        )
        if x.history is not None
        else Block("figures", figures=((str(x.chose), "chose"),)),
        *(Block("bar", o.label, o.count, x.chose, o.historical) for o in x.options),
        *_history(x),
    ]
    if x.advisers:
        b.append(Block("heading", "The advisers"))
    for a in x.advisers:
        side = f" — for “{a.option}”" if a.option else ""
        b.append(Block("para", f"{a.name}, {a.title}{side}: {reflow(a.argument)} ({a.basis})"))
    if x.questions:
        b.append(Block("heading", "For the class"))
    b += [Block("para", f"• {reflow(q.text)}") for q in x.questions]
    return Page(1, f"Decision {i} of {n}: {x.title}", tuple(b))


def _folded(xs: list[DecisionFigures]) -> Page:
    """The decisions only one student reached, one short entry each."""
    b = [Block("muted", f"{plural(len(xs), 'decision')} that only one student reached:")]
    for x in xs:
        b.append(Block("heading", f"{x.date}: {x.title}"))
        chosen = next((o.label for o in x.options if o.count), None)
        b.append(
            Block(
                "para",
                f"{x.role_title}: chose “{chosen}”"
                if chosen
                else "An unfinished game stopped here",
            )
        )
        if x.history is not None:
            b.append(Block("muted", f"History chose “{x.history}”", history=True))
        else:
            b.append(Block("muted", "History never faced this decision", history=True))
    return Page(1, f"Decisions only one student reached ({len(xs)})", tuple(b))


def _question(q: Asked, i: int, n: int) -> Page:
    about = f" · on “{q.decision}”" if q.decision else ""
    b = (
        Block("heading", reflow(q.text)),
        Block("muted", f"{q.why}{about}"),
        Block("secret", f"What historians say: {reflow(q.answer)}"),
        Block("secret", f"Sources: {'; '.join(q.sources)}" if q.sources else ""),
    )
    return Page(2, f"Question {i} of {n}", tuple(x for x in b if x.text))


def _myth(m: MythFacts, i: int, n: int) -> Page:
    b = (
        Block("heading", f"Myth: {reflow(m.claim)}"),
        Block("secret", f"Fact: {reflow(m.fact)}"),
        Block("secret", f"Sources: {'; '.join(m.sources)}"),
    )
    return Page(3, f"Myth {i} of {n}", b)


def _student(s: Student, show_names: bool, n: int) -> Page:
    cls = f" · class {s.class_code}" if s.class_code else ""
    b = [
        Block(
            "muted", f"{s.role_title}{cls} · the other side: {s.opponent} · incidents: {s.events}"
        ),
        Block("heading", f"Ending: {ending_line(s)}"),
        Block(
            "figures",
            figures=(
                (str(s.peak_danger), "peak danger"),
                (str(s.peak_defcon), "DEFCON"),
                (str(s.divergence), "% diverged"),
            ),
        ),
        Block("heading", "Danger over time"),
        Block("series", " ".join(map(str, s.danger)), series=s.danger),
        Block("heading", f"Choices ({s.matched} of {len(s.choices)} as history)"),
        Block("muted", f"Divergence {s.divergence}%: {DIVERGENCE_RULE}."),
    ]
    for c in s.choices:
        mark = "✓" if c.matched else "✗" if c.matched is False else "·"
        hist = f"; history: {c.historical}" if c.matched is False else ""
        b.append(
            Block(
                "para",
                f"{mark} {c.date}: {c.decision} — chose “{c.chosen}” "
                f"({matched_word(c.matched)}{hist})",
            )
        )
    if s.gains:
        b.append(Block("heading", "Who gained (this game, history), −2 to +2"))
        b += [
            Block(
                "para",
                f"{g.leader.title()} · {g.dimension}: {score(g.score)} "
                f"(history {score(g.historical_score)})",
            )
            for g in s.gains
        ]
    return Page(4, f"{label(s, show_names)} — {s.number} of {n}", tuple(b))


def _skipped(d: Debrief, show_names: bool) -> Page:
    if not d.skipped:
        return Page(5, TOPICS[5], (Block("para", "None: every file in the folder was read."),))
    b = [Block("muted", f"{plural(len(d.skipped), 'file')} could not be counted:")]
    b += [Block("para", left_out(s, show_names)) for s in d.skipped]
    return Page(5, TOPICS[5], tuple(b))
