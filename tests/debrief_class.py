"""A generated class for the debrief tests: games of both roles played through the engine with
known choices (a fixed seed), some left unfinished, saved with fixed ids, names, class codes and
times, so that the order of the students is known.

Imported by tests/test_debrief*.py and tests/ui/test_ui_debrief.py (the folder of
tests/conftest.py is on the import path).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from markupsafe import escape

from game import engine
from game.model.save import Choice, SaveFile
from game.model.scenario import Scenario
from game.model.state import GameState
from game.saves import Game, write_save

HOSTILE = (
    "<script>alert(1)</script>",
    '"quoted"',
    "a,b",
    "../../etc/passwd",
    "Ann & Bob",
)
"""Names that must come out escaped in HTML, quoted in CSV, and never become a path."""


def html_escaped(text: str) -> str:
    """``text`` as the HTML report's templates write it (Jinja2's autoescape)."""
    return str(escape(text))


@dataclass
class HtmlParts:
    """An HTML page read by a parser: its text, its tag names and its attribute values."""

    text: str = ""
    tags: set[str] = field(default_factory=set)
    attributes: list[str] = field(default_factory=list)


def html_parts(page: str) -> HtmlParts:
    """What a browser would see as text, as tags and as attributes in ``page``."""
    parts = HtmlParts()
    texts: list[str] = []

    class Reader(HTMLParser):
        def handle_starttag(self, tag, attrs):
            parts.tags.add(tag)
            parts.attributes += [f"{k}={v}" for k, v in attrs]

        def handle_data(self, data):
            texts.append(data)

    reader = Reader(convert_charrefs=True)
    reader.feed(page)
    reader.close()
    parts.text = "".join(texts)
    return parts


@dataclass(frozen=True)
class Made:
    """One generated game: its save, its final state and the file it was written to."""

    save: SaveFile
    state: GameState
    path: Path


def play(scenario: Scenario, role: str, seed: int, stop: int | None = None) -> Game:
    """A game with random choices from ``seed`` (historical opponent and incidents), stopped
    after ``stop`` choices if given."""
    rng = random.Random(seed)
    state = engine.new_game(scenario, role, seed, "historical", "historical").state
    game = Game(scenario, state)
    while game.state.ending is None and game.state.pending is not None:
        if stop is not None and len(game.choices) >= stop:
            break
        decision = scenario.decision(game.state.pending)
        game.choose(rng.choice(engine.offered(decision, game.state)).id)
    return game


def make_class(
    scenario: Scenario,
    folder: Path,
    n: int = 30,
    names: tuple[str, ...] = (),
    classes: tuple[str, ...] = ("7A", "7B"),
    seed: int = 7,
    unfinished_after: int = 2,
) -> list[Made]:
    """``n`` games, alternately Kennedy and Khrushchev (if the scenario offers both), every
    fifth one left unfinished after ``unfinished_after`` choices, started a second apart (so
    game ``i`` is Student ``i + 1``), named ``names[i]`` or "Pupil i", of class
    ``classes[i % len(classes)]``."""
    roles = [r.id for r in scenario.meta.roles if r.available]
    made = []
    for i in range(n):
        role = roles[i % len(roles)]
        game = play(scenario, role, seed * 1000 + i, stop=unfinished_after if i % 5 == 4 else None)
        game.id = f"class-{i:03d}"
        game.player = names[i] if i < len(names) else f"Pupil {i}"
        game.class_code = classes[i % len(classes)] if classes else ""
        game.created = f"2026-10-16T09:{i // 60:02d}:{i % 60:02d}+00:00"
        at = f"2026-10-16T10:{i // 60:02d}:{i % 60:02d}+00:00"
        game.choices = [Choice(decision=c.decision, option=c.option, at=at) for c in game.choices]
        save = game.to_save().model_copy(update={"updated": at})
        made.append(Made(save, game.state, write_save(folder, save)))
    return made
