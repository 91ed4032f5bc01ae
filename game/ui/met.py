"""What the dossier lists: the people, glossary terms and sources the player has met so far.

Pure functions over the scenario and the game state (no Textual), so that plain mode or the
debrief could use them too. "Met" means: the advisers of every decision the player has faced,
the two leaders, the terms whose names appear in any text shown so far, and every source those
texts and records cite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.base import ROLE_SIDE
from ..model.scenario import Person, Scenario, Source, Term
from ..model.state import GameState


@dataclass(frozen=True, slots=True)
class Met:
    people: tuple[Person, ...]
    terms: tuple[Term, ...]
    sources: tuple[Source, ...]
    everything: bool
    """True when there is no game and the whole dossier is shown."""


def met(scenario: Scenario, state: GameState | None) -> Met:
    """The dossier for this game so far, or all of it when there is no game."""
    if state is None:
        return Met(scenario.people, scenario.glossary, scenario.sources, True)
    side = ROLE_SIDE[state.role]
    decided = [s.decision for s in state.steps if s.by_player]
    faced = [scenario.decision(d) for d in [*decided, state.pending] if d]
    texts: list[str] = []
    person_ids: list[str] = [info.leader for info in scenario.meta.sides.values()]
    keys: list[str] = []
    for d in faced:
        texts += [d.title, d.situation, d.history.note, d.history.by or ""]
        texts += [n.text for n in d.notes]
        for o in d.options:
            texts += [o.label, o.detail]
        for p in d.advisers:
            person_ids.append(p.person)
            texts.append(p.argument)
            keys += p.sources
    for d in faced[: len(decided)]:
        keys += d.history.sources
    for s in state.steps:
        if s.by_player or s.side != side:
            texts.append(scenario.option(s.decision, s.option).result)
    for e in scenario.events:
        if e.id in state.flags and side in e.visible_to:
            texts += [e.title, e.text, e.note or ""]
            keys += e.sources
    if state.ending:
        ending = scenario.ending(state.ending)
        texts += [ending.epilogue, ending.historians]
        keys += ending.sources
    blob = "\n".join(texts).lower()
    people = tuple(p for p in scenario.people if p.id in set(person_ids))
    terms = tuple(t for t in scenario.glossary if _mentioned(t.term, blob))
    for x in (*people, *terms):
        keys += x.sources
    wanted = set(keys)
    sources = tuple(x for x in scenario.sources if x.key in wanted)
    return Met(people, terms, sources, False)


def _mentioned(term: str, blob: str) -> bool:
    """Whether a glossary term (or its short form before a bracket) appears as a word."""
    names = {term.lower(), re.split(r"\s*[(\[]", term)[0].strip().lower()}
    # ``n in blob`` first: a plain search is fast, the word-boundary pattern is not
    return any(n and n in blob and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", blob) for n in names)
