"""The projector's pages: the highlights, decisions only one student reached folded together,
and history's choice marked wherever a page tells it (so the screen can hold it back)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from debrief_class import html_parts, make_class

from game.debrief import build, gather, render
from game.debrief.highlights import splits, war_choices
from game.debrief.pages import lone, pages
from game.debrief.report_md import md
from game.debrief.text import war_line


@pytest.fixture(scope="module")
def debrief(cmc, tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    make_class(cmc, folder, n=16)
    return build(cmc, gather(folder, cmc))


def test_decisions_only_one_student_reached_share_one_page(debrief):
    lonely = [x for x in debrief.decisions if lone(x)]
    crowded = [x for x in debrief.decisions if not lone(x)]
    assert lonely and crowded, "the class has both kinds"
    ps = pages(debrief, False)
    titles = [p.title for p in ps if p.topic == 1]
    assert len(titles) == len(crowded) + 1
    assert titles[-1] == f"Decisions only one student reached ({len(lonely)})"
    for i, x in enumerate(crowded, 1):
        assert titles[i - 1] == f"Decision {i} of {len(crowded)}: {x.title}"
    folded = next(p for p in ps if p.title.startswith("Decisions only one"))
    headings = [b.text for b in folded.blocks if b.kind == "heading"]
    assert headings == [f"{x.date}: {x.title}" for x in lonely]
    assert all(x.chose + x.waiting <= 1 for x in lonely)


def test_every_block_that_tells_historys_choice_says_so(debrief):
    """With those blocks left out, no decision page names history's option as history's."""
    for p in pages(debrief, False):
        if p.topic != 1:
            continue
        assert p.has_history
        rest = [b for b in p.blocks if not b.history]  # a marked bar is drawn unmarked
        assert not any("History chose" in b.text or "History never" in b.text for b in rest)
        # the page's big figures: only "not as history" tells, and it is the last one
        figs = [b for b in p.blocks if b.kind == "figures"]
        assert all(b.figures[-1][1] == "not as history" for b in figs if b.history)


def test_highlights_follow_the_overview(debrief):
    ps = pages(debrief, False)
    assert [p.title for p in ps[:2]] == ["Overview", "Highlights"]
    top = splits(debrief)
    assert top and all(x.chose >= 2 for x in top)
    shares = [max(o.count for o in x.options) / x.chose for x in top]
    assert shares == sorted(shares)  # the most even split first
    others = [x for x in debrief.decisions if x not in top and x.chose >= 2]
    assert all(
        max(o.count for o in x.options) / x.chose >= shares[-1]
        for x in others
        if sum(o.count > 0 for o in x.options) >= 2
    )
    text = "\n".join(b.text for b in ps[1].blocks)
    assert all(f"{x.date}: {x.title}" in text for x in top)


def test_the_choices_that_led_to_war_are_counted_over_finished_games(debrief):
    war = {e.id for e in debrief.overview.endings if "war" in e.tags}
    done = [s for s in debrief.students if s.finished]
    rate = sum(s.ending_id in war for s in done) / len(done)
    found = war_choices(debrief)
    assert found, "some games of the class ended in war"
    for w in found:
        chose = [
            s
            for s in done
            if any(c.chosen == w.option and c.decision == w.decision for c in s.choices)
        ]
        assert w.chose == len(chose) and w.war == sum(s.ending_id in war for s in chose)
        assert w.war / w.chose > rate
    assert [w.war for w in found] == sorted((w.war for w in found), reverse=True)


def test_no_war_and_no_game_say_so(debrief):
    peace = replace(
        debrief,
        students=tuple(replace(s, ending_id=None, ending_title=None) for s in debrief.students),
    )
    assert war_choices(peace) == ()
    page = pages(peace, False)[1]
    assert "None: " in "\n".join(b.text for b in page.blocks)
    empty = replace(debrief, overview=replace(debrief.overview, games=0))
    assert "Highlights" not in [p.title for p in pages(empty, False)]


def test_the_reports_show_the_projectors_highlights(debrief):
    """One computation, rendered on the projector and in both reports: the same decisions,
    each option's count over those who made it, and the same choices that led to war."""
    page = pages(debrief, False)[1]
    lines = [b.text for b in page.blocks if b.kind in ("muted", "para")]
    wars = war_choices(debrief)
    assert wars and all(war_line(w) in lines for w in wars)
    html = html_parts(render(debrief, "html", topics=("highlights",))).text
    markdown = render(debrief, "md", topics=("highlights",))
    assert "Where the class split most" in html and "## Highlights" in markdown
    for line in lines:
        assert line in html and md(line) in markdown
    for x in splits(debrief):
        for o in x.options:
            if o.count:
                assert f"- {md(o.label)}: {o.count} of {x.chose} (" in markdown
    full = render(debrief, "html")
    assert full.index('id="overview"') < full.index('id="highlights"') < full.index('id="roster"')
