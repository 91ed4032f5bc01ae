"""After a choice: what happened, every track change with its reason, the other side's answer,
any incident, and the historical record (matched or diverged, by whom and when, sources).

The app builds this screen once and shows every result in it (:meth:`ResultScreen.show`): its
lines are updated in place rather than built again (see :mod:`..widgets.lines`).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from ...engine.play import Happening
from ...engine.view import change_text
from ...model.base import ROLE_SIDE
from ...model.scenario import Scenario
from ...model.state import GameState
from ..widgets.footer import KeyFooter
from ..widgets.lines import Lines, Row, rewind
from ..widgets.text import line_row, para_row, sources

HEADINGS = {"decision": "Your decision", "answer": "The other side", "event": "Incident"}
COLOURS = {"-worse": "$error", "-better": "$success", "-neutral": ""}
"""The colour of a track change, by whether it made things worse (also said in words)."""


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
        yield Static(Text("What followed"), id="where")
        with VerticalScroll(id="result"):
            for h in self._shown():
                yield HappeningLines(*self._happening(h))
            yield Static(self._hint(), classes="hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#result").focus()

    def show(self, state: GameState, happenings: tuple[Happening, ...]) -> None:
        """Show another result in place."""
        self.game_state, self.happenings = state, happenings
        if not self.is_mounted:
            return
        scroll = self.query_one("#result", VerticalScroll)
        views = list(scroll.query_children(HappeningLines))
        shown = self._shown()
        hint = self.query_one(".hint", Static)
        for i, h in enumerate(shown):
            if i < len(views):
                views[i].show_happening(*self._happening(h))
            else:
                scroll.mount(HappeningLines(*self._happening(h)), before=hint)
        for view in views[len(shown) :]:
            view.show_happening("happening", [], [])
            view.display = False
        hint.update(self._hint())
        rewind(scroll)
        scroll.focus()

    def _shown(self) -> list[Happening]:
        return [h for h in self.happenings if h.kind != "ending"]

    def _hint(self) -> Text:
        ended = self.game_state.ending is not None
        return Text("Press Enter to see how it ended." if ended else "Press Enter to go on.")

    def _happening(self, h: Happening) -> tuple[str, list[Row], list[Row]]:
        """The classes of one happening, its lines and the lines of its framed record."""
        rows = [line_row(f"{HEADINGS[h.kind]}: {h.title}", "heading")]
        if h.kind == "answer" and h.option is not None:
            rows.append(line_row(f"They chose: {h.option.label}.", "chosen"))
        if h.kind == "decision" and h.option is not None:
            rows.append(line_row(f"You chose: {h.option.label}.", "chosen"))
        rows.append(para_row(h.text))
        rows += self._changes(h)
        record: list[Row] = []
        if h.kind == "decision" and h.decision is not None:
            record = self._record(h)
        if h.kind == "event" and h.event is not None and h.event.note:
            event = h.event
            record = [line_row("Historical record", "record-title")]
            record += self._note(event.note, event.disputed, event.sources)
        return "happening", rows, record

    def _changes(self, h: Happening) -> list[Row]:
        """The track changes, one per line of a single widget (fewer widgets to lay out)."""
        side = ROLE_SIDE[self.game_state.role]
        parts: list = []
        for c in h.changes:
            track = self.scenario.track(c.track)
            if side not in track.visible_to:
                continue
            worse = (c.after > c.before) == (track.worse == "higher")
            kind = "-neutral" if track.worse == "neither" else "-worse" if worse else "-better"
            word = "" if track.worse == "neither" else ", worse" if worse else ", better"
            text = f"{change_text(self.scenario, c, word)}: {c.reason}"
            parts += ["\n"] if parts else []
            parts.append((text, COLOURS[kind]) if COLOURS[kind] else text)
        return [(Content.assemble(*parts), "change")] if parts else []

    def _record(self, h: Happening) -> list[Row]:
        s, rec = self.scenario, h.decision.history
        if rec.option is None:
            title = "Historical record: this decision never arose in 1962"
            rows = [line_row(title, "record-title"), para_row(rec.none_because or "")]
        else:
            verdict = "You matched history" if h.matched else "You diverged from history"
            label = s.option(h.decision.id, rec.option).label
            when = f" on {rec.date}" if rec.date else ""
            by = f" ({rec.by})" if rec.by else ""
            rows = [
                line_row(f"Historical record — {verdict}", "record-title"),
                para_row(f"You chose “{h.option.label}”; history chose “{label}”{when}{by}."),
            ]
        return rows + self._note(rec.note, rec.disputed, rec.sources)

    def _note(self, note: str, disputed: str | None, keys) -> list[Row]:
        """A historical note, what historians dispute about it, and its sources."""
        rows = [para_row(note)]
        if disputed:
            rows.append(para_row(f"Disputed: {disputed}", "muted"))
        if keys:
            rows.append(para_row(f"Sources: {sources(self.scenario, keys)}", "muted"))
        return rows

    def action_go_on(self) -> None:
        self.post_message(self.Continue())

    def action_leave(self) -> None:
        self.app.to_title()


class HappeningLines(Lines):
    """One happening's lines, then its historical record in a frame (hidden when it has none)."""

    def __init__(self, classes: str, rows: list[Row], record: list[Row]):
        super().__init__(rows, classes=classes)
        self._record = Lines(record, classes="record")
        self._record.display = bool(record)

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield self._record

    def show_happening(self, classes: str, rows: list[Row], record: list[Row]) -> None:
        self.set_classes(classes)
        self.display = True
        self.show(rows)
        self._record.show(record)
        self._record.display = bool(record)
