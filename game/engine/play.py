"""The state machine: start a game, take a choice, let the other side and chance answer.

Pure functions: ``(scenario, state, input) -> Outcome``. No I/O, no clock, no global random:
each roll uses a ``random.Random`` seeded from the game's seed, the turn and what is rolled, so
a game replays exactly from its seed and its choices. The steps between two of the player's
decisions (incidents, answers, effects, endings) are in :mod:`.advance`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model.base import ROLE_SIDE
from ..model.scenario import Decision, Option, Scenario
from ..model.state import EventMode, GameState, Policy
from .advance import _advance, _enter_phase, _point, _take
from .happenings import Happening
from .rules import Draft, Fate
from .texts import Lapse


class IllegalMove(ValueError):
    """The choice is not one the game offers now."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """The new state and the happenings that explain it, in order."""

    state: GameState
    happenings: tuple[Happening, ...]
    lapses: tuple[Lapse, ...] = ()
    """Texts shown where what they assume was false (only with ``audit=True``)."""


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
    return _outcome(_begun(scenario, role, seed, opponent, events, fate, explain, audit))


def _begun(
    scenario: Scenario,
    role: str,
    seed: int,
    opponent: Policy,
    events: EventMode,
    fate: Fate | None,
    explain: bool,
    audit: bool,
) -> Draft:
    """The draft of a new game at the player's first decision (see :func:`new_game`)."""
    start = scenario.start_position(role)
    state = _prelude(scenario, role, start)
    state = state.model_copy(update={"seed": seed, "opponent": opponent, "events": events})
    d = Draft.of(state, ROLE_SIDE[role], fate, explain)
    d.lapses = [] if audit else None
    if start > 0:
        d.phase = start
    _enter_phase(scenario, d, quiet=False)
    _advance(scenario, d, start)
    return d


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
    # the draft goes on from the first decision as a draft of new_game's state would: each
    # choice's dice are seeded afresh below, and nothing else it holds is a state's
    d = _begun(scenario, role, seed, opponent, events, None, False, False)
    start = scenario.start_position(role)
    option_of = scenario.index.option
    for _ in range(max_turns):
        if d.ending is not None or d.pending is None:
            break
        decision = scenario.decision(d.pending)
        offered = d.options  # as the draft came to the decision (the options of d.offer)
        if offered is None:
            offered = [option_of[(decision.id, o)] for o in d.offer]
        option = decide(decision, list(offered))
        if option.id not in d.offer:
            raise IllegalMove(f"{option.id!r} is not offered at {decision.id}")
        d.pending, d.offer, d.rng, d.rolled_at = None, (), None, d.turn  # as choose() begins
        _take(scenario, d, decision, option, by_player=True)
        _advance(scenario, d, start)
    return d.freeze()
