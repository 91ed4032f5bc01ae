"""Random games for counting the engine's instructions, which the machine's load does not change.

Run each row twice under callgrind, with N games and with none, and divide the difference by N:

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python tests/bench/engine_instructions.py ROLE OPPONENT EVENTS N

(ROLE kennedy or khrushchev; OPPONENT and EVENTS historical historical, or random chaos, as
``bench_engine.py`` plays them). The scenario is loaded and 20 games are played first, so that
the plan and the prelude are made before the counted games (seeds 0 to N - 1, the player random).
"""

from __future__ import annotations

import sys

from game.content import default_scenario_dir, load_scenario
from game.engine.simulate import simulate


def main() -> None:
    role, opponent, events, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    scenario = load_scenario(default_scenario_dir())
    simulate(scenario, role, "random", 20, seed=100_000, opponent=opponent, events=events)
    if runs:
        simulate(scenario, role, "random", runs, seed=0, opponent=opponent, events=events)


if __name__ == "__main__":
    main()
