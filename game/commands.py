"""The commands that read a scenario without playing it: `check`, `timeline`, `simulate`."""

from __future__ import annotations

import json
import sys
import textwrap
import time
from pathlib import Path

from .content import ScenarioError, default_scenario_dir, load_scenario


def error(msg: str) -> int:
    """Print ``brink: msg`` on stderr; return the exit status 1."""
    print(f"brink: {msg}", file=sys.stderr)
    return 1


def scenario_for(a):
    """The scenario a command names with ``--scenario``, else the shipped one."""
    return load_scenario(Path(a.scenario) if a.scenario else default_scenario_dir())


def cmd_check(a) -> int:
    folder = Path(a.folder) if a.folder else default_scenario_dir()
    t0 = time.perf_counter()
    try:
        s = load_scenario(folder)
    except ScenarioError as exc:
        for p in exc.problems:
            print(p)
        print(f"{len(exc.problems)} problem(s) in {folder}.")
        return 1
    from .engine.check import check

    result = check(s)
    secs = time.perf_counter() - t0
    for p in result.problems:
        print(p)
    print(
        f"{s.meta.id}: {len(s.decisions)} decision points, {len(s.events)} events, "
        f"{len(s.endings)} endings; {result.states} states explored in {secs:.2f} s."
    )
    for w in result.explorations:
        walked = f" and {w.states} states walked" if w.states > w.starts else ""
        print(
            f"  {w.role} against {w.policy}: {w.dives} random games{walked}; "
            f"{len(w.decisions)}/{len(s.decisions)} decisions and "
            f"{len(w.endings)}/{sum(w.role in e.roles for e in s.endings)} endings reached"
        )
    print(
        "  (Every decision and ending must be reached against the random opponent, which can do "
        "whatever the others do; the other lines show what each opponent lets a player see.)"
    )
    if result.problems:
        print(f"{len(result.problems)} problem(s) in {folder}.")
        return 1
    print("No problems found.")
    return 0


def cmd_timeline(a) -> int:
    s = scenario_for(a)
    entries = sorted(s.history, key=lambda e: e.date)
    if a.json:
        out = [e.model_dump(exclude_none=True) for e in entries]
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0

    def out(text: str) -> None:
        print(
            textwrap.fill(
                " ".join(text.split()), 78, initial_indent="    ", subsequent_indent="    "
            )
        )

    for e in entries:
        when = f" ({e.when})" if e.when else ""
        print(f"{e.date}{when}  {e.title}")
        out(e.text)
        if e.disputed:
            out(f"Disputed: {e.disputed}")
        out(f"Sources: {', '.join(e.sources)}")
    return 0


def cmd_simulate(a) -> int:
    s = scenario_for(a)
    if not s.role(a.role).available:
        return error(f"the {a.role} campaign is not written yet")
    from .engine.simulate import simulate

    t0 = time.perf_counter()
    t = simulate(s, a.role, a.policy, a.runs, a.seed, a.opponent, a.events)
    secs = time.perf_counter() - t0
    result = {
        "role": a.role,
        "policy": a.policy,
        "opponent": a.opponent,
        "events": a.events,
        "runs": t.runs,
        "seed": a.seed,
        "seconds": round(secs, 3),
        "endings": dict(t.endings.most_common()),
        "unfinished": t.stuck,
        "peak_danger": {str(k): v for k, v in sorted(t.peak_danger.items())},
        "peak_defcon": {str(k): v for k, v in sorted(t.peak_defcon.items())},
        "mean_divergence": round(t.mean_divergence, 1),
    }
    if a.json:
        print(json.dumps(result))
        return 0
    print(
        f"{t.runs} games as {a.role} ({a.policy}) against {a.opponent}, events {a.events}, "
        f"seeds {a.seed}..{a.seed + t.runs - 1}, {secs:.2f} s"
    )
    print("Endings:")
    for ending, n in t.endings.most_common():
        print(f"  {n:6d}  {100 * n / t.runs:5.1f}%  {s.ending(ending).title}")
    if t.stuck:
        print(f"  {t.stuck:6d}  unfinished (a content error: run brink check)")
    print("Peak danger:  " + ", ".join(f"{k}: {v}" for k, v in sorted(t.peak_danger.items())))
    print("Peak DEFCON:  " + ", ".join(f"{k}: {v}" for k, v in sorted(t.peak_defcon.items())))
    print(f"Mean divergence from history: {t.mean_divergence:.1f}%")
    return 0
