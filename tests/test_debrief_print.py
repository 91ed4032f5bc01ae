"""The reports on paper: chosen topics only (--topics), the paper size (--paper), each topic and
each student on a page of its own, a title never parted from its chart or table, no table row
cut; printed by Chromium to A4 and Letter when it is installed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from debrief_class import make_class

from game.cli import main
from game.debrief import build, gather, render
from game.debrief.text import REPORT_TOPICS, topics_named

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def folder(cmc, tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    make_class(cmc, folder, n=6)
    return folder


@pytest.fixture(scope="module")
def debrief(cmc, folder):
    return build(cmc, gather(folder, cmc))


def sections(page: str) -> list[str]:
    return re.findall(r'<section class="topic" id="([a-z]+)">', page)


def test_topics_are_named_in_the_reports_order():
    assert topics_named("questions, Overview") == ("overview", "questions")
    assert topics_named("files,students") == ("students", "files")
    for bad, says in (
        ("overview,bogus", "unknown topic 'bogus'"),
        ("", "a topic's name is empty"),
        ("overview,,myths", "a topic's name is empty"),
        ("\x1b[2J" + "x" * 5000, "unknown topic '\\x1b[2J"),
    ):
        with pytest.raises(ValueError) as err:
            topics_named(bad)
        assert says in str(err.value) and "\x1b" not in str(err.value)
        assert len(str(err.value)) < 200 and "known: overview, highlights, roster" in str(err.value)


def test_only_the_topics_asked_for(debrief):
    assert sections(render(debrief, "html")) == list(REPORT_TOPICS)
    page = render(debrief, "html", topics=("overview", "questions"))
    assert sections(page) == ["overview", "questions"]
    assert "Danger over time" not in page and "Roster" not in page
    md = render(debrief, "md", topics=("students",))
    heads = [line for line in md.splitlines() if line.startswith("## ")]
    assert heads == ["## Students"] and md.count("### Student ") == 6
    full = [h[3:] for h in render(debrief, "md").splitlines() if h.startswith("## ")]
    names = list(REPORT_TOPICS.values())
    assert full == [names[0], "By campaign", *names[1:]]


def test_print_rules(debrief):
    page = render(debrief, "html", paper="letter")
    assert "@page { size: letter; }" in page
    assert "@page { size: A4; }" in render(debrief, "html", paper="a4")
    assert "size:" not in render(debrief, "html").split("@media print")[0].split("@page")[-1]
    css = page.split("<style>")[1].split("</style>")[0]
    for rule in (
        "section.topic { break-before: page; }",
        "thead { display: table-header-group; }",
        "tr, .figure, .chart, .keep, .question, .myth { break-inside: avoid; }",
        ".student { break-before: page; break-inside: avoid;",
        "h2, h3 { break-after: avoid; }",
    ):
        assert rule in css, rule
    # every chart sits in a .keep block with its title; every table with a header row has it
    # in a <thead>, repeated on the next page
    body = page.split("</style>")[1]
    keeps = re.findall(r'<div class="keep">(.*?)</div>', body, re.S)
    charts = body.count('<svg class="chart')
    assert charts and sum(k.count('<svg class="chart') for k in keeps) == charts
    assert all(re.match(r"<(h3|p)", k) for k in keeps if "<svg" in k)
    assert body.count("<th>Date</th>") == body.count("<thead><tr><th>Date</th>")


def test_the_command_line_takes_topics_and_paper(folder, capsys):
    assert main(["debrief", str(folder), "--format", "html", "--topics", "myths,overview"]) == 0
    assert sections(capsys.readouterr().out) == ["overview", "myths"]
    assert main(["debrief", str(folder), "--format", "html", "--paper", "letter"]) == 0
    assert "size: letter" in capsys.readouterr().out
    for args, says in (
        (["--format", "csv", "--topics", "overview"], "--topics goes with --format md or html"),
        (["--topics", "overview"], "--topics goes with --format md or html"),
        (["--format", "md", "--paper", "a4"], "--paper goes with --format html"),
    ):
        assert main(["debrief", str(folder), *args]) == 2
        assert says in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["debrief", str(folder), "--format", "md", "--topics", "overveiw"])
    assert exit_.value.code == 2 and "unknown topic 'overveiw'" in capsys.readouterr().err


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_one_printed_page_per_student(folder, tmp_path, capsys, paper):
    """Chromium prints the students' topic: as many pages as students (the longest transcript,
    a Khrushchev game, fits on one page)."""
    from playwright.sync_api import sync_playwright

    out = tmp_path / "students.html"
    args = ["--topics", "students", "--paper", paper.lower(), "--out", str(out)]
    assert main(["debrief", str(folder), "--format", "html", *args]) == 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(out.as_uri())
        pdf = page.pdf(prefer_css_page_size=True)
        browser.close()
    assert len(re.findall(rb"/Type /Page\b", pdf)) == 6
