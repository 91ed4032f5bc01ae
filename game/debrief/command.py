"""`brink debrief`: the teacher's debrief of a folder of saves, on the screen or as a report
(Markdown, HTML, CSV), of the whole folder, one class, or classes side by side."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from ..commands import error, saves_folder, scenario_for
from ..terminal import shown


def usage_error(command: str, msg: str) -> int:
    """Print ``brink COMMAND: error: msg`` on stderr, as argparse does; return the status 2."""
    print(f"brink {command}: error: {msg}", file=sys.stderr)
    return 2


def cmd_debrief(a) -> int:
    """The teacher's debrief of a folder of saves: the screen, or with --format a report."""
    from . import build, gather, render
    from .export import format_of
    from .text import left_out, plural

    folder = Path(a.folder) if a.folder else saves_folder(a)
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
        from ..ui.app import create_app

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
    from . import build
    from .compare import compare
    from .export import render_compare
    from .text import plural

    ds = [build(s, gathered, code, role) for code in codes]
    text = render_compare(compare(s, ds, not a.anonymize), fmt, a.paper)
    games = plural(sum(d.overview.games for d in ds), "game")
    return _deliver(text, fmt, out, f"{len(ds)} classes side by side ({games})")


def _deliver(text: str, fmt: str, out: str | None, what: str) -> int:
    """A report on standard output, or written to the file ``out`` and said so."""
    from . import ExportError, write_report

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
    from .gather import class_key

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
