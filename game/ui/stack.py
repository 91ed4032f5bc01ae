"""Where the screens of a game go on Textual's screen stack.

The title lies at the bottom (when the app started with it); a game's turn, or its ending,
sits right above it; a turn's result goes on top of its turn, and the next turn uncovers the
turn screen again. A screen that is uncovered keeps its styles, while one switched or pushed
to is styled again in full.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from .screens.title import TitleScreen


def title(app: App) -> TitleScreen | None:
    """The title screen, if it is on the stack."""
    from .screens.title import TitleScreen

    return next((s for s in app.screen_stack if isinstance(s, TitleScreen)), None)


def title_depth(app: App) -> int:
    """The screens up to and including the title (all of them when it is not there)."""
    found = title(app)
    return app.screen_stack.index(found) + 1 if found is not None else len(app.screen_stack)


def show_game_screen(app: App, screen: Screen, turn: Screen | None, result: Screen | None) -> None:
    """Put ``screen`` right above the title screen, closing anything else; ``turn`` and
    ``result`` are the kept turn and result screens, if they exist (see above)."""
    if turn in app.screen_stack and screen in (turn, result):
        while app.screen is not turn:
            app.pop_screen()
        if screen is not turn:
            app.push_screen(screen)
        return
    depth = title_depth(app)
    while len(app.screen_stack) > depth + 1:
        app.pop_screen()
    if len(app.screen_stack) > depth:  # replace in place: the title is not woken up
        app.switch_screen(screen)
    else:
        app.push_screen(screen)


def back_to_title(app: App) -> None:
    """Close every screen above the title."""
    depth = title_depth(app)
    while len(app.screen_stack) > depth:
        app.pop_screen()
