"""Saves benchmark: one autosave (atomic, fsync) and listing a folder of 1,000 saves.

Run: python tests/bench/bench_saves.py [--saves 200] [--games 1000] [--repeats 5] [--dir DIR]

Prints medians. Goals: an autosave at most 5 ms; listing 1,000 saves at most 0.5 s. Beside the
autosave the same run times a plain write + fsync of the same bytes to one file (the floor any
durable save pays on this disk), so the cost of atomicity is visible on a noisy machine. ``--dir``
picks the disk (default: a temporary folder, which may be tmpfs where fsync is nearly free).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from game import engine
from game.content import default_scenario_dir, load_scenario
from game.engine.policies import pick
from game.saves import Game, list_saves, write_save


def a_game(scenario, seed: int, choices: int) -> Game:
    """A game of the shipped scenario a few decisions in (a typical autosave)."""
    import random

    game = Game(scenario, engine.new_game(scenario, "kennedy", seed).state, player="Ann Lee")
    rng = random.Random(seed)
    while game.state.ending is None and len(game.choices) < choices:
        d = scenario.decision(game.state.pending)
        game.choose(pick("random", d, engine.offered(d, game.state), rng).id)
    return game


def time_autosave(folder: Path, game: Game, n: int) -> tuple[float, float, float, int]:
    """Median seconds of: the whole autosave (to_save + write_save), write_save alone, and a
    plain write + fsync of the same bytes; and the file's size."""
    whole, atomic, plain = [], [], []
    data = game.to_save().model_dump_json(indent=1).encode()
    for _ in range(n):
        t0 = time.perf_counter()
        write_save(folder, game.to_save())
        whole.append(time.perf_counter() - t0)
        save = game.to_save()
        t0 = time.perf_counter()
        write_save(folder, save)
        atomic.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        with open(folder / "baseline.bin", "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        plain.append(time.perf_counter() - t0)
    (folder / "baseline.bin").unlink()
    return statistics.median(whole), statistics.median(atomic), statistics.median(plain), len(data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--saves", type=int, default=200, help="autosaves to time per repeat")
    ap.add_argument("--games", type=int, default=1000, help="saves in the listed folder")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--dir", help="where to write (default: a temporary folder)")
    a = ap.parse_args()
    print(f"Python {platform.python_version()} on {platform.system()} {platform.machine()}")
    scenario = load_scenario(default_scenario_dir())
    with tempfile.TemporaryDirectory(dir=a.dir) as d:
        root = Path(d)
        game = a_game(scenario, 1, 8)
        runs = [time_autosave(root / "one", game, a.saves) for _ in range(a.repeats)]
        whole, atomic, plain = (statistics.median(r[i] for r in runs) for i in range(3))
        print(f"folder: {root}")
        print(
            f"autosave ({runs[0][3]} bytes, {len(game.choices)} choices), median of "
            f"{a.repeats}x{a.saves}:"
        )
        print(
            f"  to_save + atomic write (temp, fsync, replace, fsync folder): {whole * 1e3:.3f} ms"
        )
        print(
            f"  atomic write alone:                                          {atomic * 1e3:.3f} ms"
        )
        print(
            f"  baseline, plain write + fsync of the same bytes:             {plain * 1e3:.3f} ms"
        )
        print(f"  goal <= 5 ms: {'met' if whole <= 0.005 else 'MISSED'}")

        folder = root / "many"
        for i in range(a.games):
            write_save(folder, a_game(scenario, i, i % 12).to_save())
        times = []
        for _ in range(a.repeats):
            t0 = time.perf_counter()
            rows = list_saves(folder)
            times.append(time.perf_counter() - t0)
        assert len(rows) == a.games and all(r.save for r in rows)
        med = statistics.median(times)
        print(f"listing {a.games} saves (read + validate each), median of {a.repeats}: {med:.3f} s")
        print(f"  goal <= 0.5 s: {'met' if med <= 0.5 else 'MISSED'}")


if __name__ == "__main__":
    main()
