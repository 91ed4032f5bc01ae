"""Texts that follow the state: the one place where the words a player reads are chosen.

Each text-bearing table may carry ``variant`` tables and an ``assumes`` condition. The first
variant whose ``when`` holds supplies the fields it gives; the plain text supplies the rest.
Which state a text is judged on:

- a decision's title, situation, notes, advisers and option labels: when it is shown (the
  state in which it waits for the player, or in which the other side takes it);
- an option's result and what the other side sees: the same state, just before its effects;
- an incident's title and text: when it fires, just before its effects;
- the reason of a track change (and its ``when``): the state just before the effects it
  belongs to;
- an ending's texts, parts and "who gained" rows: the final state.

Only the engine calls these, and only when it explains a game (or audits one for the
continuity proof): simulations never pay for them. With ``lapses`` (a list), every text used
where its ``assumes`` is false is recorded as a :class:`Lapse`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.rules import ChangeTrack
from ..model.scenario import Decision, Ending, Event, Gain, Option, Position, Scenario
from .compiled import compiled
from .rules import applying, conditional, holds


@dataclass(frozen=True, slots=True)
class Lapse:
    """A text shown where what it assumes is false."""

    owner: object
    """The table whose text it is (a decision, option, note, position, event, ending, part)."""
    variant: int | None
    """Which of its variants supplied the text, or None for its plain text."""
    condition: object
    """The assumption that is false."""
    choices: tuple[str, ...]
    """The player's choices so far, ``decision=option``."""


def _note(lapses: list | None, owner, variant: int | None, cond, d) -> None:
    if lapses is not None and cond is not None and not holds(cond, d):
        choices = tuple(f"{s.decision}={s.option}" for s in d.steps if s.by_player)
        lapses.append(Lapse(owner, variant, cond, choices))


def _states(table) -> bool:
    return table.assumes is not None or any(v.assumes is not None for v in table.variants)


def assuming(scenario: Scenario) -> frozenset[int]:
    """The ids of the decisions, options, events and endings whose texts state an assumption
    somewhere (in themselves, a variant, a note, an adviser, an option or a part): an audit
    need look at no other (worked out once per scenario)."""
    memo = scenario.index.memo
    if "assuming" not in memo:
        out = set()
        for d in scenario.decisions:
            opts = [o for o in d.options if _states(o)]
            out.update(id(o) for o in opts)
            notes = any(n.assumes is not None for n in d.notes)
            if opts or notes or _states(d) or any(_states(p) for p in d.advisers):
                out.add(id(d))
        out.update(id(e) for e in scenario.events if _states(e))
        shared = any(p.assumes is not None for p in scenario.ending_parts)
        out.update(
            id(e)
            for e in scenario.endings
            if shared
            or _states(e)
            or any(p.assumes is not None for p in e.parts)
            or any(_states(g) for g in e.gains)
        )
        memo["assuming"] = frozenset(out)
    return memo["assuming"]


def variant_of(owner, d) -> int | None:
    """The position of the first variant of ``owner`` whose ``when`` holds, or None."""
    for i, v in enumerate(owner.variants):
        if holds(v.when, d):
            return i
    return None


def words(owner, fields: tuple[str, ...], d, lapses: list | None = None) -> dict[str, str]:
    """The ``fields`` of ``owner`` as shown on ``d``: from its first holding variant where it
    gives them, else the plain text. Checks the assumptions of whichever texts were used."""
    i = variant_of(owner, d) if owner.variants else None
    v = owner.variants[i] if i is not None else None
    out: dict[str, str] = {}
    plain = False
    for f in fields:
        text = getattr(v, f, None) if v is not None else None
        if text is None:
            text = getattr(owner, f)
            plain = plain or text is not None
        out[f] = text
    if lapses is not None:
        if plain:
            _note(lapses, owner, None, owner.assumes, d)
        if v is not None:
            _note(lapses, owner, i, v.assumes, d)
    return out


def label_of(option: Option):
    """A function giving ``words(option, ("label",), d)["label"]`` for each ``d``, with the
    variants' conditions compiled once (for the engine's hot loop); None for an option without
    variants, whose label is always its plain one."""
    if not option.variants:
        return None
    plain = option.label
    variants = tuple((compiled(v.when), v.label) for v in option.variants)

    def label(d) -> str:
        for test, text in variants:
            if test is None or test(d):
                return plain if text is None else text
        return plain

    return label


def reasons(effects, scenario: Scenario, d, lapses: list | None) -> None:
    """Check the reasons of the track changes about to be made (``d`` is the state before
    the effects) against their ``assumes``, for the tracks the player's side sees."""
    if lapses is None or id(effects) not in conditional(scenario):
        return
    for e in applying(effects, scenario, d):
        if type(e) is ChangeTrack and d.side in scenario.track(e.track).visible_to:
            _note(lapses, e, None, e.assumes, d)


OPTION_SHOWN = ("label", "detail")
OPTION_TOLD = ("label", "detail", "result", "seen_by_other")


def told_option(option: Option, d, fields=OPTION_TOLD, lapses: list | None = None) -> Option:
    """A copy of ``option`` with the words shown on ``d``."""
    got = words(option, fields, d, lapses)
    if all(got[f] is getattr(option, f) for f in fields):
        return option
    return option.model_copy(update=got)


def told_title(decision: Decision, d, lapses: list | None = None) -> str:
    """A decision's title as shown on ``d`` (as when the other side's answer is told)."""
    return words(decision, ("title",), d, lapses)["title"]


@dataclass(frozen=True, slots=True)
class DecisionTexts:
    """Everything a decision shows its player, in words chosen for the state."""

    title: str
    situation: tuple[str, ...]
    """The situation, then each note that holds."""
    advisers: tuple[tuple[Position, str, str | None], ...]
    """Each adviser who speaks: the position, the argument, the option argued for."""
    options: tuple[Option, ...]
    """The options offered, in the decision's order, with the words for the state."""


def decision_texts(
    decision: Decision, offered: list[Option], d, lapses: list | None = None
) -> DecisionTexts:
    """What ``decision`` shows on ``d``, given the options offered there. An adviser speaks
    when their ``when`` holds and the option they argue for (if any) is offered."""
    got = words(decision, ("title", "situation"), d, lapses)
    notes = []
    for n in decision.notes:
        if holds(n.when, d):
            notes.append(n.text)
            _note(lapses, n, None, n.assumes, d)
    open_ = {o.id for o in offered}
    advisers = []
    for p in decision.advisers:
        if p.when is not None and not holds(p.when, d):
            continue
        w = words(p, ("argument", "option"), d)
        if w["option"] is None or w["option"] in open_:  # nobody argues for what is not offered
            words(p, ("argument", "option"), d, lapses)  # its assumptions, once it speaks
            advisers.append((p, w["argument"], w["option"]))
    options = tuple(told_option(o, d, OPTION_SHOWN, lapses) for o in offered)
    return DecisionTexts(got["title"], (got["situation"], *notes), tuple(advisers), options)


def told_event(event: Event, d, lapses: list | None = None) -> tuple[str, str]:
    """An incident's title and text as told when it fires on ``d``."""
    got = words(event, ("title", "text"), d, lapses)
    return got["title"], got["text"]


def chain(scenario: Scenario, d) -> list[str]:
    """The links of the chain of this game: the ``chain`` of each incident that happened and
    each option taken, in the order they happened (a phase's incidents come before its
    decisions). A link that repeats the one just before (Moscow asking for a ceasefire a
    second time, with nothing between) is told once."""
    by_phase: dict[str, list[str]] = {}
    for s in d.steps:
        link = scenario.option(s.decision, s.option).chain
        if link:
            by_phase.setdefault(s.phase, []).append(link)
    out: list[str] = []
    for i, phase in enumerate(scenario.meta.phases):
        links = [e.chain for e in scenario.events_in(i) if e.chain and e.id in d.flags]
        for link in (*links, *by_phase.get(phase.id, ())):
            if not out or out[-1] != link:
                out.append(link)
    return out


def told_gains(ending: Ending, d, lapses: list | None = None) -> tuple[Gain, ...]:
    """The ending's "who gained" rows for the final state ``d``: each row's score and note
    from its first variant that holds, else its plain ones."""
    out = []
    for g in ending.gains:
        if g.variants or lapses is not None:
            got = words(g, ("score", "note"), d, lapses)
            if got["score"] is not g.score or got["note"] is not g.note:
                g = g.model_copy(update=got)
        out.append(g)
    return tuple(out)


def told_ending(scenario: Scenario, ending: Ending, d, lapses: list | None = None) -> Ending:
    """A copy of ``ending`` told for the final state ``d``: its variant's words, then the
    parts that hold (its own, then the shared parts its tags select), then the chain of the
    game if the ending names it; its sources with those of the parts told; its "who gained"
    rows as :func:`told_gains` gives them."""
    got = words(ending, ("title", "epilogue", "historians", "seen_from"), d, lapses)
    got["gains"] = told_gains(ending, d, lapses)
    extra: dict[str, list[str]] = {"epilogue": [], "historians": []}
    sources = list(ending.sources)
    for part in (*ending.parts, *scenario.ending_parts):
        if part.fits(ending) and holds(part.when, d):
            extra[part.to].append(part.text)
            sources += [k for k in part.sources if k not in sources]
            _note(lapses, part, None, part.assumes, d)
    if ending.chain:
        links = chain(scenario, d)
        if links:
            extra["epilogue"].append(f"{ending.chain} {'; '.join(links)}.")
    for f, more in extra.items():
        if more:
            got[f] = "\n\n".join((got[f], *more))
    return ending.model_copy(update={**got, "sources": tuple(sources)})


def phase_title(phase, d) -> str:
    """A phase's title for the state ``d``."""
    for v in phase.variants:
        if holds(v.when, d):
            return v.title
    return phase.title
