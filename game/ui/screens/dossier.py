"""The dossier: the people, the glossary and the sources met so far in this game (all of them
when no game is in progress)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static, TabbedContent, TabPane

from ...model.scenario import Scenario
from ...model.state import GameState
from ..met import met
from ..widgets.footer import KeyFooter
from ..widgets.text import MUTED, line, reflow, sources


class DossierScreen(Screen):
    """Built once and kept by the app (it is slow to build); :meth:`show` brings it up to date."""

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
        self._state = state
        self._labels: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield line("", "where")
        with TabbedContent(id="dossier"):
            for tab, _label, _rows, _empty in self._tabs():
                with TabPane(tab, id=tab), VerticalScroll():
                    yield Static(classes="entries")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._fill()

    def show(self, state: GameState | None) -> None:
        """What has been met in this game (state) so far; everything when there is no game."""
        if state is self._state:
            return
        self._state = state
        before, self.met = self.met, met(self.scenario, state)
        if self.is_mounted and self.met != before:  # often nothing new: no text to lay out again
            self._fill()

    def _tabs(self):
        m, s = self.met, self.scenario
        people = [(f"{p.name} — {p.title}", p.bio, ", ".join(p.sources)) for p in m.people]
        terms = [(t.term, t.definition, sources(s, t.sources)) for t in m.terms]
        refs = [
            (x.key, f"{x.author + ', ' if x.author else ''}{x.title}", x.url or "")
            for x in m.sources
        ]
        return (
            ("people", "People", people, "Nobody yet."),
            ("glossary", "Glossary", terms, "No terms yet."),
            ("sources", "Sources", refs, "No sources yet."),
        )

    def _fill(self) -> None:
        scope = (
            "everything (no game in progress)" if self.met.everything else "met so far in this game"
        )
        self.query_one(".where", Static).update(Text(f"Dossier — {scope}"))
        self._labels = {}
        for tab, label, rows, empty in self._tabs():
            self._labels[tab] = f"{label} ({len(rows)})"
            self.query_one(f"#{tab} .entries", Static).update(_entries(rows, empty))
        self._mark_active()

    def _mark_active(self) -> None:
        """The open tab is marked ▸ as well as coloured and underlined."""
        tabs = self.query_one(TabbedContent)
        for tab, label in self._labels.items():
            tabs.get_tab(tab).label = f"▸ {label}" if tab == tabs.active else label

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if self._labels:
            self._mark_active()

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self.query_one(f"#{tab} VerticalScroll").focus()


def _entries(rows, empty: str) -> Content:
    """One text for a whole tab (one widget, not hundreds: the dossier opens fast)."""
    if not rows:
        return Content.styled(empty, MUTED)
    parts: list = []
    for title, body, extra in rows:
        parts += [(title, "bold $primary"), "\n", reflow(body), "\n"]
        if extra:
            parts += [
                (f"Sources: {extra}" if "(" in extra or "," in extra else extra, MUTED),
                "\n",
            ]
        parts.append("\n")
    return Content.assemble(*parts)
