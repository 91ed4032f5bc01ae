"""The debrief's figures say what they mean: a question's count and a decision's bars are of
those who faced the decision; one rule for decisions history never faced; no "0 of 0" while no
game is finished; a student's line says "history never faced it" once."""

from __future__ import annotations

import csv
import io
import re

import pytest
from debrief_class import html_escaped, make_class, play

from game.debrief import build, gather, render
from game.debrief.pages import pages
from game.debrief.report_md import md
from game.debrief.text import DIVERGENCE_RULE, counts_lines
from game.saves import write_save


@pytest.fixture(scope="module")
def debrief(cmc, tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    make_class(cmc, folder, n=12)
    return build(cmc, gather(folder, cmc))


def test_question_counts_are_of_those_who_faced_the_decision(debrief):
    faced: dict[str, int] = {}
    for s in debrief.students:
        for c in s.choices:
            faced[c.decision_id] = faced.get(c.decision_id, 0) + 1
    asked = [q for q in debrief.questions if q.decision_id and " chose " in q.why]
    assert asked, "the class calls for at least one question tied to options"
    for q in asked:
        m = re.match(r"(\d+) of the (\d+) students? who faced this decision chose ", q.why)
        assert m, q.why
        assert int(m[1]) == q.count and int(m[2]) == faced[q.decision_id], q.why
    # a Khrushchev decision is never counted against the Kennedy players
    assert any(faced[q.decision_id] < len(debrief.students) for q in asked)


def test_decision_bars_are_of_those_who_made_it(debrief):
    for page in pages(debrief, False):
        if not page.title.startswith("Decision "):
            continue
        bars = [b for b in page.blocks if b.kind == "bar"]
        assert {b.total for b in bars} == {sum(b.value for b in bars)}, page.title


def test_overview_tile_says_historical_settlement(debrief):
    tiles = next(b for b in pages(debrief, False)[0].blocks if b.kind == "figures")
    assert (str(debrief.overview.historical), "historical settlement") in tiles.figures


def test_one_rule_for_decisions_history_never_faced(cmc, debrief):
    never = [(s, c) for s in debrief.students for c in s.choices if c.matched is None]
    assert never, "some student reached a decision history never faced"
    rows = list(csv.DictReader(io.StringIO(render(debrief, "csv", per_decision=True))))
    assert {r["as_history"] for r in rows} == {"yes", "no"}  # never "n/a": diverged, as counted
    for s in debrief.students:  # the divergence counts them as diverged, as the CSV does
        off = sum(1 for c in s.choices if c.matched is not True)
        assert s.divergence == (round(100 * off / len(s.choices)) if s.choices else 0)
    assert md(DIVERGENCE_RULE) in render(debrief, "md")
    assert html_escaped(DIVERGENCE_RULE) in render(debrief, "html")
    student = next(
        p for p in pages(debrief, False) if p.title.startswith(f"Student {never[0][0].number} ")
    )
    text = "\n".join(b.text for b in student.blocks)
    assert DIVERGENCE_RULE in text
    assert "diverged: history never faced it)" in text
    assert "history: never faced it" not in text and "never faced it; history" not in text


def test_no_zero_of_zero_while_no_game_is_finished(cmc, tmp_path):
    for seed in (1, 2):
        write_save(tmp_path, play(cmc, "kennedy", seed, stop=2).to_save())
    d = build(cmc, gather(tmp_path, cmc))
    assert d.overview.games == 2 and d.overview.finished == 0
    assert ("Endings", "no game is finished yet") in counts_lines(d.overview)
    texts = [render(d, "md"), render(d, "html")]
    texts += [b.text for p in pages(d, False) for b in p.blocks]
    assert not any("0 of 0" in t for t in texts)
