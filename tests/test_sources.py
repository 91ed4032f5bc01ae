"""Sources a student can open and voices marked as documented or illustrative: the source
fields the model requires, the hosts `brink check` refuses, and how both read to a player."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content import ScenarioError, load_scenario
from game.engine.check import check
from game.engine.sources import basis, check_sources, cite, cite_keys, denied, short
from game.engine.view import adviser_views
from game.model.problem import Problem

SOURCES = "sources.toml"
DAY1 = "decisions/day1.toml"
DOB = """[[source]]
key = "DOB"
author = "Michael Dobbs"
title = "One Minute to Midnight"
date = "2008"
archive = "Alfred A. Knopf (New York)"
"""


def load_problems(folder: Path) -> list[Problem]:
    with pytest.raises(ScenarioError) as exc:
        load_scenario(folder)
    return exc.value.problems


@pytest.mark.parametrize(
    "url",
    [
        "https://wilson-center-digital-archive.dvincitest.com/document/telegram-polish-embassy",
        "https://staging.pbs.org/wgbh/americanexperience/features/jfk-endquarantine",
        "https://en.wikipedia.org/wiki/DEFCON",
        "https://wikimili.com/en/Vienna_summit",
        "http://the60sat50.blogspot.com/2010/10/wednesday.html",
        "https://docslib.org/doc/6387171/",
        "https://uncensoredopinion.co.za/day-history-castro-becomes-cuban-premier/",
        "https://books.google.to/books?id=CE0GAAAAMAAJ&pg=PA54",
    ],
)
def test_check_refuses_a_denied_host_naming_file_and_field(copy_mini, edit, url):
    """Staging hosts, wikis and their mirrors, blogs, re-upload and opinion sites and bare
    Google Books ids are refused by `brink check`, at sources.toml: source[0].url."""
    edit(copy_mini / SOURCES, 'archive = "Alfred A. Knopf (New York)"', f'url = "{url}"')
    [p] = check(load_scenario(copy_mini)).problems
    assert (p.file, p.path) == (SOURCES, "source[0].url")
    assert "cite the archive or the published work instead" in p.message


@pytest.mark.parametrize(
    "url",
    [
        "https://history.state.gov/historicaldocuments/frus1961-63v11/d102",
        "https://nsarchive.gwu.edu/briefing-book/cuban-missile-crisis",
        "https://digitalarchive.wilsoncenter.org/document/central-committee",
        "https://www.jfklibrary.org/learn/about-jfk/jfk-in-history/cuban-missile-crisis",
    ],
)
def test_the_archives_a_student_can_open_are_allowed(url):
    assert denied(url) is None


def test_a_title_that_says_why_it_is_cited_is_refused(copy_mini, edit):
    edit(copy_mini / SOURCES, 'title = "One Minute to Midnight"', 'title = "Article cited for X"')
    [p] = check(load_scenario(copy_mini)).problems
    assert (p.file, p.path) == (SOURCES, "source[0].title")


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ('author = "Michael Dobbs"\n', "", "source[0].author"),
        ('date = "2008"\n', "", "source[0].date"),
        ('archive = "Alfred A. Knopf (New York)"\n', "", "source[0]"),
    ],
)
def test_check_requires_author_date_and_where_to_open_it(copy_mini, edit, old, new, path):
    """A source without author, date, or url and archive still loads (an older scenario
    plays), but `brink check` refuses it, naming sources.toml and the field."""
    edit(copy_mini / SOURCES, old, new)
    [p] = check(load_scenario(copy_mini)).problems
    assert (p.file, p.path) == (SOURCES, path)


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ('date = "2008"', 'date = "Oct 1962"', "source[0].date"),
        ('date = "2008"', 'date = "1962-13-01"', "source[0].date"),
        ('archive = "Alfred A. Knopf (New York)"', 'url = "nsarchive.gwu.edu"', "source[0].url"),
    ],
)
def test_a_malformed_date_or_address_is_refused_on_load(copy_mini, edit, old, new, path):
    edit(copy_mini / SOURCES, old, new)
    [p] = load_problems(copy_mini)
    assert (p.file, p.path) == (SOURCES, path)


def test_check_requires_a_basis_for_every_argument(copy_mini, edit):
    edit(copy_mini / DAY1, 'basis = "illustrative"\n', "")
    [p] = check(load_scenario(copy_mini)).problems
    assert (p.file, p.path) == (DAY1, "decision[0].advisers[0].basis")
    assert "documented" in p.message and "illustrative" in p.message


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('basis = "illustrative"', 'basis = "likely"', "basis"),
        ('basis = "illustrative"', 'basis = "documented"', "needs the sources"),
        ('basis = "illustrative"', 'basis = "illustrative"\nsources = ["DOB"]', "cites no"),
    ],
)
def test_a_basis_must_fit_its_sources(copy_mini, edit, old, new, message):
    """An unknown basis, documented without sources, illustrative with sources: each is
    refused on load, naming the adviser in decisions/day1.toml."""
    edit(copy_mini / DAY1, old, new)
    [p] = load_problems(copy_mini)
    assert p.file == DAY1 and p.path.startswith("decision[0].advisers[0]")
    assert message in str(p)


def test_a_documented_argument_is_shown_with_its_sources(mini, copy_mini, edit):
    """The view words the basis once: "documented: Dobbs 2008", or illustrative."""
    [a] = adviser_views(mini, mini.decisions[0])
    assert a.basis.startswith("illustrative")
    edit(copy_mini / DAY1, 'basis = "illustrative"', 'basis = "documented"\nsources = ["DOB"]')
    s = load_scenario(copy_mini)
    [a] = adviser_views(s, s.decisions[0])
    assert a.basis == "documented: Dobbs 2008"
    assert basis(s, s.decisions[0].advisers[0]) == a.basis


def test_sources_read_by_author_and_title_not_by_key(mini):
    [dob] = mini.sources
    assert cite(dob) == "Michael Dobbs, One Minute to Midnight, 2008"
    assert cite_keys(mini, ["DOB"]) == cite(dob)
    assert "DOB" not in cite_keys(mini, ["DOB"])


def test_short_names_and_full_dates(cmc):
    by = {s.key: s for s in cmc.sources}
    assert short(by["FN97"]) == "Fursenko & Naftali 1997"
    assert short(by["DOB"]) == "Dobbs 2008"
    assert cite(by["DC27"]).endswith("27 October 1962")


def test_every_shipped_source_is_one_a_student_can_open(cmc):
    """The shipped sources pass the check, and the weak ones named in the audit are gone."""
    assert check_sources(cmc) == []
    keys = {s.key for s in cmc.sources}
    assert not keys & {"FUR", "MALV", "THO", "LEM", "DEF", "VIE", "UPI", "EMB", "PBS", "OAS"}
    for s in cmc.sources:
        assert s.author and s.date and (s.url or s.archive), s.key
    voices = [a for d in cmc.decisions for a in d.advisers]
    assert all(a.basis in ("documented", "illustrative") for a in voices)


def test_every_frus_document_is_titled_by_what_it_is(cmc):
    """A FRUS document (an address ending in /dNNN) is cited by what the document is (an
    editorial note, a telegram, a letter, a memorandum...), never by its volume and number alone,
    and not a number the student cannot tell from the next."""
    import re

    # COR: the form of FRUS XI, no. 99 could not be confirmed against the volume; its title says
    # what it is cited on until it is.
    frus = [
        s
        for s in cmc.sources
        if s.url and re.search(r"historicaldocuments/frus[^/]+/d\d+$", s.url) and s.key != "COR"
    ]
    assert len(frus) >= 15
    for s in frus:
        bare = re.sub(r"\s*\([^)]*\)", "", s.title)
        assert not re.fullmatch(r"Foreign Relations of the United States.*Document \d+", bare), (
            s.key
        )
