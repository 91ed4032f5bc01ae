"""The ending: headline, epilogue, what historians think, who gained beside history, the path
beside the real timeline, the danger over time, the divergence, and the endings found so far."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Sparkline, Static

from ...engine.compare import historical_ending, report
from ...engine.sources import cite_keys
from ...engine.view import ending_told
from ...model.scenario import Scenario
from ...model.state import GameState
from ..flow import ToTitle
from ..widgets.footer import KeyFooter
from ..widgets.text import MUTED, give, line, reflow, score
from .styled import StyledOnce


class EndingScreen(StyledOnce, Screen):
    """Everything plain mode prints at the end, plus the danger chart and the endings found."""

    AUTO_FOCUS = "#ending"
    """Focused as the screen is built (see :mod:`.styled`)."""

    BINDINGS: ClassVar[list] = [
        Binding("n", "again", "Play again"),
        Binding("o", "other", "Other leader"),
        Binding("d", "app.dossier", "Dossier"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("escape", "leave", "Title"),
    ]

    def __init__(self, scenario: Scenario, state: GameState, found: frozenset[str]):
        super().__init__()
        self.scenario, self.game_state, self.found = scenario, state, found
        self._report = report(scenario, state)
        self._rest_mounted = False

    def compose(self) -> ComposeResult:
        yield Static(id="where")
        with VerticalScroll(id="ending"):
            yield Static(id="headline", classes="headline")
            yield Static(id="epilogue", classes="para")
            yield Static(id="seen-heading", classes="heading")
            yield Static(id="seen", classes="para")
            yield line("What historians think", "heading")
            yield Static(id="historians", classes="para")
            yield Static(id="ending-sources", classes="para muted")
            yield line("n play again · o play the other leader · Esc title", "hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._show_top()
        # the rest starts below the fold: it is mounted once the top is on screen, so the
        # ending appears sooner after the key that leads to it. (Not in a container of its
        # own, as Textual's Lazy would put it: a container inside the scroll draws and keeps
        # a blank line of its own for each of the rest's four hundred lines.)
        self.call_after_refresh(self._mount_rest)

    def show(self, state: GameState, found: frozenset[str]) -> None:
        """Show another game's ending in place (a classroom's tab keeps this screen for all
        its games, see :mod:`..kept`)."""
        self.game_state, self.found = state, found
        self._report = report(self.scenario, state)
        if not self.is_mounted:
            return
        self._show_top()
        if self._rest_mounted:
            self._show_rest()
        scroll = self.query_one("#ending", VerticalScroll)
        scroll.scroll_home(animate=False, immediate=True)
        scroll.focus()

    def _show_top(self) -> None:
        """The headline, the epilogue, how the player's side saw it and what historians
        think."""
        s, st = self.scenario, self.game_state
        e = ending_told(s, st)
        view = e.seen_from.get(st.side)
        give(self.query_one("#where", Static), Content(f"The end · {e.title}"))
        give(self.query_one("#headline", Static), Content(e.title))
        give(self.query_one("#epilogue", Static), Content(reflow(e.epilogue)))
        heading = f"As the {s.meta.sides[st.side].name} saw it" if view else ""
        self._shown("#seen-heading", Content(heading))
        self._shown("#seen", Content(reflow(view or "")))
        give(self.query_one("#historians", Static), Content(reflow(e.historians)))
        sources = f"Sources: {cite_keys(s, e.sources)}" if e.sources else ""
        self._shown("#ending-sources", Content(reflow(sources)))

    def _shown(self, selector: str, content: Content) -> None:
        """Give a part its content, shown only when it has some."""
        widget = self.query_one(selector, Static)
        give(widget, content)
        widget.display = bool(content)

    def _mount_rest(self) -> None:
        scroll = self.query_one("#ending")
        scroll.mount_all(list(self._rest()), before=scroll.query_one(".hint"))
        self._rest_mounted = True
        self._show_rest()

    def _rest(self):
        """Who gained, the danger over time, the divergence, the path and the endings found
        (filled in by :meth:`_show_rest`)."""
        hist = historical_ending(self.scenario)
        yield line(f"Who gained: this game beside history ({hist.title}), −2 to +2", "heading")
        yield Static(id="gains")
        yield line("Danger over time", "heading")
        yield Sparkline(self._report.dangers, id="danger-chart")
        yield Static(id="danger-words", classes="muted")
        yield Static(id="divergence", classes="figure")
        yield line("Your path beside the real timeline", "heading")
        yield Static(id="path", classes="date-row")
        yield Static(id="found-heading", classes="heading")
        yield Static(id="found-list", classes="found-list")

    def _show_rest(self) -> None:
        r = self._report
        give(self.query_one("#gains", Static), self._gains())
        self.query_one("#danger-chart", Sparkline).data = r.dangers
        give(self.query_one("#danger-words", Static), Content(r.danger_words))
        divergence = f"Divergence from history: {r.divergence}% of your decisions"
        give(self.query_one("#divergence", Static), Content(divergence))
        give(self.query_one("#path", Static), self._path())
        heading, found = self._found()
        give(self.query_one("#found-heading", Static), heading)
        give(self.query_one("#found-list", Static), found)

    def _gains(self) -> Content:
        """Each leader's gain on each dimension, this game beside history, with its reason
        on the line below: one text, however many rows."""
        parts: list = []
        for g in self._report.gains:
            parts += ["\n\n"] if parts else []
            parts.append((f"{g.leader.title()} — {g.dimension}: ", "bold"))
            parts.append(f"{score(g.score)} here, {score(g.historical_score)} in history")
            if g.note:
                parts += ["\n", (reflow(g.note), MUTED)]
        return Content.assemble(*parts)

    def _path(self) -> Content:
        """The player's path beside the real timeline, date by date."""
        parts: list = []
        for row in self._report.timeline:
            parts += ["\n\n"] if parts else []
            parts.append((row.label, "bold"))
            for text in row.game:
                parts += ["\n", f"game: {reflow(text)}"]
            for entry in row.history:
                sources_ = cite_keys(self.scenario, entry.sources)
                parts += ["\n", (f"history: {entry.title} [{sources_}]", MUTED)]
        return Content.assemble(*parts)

    def _found(self) -> tuple[Content, Content]:
        """The endings found so far: a heading, then each ending found or its clue."""
        endings = self.scenario.endings
        got = [e for e in endings if e.id in self.found]
        heading = Content(f"Endings found so far: {len(got)} of {len(endings)}")
        parts: list = [(f"✓ {e.title}\n", "$success") for e in got]
        parts += [
            (f"? not yet found — clue: {reflow(e.clue or 'no clue')}\n", MUTED)
            for e in endings
            if e.id not in self.found
        ]
        return heading, Content.assemble(*parts).rstrip()

    def action_again(self) -> None:
        game = self.app.game  # the same player and class, unless they change them
        names = (game.player, game.class_code) if game is not None else ("", "")
        self.post_message(ToTitle(then=self.app.new_game_form(self.game_state.role, *names)))

    def action_other(self) -> None:
        others = [r for r in self.scenario.meta.roles if r.id != self.game_state.role]
        ready = [r for r in others if r.available]
        if not ready:
            names = ", ".join(r.title for r in others) or "another leader"
            self.app.notify(f"{names}: coming soon. This campaign is still being written.")
            return
        self.post_message(ToTitle(then=self.app.new_game_form(ready[0].id)))

    def action_leave(self) -> None:
        self.post_message(ToTitle())
