"""The help of the teacher's debrief: what the debrief is, and its keys (from the debrief
screen's bindings) with the page's scroll keys."""

from __future__ import annotations

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
    from .debrief import DebriefScreen

    lines = binding_lines(app, DebriefScreen.BINDINGS)
    return "\n".join(["[b]Keys[/b]", *lines, SCROLL])
