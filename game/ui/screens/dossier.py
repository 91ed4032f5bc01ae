"""The dossier: the people, the glossary and the sources met so far in this game (all of them
when no game is in progress), one after the other in one page; p, g and r jump to each.

One page rather than tabs: a tabbed dossier was three times the widgets, and it was the
slowest screen to open.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from ...engine.met import met
from ...engine.sources import cite, cite_keys, where
from ...model.scenario import Scenario
from ...model.state import GameState
from ..widgets.footer import KeyFooter
from ..widgets.text import MUTED, reflow
from .styled import StyledOnce

PARTS = ("people", "glossary", "sources")


class DossierScreen(StyledOnce, Screen):
    """Built once and kept by the app (it is slow to build); :meth:`show` brings it up to date."""

    AUTO_FOCUS = "#dossier"
    """Focused as the screen is built (see :mod:`.styled`)."""

    BINDINGS: ClassVar[list] = [
        Binding("escape", "app.pop_screen", "Close"),
        Binding("p", "jump('people')", "People"),
        Binding("g", "jump('glossary')", "Glossary"),
        Binding("r", "jump('sources')", "Sources"),
    ]

    def __init__(self, scenario: Scenario, state: GameState | None):
        super().__init__()
        self.scenario = scenario
        self.met = met(scenario, state)
        self._state = state
        self._shown: dict[str, list] = {}  # each part's rows as last shown

    def compose(self) -> ComposeResult:
        yield Static(id="where")  # the top bar every screen has
        with VerticalScroll(id="dossier"):
            for part in PARTS:  # filled by _fill, once mounted
                yield Static(classes="heading", id=f"{part}-heading")
                yield Static(classes="entries", id=part)
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

    def _parts(self):
        m, s = self.met, self.scenario
        people = [(f"{p.name} — {p.title}", p.bio, cite_keys(s, p.sources)) for p in m.people]
        terms = [(t.term, t.definition, cite_keys(s, t.sources)) for t in m.terms]
        refs = [(cite(x), where(x), "") for x in m.sources]
        return (
            ("people", "People", people, "Nobody yet."),
            ("glossary", "Glossary", terms, "No terms yet."),
            ("sources", "Sources", refs, "No sources yet."),
        )

    def _fill(self) -> None:
        scope = (
            "everything (no game in progress)" if self.met.everything else "met so far in this game"
        )
        self.query_one("#where", Static).update(Text(f"Dossier — {scope}"))
        for part, label, rows, empty in self._parts():
            if self._shown.get(part) == rows:  # unchanged: its text is not laid out again
                continue
            self._shown[part] = rows
            self.query_one(f"#{part}-heading", Static).update(Text(f"{label} ({len(rows)})"))
            self.query_one(f"#{part}", Static).update(_entries(rows, empty))
        # new entries move everything below them: start again from the top
        self.query_one("#dossier", VerticalScroll).scroll_home(animate=False, immediate=True)

    def action_jump(self, part: str) -> None:
        """Scroll the part's heading to the top."""
        self.query_one("#dossier", VerticalScroll).scroll_to_widget(
            self.query_one(f"#{part}-heading"), top=True, animate=False
        )


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
    return Content.assemble(*parts).rstrip()
