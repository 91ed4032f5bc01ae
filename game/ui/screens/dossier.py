"""The dossier: the people, the glossary and the sources met so far in this game (all of them
when no game is in progress)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static, TabbedContent, TabPane

from ...model.scenario import Scenario
from ...model.state import GameState
from ..met import met
from ..widgets.text import line, reflow, sources


class DossierScreen(Screen):
    BINDINGS: ClassVar[list] = [
        Binding("escape", "app.pop_screen", "Close"),
        Binding("p", "tab('people')", "People"),
        Binding("g", "tab('glossary')", "Glossary"),
        Binding("r", "tab('sources')", "Sources"),
    ]

    def __init__(self, scenario: Scenario, state: GameState | None):
        super().__init__()
        self.scenario = scenario
        self.met = met(scenario, state)

    def compose(self) -> ComposeResult:
        m, s = self.met, self.scenario
        scope = "everything (no game in progress)" if m.everything else "met so far in this game"
        yield line(f"Dossier — {scope}", "where")
        people = [(f"{p.name} — {p.title}", p.bio, ", ".join(p.sources)) for p in m.people]
        terms = [(t.term, t.definition, sources(s, t.sources)) for t in m.terms]
        refs = [
            (x.key, f"{x.author + ', ' if x.author else ''}{x.title}", x.url or "")
            for x in m.sources
        ]
        with TabbedContent(id="dossier"):
            for tab, label, rows, empty in (
                ("people", "People", people, "Nobody yet."),
                ("glossary", "Glossary", terms, "No terms yet."),
                ("sources", "Sources", refs, "No sources yet."),
            ):
                with TabPane(f"{label} ({len(rows)})", id=tab), VerticalScroll():
                    yield Static(_entries(rows, empty), classes="entries")
        yield Footer(compact=True)

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self.query_one(f"#{tab} VerticalScroll").focus()


def _entries(rows, empty: str) -> Content:
    """One text for a whole tab (one widget, not hundreds: the dossier opens fast)."""
    if not rows:
        return Content.styled(empty, "$text-muted")
    parts: list = []
    for title, body, extra in rows:
        parts += [(title, "bold $primary"), "\n", reflow(body), "\n"]
        if extra:
            parts += [
                (f"Sources: {extra}" if "(" in extra or "," in extra else extra, "$text-muted"),
                "\n",
            ]
        parts.append("\n")
    return Content.assemble(*parts)
