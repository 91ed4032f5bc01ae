"""A demo class: simulated games saved with made-up student names, so that a teacher can try
the debrief before a lesson (``brink simulate ... --save``).

Everything is a pure function of the game: the name ("Maya R.") comes from the role and the
seed, and so does the save id (``demo-kennedy-s3-...``, with the class code), so running the
same command again gives the same class and replaces the same files rather than adding to them,
and a demo of another class adds its own.
"""

from __future__ import annotations

import hashlib
import random

from ..model.save import Choice, SaveFile
from ..model.scenario import Scenario
from ..model.state import GameState
from ..saves import Game, now

FIRST_NAMES = (
    "Ada", "Amir", "Ana", "Ben", "Chloe", "Daniel", "Elif", "Emma", "Farah", "Felix",
    "Grace", "Hana", "Hugo", "Ines", "Isaac", "Jonas", "Kai", "Lea", "Leo", "Lucia",
    "Maya", "Mateo", "Mila", "Nadia", "Noah", "Omar", "Priya", "Rosa", "Sam", "Sofia",
    "Tariq", "Theo", "Yara", "Yusuf", "Zoe", "Aiden", "Bea", "Carlos", "Dara", "Eva",
)  # fmt: skip
INITIALS = "ABCDEFGHIJKLMNOPRSTVWZ"


def demo_name(role: str, seed: int) -> str:
    """A plausible first name and initial, always the same for the same role and seed."""
    rng = random.Random(f"brink-demo:{role}:{seed}")
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(INITIALS)}."


def demo_id(role: str, policy: str, state: GameState, class_code: str = "") -> str:
    """A save id made from the game's settings and class code, so the same run gives the same
    file and a run for another class adds its own files."""
    key = f"{role}/{policy}/{state.opponent}/{state.events}/{state.seed}"
    if class_code:  # one class's demo games never replace another's
        key += f"/{class_code.strip().casefold()}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:8]
    seed = str(state.seed) if len(str(state.seed)) <= 20 else "x"
    return f"demo-{role}-s{seed}-{digest}"


def demo_save(scenario: Scenario, state: GameState, policy: str, class_code: str) -> SaveFile:
    """The save of a simulated game, as if a student had played it just now."""
    at = now()
    choices = [
        Choice(decision=s.decision, option=s.option, at=at) for s in state.steps if s.by_player
    ]
    game = Game(
        scenario,
        state,
        id=demo_id(state.role, policy, state, class_code),
        player=demo_name(state.role, state.seed),
        class_code=class_code,
        created=at,
        choices=choices,
    )
    return game.to_save()
