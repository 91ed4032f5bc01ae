"""Where the screens of a game go on Textual's screen stack.

The title is the app's first screen, at the bottom; a game's turn, or its ending, sits right
above it; a turn's result goes on top of its turn, and the next turn uncovers the turn screen
again. A screen that is uncovered keeps its styles; one switched or pushed to is styled again
in full only if the theme changed while it was hidden (see :mod:`.screens.styled`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from .screens.title import TitleScreen


def title(app: App) -> TitleScreen | None:
    """The title screen (none once the app has closed its screens)."""
    from .screens.title import TitleScreen

    bottom = app.screen_stack[0] if app.screen_stack else None
    return bottom if isinstance(bottom, TitleScreen) else None


def show_game_screen(app: App, screen: Screen, turn: Screen | None, result: Screen | None) -> None:
    """Put ``screen`` right above the title screen, closing anything else; ``turn`` and
    ``result`` are the kept turn and result screens, if they exist (see above)."""
    if turn in app.screen_stack and screen in (turn, result):
        while app.screen is not turn:
            app.pop_screen()
        if screen is not turn:
            app.push_screen(screen)
        return
    over_title(app, screen)


def over_title(app: App, screen: Screen) -> None:
    """Put ``screen`` right above the title, closing anything else, without showing the
    title on the way (it is replaced in place): drawing the title only to cover it again was
    a third of the key that opens the new-game form from an ending."""
    while len(app.screen_stack) > 2:
        app.pop_screen()
    if len(app.screen_stack) > 1:
        app.switch_screen(screen)
    else:
        app.push_screen(screen)


def back_to_title(app: App) -> None:
    """Close every screen above the title."""
    while len(app.screen_stack) > 1:
        app.pop_screen()
