"""Screens that are not styled again, in full, each time they are shown.

Textual styles each widget as it is mounted, and then styles the whole screen again each time
the screen is pushed or switched to (its ``ScreenResume``), in case what styles it changed
while it was hidden. For a screen just built, or one kept and shown again, that second pass
found what the first had, and it was about a quarter of a key that shows a result or the
dossier. What can change a hidden screen's styles from outside it is the theme and the app's
own classes and pseudo-classes (dark or light, focused or not, ANSI colours): a change of the
screen's own classes, or of its widgets', styles them when it is made. So a screen is styled
again when it is shown only if one of those differs from when it was last styled. (A
stylesheet read again while the app runs, as ``textual run --dev`` does, is not seen.)

For the same reason each screen names the widget to focus in its ``AUTO_FOCUS``, which
Textual focuses as the screen is built. Otherwise Textual focuses the first widget that can
take the focus, often the scroll around the one meant, and the screen then moves the focus on:
each move styles the widget left, the widget focused and everything inside them again. The
title's Enter to the new-game form took a median of 51.3 ms rather than 60.5 (four games).
"""

from __future__ import annotations

from textual import events


class StyledOnce:
    """Mixin for a :class:`~textual.screen.Screen`: skips the full restyle when it is shown
    while its styles are still current (see above)."""

    _styled_for: tuple | None = None

    def _styles_depend_on(self) -> tuple:
        app = self.app  # type: ignore[attr-defined]
        # the app's classes name its theme ("-theme-brink") and whether it is dark or light
        return frozenset(app.classes), frozenset(app.get_pseudo_classes())

    def on_mount(self) -> None:
        self._styled_for = self._styles_depend_on()  # each widget was styled as it was mounted

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # handlers run from the subclass up, so this comes before Screen's own
        now = self._styles_depend_on()
        if now == self._styled_for:
            event.refresh_styles = False
        self._styled_for = now
