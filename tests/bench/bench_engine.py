"""Engine benchmark: random playthroughs per second on one core, and the time `brink check` takes.

Run: python tests/bench/bench_engine.py [--runs 10000] [--repeats 5]

Prints medians over the repeats. The machine is shared and noisy, so the same run also times a
fixed pure-Python reference loop: the ratio to it is steadier than seconds alone.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time

from game.content import default_scenario_dir, load_scenario
from game.engine.check import check
from game.engine.simulate import simulate


def reference_loop() -> float:
    """A fixed amount of dict and tuple work, for comparison with the engine in the same run."""
    t0 = time.perf_counter()
    d: dict[int, int] = {}
    for i in range(1_000_000):
        d[i & 1023] = d.get(i & 1023, 0) + 1
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10_000)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    folder = default_scenario_dir()
    scenario = load_scenario(folder)
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; pinned to one core"
    )
    roles = [r.id for r in scenario.meta.roles if r.available]
    for role in roles:
        for opponent, events in (("historical", "historical"), ("random", "chaos")):
            times, refs = [], []
            for rep in range(args.repeats):
                refs.append(reference_loop())
                t0 = time.perf_counter()
                tally = simulate(
                    scenario,
                    role,
                    "random",
                    args.runs,
                    seed=rep * args.runs,
                    opponent=opponent,
                    events=events,
                )
                times.append(time.perf_counter() - t0)
                assert tally.stuck == 0, "a game ended without an ending"
            med, ref = statistics.median(times), statistics.median(refs)
            print(
                f"{role:10s} random vs {opponent:10s} events {events:10s}: "
                f"{args.runs} games in {med:.2f} s (median of {args.repeats}; "
                f"min {min(times):.2f}, max {max(times):.2f}) = {args.runs / med:,.0f} games/s; "
                f"reference loop {ref * 1000:.0f} ms, ratio {med / ref:.1f}"
            )
    secs = []
    for _ in range(3):
        t0 = time.perf_counter()
        s = load_scenario(folder)
        result = check(s)
        secs.append(time.perf_counter() - t0)
    print(
        f"brink check: {statistics.median(secs):.2f} s (median of 3), "
        f"{result.states} states, {len(result.problems)} problems"
    )


if __name__ == "__main__":
    main()
