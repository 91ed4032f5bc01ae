"""How to play, and every key of every screen: the keys listed from the screens' own bindings,
so the help says what the keys do, never what they once did."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Static

from ...terminal import wrapped
from ..widgets.footer import KeyFooter
from .styled import StyledOnce

HELP = """\
[b]How to play[/b]
You advise the leader through the decisions they really faced. Each turn shows the date and, \
always in view under it, the danger and the DEFCON levels; then the situation as the leader \
knew it then, what each adviser argues, and the options. Beside them: the DEFCON alert levels \
(written out as well as coloured), every track with its value, and the tension log, which \
gives the reason for every change.

After each choice you see what followed, every track change with its reason, the other \
side's answer and any incident; last the [b]historical record[/b], folded to whether you \
matched or diverged, by whom and when: [b]h[/b] opens it, with what historians dispute and \
the sources. Options that cannot be undone and raise the danger sharply ask you to confirm \
first.

The game saves itself after every choice. Continue it from the title screen, or load any \
saved game. The ending lays your path beside the real timeline and counts the endings you \
have found so far, with clues for the others.

Besides the keys below: arrows and Enter, or a click, choose an option; Tab moves between panels; Esc goes back (from a game, it saves and goes to the title screen).
"""

MORE = """\
[b]Themes[/b]
Dark (default), light and high contrast: Ctrl+P, then type "theme". The one chosen is kept \
for the next start.

[b]Plain mode[/b]
For screen readers and scripts: [i]brink play --plain[/i] gives numbered lines and a prompt.

[b]Teacher debrief[/b]
On the title screen, or [i]brink debrief FOLDER[/i]: the class's saved games beside history, one topic per page for a projector, names hidden until [b]n[/b]. Press [b]?[/b] there for its keys.
"""


def key_lines(app: App) -> str:
    """The keys of each screen of a game, from its bindings: those its footer shows and those
    it leaves out for room (a binding without a description is a second key for one that has
    it). Markup: the keys' names are escaped."""
    from .confirm import ConfirmScreen
    from .dossier import DossierScreen
    from .ending import EndingScreen
    from .game import GameScreen
    from .load import LoadScreen
    from .new_game import NewGameScreen
    from .result import ResultScreen
    from .title import TitleScreen

    sections = (
        ("On the title screen", TitleScreen.BINDINGS),
        ("Before a game", NewGameScreen.BINDINGS),
        ("On a turn", GameScreen.BINDINGS),
        ("Before a drastic step", ConfirmScreen.BINDINGS),
        ("After a choice", ResultScreen.BINDINGS),
        ("At the ending", EndingScreen.BINDINGS),
        ("In the dossier", DossierScreen.BINDINGS),
        ("Loading a saved game", LoadScreen.BINDINGS),
        ("Anywhere", [b for c in type(app).__mro__ for b in vars(c).get("BINDINGS", ())]),
    )
    lines = ["[b]Keys[/b]"]
    for heading, bindings in sections:
        lines.append(f"[i]{heading}[/i]")
        lines += binding_lines(app, bindings)
    palette = app.get_key_display(Binding(app.COMMAND_PALETTE_BINDING, ""))
    lines.append(f"  {escape(palette):<16} Command palette: save, load, dossier, theme, help")
    return "\n".join(lines)


KEYS_WIDTH = 74
"""The width a key list is wrapped to, each description's later lines under its first: the
help's text at 80 columns, less its margins and scroll bar."""


def binding_lines(app: App, bindings) -> list[str]:
    """One entry per described binding: its key(s) and what it does (the tooltip, else the
    footer's word), wrapped with a hanging indent. A binding without a description is a second
    key for one that has it, or is told elsewhere. Markup: the keys and the words are
    escaped."""
    rows: dict[str, list[str]] = {}
    for b in bindings:
        if b.description:
            keys = rows.setdefault(b.tooltip or b.description, [])
            shown = app.get_key_display(b)
            if shown not in keys:
                keys.append(shown)
    return [
        escape(wrapped(d, f"  {' or '.join(k):<16} ", " " * 19, KEYS_WIDTH))
        for d, k in rows.items()
    ]


class HelpScreen(StyledOnce, Screen):
    """A page of help: ``heading`` on top, ``text`` (markup) below, and for the game's help
    the keys of every screen (:func:`key_lines`). A subclass sets its own."""

    AUTO_FOCUS = "#help"
    """Focused as the screen is built (see :mod:`.styled`)."""

    BINDINGS: ClassVar[list] = [
        Binding("escape", "app.pop_screen", "Close"),
        Binding("q", "app.pop_screen", show=False),
    ]
    heading: ClassVar[str] = "Help"
    text: ClassVar[str] = HELP
    keys: ClassVar[bool] = True
    """Whether the page lists keys after its text (:meth:`key_text`)."""
    more: ClassVar[str] = MORE
    """What follows the keys."""

    def compose(self) -> ComposeResult:
        yield Static(self.heading, id="where")
        with VerticalScroll(id="help"):
            yield Static(self.text, classes="para")
            if self.keys:
                yield Static(self.key_text(), classes="para")
            if self.more:
                yield Static(self.more, classes="para")
        yield KeyFooter()

    def key_text(self) -> str:
        """The keys listed after the text: the game's, screen by screen."""
        return key_lines(self.app)
