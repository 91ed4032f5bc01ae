"""How to play, and every key of every screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ..widgets.footer import KeyFooter
from .styled import StyledOnce

HELP = """\
[b]How to play[/b]
You advise the leader through the decisions they really faced. Each turn shows the date, the \
situation as the leader knew it then, what each adviser argues, and the options. Beside them: \
the DEFCON alert levels (written out as well as coloured), every track with its value, and the \
tension log, which gives the reason for every change.

After each choice you see what followed, every track change with its reason, the other \
side's answer, any incident, and the [b]historical record[/b]: whether you matched or diverged \
from what was really decided, by whom and when, what historians dispute, and the sources. \
Options that cannot be undone and raise the danger sharply ask you to confirm first.

The game saves itself after every choice. Continue it from the title screen, or load any \
saved game. The ending lays your path beside the real timeline and counts the endings you \
have found so far, with clues for the others.

[b]Keys[/b]
  1–9            choose that option (or arrows and Enter, or click)
  a / t          jump to the advisers / the tracks and tension log
  PgUp / PgDn    scroll the turn; Tab moves between panels
  Enter          go on after a result
  y / n          confirm or think again before a drastic step
  n / o          after an ending: play again / play the other leader
  d or F2        dossier: people, glossary and sources met so far
  s              save now
  ? or F1        this help
  Ctrl+P         command palette: save, load, dossier, theme, help
  Esc            back (from a game: save and go to the title screen)
  q              quit (title screen); Ctrl+Q quits anywhere

[b]Themes[/b]
Dark (default), light and high contrast: Ctrl+P, then type "theme".

[b]Plain mode[/b]
For screen readers and scripts: [i]brink play --plain[/i] gives numbered lines and a prompt.

[b]Teacher debrief[/b]
On the title screen, or [i]brink debrief FOLDER[/i]: the class's saved games beside history, one topic per page for a projector, names hidden until [b]n[/b]. Press [b]?[/b] there for its keys.
"""


class HelpScreen(StyledOnce, Screen):
    """A page of help: ``heading`` on top, ``text`` (markup) below. A subclass sets its own."""

    AUTO_FOCUS = "#help"
    """Focused as the screen is built (see :mod:`.styled`)."""

    BINDINGS: ClassVar[list] = [
        Binding("escape", "app.pop_screen", "Close"),
        Binding("q", "app.pop_screen", show=False),
    ]
    heading: ClassVar[str] = "Help"
    text: ClassVar[str] = HELP

    def compose(self) -> ComposeResult:
        yield Static(self.heading, id="where")
        with VerticalScroll(id="help"):
            yield Static(self.text, classes="para")
        yield KeyFooter()
