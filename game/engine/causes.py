"""Direct causes of a dead end, found before `brink check` walks every state.

A walk of every reachable state can take minutes and a gigabyte when a scenario is broken in a
way that multiplies states (no option offered at a campaign's first decision, no ending that
holds when the calendar runs out). Such causes show in the first states and in a few random
games, which take well under a second: each is reported in one line, with the choices that lead
to it, and the walk is then skipped. The walk itself is bounded (:data:`WALK_LIMITS`).
"""

from __future__ import annotations

import time
from random import Random

from ..model.problem import Problem
from ..model.scenario import Scenario
from ..model.state import GameState
from .advance import offered
from .play import choose, new_game
from .policies import POLICIES
from .references import origin
from .rules import holds

MODES = ("historical", "chaos")
DIVES = 200
"""Random games per campaign: a few hundred milliseconds on the shipped scenario."""
WALK_SECONDS = 90.0
"""How long the walk of every state may take in all, after which it stops and says so."""
WALK_STATES = 300_000
"""How many states one walk may keep (about a kilobyte each), after which it stops."""


def walk_limits() -> dict:
    """The bounds of ``explore_all``: a deadline from now and a number of states."""
    return {"deadline": time.monotonic() + WALK_SECONDS, "max_states": WALK_STATES}


def _path(st: GameState) -> str:
    moves = [f"{s.decision}={s.option}" for s in st.steps if s.by_player]
    return ", ".join(moves) if moves else "the start"


def _passed_over(scenario: Scenario, st: GameState):
    """Decisions the engine settled without anyone choosing, whose condition holds but whose
    options are all closed in ``st``: passed over for want of an option."""
    taken = {s.decision for s in st.steps}
    for i in range(st.phase + 1):
        for decision in scenario.decisions_in(i):
            if (
                decision.id in st.done
                and decision.id not in taken
                and holds(decision.when, st)
                and not offered(decision, st)
            ):
                yield decision


def direct_causes(scenario: Scenario, dives: int = DIVES) -> list[Problem]:
    """Dead ends met at the start of a campaign (against every opponent, in both event modes)
    or in ``dives`` random games: a decision passed over because no option is offered, and a
    game with no move left and no ending. One problem per decision and per campaign."""
    problems: list[Problem] = []
    empty: set[str] = set()
    index = {d.id: i for i, d in enumerate(scenario.decisions)}

    def look(st: GameState, role: str, trapped: set[str]) -> bool:
        """Report a dead end at ``st``; True if there is one."""
        if st.ending is not None:
            return False
        if st.pending is None:
            if role not in trapped:
                trapped.add(role)
                problems.append(
                    Problem(
                        file="endings.toml",
                        message=(
                            f"no ending holds when the calendar runs out after {_path(st)} "
                            f"(role {role}): give one ending no 'when', as the fallback"
                        ),
                    )
                )
            return True
        for decision in _passed_over(scenario, st):
            if decision.id not in empty:
                empty.add(decision.id)
                file, where = origin(scenario, index[decision.id])
                problems.append(
                    Problem(
                        file=file,
                        path=where,
                        message=(
                            f"no option is offered when reached after {_path(st)} (role "
                            f"{role}), so it is passed over: every option's 'when' is false there"
                        ),
                    )
                )
        return False

    trapped: set[str] = set()
    for role in (r.id for r in scenario.meta.roles if r.available):
        starts = [
            new_game(scenario, role, seed, policy, mode, explain=False).state
            for policy in POLICIES
            for mode in MODES
            for seed in range(3)
        ]
        for st in starts:
            look(st, role, trapped)
        rng = Random(0)
        for i in range(dives):
            st = starts[i % len(starts)]
            st = new_game(scenario, role, i, st.opponent, st.events, explain=False).state
            while not look(st, role, trapped) and st.ending is None:
                options = offered(scenario.decision(st.pending), st)
                st = choose(scenario, st, rng.choice(options).id, explain=False).state
    return problems
