"""After a choice, in story order: what the player chose and what it did, with every track
change and its reason; the other side's answer; any incident; then the historical record,
folded to its verdict ("You matched history — 22 October 1962, President Kennedy") until the
player opens it with ``h``.

The app builds this screen once and shows every result in it (:meth:`ResultScreen.show`): each
happening is two texts (what happened, the track changes) and the record one more, given new
content in place rather than built again; a screen with few widgets is quick to style and lay
out when it is shown.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from ... import engine
from ...engine.advance import Happening
from ...engine.telling import Record, Told, tell_all
from ...engine.view import seen_tracks, status
from ...model.scenario import Scenario
from ...model.state import GameState
from ..flow import ToTitle
from ..widgets.footer import KeyFooter
from ..widgets.scroll import rewind
from ..widgets.text import HEADING, MUTED, give, header, paragraphs, reflow
from .resting import RestingScreen

COLOURS = {"worse": "$error", "better": "$success", "neutral": ""}
"""The colour of a track change, by whether it made things worse (also said in words)."""


class ResultScreen(RestingScreen):
    """Shows the happenings of one engine call; Enter posts :class:`Continue`."""

    AUTO_FOCUS = "#result"
    """Focused as the screen is built (see :mod:`.styled`)."""

    BINDINGS: ClassVar[list] = [
        Binding("enter", "go_on", "Continue"),
        Binding("space", "go_on", "Continue", show=False),
        Binding("h", "history", "Record"),
        Binding("d", "app.dossier", "Dossier"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("escape", "leave", "Title"),
    ]

    class Continue(Message):
        """The player has read the result."""

    def __init__(self, scenario: Scenario, state: GameState, happenings: tuple[Happening, ...]):
        super().__init__()
        self.scenario, self.game_state, self.happenings = scenario, state, happenings
        self.told = tell_all(scenario, state.side, happenings)
        self.record_open = False
        """Whether the historical record is shown whole; the player's last choice holds."""

    def compose(self) -> ComposeResult:
        yield Static(self._where(), id="where")
        with VerticalScroll(id="result"):
            for h in self.told:
                yield HappeningView(*self._happening(h))
            record = Static(self._records(), id="record", classes="record")
            record.display = bool(record.content)
            yield record
            yield Static(self._hint(), classes="hint")
        yield KeyFooter()

    def show(self, state: GameState, happenings: tuple[Happening, ...]) -> None:
        """Show another result in place."""
        self.game_state, self.happenings = state, happenings
        self.told = tell_all(self.scenario, state.side, happenings)
        if not self.is_mounted:
            return
        scroll = self.query_one("#result", VerticalScroll)
        views = list(scroll.query_children(HappeningView))
        shown = self.told
        give(self.query_one("#where", Static), self._where())
        hint = self.query_one(".hint", Static)
        for i, h in enumerate(shown):
            if i < len(views):
                views[i].show(*self._happening(h))
            else:
                scroll.mount(HappeningView(*self._happening(h)), before="#record")
        for view in views[len(shown) :]:
            view.show(EMPTY, None)
            view.display = False
        self._show_records()
        hint.update(self._hint())
        rewind(scroll)
        scroll.focus()

    def _where(self) -> Content:
        """What followed, on the date of the choice, and the status line as things now stand."""
        state = self.game_state
        phase = self.happenings[0].phase if self.happenings else state.phase
        now = status(self.scenario, seen_tracks(self.scenario, state, state.side))
        return header(f"What followed — {engine.where(self.scenario, state, phase)}", now)

    def _hint(self) -> Text:
        ended = self.game_state.ending is not None
        return Text("Press Enter to see how it ended." if ended else "Press Enter to go on.")

    def _show_records(self) -> None:
        record = self.query_one("#record", Static)
        content = self._records()
        give(record, content)
        record.display = bool(content)

    def _records(self) -> Content:
        """The historical record of each happening that has one: its verdict alone while
        folded, with the note, the dispute and the sources once opened."""
        records = [t.record for t in self.told if t.record is not None]
        parts: list = []
        for r in records:
            parts += ["\n\n"] if parts else []
            parts.append(self._record(r, self.record_open))
        if parts and not self.record_open:
            parts += ["\n", ("h: the full record, with its sources", MUTED)]
        return Content.assemble(*parts)

    def _happening(self, t: Told) -> tuple[Content, Content | None]:
        """What one happening shows: what happened and its track changes."""
        parts: list = [(t.heading, HEADING)]
        if t.chose:
            parts += ["\n", (t.chose, "italic")]
        parts += ["\n", reflow(t.text)]
        lines: list = []
        for c in t.changes:
            lines += ["\n"] if lines else []
            lines.append((c.text, COLOURS[c.effect]) if COLOURS[c.effect] else c.text)
        changes = Content.assemble(*lines) if lines else None
        return Content.assemble(*parts), changes

    @staticmethod
    def _record(r: Record, opened: bool) -> Content:
        """One record: its verdict line, then (opened) the note, the dispute, the sources."""
        if not opened:
            return Content.assemble(("▸ ", HEADING), (r.line, HEADING))
        return paragraphs(
            (f"▾ {r.line}", HEADING),
            *([r.summary] if r.summary else []),
            r.note,
            *([(f"Disputed: {r.disputed}", MUTED)] if r.disputed else []),
            *([(f"Sources: {r.sources}", MUTED)] if r.sources else []),
        )

    def action_history(self) -> None:
        """Open or fold the historical record (it stays so for the next results)."""
        self.record_open = not self.record_open
        self._show_records()

    def action_go_on(self) -> None:
        self.post_message(self.Continue())

    def action_leave(self) -> None:
        self.post_message(ToTitle())


EMPTY = Content("")


class HappeningView(Vertical):
    """One happening: what happened and its track changes (hidden when it has none)."""

    def __init__(self, told: Content, changes: Content | None):
        super().__init__(classes="happening")
        self._told = Static(told, classes="told")
        self._changes = Static(changes or EMPTY, classes="change")
        self._changes.display = changes is not None

    def compose(self) -> ComposeResult:
        yield self._told
        yield self._changes

    def show(self, told: Content, changes: Content | None) -> None:
        self.display = True
        for widget, content in ((self._told, told), (self._changes, changes)):
            content = content or EMPTY
            give(widget, content)
            widget.display = content is not EMPTY
