"""What the dossier lists: the people, glossary terms and sources the player has met so far.

Pure functions over the scenario and the game state, for any front end. "Met" means: the advisers of every decision the player has faced,
the player's own leader, the other leader once his surname appears in a text shown so far (a
Khrushchev player in 1959 has not yet met President Kennedy, whose biography would tell the end
of the story), the terms whose names appear in those texts, and every source they cite. Texts
the player was never shown (the other side's secret choices, what was settled before the
campaign began) do not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.base import ROLE_SIDE
from ..model.scenario import Person, Scenario, Source, Term
from ..model.state import GameState
from .texts import told_ending


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
    person_ids: list[str] = [scenario.meta.sides[side].leader]
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
    start = scenario.start_position(state.role)
    for s in state.steps:
        if scenario.phase_position(s.phase) < start:
            continue  # settled before the campaign began: never shown
        option = scenario.option(s.decision, s.option)
        if s.by_player:
            texts.append(option.result)
        elif s.side != side and not (
            scenario.decision(s.decision).secret and not option.seen_by_other
        ):
            texts.append(option.seen_by_other or option.result)
    for e in scenario.events:
        if e.id in state.flags and side in e.visible_to:
            texts += [e.title, e.text, e.note or ""]
            keys += e.sources
    if state.ending:
        ending = told_ending(scenario, scenario.ending(state.ending), state)
        texts += [ending.epilogue, ending.historians]
        keys += ending.sources
    blob = "\n".join(texts).lower()
    for info in scenario.meta.sides.values():  # the other leader, once named in what was shown
        leader = scenario.person(info.leader)
        if leader is not None and _mentioned(leader.name.split()[-1], blob):
            person_ids.append(leader.id)
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
