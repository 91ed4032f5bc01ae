"""What plain mode writes: the turn, what followed a choice, history's record, the tracks,
the help and the ending, as prose wrapped to the terminal's width."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from . import engine
from .engine.compare import report
from .engine.sources import cite_keys
from .engine.telling import Record, Told
from .saves import Game
from .terminal import wrapped

HELP = (
    "How to play: read the situation and what each adviser argues, then type the number of "
    "the option you advise and press Enter. After each choice you see what followed, why "
    "every track moved, and what really happened at that point in 1962."
)
KEYS = (
    ("1-9", "choose that option"),
    ("a", "the advisers' positions again"),
    ("t", "tracks and tension log"),
    ("h", "this help"),
    ("q", "save and quit (resume later with: brink resume SAVE-ID)"),
)


class PlainText:
    """The writing of a plain-mode game, mixed into :class:`game.plain.Plain` (which sets the
    game, the output stream, the width and the saves folder)."""

    game: Game
    out: TextIO
    width: int
    folder: Path

    def say(self, text: str = "", indent: str = "", hang: str | None = None) -> None:
        """Print prose wrapped to the width. A blank line separates paragraphs; single line
        breaks inside one (as TOML content has them) are spaces. ``hang`` indents the lines
        after the first (default: as the first)."""
        if text.startswith("\n"):
            print(file=self.out)
        print(wrapped(text, indent, hang, self.width), file=self.out)

    def record(self, r: Record) -> None:
        """The historical record: its verdict, then the note, the dispute and the sources."""
        self.say(f"\n{r.line}")
        if r.summary:
            self.say(r.summary, "  ")
        self.say(r.note, "  ")
        if r.disputed:
            self.say(f"Disputed: {r.disputed}", "  ")
        if r.sources:
            self.say(f"Sources: {r.sources}", "  ")

    def happening(self, t: Told, shown_phase: int) -> None:
        if t.phase != shown_phase:  # the story has moved on to a new date
            phase = self.game.scenario.meta.phases[t.phase]
            self.say(f"\n--- {phase.label}: {t.phase_title} ---")
        self.say(f"\n{t.heading}")
        if t.chose:
            self.say(t.chose, "  ")
        self.say(t.text, "  ")
        for c in t.changes:
            self.say(c.text, "  ")

    def turn(self) -> None:
        v = self.game.turn
        self.say(f"\n=== {v.where} ===")
        self.say(v.status)
        self.say()
        self.say(v.title)
        self.say()
        for para in v.situation:
            self.say(para)
            self.say()
        self.advisers(v)
        self.say("Options:")
        for i, o in enumerate(v.options, 1):
            self.say(f"{i}. {o.label} \u2014 {o.detail}", "   ", hang="      ")
        self.say("(h help, t tracks, a advisers, q save and quit)")

    def help(self) -> None:
        self.say(HELP)
        for key, what in KEYS:
            self.say(what, f"  {key:<5}", hang="       ")

    def advisers(self, v) -> None:
        if not v.advisers:
            return
        self.say("Advisers:")
        for a in v.advisers:
            stance = f" \u2014 for: {a.option}" if a.option else ""
            self.say(f"{a.name}, {a.title}{stance}", "  ")
            self.say(a.argument, "    ")
            self.say(f"({a.basis})", "    ")
        self.say()

    def tracks(self) -> None:
        v = self.game.turn
        self.say("Tracks:")
        for t in v.tracks:
            level = f" \u2014 {t.level}" if t.level else ""
            self.say(
                f"{t.track.label}: {t.value} (of {t.track.min}\u2013{t.track.max}){level}", "  "
            )
        if v.log:
            self.say("Tension log (latest last):")
            for c in v.log[-10:]:
                self.say(f"{engine.change_text(self.game.scenario, c)}: {c.reason}", "  ")

    def ending(self) -> None:
        s, st = self.game.scenario, self.game.state
        e = engine.ending_told(s, st)
        r = report(s, st)
        self.say(f"\n*** {e.title} ***")
        self.say()
        self.say(e.epilogue)
        if view := e.seen_from.get(st.side):
            self.say(f"\nAs the {s.meta.sides[st.side].name} saw it:")
            self.say(view, "  ")
        self.say("\nWhat historians think:")
        self.say(e.historians, "  ")
        if e.sources:
            self.say(f"Sources: {cite_keys(s, e.sources)}", "  ")
        hist = engine.compare.historical_ending(s)
        self.say(f"\nWho gained (this game beside history: {hist.title}), from -2 to +2:")
        for g in r.gains:
            self.say(
                f"{g.leader.title()} \u2014 {g.dimension}: {engine.score(g.score)} here, "
                f"{engine.score(g.historical_score)} in history. {g.note}",
                "  ",
            )
        self.say("\nYour path beside the real timeline:")
        for row in r.timeline:
            self.say(f"{row.label}", "  ")
            for line in row.game:
                self.say(f"game: {line}", "    ")
            for entry in row.history:
                cited = cite_keys(s, entry.sources)
                self.say(f"history: {entry.title} [{cited}]", "    ")
        self.say(f"\n{r.danger_words}.")
        self.say(f"Divergence from history: {r.divergence}% of your decisions.")

    def found(self) -> None:
        """Record the ending among those found in the saves folder (as the game does) and say
        how many of the scenario's endings have been found."""
        from .saves import discoveries

        s = self.game.scenario
        try:
            got = discoveries.record_found(self.folder, s.meta.id, self.game.state.ending)
        except OSError:
            got = discoveries.read_found(self.folder, s.meta.id) | {self.game.state.ending}
        known = {e.id for e in s.endings}
        self.say(f"\nEndings found: {len(got & known)} of {len(known)}")
