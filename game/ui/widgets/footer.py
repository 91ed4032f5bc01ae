"""The footer of every screen: Textual's compact footer, rebuilt only when its keys change.

Textual's footer rebuilds all its keys whenever the bindings might have changed (every focus
move, every screen change). Most of those calls change nothing, and rebuilding is what made
key presses slow, so this one compares what it would show with what it shows.
"""

from __future__ import annotations

from textual.widgets import Footer


class KeyFooter(Footer):
    """A compact :class:`~textual.widgets.Footer` that skips rebuilds that change nothing."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._shown: tuple | None = None

    def bindings_changed(self, screen) -> None:
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            super().bindings_changed(screen)
            return
        shown = tuple(
            (binding.key, binding.description, binding.action, binding.show, enabled, tooltip)
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
        )
        if shown == self._shown:  # set only once Footer's own rebuild has run
            return
        self._shown = shown
        super().bindings_changed(screen)
