"""The teacher's debrief on screen, made for a projector: one topic per page, big figures,
keyboard only. ← → turn the pages, PgUp/PgDn (or 1–6) jump between topics, ``g`` lists every
page to jump to, ``n`` shows or hides the names (hidden by default: Student 1, 2, ...), ``h``
keeps history's choice back on the decision pages until ``a`` reveals it (``a`` also reveals the
historians' answer or the facts behind a myth), ``c`` cycles through the classes in the folder,
``e`` exports a report. Bars' labels take the screen's width. A folder is read in a worker
thread, the count of files read shown, and the screen answers keys meanwhile.

The pages come from :mod:`game.debrief.pages`; this screen only lays them out.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Digits, Sparkline, Static
from textual.worker import Worker, WorkerState, get_current_worker

from ...debrief import build, compare, gather
from ...debrief.blocks import Block, Page
from ...debrief.figures import Debrief
from ...debrief.gather import Gathered
from ...debrief.pages import pages
from ...debrief.text import TOPICS, plural, scope
from ...model.scenario import Scenario
from ...terminal import shown
from ..commands import DebriefCommands
from ..widgets.footer import KeyFooter
from ..widgets.text import MUTED
from .debrief_jump import JumpScreen
from .export import ExportScreen
from .help import HelpScreen, binding_lines
from .styled import StyledOnce

BAR = 24
"""Cells of a full bar."""
LABEL = 30
"""Cells of a bar's label at the least; a wider screen gives labels its width."""
TAIL = len(" 999 ◆ history")
"""Cells after a bar: its count and the history mark."""

HELP = """\
[b]The teacher's debrief[/b]
The class's saved games against history, one topic per page: the overview, each decision \
(how many chose each option, what history chose, the advisers), questions for the class \
chosen from what the class did, myths to correct, one page per student, and the files that \
could not be counted, with the reason.
"""
SCROLL = f"  {'↑ ↓ Home End':<16} scroll the page"
"""The keys of the page's scroll, which are not the screen's own."""


class DebriefScreen(StyledOnce, Screen):
    """The debrief of ``gathered`` (read from ``folder`` when not given). It only reads: the
    palette offers the debrief's commands, never the game's load, save or delete."""

    TEACHER_ONLY = True
    """Keeps the game's commands out of the palette (see :mod:`game.ui.commands`)."""
    COMMANDS: ClassVar[set] = {DebriefCommands}

    AUTO_FOCUS = "#debrief-body"
    """Focused as the screen is built (see :mod:`.styled`)."""

    # the footer shows each binding's word; the help (DebriefHelp) lists its tooltip
    BINDINGS: ClassVar[list] = [
        Binding(
            "right",
            "page(1)",
            "Page",
            key_display="←→",
            priority=True,
            tooltip="next / previous page",
        ),
        Binding("left", "page(-1)", show=False, priority=True),
        Binding(
            "pagedown",
            "topic(1)",
            "Topic",
            key_display="PgDn PgUp",
            show=False,
            priority=True,
            tooltip="next / previous topic",
        ),
        Binding("pageup", "topic(-1)", show=False, priority=True),
        *(
            Binding(
                str(i + 1),
                f"jump({i})",
                "Jump",
                key_display=f"1–{len(TOPICS)}",
                show=False,
                tooltip="a topic: " + ", ".join(TOPICS),
            )
            for i in range(len(TOPICS))
        ),
        Binding(
            "g", "go_to", "Go to", tooltip="go to any page from a list (each decision by its title)"
        ),
        Binding(
            "a",
            "reveal",
            "Answer",
            tooltip="show or hide the historians' answer (questions), the facts (myths), or "
            "history's choice while it is held back (h)",
        ),
        Binding("a", "show_history", show=False),  # the hint on the page says it
        Binding(
            "h",
            "hide_history",
            "History",
            tooltip="hold back history's choice on the decision pages until the class has "
            "discussed it (a shows it on the page); h again shows it everywhere",
        ),
        Binding(
            "n",
            "names",
            "Names",
            tooltip="show or hide the students' names (hidden: Student 1, 2, ...)",
        ),
        Binding(
            "c",
            "next_class",
            "Class",
            tooltip="the next class: with brink debrief --class A --class B, the classes "
            "compared side by side, then each of them; otherwise all classes, then each class "
            "code in the folder",
        ),
        Binding(
            "e",
            "export",
            "Export",
            tooltip="export: Markdown, HTML (printable) or CSV, beside the saves folder",
        ),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="this help"),
        Binding("escape", "leave", "Back", tooltip="back"),
    ]

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
        await body.mount_all(self._widgets(page))
        if scroll:
            body.scroll_home(animate=False)
        self.refresh_bindings()

    def _held_back(self, page: Page) -> bool:
        """History's choice is kept back on this page (h, until a reveals it)."""
        return self.hide_history and not self.reveal and page.topic == 1 and page.has_history

    def _widgets(self, page: Page) -> list:
        out: list = []
        hold = self._held_back(page)
        width = self._label_width(page)
        for b in page.blocks:
            if hold and b.history and b.kind != "figures":
                continue
            if b.kind == "secret":
                if self.reveal:
                    out.append(Static(Text(b.text), classes="para debrief-secret"))
            elif b.kind == "figures":
                figures = b.figures[:-1] if hold and b.history else b.figures
                out.append(
                    Horizontal(*(_figure(v, c) for v, c in figures), classes="debrief-figures")
                )
            elif b.kind == "bar":
                out.append(Static(_bar(b, width, hold), classes="debrief-bar"))
            elif b.kind == "series":
                out.append(Sparkline(list(b.series), classes="debrief-spark"))
                out.append(Static(Text(f"Danger by turn: {b.text}"), classes="muted"))
            else:
                css = {"heading": "debrief-heading", "muted": "muted para"}.get(b.kind, "para")
                out.append(Static(Text(b.text), classes=css))
        if hold:
            out.append(
                Static(Text("History's choice is held back: press a to show it."), classes="hint")
            )
        elif page.has_secret and not self.reveal:
            what = "the facts" if page.topic == 3 else "the historians' answer"
            out.append(Static(Text(f"Press a to show {what}."), classes="hint"))
        return out

    def _label_width(self, page: Page) -> int:
        """Cells for the bars' labels: the longest label's, as far as the screen allows."""
        longest = max((len(b.text) for b in page.blocks if b.kind == "bar"), default=0)
        room = self.size.width - 6 - BAR - TAIL  # padding and scroll bar
        return max(LABEL, min(longest, room))

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


def _figure(value: str, caption: str) -> Vertical:
    return Vertical(Digits(value), Static(Text(caption)), classes="debrief-figure")


def _bar(b: Block, width: int = LABEL, hold: bool = False) -> Content:
    """``Label ......... ████████░░░░ 12 ◆ history``: the count is written, history in words
    (not while history's choice is held back). A label longer than ``width`` stands whole on
    its own line(s), the bar below it."""
    marked = b.marked and not hold
    full = round(BAR * b.value / b.total) if b.total else 0
    full = max(full, 1 if b.value else 0)
    head = f"{b.text:<{width}} " if len(b.text) <= width else f"{b.text}\n{'':<{width}} "
    parts: list = [
        head,
        ("█" * full, "$accent" if marked else "$primary"),
        ("░" * (BAR - full), MUTED),
        f" {b.value}",
    ]
    if marked:
        parts.append((" ◆ history", "bold"))
    return Content.assemble(*parts)


class DebriefHelp(HelpScreen):
    heading = "Help: the teacher's debrief"
    text = HELP
    more = ""

    def key_text(self) -> str:
        return debrief_keys(self.app)


def debrief_keys(app) -> str:
    """The debrief's keys, from its bindings, and the page's scroll keys (markup)."""
    lines = binding_lines(app, DebriefScreen.BINDINGS)
    return "\n".join(["[b]Keys[/b]", *lines, SCROLL])
