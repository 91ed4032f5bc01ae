"""The commands that read a scenario without playing it: `check`, `timeline`, `simulate`."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
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

    keep, saved, folder = None, [], _saves_folder(a)
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


def _saves_folder(a) -> Path:
    from .saves import saves_dir

    return saves_dir(getattr(a, "saves_dir", None))


def _demo_saver(scenario, a, saved: list):
    """For ``simulate --save``: write each simulated game as a save with a made-up name."""
    from pydantic import TypeAdapter

    from .debrief.demo import demo_save
    from .model.save import Label
    from .saves import write_save

    TypeAdapter(Label).validate_python(a.class_code)  # before any game is played
    folder = _saves_folder(a)

    def keep(state) -> None:
        saved.append(write_save(folder, demo_save(scenario, state, a.policy, a.class_code)))

    return keep


def usage_error(command: str, msg: str) -> int:
    """Print ``brink COMMAND: error: msg`` on stderr, as argparse does; return the status 2."""
    print(f"brink {command}: error: {msg}", file=sys.stderr)
    return 2


def cmd_debrief(a) -> int:
    """The teacher's debrief of a folder of saves: the screen, or with --format a report."""
    from .debrief import build, gather, render
    from .debrief.export import format_of
    from .debrief.text import left_out, plural

    folder = Path(a.folder) if a.folder else _saves_folder(a)
    if not folder.is_dir():
        what = "not a folder" if folder.exists() else "no such folder"
        return usage_error("debrief", f"{folder}: {what}")
    fmt = a.format
    out = None if a.out == "-" else a.out  # "-": standard output
    if a.out == "-" and fmt is None:
        return usage_error("debrief", "--out -: add --format md, html or csv")
    if fmt is None and out:
        fmt = format_of(Path(out))
        if fmt is None:
            return usage_error("debrief", f"--out {shown(out)}: add --format md, html or csv")
    if a.per_decision and fmt != "csv":
        return usage_error("debrief", "--per-decision goes with --format csv")
    if a.topics is not None and fmt not in ("md", "html"):
        return usage_error("debrief", "--topics goes with --format md or html")
    if a.paper is not None and fmt != "html":
        return usage_error("debrief", "--paper goes with --format html")
    if problem := _classes_problem(a.classes or [], fmt, a.topics):
        return usage_error("debrief", problem)
    s = scenario_for(a)
    gathered = gather(folder, s)
    for skipped in gathered.skipped:
        print(f"skipped {left_out(skipped, not a.anonymize)}", file=sys.stderr)
    if not gathered.games:
        why = (
            f"{len(gathered.skipped)} file(s) left out, listed above"
            if gathered.skipped
            else "it holds no .json save files"
        )
        return error(f"no game to debrief in {folder} ({why})")
    codes = a.classes or []
    class_code = codes[0] if len(codes) == 1 else None
    for code in codes:
        if not gathered.of_class(code):
            present = ", ".join(c or "(no class code)" for c in gathered.classes)
            return error(f"no game of class {code!r} in {folder} (classes: {present})")
    role = getattr(a, "role", None)
    if role is not None:
        kept = tuple(g for g in gathered.games if g.state.role == role)
        for code in codes or [None]:
            if not any(g.state.role == role for g in gathered.of_class(code)):
                where = f"class {code!r} in " if code is not None else ""
                return error(f"no game of the {role} campaign in {where}{folder}")
        gathered = replace(gathered, games=kept)
    if len(codes) > 1 and fmt is not None:
        return _side_by_side(a, s, gathered, codes, fmt, out, role)
    if fmt is None:  # the Textual debrief screen
        from .ui.app import create_app

        app = create_app(folder, s)
        side = tuple(gathered.of_class(c)[0].save.class_code.strip() for c in codes)
        if len(codes) > 1:  # the classes compared, and only their games
            mine = {id(g) for c in codes for g in gathered.of_class(c)}
            kept = tuple(g for g in gathered.games if id(g) in mine)
            gathered = replace(gathered, games=kept, classes=side)
        app.debrief_on_start = {
            "gathered": gathered,
            "class_code": class_code,
            "anonymize": a.anonymize,
            "side_by_side": side if len(codes) > 1 else (),
        }
        app.run()
        return app.return_code or 0
    d = build(s, gathered, class_code, role)
    text = render(d, fmt, not a.anonymize, a.per_decision, a.topics, a.paper)
    games = plural(len(gathered.of_class(class_code)), "game")
    return _deliver(text, fmt, out, f"the debrief of {games}")


def _side_by_side(a, s, gathered, codes: list[str], fmt, out, role) -> int:
    """``brink debrief --class A --class B``: the classes side by side, as a report."""
    from .debrief import build
    from .debrief.compare import compare
    from .debrief.export import render_compare
    from .debrief.text import plural

    ds = [build(s, gathered, code, role) for code in codes]
    text = render_compare(compare(s, ds, not a.anonymize), fmt, a.paper)
    games = plural(sum(d.overview.games for d in ds), "game")
    return _deliver(text, fmt, out, f"{len(ds)} classes side by side ({games})")


def _deliver(text: str, fmt: str, out: str | None, what: str) -> int:
    """A report on standard output, or written to the file ``out`` and said so."""
    from .debrief import ExportError, write_report

    if not out:
        return _to_stdout(text)
    try:
        path = write_report(Path(out), text, fmt)
    except ExportError as exc:
        return error(str(exc))
    print(f"Wrote {what} to {shown(path)}.")
    return 0


def _classes_problem(codes: list[str], fmt: str | None, topics) -> str:
    """What is wrong with the ``--class`` codes given, or ``""``: a class named twice (codes
    compare ignoring case and spaces, as the debrief compares them); classes side by side
    written as CSV, or with ``--topics``."""
    from .debrief.gather import class_key

    seen: dict[str, str] = {}
    for code in codes:
        if (key := class_key(code)) in seen:
            first = shown(seen[key])
            if seen[key] == code:
                return f"--class {first!r} is given twice; give each class once"
            return f"--class {first!r} and {shown(code)!r} are one class; give each class once"
        seen[key] = code
    if len(codes) > 1 and fmt == "csv":
        return (
            "classes side by side are written with --format md or html; the CSV has a class "
            "column (leave out --class for every class)"
        )
    if len(codes) > 1 and topics is not None:
        return "--topics goes with one class; classes side by side show all they have"
    return ""


def _to_stdout(text: str) -> int:
    """Write a report on standard output; a closed one is an error, not a traceback."""
    if sys.stdout is None:
        return error("standard output is closed; write the report with --out FILE")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        return error(f"cannot write to standard output: {exc.strerror or exc}")
    return 0
