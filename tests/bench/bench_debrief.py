"""Debrief benchmark: a folder of 1,000 and of 10,000 saves to one HTML report.

Run: python tests/bench/bench_debrief.py [--sizes 1000 10000] [--repeats 3] [--dir DIR]

For each size it writes that many saves into a temporary folder (games of both roles played
by the engine with random choices, some unfinished; written directly, without fsync), then
times, several times, the debrief to HTML from reading the folder to the written file:
``gather`` (read, validate and replay every save) + ``build`` + ``render`` + the atomic write.
Beside it, in the same run and on the same folder, the baseline ``list_saves`` (read and
validate each save, no replay, no report). Prints medians. Goals: 1,000 saves in at most 1 s,
10,000 in at most 10 s.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for debrief_class
from debrief_class import play

from game.content import default_scenario_dir, load_scenario
from game.debrief import build, gather, render, write_report
from game.saves import Game, list_saves

DISTINCT = 200
"""Games played by the engine; the folder holds copies of them under other ids and names."""


def a_game(scenario, i: int) -> Game:
    """Game ``i``: Kennedy or Khrushchev, random choices, every seventh one unfinished."""
    roles = [r.id for r in scenario.meta.roles if r.available]
    game = play(scenario, roles[i % len(roles)], i, stop=3 if i % 7 == 6 else None)
    game.player, game.class_code = f"Student {i}", f"C{i % 4}"
    return game


def fill(folder: Path, scenario, n: int) -> None:
    """``n`` save files: copies of DISTINCT played games, each with its own id and name."""
    folder.mkdir(parents=True, exist_ok=True)
    saves = [a_game(scenario, i).to_save() for i in range(DISTINCT)]
    for i in range(n):
        s = saves[i % DISTINCT].model_copy(update={"id": f"bench-{i:06d}", "player": f"P {i}"})
        (folder / f"{s.id}.json").write_text(s.model_dump_json(indent=1), "utf-8")


def once(scenario, folder: Path, out: Path) -> tuple[float, float, int]:
    """Seconds for the debrief to HTML and for the baseline listing; the report's size."""
    t0 = time.perf_counter()
    d = build(scenario, gather(folder, scenario))
    text = render(d, "html")
    write_report(out, text, "html")
    t1 = time.perf_counter()
    rows = list_saves(folder)
    t2 = time.perf_counter()
    assert d.overview.games == len(rows) and not d.skipped
    return t1 - t0, t2 - t1, len(text.encode())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--dir", help="where to write (default: a temporary folder)")
    a = ap.parse_args()
    print(f"Python {platform.python_version()} on {platform.system()} {platform.machine()}")
    t0 = time.perf_counter()
    scenario = load_scenario(default_scenario_dir())
    print(f"loading the scenario (not timed below): {time.perf_counter() - t0:.2f} s")
    goals = {1000: 1.0, 10000: 10.0}
    with tempfile.TemporaryDirectory(dir=a.dir) as tmp:
        for n in a.sizes:
            folder, out = Path(tmp) / f"saves-{n}", Path(tmp) / f"debrief-{n}.html"
            t0 = time.perf_counter()
            fill(folder, scenario, n)
            print(f"\n{n} saves written in {time.perf_counter() - t0:.1f} s")
            runs = [once(scenario, folder, out) for _ in range(a.repeats)]
            debrief = statistics.median(r[0] for r in runs)
            listing = statistics.median(r[1] for r in runs)
            print(f"  debrief to HTML, median of {a.repeats}: {debrief:.2f} s")
            print(
                f"    ({', '.join(f'{r[0]:.2f}' for r in runs)}; report {runs[0][2] / 1e6:.1f} MB)"
            )
            print(f"  baseline list_saves of the same folder, median: {listing:.2f} s")
            print(f"  ratio: {debrief / listing:.1f}")
            goal = goals.get(n, n / 1000)
            print(f"  goal <= {goal:g} s: {'met' if debrief <= goal else 'MISSED'}")


if __name__ == "__main__":
    main()
