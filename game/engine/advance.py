"""How a game moves on between the player's decisions: the incidents of each phase as it
begins, the other side's answers, a choice's effects and the endings, each told as a
:class:`Happening`. The steps of the state machine of :mod:`.play`, on a draft of the state.

No I/O, no clock, no global random: each roll uses a ``random.Random`` seeded from the game's
seed and the turn it was rolled at (:func:`rng_for`).
"""

from __future__ import annotations

import random

from ..model.scenario import Decision, Event, Option, Scenario
from ..model.state import GameState, Point, Step
from .compiled import applied
from .happenings import SECRET_REASON, Happening, phase_title_now, unseen
from .plan import Plan, plan, taking
from .policies import pick
from .rules import Draft, apply, holds
from .texts import (
    assuming,
    decision_texts,
    reasons,
    told_ending,
    told_event,
    told_option,
    told_title,
)


def rng_for(seed: int, turn: int) -> random.Random:
    """The random source of one engine call, made from the game's seed and the turn it starts at."""
    return random.Random(seed * 1_000_003 + turn)


def _rng(d: Draft) -> random.Random:
    if d.rng is None:  # made on first use: seeding costs more than most steps
        d.rng = rng_for(d.base.seed, d.rolled_at)
    return d.rng


def offered(decision: Decision, d: Draft | GameState) -> list[Option]:
    """The options of a decision whose conditions hold now (on a draft or a state)."""
    return [o for o in decision.options if o.when is None or holds(o.when, d)]


def _point(scenario: Scenario, d: Draft, p: Plan | None = None) -> Point:
    if p is None:
        p = plan(scenario)
    tracks = d.tracks
    defcon = min(map(tracks.__getitem__, p.defcon))  # map: cheaper than a generator
    return Point(d.turn, p.phase_ids[d.phase], tracks[p.danger], defcon)


def _take(
    scenario: Scenario,
    d: Draft,
    decision: Decision,
    option: Option,
    by_player: bool,
    p: Plan | None = None,
):
    if p is None:
        p = plan(scenario)
    t = p.taking.get(id(option)) or taking(p, scenario, decision, option)
    d.turn += 1
    # a secret decision is hidden from the other side, except an option it is bound to learn
    hidden = t.secret and decision.side != d.side
    lapses = d.lapses  # None unless the game is audited
    told = None  # the words are chosen on the state before the effects
    if not hidden and (
        d.happenings is not None or (lapses is not None and _audits(scenario, d, decision, option))
    ):
        told = (told_title(decision, d, lapses), told_option(option, d, lapses=lapses))
    if told is not None:  # the label shown, for the timeline (on the state before the effects)
        label = told[1].label
    elif t.label is not None:
        label = t.label(d)
    else:
        label = option.label
    if not hidden and lapses is not None:
        reasons(option.effects, scenario, d, lapses)
    hide = SECRET_REASON if hidden else None
    if t.effects is None:  # a list the plan leaves to the rules themselves
        changes = apply(option.effects, scenario, d, hide)
    else:
        changes = applied(t.effects, p.floors, d, hide)
    matched = t.matched
    d.done.add(decision.id)
    if d.chosen is not None:
        d.chosen[decision.id] = option.id
    phase = p.phase_ids[d.phase]
    step = Step(d.turn, phase, decision.id, option.id, decision.side, by_player, matched, label)
    d.steps.append(step)
    d.trail.append(_point(scenario, d, p))
    if d.happenings is None:
        pass
    elif hidden:  # the player sees only the tracks move, if they do
        unseen(scenario, d, changes, decision.side)
    else:
        kind = "decision" if by_player else "answer"
        title, shown = told
        text = shown.result if by_player else shown.seen_by_other or shown.result
        d.happenings.append(
            Happening(
                kind,
                title,
                text,
                changes,
                decision.side,
                decision,
                shown,
                None,
                matched,
                d.phase,
                phase_title_now(scenario, d),
            )
        )
    _check_endings(scenario, d, False, p)


def _enter_phase(scenario: Scenario, d: Draft, quiet: bool, p: Plan | None = None):
    """Roll the phase's events (or let them happen as history had them)."""
    if p is None:
        p = plan(scenario)
    stage = p.stages[d.phase]
    if stage.skip is not None and stage.skip(d):  # nothing of it makes sense now
        d.done.update(stage.settled)
        return
    if not stage.events:
        return
    mode = "historical" if quiet else d.base.events
    for ev, when, effects in stage.events:
        if d.ending is not None:
            return
        d.done.add(ev.id)
        if not (when is None or when(d)) or not _fires(ev, d, mode):
            continue
        d.turn += 1
        seen = d.side in ev.visible_to
        told = None
        if seen and (d.happenings is not None or _audits(scenario, d, ev)):
            told = told_event(ev, d, d.lapses)
        if seen and d.lapses is not None:
            reasons(ev.effects, scenario, d, d.lapses)
        hide = None if seen else SECRET_REASON
        if effects is None:  # a list the plan leaves to the rules themselves
            changes = apply(ev.effects, scenario, d, hide)
        else:
            changes = applied(effects, p.floors, d, hide)
        d.flags.add(ev.id)
        d.trail.append(_point(scenario, d, p))
        if d.happenings is None:
            pass
        elif seen:
            title = phase_title_now(scenario, d)
            d.happenings.append(
                Happening("event", *told, changes, event=ev, phase=d.phase, phase_title=title)
            )
        else:
            unseen(scenario, d, changes, None)
        _check_endings(scenario, d, False, p)


def _fires(ev: Event, d: Draft, mode: str) -> bool:
    if mode == "historical":
        return ev.historical
    p = ev.chance + sum(c.per_point * max(0, d.tracks[c.track] - c.above) for c in ev.chance_by)
    if p <= 0:
        return False
    if p >= 1:
        return True
    if d.fate is not None:
        return d.fate.pick(2) == 1
    return _rng(d).random() < p


def _advance(scenario: Scenario, d: Draft, start: int, stop: int | None = None):
    """Settle the other side's decisions and chance until the player must choose or it ends
    (or, with ``stop``, until that phase is about to begin)."""
    p = plan(scenario)
    stages = p.stages
    done = d.done
    opponent = d.base.opponent
    while d.ending is None:
        quiet = d.phase < start
        for a in stages[d.phase].decisions:
            if a.id in done:
                continue
            if a.after and not done.issuperset(a.after):
                continue  # it answers something not yet settled
            if a.when is not None and not a.when(d):
                done.add(a.id)
                continue
            options = a.offered(d)
            if not options:  # content error that `brink check` reports; never a crash here
                done.add(a.id)
                continue
            decision = a.decision
            if decision.side == d.side and not quiet:
                d.pending, d.options = a.id, options
                d.offer = a.ids if a.tests is None else tuple(o.id for o in options)
                if _audits(scenario, d, decision):  # what the view will show
                    decision_texts(decision, options, d, d.lapses)
                return
            policy = "historical" if quiet else opponent
            if policy != "random":
                option = pick(policy, decision, options, None)
            elif d.fate is not None:
                option = options[d.fate.pick(len(options))]
            else:  # as pick() does
                option = options[_rng(d).randrange(len(options))]
            _take(scenario, d, decision, option, False, p)
            if quiet:
                _untold(d)
            break
        else:
            if d.phase + 1 >= len(stages):
                _check_endings(scenario, d, True, p)
                return
            if d.phase + 1 == stop:
                _untold(d)
                return
            d.phase += 1
            stage = stages[d.phase]
            if stage.events or stage.skip is not None:  # else nothing happens as it begins
                _enter_phase(scenario, d, d.phase < start, p)
            if d.phase < start:
                _untold(d)


def _audits(scenario: Scenario, d: Draft, *tables) -> bool:
    """Whether an audited game must look at these tables' texts (only those that state an
    assumption can lapse)."""
    if d.lapses is None:
        return False
    a = assuming(scenario)
    return any(id(t) in a for t in tables)


def _untold(d: Draft) -> None:
    """Forget what was told: it happened before the campaign starts."""
    if d.happenings:
        d.happenings.clear()


def _check_endings(scenario: Scenario, d: Draft, at_end: bool, p: Plan | None = None):
    if d.ending is None:
        if p is None:
            p = plan(scenario)
        for ending, when in p.endings[(d.base.role, at_end)]:
            if when is None or when(d):
                d.ending = ending
                break
    if d.ending is None:
        return
    d.pending, d.offer = None, ()
    told = d.happenings
    if (told is not None or _audits(scenario, d, scenario.ending(d.ending))) and not d.ended:
        d.ended = True
        ending = told_ending(scenario, scenario.ending(d.ending), d, d.lapses)
        if told is not None:
            told.append(Happening("ending", ending.title, ending.epilogue, phase=d.phase))
