"""After a choice: what happened, every track change with its reason, the other side's answer,
any incident, and the historical record (matched or diverged, by whom and when, sources).

The app builds this screen once and shows every result in it (:meth:`ResultScreen.show`): each
happening is three texts (what happened, the track changes, the historical record), given new
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

from ...engine.play import Happening
from ...engine.telling import Record, Told, tell_all
from ...model.scenario import Scenario
from ...model.state import GameState
from ..widgets.footer import KeyFooter
from ..widgets.scroll import rewind
from ..widgets.text import HEADING, MUTED, give, paragraphs, reflow
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
                yield HappeningView(*self._happening(h))
            yield Static(self._hint(), classes="hint")
        yield KeyFooter()

    def show(self, state: GameState, happenings: tuple[Happening, ...]) -> None:
        """Show another result in place."""
        self.game_state, self.happenings = state, happenings
        if not self.is_mounted:
            return
        scroll = self.query_one("#result", VerticalScroll)
        views = list(scroll.query_children(HappeningView))
        shown = self._shown()
        hint = self.query_one(".hint", Static)
        for i, h in enumerate(shown):
            if i < len(views):
                views[i].show(*self._happening(h))
            else:
                scroll.mount(HappeningView(*self._happening(h)), before=hint)
        for view in views[len(shown) :]:
            view.show(EMPTY, None, None)
            view.display = False
        hint.update(self._hint())
        rewind(scroll)
        scroll.focus()

    def _shown(self) -> tuple[Told, ...]:
        return tell_all(self.scenario, self.game_state.side, self.happenings)

    def _hint(self) -> Text:
        ended = self.game_state.ending is not None
        return Text("Press Enter to see how it ended." if ended else "Press Enter to go on.")

    def _happening(self, t: Told) -> tuple[Content, Content | None, Content | None]:
        """What one happening shows: what happened, its track changes and its framed record."""
        parts: list = [(t.heading, HEADING)]
        if t.chose:
            parts += ["\n", (t.chose, "italic")]
        parts += ["\n", reflow(t.text)]
        lines: list = []
        for c in t.changes:
            lines += ["\n"] if lines else []
            lines.append((c.text, COLOURS[c.effect]) if COLOURS[c.effect] else c.text)
        changes = Content.assemble(*lines) if lines else None
        return Content.assemble(*parts), changes, self._record(t.record)

    @staticmethod
    def _record(r: Record | None) -> Content | None:
        """The historical record in its frame: the verdict, the note, the dispute, the sources."""
        if r is None:
            return None
        return paragraphs(
            (r.title, HEADING),
            *([r.summary] if r.summary else []),
            r.note,
            *([(f"Disputed: {r.disputed}", MUTED)] if r.disputed else []),
            *([(f"Sources: {r.sources}", MUTED)] if r.sources else []),
        )

    def action_go_on(self) -> None:
        self.post_message(self.Continue())

    def action_leave(self) -> None:
        self.app.to_title()


EMPTY = Content("")


class HappeningView(Vertical):
    """One happening: what happened, its track changes, and its historical record in a frame
    (the last two hidden when it has none)."""

    def __init__(self, told: Content, changes: Content | None, record: Content | None):
        super().__init__(classes="happening")
        self._told = Static(told, classes="told")
        self._changes = Static(changes or EMPTY, classes="change")
        self._record = Static(record or EMPTY, classes="record")
        self._changes.display, self._record.display = changes is not None, record is not None

    def compose(self) -> ComposeResult:
        yield self._told
        yield self._changes
        yield self._record

    def show(self, told: Content, changes: Content | None, record: Content | None) -> None:
        self.display = True
        for widget, content in (
            (self._told, told),
            (self._changes, changes),
            (self._record, record),
        ):
            content = content or EMPTY
            give(widget, content)
            widget.display = content is not EMPTY
