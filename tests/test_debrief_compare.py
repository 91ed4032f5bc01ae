"""Two classes side by side (``brink debrief DIR --class 7A --class 7B``): each class's figures
in its own column, computed here from the saves, each decision's shares over the students of
that class who made it; names and file names hidden with --anonymize; bad --class lists refused
in words."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from debrief_class import html_parts, make_class

from game.cli import main
from game.debrief import build, gather
from game.debrief.compare import NO_GAME, NOT_REACHED, compare
from game.debrief.text import share

NAMES = ("Tom Jones", "Ann Lee", "<script>x</script>", "Raj Patel", "Eve Ng", "Ben | Bo")


@pytest.fixture(scope="module")
def folder(cmc, tmp_path_factory):
    """12 games: 7A and 7B alternately, so each class plays one campaign only (Kennedy for
    7A, Khrushchev for 7B), and a class 7C of two games (one of each) in a sub-folder; a copy
    and a damaged file named after their students."""
    folder = tmp_path_factory.mktemp("classes")
    made = make_class(cmc, folder, n=12, names=NAMES)
    for m in make_class(cmc, folder / "7C", n=2, classes=("7C",), seed=9):
        m.path.write_text(
            json.dumps({**json.loads(m.path.read_text("utf-8")), "id": f"7c-{m.save.id}"})
        )
    raw = json.loads(made[0].path.read_text("utf-8"))
    (folder / "Tom's game (copy).json").write_text(made[0].path.read_text("utf-8"))
    (folder / "Zoe Black - game.json").write_text(
        json.dumps({**raw, "seed": "x", "player": "Zoe Black"})
    )
    return folder


@pytest.fixture(scope="module")
def saves(cmc, folder):
    return [g.save for g in gather(folder, cmc).games]


def side_by_side(cmc, folder, codes, show_names=True):
    g = gather(folder, cmc)
    return compare(cmc, [build(cmc, g, c) for c in codes], show_names)


def test_each_column_is_its_own_classes_figures(cmc, folder, saves):
    c = side_by_side(cmc, folder, ["7B", "7C"])
    assert c.classes == ("class 7B", "class 7C")
    rows = dict(c.overview)
    tags = {e.id: set(e.tags) for e in cmc.endings}
    for i, code in enumerate(("7B", "7C")):
        mine = [s for s in saves if s.class_code == code]
        done = [s for s in mine if s.summary.ending]
        war = sum("war" in tags[s.summary.ending] for s in done)
        assert rows["Games"][i] == str(len(mine))
        assert rows["Ended in any fighting"][i] == share(war, len(done))
    assert rows["Games"] == ("6", "2")
    # 7B played Khrushchev only: the Kennedy campaign says "no game" for it
    kennedy, khrushchev = c.campaigns
    assert dict(kennedy.rows)["Games"] == (NO_GAME, "1")
    assert dict(khrushchev.rows)["Games"] == ("6", "1")


def test_each_decision_is_shared_over_those_of_the_class_who_made_it(cmc, folder, saves):
    c = side_by_side(cmc, folder, ["7A", "7C"])
    assert c.decisions
    labels = {(d.id, o.id): o.label for d in cmc.decisions for o in d.options}
    checked = 0
    for x in c.decisions:
        did = next(d.id for d in cmc.decisions if d.title == x.title)
        for i, code in enumerate(("7A", "7C")):
            made = [
                ch for s in saves if s.class_code == code for ch in s.choices if ch.decision == did
            ]
            for label, _, cells in x.rows:
                n = sum(labels[(did, ch.option)] == label for ch in made)
                want = share(n, len(made)) if made else cells[i]
                assert cells[i] == want
                checked += 1
            if not made:
                assert set(cells[i] for _, _, cells in x.rows) <= {NOT_REACHED, "none chose yet"}
    assert checked > 20
    # the decisions come in the calendar's order
    order = [d.title for phase in cmc.index.phase_decisions for d in phase]
    assert [order.index(x.title) for x in c.decisions] == sorted(
        order.index(x.title) for x in c.decisions
    )


def test_the_command_writes_markdown_and_escaped_html(folder, capsys, tmp_path):
    assert main(["debrief", str(folder), "--class", "7A", "--class", "7b", "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert "| Figure | class 7A | class 7B |" in out and "## By campaign" in out
    assert "Made the decision" in out and "Ann Lee" not in out  # no student in a comparison
    page = tmp_path / "side.html"
    args = ["--class", "7A", "--class", "7B", "--out", str(page), "--paper", "a4"]
    assert main(["debrief", str(folder), *args]) == 0
    assert "2 classes side by side" in capsys.readouterr().out
    html = page.read_text("utf-8")
    parts = html_parts(html)
    assert "script" not in parts.tags and "size: A4" in html
    assert "class 7A" in parts.text and "Files left out" in parts.text


def test_anonymize_holds_side_by_side(folder, capsys):
    for fmt in ("md", "html"):
        args = ["--class", "7A", "--class", "7B", "--anonymize", "--format", fmt]
        assert main(["debrief", str(folder), *args]) == 0
        out, err = capsys.readouterr()
        for text in (out, err):
            for word in ("Tom", "Zoe", "Black", "Jones", "Ann", "Raj", "script", ".json", "copy)"):
                assert word not in text, (fmt, word)
        assert "file 1: damaged (seed:" in out and "file 2: a second copy" in out
        assert "names hidden" in out
    args = ["--class", "7A", "--class", "7B", "--format", "md"]
    assert main(["debrief", str(folder), *args]) == 0
    assert "Zoe Black - game.json" in capsys.readouterr().out  # names shown: the file is named


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["--class", "7A", "--class", "9Z", "--format", "md"], 1, "no game of class '9Z' in "),
        (["--class", "7A", "--class", "7A", "--format", "md"], 2, "--class '7A' is given twice"),
        (["--class", "7A", "--class", " 7a ", "--format", "md"], 2, "are one class"),
        (["--class", "7A", "--class", "7B", "--format", "csv"], 2, "--format md or html"),
        (
            ["--class", "7A", "--class", "7B", "--format", "md", "--topics", "overview"],
            2,
            "--topics",
        ),
        (
            ["--class", "7A", "--class", "7C", "--role", "khrushchev", "--format", "md"],
            1,
            "class '7A'",
        ),
    ],
)
def test_bad_class_lists_are_refused_in_words(folder, capsys, args, code, says):
    assert main(["debrief", str(folder), *args]) == code
    out, err = capsys.readouterr()
    assert out == "" and says in err and "Traceback" not in err
    assert "(classes: 7A, 7B, 7C)" in err or code != 1 or "--role" in args


def test_one_campaign_side_by_side(cmc, folder, capsys):
    args = ["--class", "7A", "--class", "7C", "--role", "kennedy", "--format", "md"]
    assert main(["debrief", str(folder), *args]) == 0
    out = capsys.readouterr().out
    assert "side by side, Advise President Kennedy" in out and "## By campaign" not in out
    assert (
        Counter(line.split("|")[1].strip() for line in out.splitlines() if "|" in line)["Games"]
        == 1
    )
