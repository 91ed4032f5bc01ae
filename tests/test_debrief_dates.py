"""Dates in the debrief as a person reads them ("22 October 1962"), in the Markdown and HTML
reports and on the projector's pages."""

from __future__ import annotations

import re

import pytest
from debrief_class import html_parts, make_class

from game.debrief import build, gather, render
from game.debrief.pages import lone, pages
from game.engine.dates import long_date

ISO = re.compile(r"\b1[89]\d\d-[01]\d(-[0-3]\d)?\b")


@pytest.fixture(scope="module")
def debrief(cmc, tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    make_class(cmc, folder, n=10, unfinished_after=40)
    return build(cmc, gather(folder, cmc))


def test_the_class_reached_decisions_with_a_dated_history(debrief):
    dated = [x for x in debrief.decisions if x.history_by and x.history_date]
    assert len(dated) >= 5
    assert all(ISO.fullmatch(x.history_date) for x in dated), "figures keep ISO dates"


def test_history_dates_are_written_out_in_every_report_and_page(debrief):
    dated = [x for x in debrief.decisions if x.history_by and x.history_date]
    page_text = "\n".join(b.text for p in pages(debrief, False) for b in p.blocks)
    html = html_parts(render(debrief, "html")).text
    markdown = render(debrief, "md")
    for text, shown in ((markdown, dated), (html, dated), (page_text, folded_out(dated))):
        assert not ISO.search(text), ISO.search(text)
        for x in shown:
            assert f"{x.history_by}, {long_date(x.history_date)}" in text.replace("\\", "")
    assert folded_out(dated), "some dated decision has a page of its own"


def folded_out(xs):
    """The decisions with a page of their own (a folded one shows history's option only)."""
    return [x for x in xs if not lone(x)]
