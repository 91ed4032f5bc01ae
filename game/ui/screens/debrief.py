"""The teacher's debrief on screen, made for a projector: one topic per page, big figures,
keyboard only. ← → turn the pages, PgUp/PgDn (or 1–6) jump between topics, ``g`` lists every
page to jump to, ``n`` shows or hides the names (hidden by default: Student 1, 2, ...), ``h``
keeps history's choice back on the decision pages until ``a`` reveals it (``a`` also reveals the
historians' answer or the facts behind a myth), ``c`` cycles through the classes in the folder,
``e`` exports a report. A folder is read in a worker thread, the count of files read shown, and
the screen answers keys meanwhile.

The pages come from :mod:`game.debrief.pages`, each laid out by
:mod:`game.ui.widgets.debrief_page`; this screen turns them.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

from ...debrief import build, compare, gather
from ...debrief.blocks import Page
from ...debrief.figures import Debrief
from ...debrief.gather import Gathered
from ...debrief.pages import pages
from ...debrief.text import TOPICS, plural, scope
from ...model.scenario import Scenario
from ...terminal import shown
from ..commands import DebriefCommands
from ..widgets.debrief_page import label_width, page_widgets
from ..widgets.footer import KeyFooter
from ..widgets.text import MUTED
from .debrief_help import BINDINGS, DebriefHelp
from .debrief_jump import JumpScreen
from .export import ExportScreen
from .styled import StyledOnce


class DebriefScreen(StyledOnce, Screen):
    """The debrief of ``gathered`` (read from ``folder`` when not given). It only reads: the
    palette offers the debrief's commands, never the game's load, save or delete."""

    TEACHER_ONLY = True
    """Keeps the game's commands out of the palette (see :mod:`game.ui.commands`)."""
    COMMANDS: ClassVar[set] = {DebriefCommands}

    AUTO_FOCUS = "#debrief-body"
    """Focused as the screen is built (see :mod:`.styled`)."""

    BINDINGS: ClassVar[list] = BINDINGS

    def __init__(
        self,
        scenario: Scenario,
        folder: Path,
        gathered: Gathered | None = None,
        class_code: str | None = None,
        anonymize: bool = False,
        standalone: bool = False,
        side_by_side: tuple[str, ...] = (),
    ):
        super().__init__()
        self.scenario, self.folder = scenario, Path(folder)
        self.gathered = gathered
        """None while the folder is being read (in a worker: see :meth:`_gather`)."""
        self.fixed_class = class_code is not None
        self.anonymize, self.standalone = anonymize, standalone
        self.show_names = self.reveal = self.hide_history = False
        self.index = 0
        self.class_code = class_code
        self.side_by_side = side_by_side
        """The classes compared (then ``gathered`` holds their games only, and ``c`` cycles
        through them)."""
        self.pages: tuple[Page, ...] = ()
        if gathered is not None:
            self._set_class(class_code)

    @work(thread=True, exclusive=True, group="gather")
    def _gather(self) -> Gathered:
        """Read the folder off the UI thread, telling the screen how far it got."""
        worker = get_current_worker()

        def progress(n: int) -> None:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._reading, n)

        return gather(self.folder, self.scenario, progress)

    def _reading(self, n: int) -> None:
        self.query_one("#debrief-title", Static).update(
            Text(f"Reading the saves in {shown(self.folder.name or self.folder)}: {n} files read…")
        )

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "gather":
            return
        if event.state == WorkerState.SUCCESS:
            self.gathered = event.worker.result
            self._set_class(self.class_code)
            await self._show()
        elif event.state == WorkerState.ERROR:
            why = shown(event.worker.error)
            self.query_one("#debrief-title", Static).update(
                Text(f"The saves folder could not be read: {why}")
            )

    def _set_class(self, code: str | None) -> None:
        self.class_code = code
        self.debrief: Debrief = build(self.scenario, self.gathered, code)
        self.pages: tuple[Page, ...] = self._pages()

    def _pages(self) -> tuple[Page, ...]:
        """The debrief's pages; comparing classes, their page after the highlights."""
        ps = pages(self.debrief, self.show_names)
        if not self.side_by_side:
            return ps
        ds = [build(self.scenario, self.gathered, c) for c in self.side_by_side]
        at = 2 if len(ps) > 1 and ps[1].title == "Highlights" else 1
        return (*ps[:at], compare.page(compare.compare(self.scenario, ds)), *ps[at:])

    def _scope(self) -> str:
        if self.side_by_side and self.class_code is None:
            return " and ".join(scope(c) for c in self.side_by_side)
        return scope(self.class_code)

    # --- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="where")
        yield Static(id="debrief-topics")
        yield Static(id="debrief-title")
        yield VerticalScroll(id="debrief-body")
        yield KeyFooter()

    async def on_mount(self) -> None:
        if self.gathered is None:
            self._reading(0)
            self._gather()
        else:
            await self._show()

    @property
    def ready(self) -> bool:
        """The folder has been read (the pages exist)."""
        return bool(self.pages)

    @property
    def page(self) -> Page:
        return self.pages[self.index]

    async def _show(self, scroll: bool = True) -> None:
        """Lay out the current page (after a page turn, a class change, a toggle or a new
        width)."""
        d, page = self.debrief, self.page
        names = "names hidden" if not self.show_names else "names shown"
        self.query_one("#where", Static).update(
            Text(
                f"Teacher debrief · {plural(d.overview.games, 'game')} · {self._scope()} · {names}"
            )
        )
        parts: list = []
        for i, topic in enumerate(TOPICS):
            parts += [(f"▸{topic}", "bold reverse") if i == page.topic else topic, "  "]
        parts.append((f"page {self.index + 1}/{len(self.pages)}", MUTED))
        self.query_one("#debrief-topics", Static).update(Content.assemble(*parts))
        self.query_one("#debrief-title", Static).update(Text(page.title))
        body = self.query_one("#debrief-body", VerticalScroll)
        await body.remove_children()
        width = label_width(page, self.size.width)
        await body.mount_all(page_widgets(page, width, self._held_back(page), self.reveal))
        if scroll:
            body.scroll_home(animate=False)
        self.refresh_bindings()

    def _held_back(self, page: Page) -> bool:
        """History's choice is kept back on this page (h, until a reveals it)."""
        return self.hide_history and not self.reveal and page.topic == 1 and page.has_history

    async def on_resize(self, event: Resize) -> None:
        if self.ready and any(b.kind == "bar" for b in self.page.blocks):
            await self._show(scroll=False)

    # --- keys -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Keys that mean nothing here are hidden; → and PgDn are dimmed on the last page and
        topic (and ← and PgUp on the first). While the folder is read, only help and Esc."""
        if not self.ready:
            return action in ("help", "leave")
        if action in ("page", "topic") and parameters:
            now = self.index if action == "page" else self.page.topic
            last = len(self.pages) - 1 if action == "page" else len(TOPICS) - 1
            return None if not 0 <= now + parameters[0] <= last else True
        if action == "reveal":
            return self.page.has_secret
        if action == "show_history":
            return self.hide_history and self.page.topic == 1 and self.page.has_history
        if action == "hide_history":
            return self.page.topic == 1
        if action == "names":
            return not self.anonymize
        if action == "next_class":
            return not self.fixed_class and len(self.side_by_side or self.gathered.classes) > 1
        return True

    async def _go(self, index: int) -> None:
        index = max(0, min(index, len(self.pages) - 1))
        if index != self.index:
            self.index, self.reveal = index, False
            await self._show()

    async def go_to_page(self, index: int) -> None:
        """Show page ``index`` (from the palette's list of pages)."""
        await self._go(index)

    async def action_page(self, step: int) -> None:
        await self._go(self.index + step)

    async def action_topic(self, step: int) -> None:
        await self.action_jump(max(0, min(self.page.topic + step, len(TOPICS) - 1)))

    async def action_jump(self, topic: int) -> None:
        first = next((i for i, p in enumerate(self.pages) if p.topic == topic), self.index)
        await self._go(first)

    async def action_reveal(self) -> None:
        self.reveal = not self.reveal
        await self._show()

    async def action_show_history(self) -> None:
        await self.action_reveal()

    async def action_hide_history(self) -> None:
        self.hide_history, self.reveal = not self.hide_history, False
        await self._show(scroll=False)
        held = "held back on the decision pages (a shows it)" if self.hide_history else "shown"
        self.notify(f"History's choice {held}.", markup=False)

    def action_go_to(self) -> None:
        async def chosen(index: int | None) -> None:
            if index is not None:
                await self._go(index)

        titles = [(p.topic, _entry(p)) for p in self.pages]
        self.app.push_screen(JumpScreen(titles, self.index), chosen)

    async def action_names(self) -> None:
        if self.anonymize:
            return
        self.show_names = not self.show_names
        self.pages = self._pages()
        await self._show()

    async def action_next_class(self) -> None:
        if not self.check_action("next_class", ()):
            return
        cycle = [None, *(self.side_by_side or self.gathered.classes)]
        code = cycle[(cycle.index(self.class_code) + 1) % len(cycle)]
        self._set_class(code)
        self.index, self.reveal = 0, False
        await self._show()
        self.notify(f"Showing {shown(self._scope())}.", markup=False)

    def action_export(self) -> None:
        def done(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Wrote {shown(path)}", title="Exported", timeout=10, markup=False)

        self.app.push_screen(ExportScreen(self.debrief, self.folder, self.show_names), done)

    def action_help(self) -> None:
        self.app.push_screen(DebriefHelp())

    def action_leave(self) -> None:
        if self.standalone:
            self.app.exit()
        else:
            self.app.pop_screen()


def _entry(page: Page) -> str:
    """A page in the jump list: its title, and for a question or a myth what it asks."""
    if page.topic in (2, 3) and page.blocks and page.blocks[0].kind == "heading":
        return f"{page.title}: {page.blocks[0].text}"
    return page.title
