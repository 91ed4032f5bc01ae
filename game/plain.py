"""Plain mode: the game as numbered lines of text, for screen readers, scripts and any terminal.

Keys at the ``> `` prompt: a number chooses an option, ``a`` lists the advisers again, ``t``
shows the tracks and the tension log, ``h`` shows help, ``q`` saves and quits. End of input saves
and exits cleanly. Bad input is answered and asked again.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TextIO

from .engine.telling import tell_all
from .paths import saves_dir
from .plain_text import PlainText
from .saves import Game
from .terminal import shown, width

MAX_LINE = 1000


class Plain(PlainText):
    """A plain-text game over any pair of streams (what it writes: :class:`PlainText`).
    ``save(game)`` writes the game in ``folder`` and returns the path; it may give the game a
    new id (see :func:`game.saves.write_save`)."""

    def __init__(
        self,
        game: Game,
        stdin: BinaryIO,
        out: TextIO,
        save: Callable[[Game], Path],
        folder: Path | None = None,
        scenario: str | None = None,
    ):
        self.game, self.stdin, self.out, self._save = game, stdin, out, save
        self.folder = folder if folder is not None else saves_dir()
        self.scenario = scenario
        """The ``--scenario`` folder the game was started with (None: the installed one)."""
        self.unsaved = False
        """Whether the last save failed (the exit status is then 1)."""
        self.path: Path | None = None
        """Where the game was last saved."""
        self.width = width()

    def save(self, game: Game) -> bool:
        """Save; a failure (full disk, read-only folder, a file in the folder's place) is
        said with the folder and the cause, never a traceback. True when saved."""
        before = game.id
        try:
            self.path = self._save(game)
        except OSError as exc:
            self.unsaved = True
            self.say(
                f"Could not save the game in {shown(self.folder)}: {shown(exc.strerror or exc)}."
            )
            return False
        self.unsaved = False
        if game.id != before:
            self.say(
                f"{before}.json in {shown(self.folder)} holds another game, or this one played "
                f"further elsewhere; it is kept as it was, and this game is saved as {game.id}."
            )
        return True

    def resume_hint(self) -> str:
        """The command that resumes this game (with the folder and the scenario when they are
        not the defaults)."""
        where = (
            "" if self.folder == saves_dir() else f" --saves-dir {shlex.quote(str(self.folder))}"
        )
        if self.scenario:
            where += f" --scenario {shlex.quote(self.scenario)}"
        return f"brink resume {self.game.id}{shown(where)}"

    def status(self) -> int:
        return 1 if self.unsaved else 0

    # --- input ----------------------------------------------------------------------------

    def read(self) -> str | None:
        """One line, decoded leniently; None at end of input."""
        print("> ", end="", file=self.out, flush=True)
        raw = self.stdin.readline(MAX_LINE + 2)
        if not raw:
            return None
        if len(raw) > MAX_LINE and not raw.endswith(b"\n"):
            while (more := self.stdin.readline(65536)) and not more.endswith(b"\n"):
                pass
            return "\0too-long"
        return raw.decode("utf-8", errors="replace").strip()

    def confirm(self, label: str, number: str) -> bool | None:
        """Ask before an option that cannot be undone; y, or its number again, confirms."""
        self.say(
            f"\u201c{label}\u201d cannot be undone and raises the danger sharply. "
            f"Type y (or {number} again) to confirm, anything else to think again."
        )
        answer = self.read()
        return None if answer is None else answer.lower() in ("y", "yes", number)

    def run(self) -> int:
        """Play until the ending, ``q``, end of input or Ctrl+C, saving at each. Returns the
        exit status: 0, 1 when the last save failed, 130 after Ctrl+C."""
        try:
            return self._run()
        except KeyboardInterrupt:
            print(file=self.out)
            if self.game.state.ending is None:
                self._stop("Interrupted: ")
            else:
                self.say("Interrupted.")
            return 130

    def _stop(self, before: str) -> int:
        """Save and say so (``before`` starts the sentence); the exit status."""
        if self.save(self.game):
            self.say(_sentence(f"{before}game saved as {self.game.id}. Resume with:"))
            print(f"  {self.resume_hint()}", file=self.out)  # not wrapped: it is copied whole
        else:
            self.say(_sentence(f"{before}the game was not saved."))
        return self.status()

    def _run(self) -> int:
        if self.game.state.ending is None:
            self.turn()
        while self.game.state.ending is None:
            line = self.read()
            if line is None:
                return self._stop("\nEnd of input: ")
            options = self.game.turn.options
            if line in ("q", "quit"):
                return self._stop("")
            if line in ("h", "help", "?"):
                self.help()
            elif line == "t":
                self.tracks()
            elif line == "a":
                self.advisers(self.game.turn)
            elif line == "":
                self.say(f"Type a number from 1 to {len(options)}, or h for help.")
            elif line == "\0too-long":
                self.say("That line is too long. Type a number, or h for help.")
            elif not (line.isascii() and line.isdigit()):
                self.say(
                    f"\u201c{shown(line[:40])}\u201d is not an option. Type a number from 1 to "
                    f"{len(options)}, or h for help."
                )
            elif (pick := self.game.pick(int(line))).option is None:
                self.say(f"There is no option {line[:12]}. Type a number from 1 to {len(options)}.")
            else:
                option = pick.option
                if pick.confirm:
                    ok = self.confirm(option.label, line)
                    if ok is None:
                        return self._stop("\nEnd of input: ")
                    if not ok:
                        self.turn()
                        continue
                shown_phase = self.game.state.phase
                outcome = self.game.choose(option.id)
                side = self.game.state.side
                told = tell_all(self.game.scenario, side, outcome.happenings)
                for t in told:  # the story first, then what history did
                    self.happening(t, shown_phase)
                    shown_phase = t.phase
                for t in told:
                    if t.record is not None:
                        self.record(t.record)
                saved = self.save(self.game)
                if self.game.state.ending is None:
                    self.turn()
                else:
                    self.ending()
                    self.found()
                    if saved and self.path is not None:
                        self.say(f"\nGame saved as {self.game.id}, in the file:")
                        print(f"  {shown(self.path.resolve())}", file=self.out)  # copied whole
                    else:
                        self.say("\nGame not saved.")
        return self.status()


def _sentence(text: str) -> str:
    """``text`` with its first letter in capitals (after any leading line break)."""
    head = len(text) - len(text.lstrip("\n"))
    return text[:head] + text[head : head + 1].upper() + text[head + 1 :]
