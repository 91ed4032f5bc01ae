"""Whole games played by policies on both sides, for `brink simulate`, tests and benchmarks."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from ..model.scenario import Scenario
from ..model.state import EventMode, GameState, Policy
from .compare import divergence, peaks
from .play import play_through
from .policies import pick

MAX_TURNS = 500
"""A guard: no game has this many decisions; reaching it means broken content."""


def play_out(
    scenario: Scenario,
    role: str,
    policy: Policy,
    opponent: Policy = "historical",
    events: EventMode = "historical",
    seed: int = 0,
) -> GameState:
    """Play a whole game with ``policy`` choosing for the player; return the final state."""
    rng = random.Random(-1 - seed)  # the player's dice, apart from the engine's
    return play_through(
        scenario,
        role,
        lambda decision, options: pick(policy, decision, options, rng),
        seed,
        opponent,
        events,
        MAX_TURNS,
    )


@dataclass
class Tally:
    """What many simulated games came to."""

    runs: int = 0
    endings: Counter = field(default_factory=Counter)
    stuck: int = 0
    peak_danger: Counter = field(default_factory=Counter)
    peak_defcon: Counter = field(default_factory=Counter)
    divergence_total: int = 0
    decisions: set = field(default_factory=set)

    def add(self, scenario: Scenario, state: GameState) -> None:
        self.runs += 1
        if state.ending is None:
            self.stuck += 1
        else:
            self.endings[state.ending] += 1
        danger, defcon = peaks(scenario, state)
        self.peak_danger[danger] += 1
        self.peak_defcon[defcon] += 1
        self.divergence_total += divergence(state)
        self.decisions.update(s.decision for s in state.steps)

    @property
    def mean_divergence(self) -> float:
        return self.divergence_total / self.runs if self.runs else 0.0


def simulate(
    scenario: Scenario,
    role: str,
    policy: Policy,
    runs: int,
    seed: int = 0,
    opponent: Policy = "historical",
    events: EventMode = "historical",
    keep=None,
) -> Tally:
    """Play ``runs`` games with seeds ``seed``, ``seed + 1``, ...; ``keep(state)`` sees each."""
    tally = Tally()
    for i in range(runs):
        state = play_out(scenario, role, policy, opponent, events, seed + i)
        tally.add(scenario, state)
        if keep is not None:
            keep(state)
    return tally
