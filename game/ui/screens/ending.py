"""The ending: headline, epilogue, what historians think, who gained beside history, the path
beside the real timeline, the danger over time, the divergence, and the endings found so far."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
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
from ..widgets.text import MUTED, line, para, reflow, score
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

    def compose(self) -> ComposeResult:
        s, st = self.scenario, self.game_state
        e = ending_told(s, st)
        self._report = report(s, st)
        yield Static(Text(f"The end · {e.title}"), id="where")
        with VerticalScroll(id="ending"):
            yield line(e.title, "headline")
            yield para(e.epilogue)
            if view := e.seen_from.get(st.side):
                yield line(f"As the {s.meta.sides[st.side].name} saw it", "heading")
                yield para(view)
            yield line("What historians think", "heading")
            yield para(e.historians)
            if e.sources:
                yield para(f"Sources: {cite_keys(s, e.sources)}", "muted")
            yield line("n play again · o play the other leader · Esc title", "hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        # the rest starts below the fold: it is mounted once the top is on screen, so the
        # ending appears sooner after the key that leads to it. (Not in a container of its
        # own, as Textual's Lazy would put it: a container inside the scroll draws and keeps
        # a blank line of its own for each of the rest's four hundred lines.)
        self.call_after_refresh(self._mount_rest)

    def _mount_rest(self) -> None:
        scroll = self.query_one("#ending")
        scroll.mount_all(list(self._rest()), before=scroll.query_one(".hint"))

    def _rest(self):
        """Who gained, the danger over time, the divergence, the path and the endings found."""
        s, r = self.scenario, self._report
        hist = historical_ending(s)
        yield line(f"Who gained: this game beside history ({hist.title}), −2 to +2", "heading")
        yield Static(self._gains(), id="gains")
        yield line("Danger over time", "heading")
        yield Sparkline(r.dangers, id="danger-chart")
        yield line(r.danger_words, "muted")
        yield line(f"Divergence from history: {r.divergence}% of your decisions", "figure")
        yield line("Your path beside the real timeline", "heading")
        parts: list = []
        for row in r.timeline:
            parts += ["\n\n"] if parts else []
            parts.append((row.label, "bold"))
            for text in row.game:
                parts += ["\n", f"game: {reflow(text)}"]
            for entry in row.history:
                sources_ = cite_keys(self.scenario, entry.sources)
                parts += ["\n", (f"history: {entry.title} [{sources_}]", MUTED)]
        yield Static(Content.assemble(*parts), classes="date-row")
        yield from self._found()

    def _found(self):
        endings = self.scenario.endings
        got = [e for e in endings if e.id in self.found]
        yield line(f"Endings found so far: {len(got)} of {len(endings)}", "heading")
        parts: list = [(f"✓ {e.title}\n", "$success") for e in got]
        parts += [
            (f"? not yet found — clue: {reflow(e.clue or 'no clue')}\n", MUTED)
            for e in endings
            if e.id not in self.found
        ]
        yield Static(Content.assemble(*parts).rstrip(), classes="found-list")

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

    def action_again(self) -> None:
        from .new_game import NewGameScreen

        game = self.app.game  # the same player and class, unless they change them
        names = (game.player, game.class_code) if game is not None else ("", "")
        self.post_message(ToTitle(then=NewGameScreen(self.game_state.role, *names)))

    def action_other(self) -> None:
        others = [r for r in self.scenario.meta.roles if r.id != self.game_state.role]
        ready = [r for r in others if r.available]
        if not ready:
            names = ", ".join(r.title for r in others) or "another leader"
            self.app.notify(f"{names}: coming soon. This campaign is still being written.")
            return
        from .new_game import NewGameScreen

        self.post_message(ToTitle(then=NewGameScreen(ready[0].id)))

    def action_leave(self) -> None:
        self.post_message(ToTitle())
