"""The command palette's commands (ctrl+p): the game's (save, load, dossier, theme, help), and
over the teacher's debrief only the debrief's own (a page to go to, names, export, theme, help).

A screen that sets ``TEACHER_ONLY = True`` (the debrief and what it opens) keeps the game's
commands out of the palette while it is anywhere on the screen stack: a projector showing a
class must never offer the load screen (every student's name, and Delete), nor saving."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .themes import LABELS


def teacher_only(app) -> bool:
    """Whether a teacher-only screen (the debrief) is open."""
    return any(getattr(s, "TEACHER_ONLY", False) for s in app.screen_stack)


class _Listed(Provider):
    """A provider of a fixed list of (name, callback, help) commands."""

    def _commands(self) -> list:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for name, run, help_text in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, run, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)


class BrinkCommands(_Listed):
    """Save, load, dossier, the three themes and help; over the debrief, the themes alone."""

    def _commands(self):
        app = self.app
        out = []
        playing = app.game is not None and app.game.state.ending is None
        if not teacher_only(app):
            out += [
                *((("Save game", app.action_save, "Save the game in progress now"),) * playing),
                *(  # a classroom tab continues its game by resume code, never from a list
                    ()
                    if app.classroom is not None
                    else (("Load a saved game", app.action_load, "List the saved games"),)
                ),
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


class DebriefCommands(_Listed):
    """The debrief's commands: every page by its title, names, export and help."""

    def _commands(self):
        screen = next(
            (s for s in reversed(self.app.screen_stack) if hasattr(s, "go_to_page")), None
        )
        if screen is None or not screen.ready:  # still reading the folder
            return []
        out = [
            (f"Go to: {p.title}", partial(screen.go_to_page, i), "Show this page")
            for i, p in enumerate(screen.pages)
        ]
        out.append(
            (
                "Hold back or show history's choice",
                screen.action_hide_history,
                "On the decision pages, until the class has discussed them",
            )
        )
        if not screen.anonymize:
            out.append(("Show or hide the names", screen.action_names, "Names are hidden at first"))
        out.append(("Export the debrief", screen.action_export, "Markdown, HTML or CSV"))
        out.append(("Debrief help", screen.action_help, "The debrief's keys"))
        return out
