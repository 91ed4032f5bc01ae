"""The HTML report from its Jinja2 templates: every text escaped, whatever field it comes from;
the style and the charts from the package's own files."""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from importlib.resources import files

import pytest
from debrief_class import html_parts, make_class

from game.debrief import build, gather, render
from game.debrief.report_html import environment

MARK = '<blink onload="x()">\'&'
"""Put before every text of a debrief: a tag, an attribute, quotes and an ampersand."""


def poison(obj):
    """``obj`` with MARK before every text it holds (scenario texts, names, file names...)."""
    if isinstance(obj, str):
        return MARK + obj
    if isinstance(obj, tuple):
        return tuple(poison(x) for x in obj)
    if is_dataclass(obj) and not isinstance(obj, type):
        return replace(obj, **{f.name: poison(getattr(obj, f.name)) for f in fields(obj)})
    return obj


@pytest.fixture(scope="module")
def debrief(cmc, tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    made = make_class(cmc, folder, n=8)
    (folder / "damaged.json").write_text("{")
    assert made
    return build(cmc, gather(folder, cmc))


@pytest.mark.parametrize("show_names", [True, False])
def test_every_text_of_the_report_is_escaped(debrief, show_names):
    hostile = poison(debrief)
    assert hostile.decisions[0].title.startswith(MARK) and hostile.skipped
    page = render(hostile, "html", show_names)
    assert "<blink" not in page.lower() and "x()" not in " ".join(html_parts(page).attributes)
    parts = html_parts(page)
    assert "blink" not in parts.tags
    # scenario texts (titles, options, notes, advisers, questions, myths) and the saves' texts
    shown = parts.text.count(MARK)
    assert shown > 10 * len(debrief.decisions), shown
    for x in hostile.decisions:
        assert x.title in parts.text and x.options[0].label[:30] in parts.text
    md = render(hostile, "md", show_names)
    assert "<blink" not in md.lower()


def test_the_style_is_the_packages_css_file(debrief):
    css = files("game.debrief").joinpath("templates/report.css").read_text("utf-8")
    assert "@media print" in css
    page = render(debrief, "html")
    assert css.strip() in page
    assert "<script" not in page and "http" not in page.split("<body>")[0]


def test_the_environment_autoescapes():
    env = environment()
    assert env.autoescape is True
    assert env.from_string("{{ x }}").render(x="<b>&") == "&lt;b&gt;&amp;"
