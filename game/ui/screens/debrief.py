"""The teacher's debrief on screen, made for a projector: one topic per page, big figures,
keyboard only. ← → turn the pages, PgUp/PgDn (or 1–6) jump between topics, ``n`` shows or hides
the names (hidden by default: Student 1, 2, ...), ``a`` reveals the historians' answer or the
facts behind a myth, ``c`` cycles through the classes in the folder, ``e`` exports a report.

The pages come from :mod:`game.debrief.pages`; this screen only lays them out.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Digits, Sparkline, Static

from ...debrief import build, gather
from ...debrief.figures import Debrief
from ...debrief.gather import Gathered
from ...debrief.pages import Block, Page, pages
from ...debrief.text import TOPICS, plural, scope
from ...model.scenario import Scenario
from ...terminal import shown
from ..commands import DebriefCommands
from ..widgets.footer import KeyFooter
from ..widgets.text import MUTED
from .export import ExportScreen
from .help import HelpScreen
from .styled import StyledOnce

BAR = 24
"""Cells of a full bar."""
LABEL = 30
"""Cells of a bar's label."""

HELP = """\
[b]The teacher's debrief[/b]
The class's saved games against history, one topic per page: the overview, each decision \
(how many chose each option, what history chose, the advisers), questions for the class \
chosen from what the class did, myths to correct, one page per student, and the files that \
could not be counted, with the reason.

[b]Keys[/b]
  → / ←          next / previous page
  PgDn / PgUp    next / previous topic (or 1–6: Overview, Decisions, Questions, Myths,
                 Students, Files left out)
  ↑ ↓ Home End   scroll the page
  a              show or hide the historians' answer (questions) or the facts (myths)
  n              show or hide the students' names (hidden: Student 1, 2, ...)
  c              the next class in the folder (all classes, then each class code)
  e              export: Markdown, HTML (printable) or CSV, beside the saves folder
  ?              this help
  Esc            back
"""


class DebriefScreen(StyledOnce, Screen):
    """The debrief of ``gathered`` (read from ``folder`` when not given). It only reads: the
    palette offers the debrief's commands, never the game's load, save or delete."""

    TEACHER_ONLY = True
    """Keeps the game's commands out of the palette (see :mod:`game.ui.commands`)."""
    COMMANDS: ClassVar[set] = {DebriefCommands}

    AUTO_FOCUS = "#debrief-body"
    """Focused as the screen is built (see :mod:`.styled`)."""

    BINDINGS: ClassVar[list] = [
        Binding("right", "page(1)", "Page", key_display="←→", priority=True),
        Binding("left", "page(-1)", show=False, priority=True),
        Binding("pagedown", "topic(1)", "Topic", key_display="PgDn", priority=True),
        Binding("pageup", "topic(-1)", show=False, priority=True),
        *(Binding(str(i + 1), f"jump({i})", show=False) for i in range(len(TOPICS))),
        Binding("a", "reveal", "Answer"),
        Binding("n", "names", "Names"),
        Binding("c", "next_class", "Class"),
        Binding("e", "export", "Export"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("escape", "leave", "Back"),
    ]

    def __init__(
        self,
        scenario: Scenario,
        folder: Path,
        gathered: Gathered | None = None,
        class_code: str | None = None,
        anonymize: bool = False,
        standalone: bool = False,
    ):
        super().__init__()
        self.scenario, self.folder = scenario, Path(folder)
        self.gathered = gathered if gathered is not None else gather(self.folder, scenario)
        self.fixed_class = class_code is not None
        self.anonymize, self.standalone = anonymize, standalone
        self.show_names = self.reveal = False
        self.index = 0
        self._set_class(class_code)

    def _set_class(self, code: str | None) -> None:
        self.class_code = code
        self.debrief: Debrief = build(self.scenario, self.gathered, code)
        self.pages: tuple[Page, ...] = pages(self.debrief, self.show_names)

    # --- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="where")
        yield Static(id="debrief-topics")
        yield Static(id="debrief-title")
        yield VerticalScroll(id="debrief-body")
        yield KeyFooter()

    async def on_mount(self) -> None:
        await self._show()

    @property
    def page(self) -> Page:
        return self.pages[self.index]

    async def _show(self) -> None:
        """Lay out the current page (after a page turn, a class change or a toggle)."""
        d, page = self.debrief, self.page
        names = "names hidden" if not self.show_names else "names shown"
        self.query_one("#where", Static).update(
            Text(
                f"Teacher debrief · {plural(d.overview.games, 'game')} · {scope(d.class_code)} · {names}"
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
        body.scroll_home(animate=False)
        self.refresh_bindings()

    def _widgets(self, page: Page) -> list:
        out: list = []
        for b in page.blocks:
            if b.kind == "secret":
                if self.reveal:
                    out.append(Static(Text(b.text), classes="para debrief-secret"))
            elif b.kind == "figures":
                out.append(
                    Horizontal(*(_figure(v, c) for v, c in b.figures), classes="debrief-figures")
                )
            elif b.kind == "bar":
                out.append(Static(_bar(b), classes="debrief-bar"))
            elif b.kind == "series":
                out.append(Sparkline(list(b.series), classes="debrief-spark"))
                out.append(Static(Text(f"Danger by step: {b.text}"), classes="muted"))
            else:
                css = {"heading": "debrief-heading", "muted": "muted para"}.get(b.kind, "para")
                out.append(Static(Text(b.text), classes=css))
        if page.has_secret and not self.reveal:
            what = "the facts" if page.topic == 3 else "the historians' answer"
            out.append(Static(Text(f"Press a to show {what}."), classes="hint"))
        return out

    # --- keys -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Keys that mean nothing here are hidden; → and PgDn are dimmed on the last page and
        topic (and ← and PgUp on the first)."""
        if action in ("page", "topic") and parameters:
            now = self.index if action == "page" else self.page.topic
            last = len(self.pages) - 1 if action == "page" else len(TOPICS) - 1
            return None if not 0 <= now + parameters[0] <= last else True
        if action == "reveal":
            return self.page.has_secret
        if action == "names":
            return not self.anonymize
        if action == "next_class":
            return not self.fixed_class and len(self.gathered.classes) > 1
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

    async def action_names(self) -> None:
        if self.anonymize:
            return
        self.show_names = not self.show_names
        self.pages = pages(self.debrief, self.show_names)
        await self._show()

    async def action_next_class(self) -> None:
        if not self.check_action("next_class", ()):
            return
        cycle = [None, *self.gathered.classes]
        code = cycle[(cycle.index(self.class_code) + 1) % len(cycle)]
        self._set_class(code)
        self.index, self.reveal = 0, False
        await self._show()
        self.notify(f"Showing {shown(scope(code))}.", markup=False)

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


def _figure(value: str, caption: str) -> Vertical:
    return Vertical(Digits(value), Static(Text(caption)), classes="debrief-figure")


def _bar(b: Block) -> Content:
    """``Label ......... ████████░░░░ 12 ◆ history``: the count is written, history in words."""
    text = b.text if len(b.text) <= LABEL else b.text[: LABEL - 1] + "…"
    full = round(BAR * b.value / b.total) if b.total else 0
    full = max(full, 1 if b.value else 0)
    parts: list = [
        f"{text:<{LABEL}} ",
        ("█" * full, "$accent" if b.marked else "$primary"),
        ("░" * (BAR - full), MUTED),
        f" {b.value}",
    ]
    if b.marked:
        parts.append((" ◆ history", "bold"))
    return Content.assemble(*parts)


class DebriefHelp(HelpScreen):
    heading = "Help: the teacher's debrief"
    text = HELP
