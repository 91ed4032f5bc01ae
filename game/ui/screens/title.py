"""The title screen: the campaigns (a coming one shown as coming), continue, load, the teacher's
debrief, dossier, help and quit, with the endings found so far."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..widgets.footer import KeyFooter
from ..widgets.marked import MarkedOptionList
from .resting import RestingScreen


class TitleScreen(RestingScreen):
    """The first screen. Its menu is built from the scenario's roles and the saves folder.

    It is painted before the scenario is loaded (from ``app.info``, read from scenario.toml);
    "Continue" and the endings found are filled in when the app has loaded it."""

    AUTO_FOCUS = "#menu"
    """The focus goes to the menu at once, not first to the scrolled body around it: every move
    of the focus styled the title's widgets again, about 8 ms of the start."""

    BINDINGS: ClassVar[list] = [
        Binding("d", "app.dossier", "Dossier"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("c", "menu('continue')", "Continue", show=False),
        Binding("l", "app.load", "Load", show=False),
        Binding("q", "app.quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="title-body"):
            yield Static("B R I N K", id="logo")
            yield Static(Text(self.app.info.title), id="scenario-title")
            yield Static(Text(self.app.info.description), id="blurb")
            yield MarkedOptionList(id="menu")
            yield Static(id="found")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_menu()

    _menu_stale = False
    """Whether the menu is to be rebuilt when the title is next shown."""

    def refresh_menu(self) -> None:
        """Rebuild the menu: whether there is a game to continue changes after each game.
        Under another screen it is rebuilt when the title is next shown: laying out a screen
        nobody sees cost the key that opens the new-game form from an ending."""
        if self.is_mounted and self.app.screen is not self:
            self._menu_stale = True
            return
        self._menu_stale = False
        app = self.app
        menu = self.query_one("#menu", OptionList)
        keep = menu.highlighted
        menu.clear_options()
        for role in app.info.campaigns:
            if role.available:
                menu.add_option(Option(_Campaign(role.title, role.blurb), id=f"role:{role.id}"))
            else:
                text = _Campaign(f"{role.title} — coming soon", role.blurb)
                menu.add_option(Option(text, id=f"role:{role.id}", disabled=True))
        if app.classroom is not None:  # the student's own games only (see ..classroom)
            self._classroom_menu(menu)
        elif not app.loaded:  # filled in once the app has loaded the scenario, in a moment
            menu.add_option(Option(Text("Continue the last game"), "continue", True))
        elif (latest := app.latest_unfinished()) is not None:  # this session's game: no name
            s = latest.to_save()
            text = f"Continue the last game ({s.role.capitalize()}, {s.summary.date})"
            menu.add_option(Option(Text(text), id="continue"))
        else:
            menu.add_option(Option(Text("Continue the last game — none yet"), "continue", True))
        if app.classroom is None:
            menu.add_option(Option(Text("Load a saved game"), id="load"))
            menu.add_option(Option(Text("Teacher debrief: the class against history"), "debrief"))
        menu.add_option(Option(Text("Dossier: people, glossary, sources"), id="dossier"))
        menu.add_option(Option(Text("Help"), id="help"))
        menu.add_option(Option(Text("Quit"), id="quit"))
        keep = keep if keep is not None and keep < menu.option_count else 0
        if menu.get_option_at_index(keep).disabled:  # "— none yet" never holds the cursor
            keep = next(
                i for i in range(menu.option_count) if not menu.get_option_at_index(i).disabled
            )
        menu.highlighted = keep
        self.set_focus(menu, scroll_visible=False)  # now, so the first frame shows the cursor
        if not app.loaded:
            return
        total = len(app.scenario.endings)
        self.query_one("#found", Static).update(
            Text(
                f"Endings found so far: {len(app.found & {e.id for e in app.scenario.endings})}"
                f" of {total}"
            )
        )

    def on_screen_resume(self) -> None:
        if self._menu_stale:
            self.refresh_menu()

    def _classroom_menu(self, menu: OptionList) -> None:
        """In a classroom tab: who plays, and the student's game continued by its code."""
        classroom = self.app.classroom
        game = self.app.game
        code = classroom.code(game.id) if game is not None else None
        if code is not None:
            label = f"Continue my game (resume code {code})"
        else:
            label = "Continue a game with its resume code"
        menu.add_option(Option(Text(label), id="continue"))
        self.query_one("#blurb", Static).update(
            Text(
                f"{self.app.info.description}\n\nPlaying as {classroom.player or '…'}"
                + (f", class {classroom.class_code}" if classroom.class_code else "")
            )
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_menu(event.option.id or "")

    def action_menu(self, choice: str) -> None:
        app = self.app
        if choice.startswith("role:"):
            app.push_screen(app.new_game_form(choice.removeprefix("role:")))
        elif choice == "continue" and app.classroom is not None:
            if app.game is not None and app.classroom.code(app.game.id) is not None:
                app.show_current()
            else:
                from .student import StudentScreen

                app.push_screen(StudentScreen())
        elif choice == "continue":
            if app.latest_unfinished() is None:
                app.notify("There is no unfinished game to continue.", severity="warning")
            else:
                app.clear_notifications()  # "Game saved…" was for the title, not the game
                app.show_current()
        elif choice == "load":
            app.action_load()
        elif choice == "debrief":
            app.open_debrief()
        elif choice == "dossier":
            app.action_dossier()
        elif choice == "help":
            app.action_help()
        elif choice == "quit":
            app.exit()


@dataclass(frozen=True)
class _Campaign:
    """A campaign in the menu: its title, and its blurb indented under it as it wraps.
    As a string (for tests and a screen reader's copy), the two lines as plain text."""

    title: str
    blurb: str

    def __str__(self) -> str:
        return f"{self.title}\n  {self.blurb}"

    def __rich_console__(self, console, options):
        yield Text(self.title)
        yield Padding(Text(self.blurb), (0, 0, 0, 2))
