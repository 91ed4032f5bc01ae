"""The continuity proof: no text is shown where what it assumes is false.

The walks of ``brink check`` (:mod:`.explore`) play audited games: the engine records every
text it shows where its ``assumes`` does not hold (:mod:`.texts`). This module names each
such text by its file and path, with the player's choices that lead to it and the condition
in words.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.problem import Problem
from ..model.rules import AllOf, ChangeTrack, Chose, FlagSet, Knows, Not, PlayerIs, TrackWithin
from ..model.scenario import Scenario
from .references import origin


def text_tables(scenario: Scenario) -> Iterator[tuple[str, str, object]]:
    """Every table that carries text a player reads: (file, path, table)."""
    for n, d in enumerate(scenario.decisions):
        file, base = origin(scenario, n)
        yield file, base, d
        for i, x in enumerate(d.notes):
            yield file, f"{base}.notes[{i}]", x
        for i, x in enumerate(d.advisers):
            yield file, f"{base}.advisers[{i}]", x
        for i, x in enumerate(d.options):
            yield file, f"{base}.option[{i}]", x
            yield from _changes(file, f"{base}.option[{i}]", x.effects)
    for i, e in enumerate(scenario.events):
        yield "events.toml", f"event[{i}]", e
        yield from _changes("events.toml", f"event[{i}]", e.effects)
    for i, e in enumerate(scenario.endings):
        yield "endings.toml", f"ending[{i}]", e
        for j, x in enumerate(e.parts):
            yield "endings.toml", f"ending[{i}].part[{j}]", x
        for j, x in enumerate(e.gains):
            yield "endings.toml", f"ending[{i}].gain[{j}]", x
    for j, x in enumerate(scenario.ending_parts):
        yield "endings.toml", f"part[{j}]", x


def _changes(file: str, path: str, effects) -> Iterator[tuple[str, str, object]]:
    """The track changes among ``effects``: their reasons are text too."""
    for k, e in enumerate(effects):
        if type(e) is ChangeTrack:
            yield file, f"{path}.effects[{k}]", e


def describe(cond, scenario: Scenario, top: bool = True) -> str:
    """A condition in words: ``quarantine and not invasion and danger >= 6``."""
    t = type(cond)
    if t is FlagSet:
        return cond.flag if cond.is_ else f"not {cond.flag}"
    if t is TrackWithin:
        if cond.min is not None and cond.max is not None:
            return f"{cond.min} <= {cond.track} <= {cond.max}"
        return f"{cond.track} >= {cond.min}" if cond.max is None else f"{cond.track} <= {cond.max}"
    if t is Chose:
        return f"{cond.decision} chose {' or '.join(cond.options)}"
    if t is Knows:
        return f"{cond.side} knows {cond.fact}"
    if t is PlayerIs:
        return f"the player is {cond.side}"
    if t is Not:
        return f"not ({describe(cond.of, scenario, False)})"
    words = (" and " if t is AllOf else " or ").join(describe(c, scenario, False) for c in cond.of)
    return words if top and t is AllOf else f"({words})"


def lapse_problems(scenario: Scenario, found: dict) -> list[Problem]:
    """The problems for the lapses the walks found: ``found`` maps (table id, variant) to
    (the first :class:`.texts.Lapse` seen, where it was seen)."""
    if not found:
        return []
    paths = {id(t): (file, path) for file, path, t in text_tables(scenario)}
    problems = []
    for lapse, ctx in found.values():
        file, path = paths.get(id(lapse.owner), ("", ""))
        if lapse.variant is not None:
            path += f".variant[{lapse.variant}]"
        shown = ", ".join(lapse.choices) or "the start"
        cond = describe(lapse.condition, scenario)
        problems.append(
            Problem(
                file=file,
                path=path,
                message=f"shown after {shown} although {cond} is false ({ctx})",
            )
        )
    return sorted(problems, key=lambda p: (p.file, p.path))
