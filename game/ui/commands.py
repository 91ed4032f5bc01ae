"""The command palette's game commands: save, load, dossier, theme and help."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .themes import LABELS


class BrinkCommands(Provider):
    """Save, load, dossier, the three themes and help, for the command palette (ctrl+p)."""

    def _commands(self):
        app = self.app
        out = [
            ("Save game", app.action_save, "Save the game in progress now"),
            ("Load a saved game", app.action_load, "List the saved games and pick one"),
            ("Dossier", app.action_dossier, "People, glossary and sources met so far"),
            ("Help", app.action_help, "How to play, and every key"),
        ]
        for name, label in LABELS.items():
            out.append(
                (
                    f"Theme: {label}",
                    partial(app.action_set_theme, name),
                    f"Switch to the {label} theme",
                )
            )
        return out

    async def discover(self) -> Hits:
        for name, run, help_text in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, run, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
