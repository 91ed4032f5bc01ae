"""The state machine: start a game, take a choice, let the other side and chance answer.

Pure functions: ``(scenario, state, input) -> Outcome``. No I/O, no clock, no global random:
each roll uses a ``random.Random`` seeded from the game's seed, the turn and what is rolled, so
a game replays exactly from its seed and its choices.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from ..model.base import ROLE_SIDE
from ..model.scenario import Decision, Event, Option, Scenario
from ..model.state import Change, EventMode, GameState, Point, Policy, Step
from .policies import pick
from .rules import Draft, Fate, apply, holds
from .texts import (
    Lapse,
    assuming,
    decision_texts,
    phase_title,
    reasons,
    told_ending,
    told_event,
    told_option,
    told_title,
)


class IllegalMove(ValueError):
    """The choice is not one the game offers now."""


SECRET_TITLE = "Out of your sight"
SECRET_TEXT = "Something has happened that you cannot see."
SECRET_REASON = "something you cannot see"


@dataclass(frozen=True, slots=True)
class Happening:
    """Something that happened during one engine call, with what it changed and why."""

    kind: str
    """``decision`` (the player's), ``answer`` (the other side's), ``event`` or ``ending``."""
    title: str
    text: str
    changes: tuple[Change, ...] = ()
    side: str | None = None
    decision: Decision | None = None
    option: Option | None = None
    event: Event | None = None
    matched: bool | None = None
    phase: int = 0
    """Position in the calendar of the phase it happened in, so a front end can show the date."""
    phase_title: str = ""
    """That phase's title as it read when this happened (a variant after a strike, say)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """The new state and the happenings that explain it, in order."""

    state: GameState
    happenings: tuple[Happening, ...]
    lapses: tuple[Lapse, ...] = ()
    """Texts shown where what they assume was false (only with ``audit=True``)."""


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


def new_game(
    scenario: Scenario,
    role: str,
    seed: int = 0,
    opponent: Policy = "historical",
    events: EventMode = "historical",
    fate: Fate | None = None,
    explain: bool = True,
    audit: bool = False,
) -> Outcome:
    """Start a game for ``role``: settle what comes before its first phase as history had it,
    then play on to the player's first decision. ``explain=False`` leaves out the happenings,
    for callers that read only the state (simulations, the checker): it is faster.
    ``audit=True`` records in ``Outcome.lapses`` every text shown where its ``assumes`` is
    false (the continuity proof of ``brink check``)."""
    start = scenario.start_position(role)
    state = _prelude(scenario, role, start)
    state = state.model_copy(update={"seed": seed, "opponent": opponent, "events": events})
    d = Draft.of(state, ROLE_SIDE[role], fate, explain)
    d.lapses = [] if audit else None
    if start > 0:
        d.phase = start
    _enter_phase(scenario, d, quiet=False)
    _advance(scenario, d, start)
    return _outcome(d)


def _outcome(d: Draft) -> Outcome:
    return Outcome(d.freeze(), tuple(d.happenings or ()), tuple(d.lapses or ()))


def _prelude(scenario: Scenario, role: str, start: int) -> GameState:
    """The state just before the campaign's first phase: the world at the calendar's start,
    and every earlier phase settled as history had it. It depends on neither seed, opponent
    nor event mode, so it is worked out once per scenario and role."""
    memo = scenario.index.memo
    if (role, "prelude") not in memo:
        # Built from the validated scenario, so not validated again: that would build the
        # GameState validator (megabytes of memory) for this one state only.
        state = GameState.model_construct(
            scenario_id=scenario.meta.id,
            role=role,
            opponent="historical",
            events="historical",
            seed=0,
            tracks={t.id: t.start for t in scenario.meta.tracks},
            flags=frozenset(f.id for f in scenario.meta.flags if f.start),
        )
        d = Draft.of(state, ROLE_SIDE[role])
        d.trail.append(_point(scenario, d))
        if start > 0:
            _enter_phase(scenario, d, quiet=True)
            _advance(scenario, d, start, stop=start)
        memo[(role, "prelude")] = d.freeze()
    return memo[(role, "prelude")]


def choose(
    scenario: Scenario,
    state: GameState,
    option_id: str,
    fate: Fate | None = None,
    explain: bool = True,
    audit: bool = False,
) -> Outcome:
    """Take the player's choice at the pending decision and play on to the next one or an ending.

    ``fate`` is for the checker only: it replaces the dice to walk every branch. ``explain``:
    and ``audit``: as for :func:`new_game`."""
    if state.ending is not None or state.pending is None:
        raise IllegalMove("the game is over; there is nothing to choose")
    decision = scenario.decision(state.pending)
    d = Draft.of(state, ROLE_SIDE[state.role], fate, explain)
    d.lapses = [] if audit else None
    option = scenario.option(decision.id, option_id) if option_id in state.offer else None
    if option is None:
        ids = ", ".join(state.offer)
        raise IllegalMove(f"{option_id!r} is not offered at {decision.id} (offered: {ids})")
    d.pending, d.offer = None, ()
    _take(scenario, d, decision, option, by_player=True)
    start = scenario.start_position(state.role)
    _advance(scenario, d, start)
    return _outcome(d)


def play_through(
    scenario: Scenario,
    role: str,
    decide: Callable[[Decision, list[Option]], Option],
    seed: int = 0,
    opponent: Policy = "historical",
    events: EventMode = "historical",
    max_turns: int = 500,
) -> GameState:
    """A whole game with ``decide(decision, offered options)`` choosing for the player.

    The final state is the one :func:`new_game` and then :func:`choose` at each decision would
    reach (each call's dice are seeded as in :func:`choose`), without freezing a state at every
    step: simulations play many thousands of games. ``max_turns`` guards against content that
    never ends."""
    state = new_game(scenario, role, seed, opponent, events, explain=False).state
    d = Draft.of(state, ROLE_SIDE[role], None, explain=False)
    start = scenario.start_position(role)
    option_of = scenario.index.option
    for _ in range(max_turns):
        if d.ending is not None or d.pending is None:
            break
        decision = scenario.decision(d.pending)
        option = decide(decision, [option_of[(decision.id, o)] for o in d.offer])
        if option.id not in d.offer:
            raise IllegalMove(f"{option.id!r} is not offered at {decision.id}")
        d.pending, d.offer, d.rng, d.rolled_at = None, (), None, d.turn  # as choose() begins
        _take(scenario, d, decision, option, by_player=True)
        _advance(scenario, d, start)
    return d.freeze()


def _point(scenario: Scenario, d: Draft) -> Point:
    meta = scenario.meta
    tracks = d.tracks
    defcon = min(map(tracks.__getitem__, meta.defcon_tracks))  # map: cheaper than a generator
    return Point(d.turn, meta.phases[d.phase].id, tracks[meta.danger_track], defcon)


def _take(scenario: Scenario, d: Draft, decision: Decision, option: Option, by_player: bool):
    d.turn += 1
    # a secret decision is hidden from the other side, except an option it is bound to learn
    hidden = decision.secret and decision.side != d.side and option.seen_by_other is None
    told = None  # the words are chosen on the state before the effects
    if not hidden and (d.happenings is not None or _audits(scenario, d, decision, option)):
        told = (told_title(decision, d, d.lapses), told_option(option, d, lapses=d.lapses))
    if not hidden:
        reasons(option.effects, scenario, d, d.lapses)
    changes = apply(option.effects, scenario, d, hide=SECRET_REASON if hidden else None)
    want = decision.history.option
    matched = None if want is None else option.id == want
    d.done.add(decision.id)
    if d.chosen is not None:
        d.chosen[decision.id] = option.id
    phase = scenario.meta.phases[d.phase].id
    d.steps.append(Step(d.turn, phase, decision.id, option.id, decision.side, by_player, matched))
    d.trail.append(_point(scenario, d))
    if d.happenings is None:
        pass
    elif hidden:  # the player sees only the tracks move, if they do
        _unseen(scenario, d, changes, decision.side)
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
                _phase_title(scenario, d),
            )
        )
    _check_endings(scenario, d, at_end=False)


def _phase_title(scenario: Scenario, d: Draft) -> str:
    return phase_title(scenario.meta.phases[d.phase], d)


def _unseen(scenario: Scenario, d: Draft, changes: tuple[Change, ...], side: str | None) -> None:
    """Tell the player that tracks it can see moved for a reason it cannot see, if any did."""
    shown = tuple(c for c in changes if d.side in scenario.track(c.track).visible_to)
    if shown:
        d.happenings.append(
            Happening(
                "answer",
                SECRET_TITLE,
                SECRET_TEXT,
                shown,
                side,
                phase=d.phase,
                phase_title=_phase_title(scenario, d),
            )
        )


def _enter_phase(scenario: Scenario, d: Draft, quiet: bool):
    """Roll the phase's events (or let them happen as history had them)."""
    mode = "historical" if quiet else d.base.events
    phase = scenario.meta.phases[d.phase]
    if phase.skip_when is not None and holds(phase.skip_when, d):  # nothing of it makes sense now
        d.done.update(x.id for x in (*scenario.events_in(d.phase), *scenario.decisions_in(d.phase)))
        return
    for ev in scenario.events_in(d.phase):
        if d.ending is not None:
            return
        d.done.add(ev.id)
        if not holds(ev.when, d) or not _fires(ev, d, mode):
            continue
        d.turn += 1
        seen = d.side in ev.visible_to
        told = None
        if seen and (d.happenings is not None or _audits(scenario, d, ev)):
            told = told_event(ev, d, d.lapses)
        if seen:
            reasons(ev.effects, scenario, d, d.lapses)
        changes = apply(ev.effects, scenario, d, hide=None if seen else SECRET_REASON)
        d.flags.add(ev.id)
        d.trail.append(_point(scenario, d))
        if d.happenings is None:
            pass
        elif seen:
            title = _phase_title(scenario, d)
            d.happenings.append(
                Happening("event", *told, changes, event=ev, phase=d.phase, phase_title=title)
            )
        else:
            _unseen(scenario, d, changes, None)
        _check_endings(scenario, d, at_end=False)


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
    phases = scenario.meta.phases
    while d.ending is None:
        quiet = d.phase < start
        for decision in scenario.decisions_in(d.phase):
            if decision.id in d.done:
                continue
            if decision.after and not d.done.issuperset(decision.after):
                continue  # it answers something not yet settled
            if not holds(decision.when, d):
                d.done.add(decision.id)
                continue
            options = offered(decision, d)
            if not options:  # content error that `brink check` reports; never a crash here
                d.done.add(decision.id)
                continue
            if decision.side == d.side and not quiet:
                d.pending, d.offer = decision.id, tuple(o.id for o in options)
                if _audits(scenario, d, decision):  # what the view will show
                    decision_texts(decision, options, d, d.lapses)
                return
            policy = "historical" if quiet else d.base.opponent
            if policy == "random" and d.fate is not None:
                option = options[d.fate.pick(len(options))]
            else:
                option = pick(policy, decision, options, _rng(d) if policy == "random" else None)
            _take(scenario, d, decision, option, by_player=False)
            if quiet:
                _untold(d)
            break
        else:
            if d.phase + 1 >= len(phases):
                _check_endings(scenario, d, at_end=True)
                return
            if d.phase + 1 == stop:
                _untold(d)
                return
            d.phase += 1
            _enter_phase(scenario, d, quiet=d.phase < start)
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


def _check_endings(scenario: Scenario, d: Draft, at_end: bool):
    if d.ending is None:
        ix = scenario.index
        for ending in ix.endings_sorted if at_end else ix.endings_always:
            if ending.plays_in(d.base.role) and holds(ending.when, d):
                d.ending = ending.id
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
