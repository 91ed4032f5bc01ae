"""The debrief as one self-contained, printable HTML file, rendered from Jinja2 templates.

``templates/debrief.html.j2`` is the report; ``templates/parts.html.j2`` holds what it repeats,
the charts as inline SVG (geometry from :mod:`.charts`) and a transcript's row;
``templates/report.css`` is its style with a print stylesheet. No script, no outside file, no font fetched. The environment autoescapes: every
text, from the saves and from the scenario alike, is escaped where the template writes it, and
nothing a student typed is ever put in a tag name or an id.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..engine.view import reflow
from . import charts, roster
from .compare import COMPARE_DECISIONS, Comparison
from .figures import Debrief
from .highlights import splits, war_choices
from .students import label
from .text import (
    NO_SPLIT,
    REPORT_TOPICS,
    SPLITS_HEADING,
    WARS_HEADING,
    campaign_rows,
    counts_lines,
    distribution,
    ending_line,
    gains_table,
    history_by,
    left_out,
    matched_word,
    roles_line,
    split_line,
    subtitle,
    title,
    war_line,
    wars_note,
)

PAPER = {"a4": "A4", "letter": "letter"}
"""The paper sizes ``--paper`` names, as CSS ``@page`` spells them."""


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The report's templates, autoescaped, with the helpers they call."""
    env = Environment(
        loader=PackageLoader("game.debrief", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["reflow"] = reflow
    env.globals.update(
        label=label,
        ending_line=ending_line,
        matched_word=matched_word,
        gains_rows=gains_table,
        history_by=history_by,
        left_out=left_out,
    )
    return env


def _memo(env: Environment) -> dict[str, object]:
    """The report's repeated pieces, each rendered (and escaped) once per report: a class
    repeats transcripts, danger curves and endings."""
    parts = env.get_template("parts.html.j2").module
    danger = parts.danger  # type: ignore[attr-defined]
    return {
        "choices_table": lru_cache(maxsize=None)(parts.choices_table),  # type: ignore[attr-defined]
        "gains_table": lru_cache(maxsize=None)(parts.gains_table),  # type: ignore[attr-defined]
        "danger_chart": lru_cache(maxsize=None)(
            lambda values, top: danger(charts.danger_line(values, top))
        ),
    }


def render(
    d: Debrief,
    show_names: bool = True,
    topics: tuple[str, ...] = tuple(REPORT_TOPICS),
    paper: str | None = None,
) -> str:
    """The debrief as one HTML document: the ``topics`` named (see
    :data:`.text.REPORT_TOPICS`), for ``paper`` ("a4", "letter"; None: the printer's)."""
    env = environment()
    o = d.overview
    endings = [(x.title, x.count, x.historical) for x in o.endings]
    if o.unfinished:
        endings.append(("Unfinished", o.unfinished, False))
    heads, rows = campaign_rows(d) if len(d.campaigns) > 1 else ([], [])
    wars = war_choices(d)
    return env.get_template("debrief.html.j2").render(
        **_memo(env),
        d=d,
        show_names=show_names,
        title=title(d),
        subtitle=subtitle(d, show_names),
        topics=topics,
        names=REPORT_TOPICS,
        nav=[(t, REPORT_TOPICS[t]) for t in topics],
        paper=PAPER[paper] if paper else None,
        big=[
            ("games", o.games),
            ("finished", o.finished),
            ("nuclear war", o.nuclear_war),
            ("historical settlement", o.historical),
            ("highest danger", f"{o.worst_danger}/{o.danger_max}"),
            ("mean divergence", f"{o.mean_divergence:.0f}%"),
        ],
        roles=roles_line(o),
        counts=counts_lines(o),
        endings_chart=charts.bars(endings, o.games, "endings"),
        peak_chart=charts.bars(
            [(f"danger {k}", v, False) for k, v in o.peak_danger], o.games, "danger"
        ),
        danger_words=distribution(o.peak_danger),
        defcon_chart=charts.bars(
            [(f"DEFCON {k}", v, False) for k, v in o.peak_defcon], o.games, "defcon"
        ),
        highlights={
            "splits_heading": SPLITS_HEADING,
            "splits": [
                (
                    split_line(x),
                    charts.bars(
                        [(p.label, p.count, False) for p in x.options if p.count],
                        x.chose,
                        f"s{i}",
                    ),
                )
                for i, x in enumerate(splits(d))
            ],
            "no_split": NO_SPLIT,
            "wars_heading": WARS_HEADING,
            "wars": [war_line(w) for w in wars],
            "wars_note": wars_note(o, wars),
        },
        campaign_heads=heads,
        campaign_rows=rows,
        roster_columns=roster.COLUMNS,
        roster_rows=roster.rows(d, show_names),
        decisions=[
            (
                x,
                charts.bars(
                    [(p.label, p.count, p.historical) for p in x.options], x.chose, f"d{i}"
                ),
            )
            for i, x in enumerate(d.decisions)
        ],
    )


def render_compare(c: Comparison, paper: str | None = None) -> str:
    """Classes side by side (see :mod:`.compare`) as one HTML document."""
    return (
        environment()
        .get_template("compare.html.j2")
        .render(
            c=c,
            names=REPORT_TOPICS,
            note=COMPARE_DECISIONS,
            paper=PAPER[paper] if paper else None,
        )
    )
