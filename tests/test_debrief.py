"""The debrief's figures on a generated class of 30 games of both roles: every figure equals the
one computed here directly from the saves (and from the states the games ended in), not by the
debrief's own code."""

from __future__ import annotations

import csv
import io
from collections import Counter
from statistics import mean

import pytest
from debrief_class import html_escaped, make_class

from game import engine
from game.debrief import build, gather, render
from game.debrief.pages import lone, pages
from game.debrief.report_md import md
from game.engine.sources import cite


@pytest.fixture(scope="module")
def made(cmc, tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    return folder, make_class(cmc, folder)


@pytest.fixture(scope="module")
def debrief(cmc, made):
    folder, _ = made
    return build(cmc, gather(folder, cmc))


def test_the_class_has_both_roles_and_unfinished_games(made):
    """The generated class is what the other tests assume."""
    _, games = made
    roles = Counter(m.save.role for m in games)
    assert roles == {"kennedy": 15, "khrushchev": 15}
    assert sum(m.save.summary.ending is None for m in games) == 6
    assert len({m.save.summary.ending for m in games}) >= 4


def test_every_game_is_read_and_numbered_in_the_order_started(made, debrief):
    _, games = made
    assert debrief.skipped == ()
    assert [s.number for s in debrief.students] == list(range(1, 31))
    assert [s.save_id for s in debrief.students] == [m.save.id for m in games]
    assert [s.name for s in debrief.students] == [m.save.player for m in games]
    assert [s.class_code for s in debrief.students] == [m.save.class_code for m in games]


def test_overview_equals_the_figures_of_the_saves(cmc, made, debrief):
    _, games = made
    summaries = [m.save.summary for m in games]
    o = debrief.overview
    assert o.games == 30
    finished = [x for x in summaries if x.ending is not None]
    assert (o.finished, o.unfinished) == (len(finished), 30 - len(finished))
    by_role = {
        r: (
            sum(1 for m in games if m.save.role == r and m.save.summary.ending),
            sum(1 for m in games if m.save.role == r and not m.save.summary.ending),
        )
        for r in ("kennedy", "khrushchev")
    }
    assert {r.role: (r.finished, r.unfinished) for r in o.roles} == by_role
    endings = Counter(x.ending for x in finished)
    history = next(e.id for e in cmc.endings if e.historical)
    assert {e.id: e.count for e in o.endings} == {history: 0, **endings}
    assert [e.count for e in o.endings] == sorted([*endings.values(), 0], reverse=True)[
        : len(o.endings)
    ]
    assert [e.historical for e in o.endings].count(True) == 1
    tags = {e.id: set(e.tags) for e in cmc.endings}
    assert o.nuclear_war == sum(n for e, n in endings.items() if "nuclear_war" in tags[e])
    assert o.invasion == sum(n for e, n in endings.items() if "invasion" in tags[e])
    assert o.fighting == sum(n for e, n in endings.items() if "war" in tags[e])
    assert o.historical == endings.get("historical_settlement", 0)
    assert dict(o.peak_danger) == Counter(x.peak_danger for x in summaries)
    assert dict(o.peak_defcon) == Counter(x.peak_defcon for x in summaries)
    assert o.worst_danger == max(x.peak_danger for x in summaries)
    assert o.worst_defcon == min(x.peak_defcon for x in summaries)
    assert o.mean_divergence == pytest.approx(mean(x.divergence for x in summaries))


def test_decision_counts_equal_the_choices_in_the_saves(cmc, made, debrief):
    _, games = made
    chosen = Counter((c.decision, c.option) for m in games for c in m.save.choices)
    waiting = Counter(m.state.pending for m in games if m.save.summary.ending is None)
    seen = {d for d, _ in chosen} | set(waiting)
    assert {x.id for x in debrief.decisions} == seen
    for x in debrief.decisions:
        d = cmc.decision(x.id)
        assert {o.id: o.count for o in x.options} == {o.id: chosen[(d.id, o.id)] for o in d.options}
        assert x.chose == sum(chosen[(d.id, o.id)] for o in d.options)
        assert x.waiting == waiting[d.id]
        hist = d.history.option
        assert x.history == (cmc.option(d.id, hist).label if hist else None)
        assert [o.historical for o in x.options] == [o.id == hist for o in d.options]
        assert [a.argument for a in x.advisers] == [p.argument for p in d.advisers]
        assert {q.id for q in x.questions} == {
            q.id
            for q in cmc.questions
            if q.decision == d.id
            and (
                (not q.options and chosen_any(chosen, d.id))
                or any(chosen[(d.id, o)] for o in q.options)
            )
        }
    order = [cmc.phase_position(cmc.decision(x.id).phase) for x in debrief.decisions]
    assert order == sorted(order)


def chosen_any(chosen: Counter, decision: str) -> bool:
    return any(n for (d, _), n in chosen.items() if d == decision)


def test_questions_are_those_the_class_called_for_most_chosen_first(cmc, made, debrief):
    """Option questions asked when a student chose one of the options, most chosen first;
    decision questions when a student made the decision, in calendar order; then the general
    ones, in the file's order; each with the historians' answer."""
    _, games = made
    picks = [{(c.decision, c.option) for c in m.save.choices} for m in games]
    decided = [{c.decision for c in m.save.choices} for m in games]
    by_options, by_decision, general = [], [], []
    for q in cmc.questions:
        if q.options:
            n = sum(any((q.decision, o) in p for o in q.options) for p in picks)
            if n:
                by_options.append((q.id, n))
        elif q.decision:
            n = sum(q.decision in d for d in decided)
            if n:
                d = cmc.decision(q.decision)
                when = (cmc.phase_position(d.phase), cmc.decisions.index(d))
                by_decision.append((q.id, n, when))
        else:
            general.append(q.id)
    by_options.sort(key=lambda x: -x[1])
    by_decision.sort(key=lambda x: x[2])
    assert by_options and by_decision and general
    got = [(q.id, q.count) for q in debrief.questions]
    expected = by_options + [(q, n) for q, n, _ in by_decision] + [(q, 0) for q in general]
    assert got == expected
    for q in debrief.questions:
        src = next(x for x in cmc.questions if x.id == q.id)
        assert (q.text, q.answer) == (src.text, src.answer)


def test_myths_are_the_scenarios_those_the_class_met_first(cmc, made, debrief):
    """Myths bearing on a decision some student made come first, the most students first;
    the rest keep the file's order. Counted here from the saves."""
    _, games = made
    made_by: dict[str, set[int]] = {}
    for n, m in enumerate(games):
        for c in m.save.choices:
            made_by.setdefault(c.decision, set()).add(n)
    count = {
        m.id: len(set().union(*(made_by.get(d, set()) for d in m.decisions))) for m in cmc.myths
    }
    file_order = [m.id for m in cmc.myths]
    want = sorted(file_order, key=lambda i: (-count[i], file_order.index(i)))
    assert [m.id for m in debrief.myths] == want
    assert [m.count for m in debrief.myths] == [count[i] for i in want]
    assert count[want[0]] > 0 and count[want[-1]] == 0, "the class met some myths, not all"
    assert want != file_order, "the order follows the class, not the file"
    by_id = {m.id: m for m in cmc.myths}
    for got in debrief.myths:
        src = by_id[got.id]
        assert (got.claim, got.fact) == (src.claim, src.fact)
        assert list(got.sources) == [cite(cmc.source(k)) for k in src.sources]


def test_transcripts_equal_each_game(cmc, made, debrief):
    _, games = made
    for s, m in zip(debrief.students, games, strict=True):
        assert [(c.decision_id, c.option_id) for c in s.choices] == [
            (c.decision, c.option) for c in m.save.choices
        ]
        for c in s.choices:
            want = cmc.decision(c.decision_id).history.option
            assert c.historical_id == want
            assert c.matched == (None if want is None else c.option_id == want)
        assert s.ending_id == m.save.summary.ending
        assert s.peak_danger == m.save.summary.peak_danger
        assert s.peak_defcon == m.save.summary.peak_defcon
        assert s.divergence == m.save.summary.divergence
        assert s.danger == engine.report(cmc, m.state).dangers  # one value per turn played
        assert len(s.danger) == max(1, len(m.save.choices))
        assert max(s.danger) == m.save.summary.peak_danger
        assert len(s.gains) == (21 if s.ending_id else 0)


def test_reports_carry_the_same_figures(cmc, made, debrief):
    """The CSV rows read back equal the saves; Markdown and HTML show the headline counts."""
    _, games = made
    rows = list(csv.DictReader(io.StringIO(render(debrief, "csv"))))
    assert len(rows) == 30
    for row, m in zip(rows, games, strict=True):
        x = m.save.summary
        assert row["name"] == m.save.player and row["class"] == m.save.class_code
        assert row["ending"] == (x.ending or "")
        assert int(row["peak_danger"]) == x.peak_danger
        assert int(row["peak_defcon"]) == x.peak_defcon
        assert int(row["divergence_pct"]) == x.divergence
        assert int(row["choices"]) == len(m.save.choices)
    per = list(csv.DictReader(io.StringIO(render(debrief, "csv", per_decision=True))))
    assert [(r["decision"], r["option"]) for r in per] == [
        (c.decision, c.option) for m in games for c in m.save.choices
    ]
    finished = sum(1 for m in games if m.save.summary.ending)
    nuclear = debrief.overview.nuclear_war
    for fmt, escape in (("md", md), ("html", html_escaped)):
        text = render(debrief, fmt)
        assert f"{nuclear} of {finished} (" in text
        for e in debrief.overview.endings:
            assert escape(e.title) in text
        for s in debrief.students:
            assert escape(f"Student {s.number} ({s.name})") in text


def test_class_filter_keeps_one_class(cmc, made):
    folder, games = made
    gathered = gather(folder, cmc)
    assert gathered.classes == ("7A", "7B")
    d = build(cmc, gathered, "7b")
    assert d.class_code == "7B"
    assert [s.save_id for s in d.students] == [
        m.save.id for m in games if m.save.class_code == "7B"
    ]
    assert [s.number for s in d.students] == list(range(1, 16))
    assert d.other_classes == 15 and d.overview.games == 15
    rows = list(csv.DictReader(io.StringIO(render(d, "csv"))))
    assert {r["class"] for r in rows} == {"7B"}


def test_pages_one_topic_at_a_time(debrief):
    """The overview and the highlights, one page per decision (those only one student reached
    together on one), question, myth and student, one for the files left out; names only when
    asked for."""
    hidden = pages(debrief, show_names=False)
    topics = Counter(p.topic for p in hidden)
    folded = sum(map(lone, debrief.decisions))
    assert topics == {
        0: 2,
        1: len(debrief.decisions) - folded + (1 if folded else 0),
        2: len(debrief.questions),
        3: len(debrief.myths),
        4: 30,
        5: 1,
    }
    texts = " ".join(p.title + " ".join(b.text for b in p.blocks) for p in hidden)
    assert "Pupil" not in texts and "Student 30" in texts
    shown = " ".join(p.title for p in pages(debrief, show_names=True))
    assert "Student 3 (Pupil 2)" in shown


def test_the_debrief_package_does_not_import_the_ui():
    """game.debrief sits on saves + engine + model: importing all of it loads neither Textual,
    Rich nor game.ui (checked in a fresh interpreter)."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, json, pkgutil, importlib, game.debrief\n"
        "for m in pkgutil.iter_modules(game.debrief.__path__):\n"
        "    importlib.import_module('game.debrief.' + m.name)\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    root = Path(__file__).resolve().parents[1]
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    modules = set(json.loads(run.stdout))
    assert "game.debrief.report_html" in modules and "game.debrief.demo" in modules
    assert not {m for m in modules if m.split(".")[0] in ("textual", "rich")}
    assert not {m for m in modules if m.startswith("game.ui")}
