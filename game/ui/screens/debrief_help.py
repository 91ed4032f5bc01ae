"""The teacher's debrief's keys (the debrief screen's bindings) and its help: what the debrief
is, and those keys with the page's scroll keys."""

from __future__ import annotations

from textual.binding import Binding

from ...debrief.text import TOPICS
from .help import HelpScreen, binding_lines

HELP = """\
[b]The teacher's debrief[/b]
The class's saved games against history, one topic per page: the overview, each decision \
(how many chose each option, what history chose, the advisers), questions for the class \
chosen from what the class did, myths to correct, one page per student, and the files that \
could not be counted, with the reason.
"""
SCROLL = f"  {'↑ ↓ Home End':<16} scroll the page"
"""The keys of the page's scroll, which are not the screen's own."""


class DebriefHelp(HelpScreen):
    heading = "Help: the teacher's debrief"
    text = HELP
    more = ""

    def key_text(self) -> str:
        return debrief_keys(self.app)


def debrief_keys(app) -> str:
    """The debrief's keys, from its bindings, and the page's scroll keys (markup)."""
    lines = binding_lines(app, BINDINGS)
    return "\n".join(["[b]Keys[/b]", *lines, SCROLL])


# the footer shows each binding's word; the help (DebriefHelp) lists its tooltip
BINDINGS: list[Binding] = [
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
"""The debrief screen's keys, which its footer shows and its help lists."""
