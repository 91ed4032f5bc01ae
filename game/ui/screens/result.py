"""After a choice: what happened, every track change with its reason, the other side's answer,
any incident, and the historical record (matched or diverged, by whom and when, sources)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from ...engine.play import Happening
from ...model.base import ROLE_SIDE
from ...model.scenario import Scenario
from ...model.state import GameState
from ..widgets.footer import KeyFooter
from ..widgets.text import line, para, sources

HEADINGS = {"decision": "Your decision", "answer": "The other side", "event": "Incident"}


class ResultScreen(Screen):
    """Shows the happenings of one engine call; Enter posts :class:`Continue`."""

    BINDINGS: ClassVar[list] = [
        Binding("enter", "go_on", "Continue"),
        Binding("space", "go_on", "Continue", show=False),
        Binding("d", "app.dossier", "Dossier"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("escape", "leave", "Title"),
    ]

    class Continue(Message):
        """The player has read the result."""

    def __init__(self, scenario: Scenario, state: GameState, happenings: tuple[Happening, ...]):
        super().__init__()
        self.scenario, self.game_state, self.happenings = scenario, state, happenings

    def compose(self) -> ComposeResult:
        s = self.scenario
        ended = self.game_state.ending is not None
        yield Static(Text("What followed"), id="where")
        with VerticalScroll(id="result"):
            for h in self.happenings:
                if h.kind == "ending":
                    continue
                with Vertical(classes=f"happening -{h.kind}"):
                    yield line(f"{HEADINGS[h.kind]}: {h.title}", "heading")
                    if h.kind == "answer" and h.option is not None:
                        yield line(f"They chose: {h.option.label}.", "chosen")
                    if h.kind == "decision" and h.option is not None:
                        yield line(f"You chose: {h.option.label}.", "chosen")
                    yield para(h.text)
                    yield from self._changes(h)
                    if h.kind == "decision" and h.decision is not None:
                        yield from self._record(h)
                    if h.kind == "event" and h.event is not None and h.event.note:
                        with Vertical(classes="record"):
                            yield line("Historical record", "record-title")
                            yield para(h.event.note)
                            if h.event.disputed:
                                yield para(f"Disputed: {h.event.disputed}", "muted")
                            if h.event.sources:
                                yield para(f"Sources: {sources(s, h.event.sources)}", "muted")
            more = "Press Enter to see how it ended." if ended else "Press Enter to go on."
            yield line(more, "hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#result").focus()

    def _changes(self, h: Happening):
        side = ROLE_SIDE[self.game_state.role]
        for c in h.changes:
            track = self.scenario.track(c.track)
            if side not in track.visible_to:
                continue
            sign = "+" if c.after > c.before else "-"
            worse = (c.after > c.before) == (track.worse == "higher")
            kind = "-neutral" if track.worse == "neither" else "-worse" if worse else "-better"
            word = "" if track.worse == "neither" else ", worse" if worse else ", better"
            text = (
                f"{sign}{abs(c.after - c.before)} {track.label} ({c.before} → {c.after}{word}): "
                f"{c.reason}"
            )
            yield line(text, f"change {kind}")

    def _record(self, h: Happening):
        s, rec = self.scenario, h.decision.history
        with Vertical(classes="record"):
            if rec.option is None:
                yield line("Historical record: this decision never arose in 1962", "record-title")
                yield para(rec.none_because or "")
            else:
                verdict = "You matched history" if h.matched else "You diverged from history"
                yield line(f"Historical record — {verdict}", "record-title")
                label = s.option(h.decision.id, rec.option).label
                when = f" on {rec.date}" if rec.date else ""
                by = f" ({rec.by})" if rec.by else ""
                yield para(f"You chose “{h.option.label}”; history chose “{label}”{when}{by}.")
            yield para(rec.note)
            if rec.disputed:
                yield para(f"Disputed: {rec.disputed}", "muted")
            if rec.sources:
                yield para(f"Sources: {sources(s, rec.sources)}", "muted")

    def action_go_on(self) -> None:
        self.post_message(self.Continue())

    def action_leave(self) -> None:
        self.app.to_title()
