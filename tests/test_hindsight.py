"""No hindsight mid-game: what a player is shown after a choice or an incident (the historical
record's note and dispute, an incident's text and note, the results of choices) must not tell
a fact that a decision still ahead of that player turns on. Such facts belong in the ending's
record, the timeline and the debrief.

Each fact below is tied to the decisions it bears on. For every campaign, every text shown
before one of those decisions can be reached, on any path (all that come earlier in the
calendar, whatever the conditions), is searched for the fact. A text is exempt only where the
happening itself tells the fact: the incident's own text states it, or the incident teaches it
to the player's side (a ``learn`` effect)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from game.model.base import ROLE_SIDE


@dataclass(frozen=True)
class Fact:
    what: str
    pattern: str
    decisions: frozenset[str]
    """The decisions a player could decide differently by knowing it."""
    learned_as: str | None = None
    """The knowledge flag that, taught by an incident, lets the player know it."""

    def found(self, text: str | None) -> bool:
        return bool(text) and re.search(self.pattern, " ".join(text.split()), re.I) is not None


US_AFTER_THE_SPEECH = frozenset(
    {"sac_alert", "enforce_quarantine", "scali_channel", "letter_reply", "u2_response"}
    | {"rfk_dobrynin", "no_deal"}
)

FACTS = (
    Fact(
        "who ordered the U-2 shot down (Soviet generals, without Moscow)",
        r"Grechko|Garbuz",
        frozenset({"u2_response", "letter_reply", "rfk_dobrynin", "no_deal", "u2_learned"}),
    ),
    Fact(
        "B-59's nuclear torpedo",
        r"Savitsky|Arkhipov|nuclear torpedo|B-59[^.]*nuclear",
        frozenset({"rfk_dobrynin", "no_deal", "castro_letter", "accept_deal"}),
    ),
    Fact(
        "the tactical nuclear warheads in Cuba, unknown to Washington",
        r"\b100 (Soviet )?tactical|tactical (nuclear )?warheads",
        frozenset({"after_strike", "late_war_us", "no_deal", "verification", "quarantine_end"}),
        learned_as="tactical_warheads",
    ),
    Fact(
        "the Presidium's deliberations, which Kennedy could not see",
        r"Presidium (meets|is meeting|met|accepted|had already)|Protocol 6[0-9]",
        US_AFTER_THE_SPEECH,
    ),
    Fact(
        "Moscow forbidding nuclear use again on 27 October",
        r"(again|repeated)[^.]*(forbade|without (its|Moscow's) approval)",
        frozenset({"u2_learned"}),
    ),
    Fact(
        "Khrushchev accepting Kennedy's terms at once on 28 October",
        r"accept(ed)? (Kennedy's terms )?at once",
        frozenset({"accept_deal"}),
    ),
    Fact(
        "the tactical weapons taken home from Cuba",
        r"took home the tactical|tactical[^.]*(left Cuba|shipped out|taken home|went home)",
        frozenset({"mikoyan_mission"}),
    ),
    Fact(
        "the IL-28 bombers leaving Cuba",
        r"with the IL-28 bombers|IL-28s? (would |will )?(leave|left|went)",
        frozenset({"il28_bombers"}),
    ),
    Fact(
        "the pledge never formalised",
        r"never (been )?formali[sz]ed",
        frozenset({"quarantine_end", "un_closure"}),
    ),
    Fact(
        "Rusk's secret fallback of a trade announced by the UN",
        r"fallback|Cordier",
        frozenset({"accept_deal"}),
    ),
)


@dataclass(frozen=True)
class Shown:
    where: str
    at: tuple[int, int, int]
    texts: tuple[str | None, ...]
    told: str = ""
    """What the happening itself tells the player (an incident's text)."""
    learns: frozenset[str] = frozenset()


def shown(scenario, role: str) -> list[Shown]:
    """Every text a player of this campaign can be shown after a choice or an incident, with
    where it stands in the calendar: (phase, 0 for incidents / 1 for decisions, order)."""
    side = ROLE_SIDE[role]
    start = scenario.start_position(role)
    out: list[Shown] = []
    for i in range(start, len(scenario.meta.phases)):
        for k, e in enumerate(scenario.index.phase_events[i]):
            if side in e.visible_to:
                learns = frozenset(
                    f.fact for f in e.effects if f.kind == "learn" and f.side == side
                )
                out.append(Shown(f"event {e.id}", (i, 0, k), (e.note, e.disputed), e.text, learns))
        for k, d in enumerate(scenario.index.phase_decisions[i]):
            if d.side == side:
                texts = (d.history.note, d.history.disputed, *(o.result for o in d.options))
            elif d.secret:
                texts = tuple(o.seen_by_other for o in d.options)
            else:
                texts = tuple(o.seen_by_other or o.result for o in d.options)
            out.append(Shown(f"decision {d.id}", (i, 1, k), texts))
    return out


def positions(scenario, role: str) -> dict[str, tuple[int, int, int]]:
    """Where each of the player's decisions is reached: before its record is shown."""
    side = ROLE_SIDE[role]
    start = scenario.start_position(role)
    return {
        d.id: (i, 1, k)
        for i in range(start, len(scenario.meta.phases))
        for k, d in enumerate(scenario.index.phase_decisions[i])
        if d.side == side
    }


def hindsight(scenario, facts=FACTS) -> list[str]:
    """Each text that tells a fact before a decision it bears on can be reached."""
    found = []
    for role in ROLE_SIDE:
        reached = positions(scenario, role)
        texts = shown(scenario, role)
        for fact in facts:
            for target in sorted(fact.decisions & reached.keys()):
                for s in texts:
                    if s.at >= reached[target]:
                        continue
                    if fact.found(s.told) or (fact.learned_as and fact.learned_as in s.learns):
                        continue  # the happening itself tells it
                    if any(fact.found(t) for t in s.texts):
                        found.append(f"{role}: {s.where} tells {fact.what!r} before {target}")
    return found


def test_no_mid_game_text_tells_a_fact_a_later_decision_turns_on(cmc):
    assert hindsight(cmc) == []


def test_every_fact_is_tied_to_real_decisions_and_told_somewhere(cmc):
    """The list is not vacuous: each fact's decisions exist and each fact is told to the
    player somewhere the check allows (the ending, the timeline, the debrief, or a record
    shown after the decision it bears on)."""
    everywhere = [e.text for e in cmc.history] + [q.answer for q in cmc.questions]
    everywhere += [m.fact for m in cmc.myths] + [t.definition for t in cmc.glossary]
    everywhere += [x for e in cmc.endings for x in (e.epilogue, e.historians)]
    everywhere += [d.history.note for d in cmc.decisions]
    for fact in FACTS:
        assert fact.decisions <= cmc.index.decision.keys(), fact.what
        assert any(fact.found(t) for t in everywhere), f"{fact.what!r} is told nowhere"


SAMPLES = {
    "who ordered the U-2 shot down (Soviet generals, without Moscow)": "Grechko gave the order.",
    "B-59's nuclear torpedo": "Savitsky readied the torpedo.",
    "the tactical nuclear warheads in Cuba, unknown to Washington": "About 100 tactical warheads.",
    "the Presidium's deliberations, which Kennedy could not see": "The Presidium met all night.",
    "Moscow forbidding nuclear use again on 27 October": "Moscow again forbade any use.",
    "Khrushchev accepting Kennedy's terms at once on 28 October": "He accepted at once.",
    "the tactical weapons taken home from Cuba": "Mikoyan took home the tactical weapons.",
    "the IL-28 bombers leaving Cuba": "They went with the IL-28 bombers.",
    "the pledge never formalised": "The pledge was never formalised.",
    "Rusk's secret fallback of a trade announced by the UN": "Rusk had a fallback.",
}


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f.what[:40])
def test_the_check_finds_a_fact_put_into_an_early_record(cmc, fact):
    """Put each fact into the record of the first decision of the campaign it matters to,
    and the check must name it."""
    target = next(iter(sorted(fact.decisions)))
    side = cmc.decision(target).side
    role = next(r for r, s in ROLE_SIDE.items() if s == side)
    first = min(
        (d for d in cmc.decisions if d.side == side and d.id in positions(cmc, role)),
        key=lambda d: positions(cmc, role)[d.id],
    )
    record = first.history.model_copy(update={"note": SAMPLES[fact.what]})
    bad = first.model_copy(update={"history": record})
    decisions = tuple(bad if d.id == first.id else d for d in cmc.decisions)
    broken = cmc.model_copy(update={"decisions": decisions})
    broken.__dict__.pop("index", None)
    found = hindsight(broken, (fact,))
    assert any(f"decision {first.id} tells" in line for line in found), found
