"""The debrief as one self-contained, printable HTML file.

Inline CSS with a print stylesheet (each topic starts a page, a student's transcript is not cut
across pages), charts as inline SVG (see ``svg``), no script, no outside file, no font fetched.
Every text, from the saves and from the scenario alike, is escaped with ``html.escape(...,
quote=True)``; nothing a student typed is ever put in a tag, an attribute or an id.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from ..engine.view import reflow
from . import roster, svg
from .figures import Debrief, DecisionFigures
from .students import Student, label
from .text import (
    TOPICS,
    campaign_rows,
    counts_lines,
    distribution,
    ending_line,
    gains_table,
    left_out,
    matched_word,
    roles_line,
    subtitle,
    title,
)

CSS = """
:root { color-scheme: light; }
body { font: 16px/1.45 Georgia, "Times New Roman", serif; color: #111; background: #fff;
  max-width: 62rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 2rem; margin: 0 0 .3rem; }
h2 { font-size: 1.6rem; border-bottom: 3px solid #111; margin-top: 2.5rem; }
h3 { font-size: 1.2rem; margin: 1.6rem 0 .4rem; }
p.sub, .muted { color: #444; }
nav a { margin-right: 1rem; color: #111; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #888; padding: .2rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr));
  gap: .6rem; margin: 1rem 0; }
.figure { border: 2px solid #111; padding: .5rem .7rem; }
.figure b { display: block; font-size: 1.9rem; line-height: 1.1; }
.chart { display: block; max-width: 100%; height: auto; margin: .4rem 0 1rem; }
.question, .myth, .student { margin-bottom: 1.2rem; }
.answer { border-left: 4px solid #111; padding-left: .8rem; }
.diverged { font-style: italic; }
.adviser { margin: .3rem 0; }
@page { margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  h2 { break-before: page; }
  h2.first { break-before: auto; }
  h2, h3 { break-after: avoid; }
  .decision, .question, .myth, .figure, tr, .chart, .keep { break-inside: avoid; }
  .student { break-before: page; }
  h2 + .student { break-before: auto; }
  a { color: inherit; text-decoration: none; }
}
"""


@lru_cache(maxsize=1 << 16)
def _escape(text: str) -> str:
    return escape(text, quote=True)


def e(text: object) -> str:
    """Escaped for HTML text and attributes (a text met again, such as an option's label in
    every transcript, is escaped once)."""
    return _escape(str(text))


def p(text: str, cls: str = "") -> str:
    """Scenario prose as paragraphs."""
    attr = f' class="{cls}"' if cls else ""
    return "".join(f"<p{attr}>{e(part)}</p>" for part in reflow(text).split("\n\n"))


def render(d: Debrief, show_names: bool = True) -> str:
    """The whole debrief as one HTML document."""
    ids = ("overview", "decisions", "questions", "myths", "students", "skipped")
    nav = "".join(f'<a href="#{i}">{e(t)}</a>' for i, t in zip(ids, TOPICS, strict=True))
    out = [
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title(d))}</title><style>{CSS}</style></head><body>",
        f'<header><h1>{e(title(d))}</h1><p class="sub">{e(subtitle(d, show_names))}</p>',
        f"<nav>{nav}</nav></header>",
    ]
    out += _overview(d) + _campaigns(d) + _roster(d, show_names)
    out.append(f'<h2 id="decisions">{e(TOPICS[1])}</h2>')
    out += [_decision(x, i) for i, x in enumerate(d.decisions)]
    out.append(f'<h2 id="questions">{e(TOPICS[2])}</h2><ol>')
    for q in d.questions:
        about = f" On “{e(q.decision)}”." if q.decision else ""
        out.append(
            f'<li class="question"><p><b>{e(reflow(q.text))}</b></p>'
            f'<p class="muted">{e(q.why)}.{about}</p><div class="answer">'
            f"<p><i>Historians:</i> {e(reflow(q.answer))}</p>"
            + (f'<p class="muted">Sources: {e("; ".join(q.sources))}</p>' if q.sources else "")
            + "</div></li>"
        )
    out.append(f'</ol><h2 id="myths">{e(TOPICS[3])}</h2>')
    for m in d.myths:
        out.append(
            f'<div class="myth"><p><b>Myth:</b> {e(reflow(m.claim))}</p>'
            f'<p class="answer"><b>Fact:</b> {e(reflow(m.fact))}</p>'
            f'<p class="muted">Sources: {e("; ".join(m.sources))}</p></div>'
        )
    out.append(f'<h2 id="students">{e(TOPICS[4])}</h2>')
    top = d.overview.danger_max
    out += [_student(s, show_names, top) for s in d.students]
    out.append(f'<h2 id="skipped">{e(TOPICS[5])}</h2>')
    if d.skipped:
        out.append("<ul>")
        out += [f"<li>{e(left_out(s, show_names))}</li>" for s in d.skipped]
        out.append("</ul>")
    else:
        out.append("<p>None: every file was read.</p>")
    out.append("</body></html>\n")
    return "".join(out)


def _overview(d: Debrief) -> list[str]:
    o = d.overview
    big = [
        ("games", o.games),
        ("finished", o.finished),
        ("nuclear war", o.nuclear_war),
        ("historical settlement", o.historical),
        ("highest danger", f"{o.worst_danger}/{o.danger_max}"),
        ("mean divergence", f"{o.mean_divergence:.0f}%"),
    ]
    out = [f'<h2 id="overview" class="first">{e(TOPICS[0])}</h2><div class="figures">']
    out += [f'<div class="figure"><b>{e(v)}</b>{e(k)}</div>' for k, v in big]
    out.append("</div><ul>")
    out += [f"<li>{e(line)}</li>" for line in roles_line(o)]
    out.append("</ul><h3>Endings</h3>")
    rows = [(x.title, x.count, x.historical) for x in o.endings]
    if o.unfinished:
        rows.append(("Unfinished", o.unfinished, False))
    out.append(svg.bars(rows, o.games, "endings"))
    out.append("<table>")
    out += [f'<tr><th>{e(k)}</th><td class="n">{e(v)}</td></tr>' for k, v in counts_lines(o)]
    out.append("</table><h3>Peak danger by game</h3>")
    out.append(svg.bars([(f"danger {k}", v, False) for k, v in o.peak_danger], o.games, "danger"))
    out.append(f'<p class="muted">{e(distribution(o.peak_danger))}</p>')
    out.append("<h3>Most alert DEFCON by game</h3>")
    out.append(svg.bars([(f"DEFCON {k}", v, False) for k, v in o.peak_defcon], o.games, "defcon"))
    return out


def _campaigns(d: Debrief) -> list[str]:
    """The overview side by side for each campaign (when both were played)."""
    if len(d.campaigns) < 2:
        return []
    heads, rows = campaign_rows(d)
    out = ['<h3 id="campaigns">By campaign</h3><table class="keep"><tr><th>Figure</th>']
    out += [f"<th>{e(h)}</th>" for h in heads]
    out.append("</tr>")
    out += [
        f"<tr><th>{e(k)}</th>" + "".join(f'<td class="n">{e(v)}</td>' for v in vs) + "</tr>"
        for k, vs in rows
    ]
    out.append("</table>")
    return out


def _roster(d: Debrief, show_names: bool) -> list[str]:
    """The roster for grading (see :mod:`.roster`)."""
    out = ['<h2 id="roster">Roster</h2><table><tr>']
    out += [f"<th>{e(c)}</th>" for c in roster.COLUMNS]
    out.append("</tr>")
    out += [
        "<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>"
        for row in roster.rows(d, show_names)
    ]
    out.append("</table>")
    return out


def _decision(x: DecisionFigures, i: int) -> str:
    """One decision; its bars are of the students who made it."""
    out = [
        f'<div class="decision"><h3>{e(x.date)}: {e(x.title)}</h3>',
        f'<p class="muted">For: {e(x.role_title)}. {x.chose} chose'
        + (f"; {x.waiting} unfinished games stopped here" if x.waiting else "")
        + ".</p>",
        svg.bars([(o.label, o.count, o.historical) for o in x.options], x.chose, f"d{i}"),
    ]
    if x.history is not None:
        who = f" ({x.history_by}{', ' + x.history_date if x.history_date else ''})"
        out.append(
            f"<p><b>History chose “{e(x.history)}”</b>{e(who) if x.history_by else ''}: "
            f"{e(reflow(x.history_note))}</p>"
        )
    else:
        out.append(
            f"<p><b>History never faced this decision:</b> {e(reflow(x.none_because or ''))}</p>"
        )
    for a in x.advisers:
        side = f" — for “{e(a.option)}”" if a.option else ""
        out.append(
            f'<p class="adviser"><b>{e(a.name)}</b>, {e(a.title)}{side}: {e(reflow(a.argument))} <i>({e(a.basis)})</i></p>'
        )
    for q in x.questions:
        out.append(f"<p><i>Question for the class:</i> {e(reflow(q.text))}</p>")
    out.append("</div>")
    return "".join(out)


def _student(s: Student, show_names: bool, top: int) -> str:
    cls = f", class {e(s.class_code)}" if s.class_code else ""
    out = [
        f'<div class="student"><h3>{e(label(s, show_names))}{cls}</h3>',
        f"<p>{e(s.role_title)}; the other side played {e(s.opponent)}, incidents {e(s.events)}. "
        f"Ending: <b>{e(ending_line(s))}</b>. Peak danger {s.peak_danger}, most alert DEFCON "
        f"{s.peak_defcon}, divergence {s.divergence}% ({s.matched} of {len(s.choices)} choices "
        "as history).</p>",
    ]
    if s.choices:
        out.append(
            "<table><tr><th>Date</th><th>Decision</th><th>Chose</th><th>History</th><th></th></tr>"
        )
        for c in s.choices:
            mark = "" if c.matched else ' class="diverged"'
            out.append(
                f"<tr{mark}><td>{e(c.date)}</td><td>{e(c.decision)}</td><td>{e(c.chosen)}</td>"
                f"<td>{e(c.historical or '—')}</td><td>{e(matched_word(c.matched))}</td></tr>"
            )
        out.append("</table>")
    out.append(f'<div class="keep"><p class="muted">Danger over time (0–{top}):</p>')
    out.append(svg.danger_line(s.danger, top) + "</div>")
    if s.gains:
        leaders, rows = gains_table(s.gains)
        out.append("<table><tr><th>Who gained (−2 to +2)</th>")
        out += [f"<th>{e(name)}</th>" for name in leaders]
        out.append("</tr>")
        for dim, cells in rows:
            out.append(f"<tr><td>{e(dim)}</td>" + "".join(f"<td>{e(c)}</td>" for c in cells))
            out.append("</tr>")
        out.append("</table>")
    out.append("</div>")
    return "".join(out)
