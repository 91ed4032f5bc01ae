"""The commands that read a scenario without playing it: `check`, `timeline`, `simulate`; and
what every command shares (an error said in one line, the scenario and saves folder named).
`brink debrief` is in :mod:`game.debrief.command`, `brink serve` in :mod:`game.serve.command`."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from .content import ScenarioError, default_scenario_dir, load_scenario
from .engine.dates import long_date
from .engine.sources import cite_keys
from .terminal import shown, wrapped


def error(msg: str) -> int:
    """Print ``brink: msg`` on stderr, each line escaped (see :func:`game.terminal.shown`);
    return the exit status 1."""
    lines = "\n".join(shown(line) for line in msg.split("\n"))
    print(f"brink: {lines}", file=sys.stderr)
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
            f"{len(w.endings)}/{sum(e.plays_in(w.role) for e in s.endings)} endings reached"
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
        print(wrapped(" ".join(text.split()), "    "))

    for e in entries:
        when = f" ({e.when})" if e.when else ""
        print(wrapped(f"{long_date(e.date)}{when}  {e.title}", hang="    "))
        out(e.text)
        if e.disputed:
            out(f"Disputed: {e.disputed}")
        out(f"Sources: {cite_keys(s, e.sources)}")
    return 0


def cmd_simulate(a) -> int:
    s = scenario_for(a)
    if not s.role(a.role).available:
        return error(f"the {a.role} campaign is not written yet")
    from .engine.simulate import simulate

    keep, saved, folder = None, [], saves_folder(a)
    if getattr(a, "save", False):
        try:
            keep = _demo_saver(s, a, saved)
        except ValueError:  # the class code, refused by the save's checks
            return error(
                f"--class {a.class_code!r}: expected at most 60 characters and no control characters"
            )
    t0 = time.perf_counter()
    try:
        t = simulate(s, a.role, a.policy, a.runs, a.seed, a.opponent, a.events, keep=keep)
    except OSError as exc:
        return error(f"cannot save in {folder}: {exc.strerror or exc}")
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
    if keep is not None:
        result["saved"] = {"folder": str(folder), "class": a.class_code, "games": len(saved)}
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
    if keep is not None:
        print(
            f"Saved {len(saved)} games in {folder} (class {a.class_code}); "
            f"try: brink debrief {folder}"
        )
    return 0


def saves_folder(a) -> Path:
    """The saves folder a command names with ``--saves-dir``, else the default one."""
    from .saves import saves_dir

    return saves_dir(getattr(a, "saves_dir", None))


def _demo_saver(scenario, a, saved: list):
    """For ``simulate --save``: write each simulated game as a save with a made-up name."""
    from pydantic import TypeAdapter

    from .debrief.demo import demo_save
    from .model.save import Label
    from .saves import write_save

    TypeAdapter(Label).validate_python(a.class_code)  # before any game is played
    folder = saves_folder(a)

    def keep(state) -> None:
        saved.append(write_save(folder, demo_save(scenario, state, a.policy, a.class_code)))

    return keep
