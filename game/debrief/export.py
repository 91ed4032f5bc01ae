"""Writing a debrief: the format, the default file name, and where it may not be written.

The target is always the teacher's own choice (``--out``) or a name made from the saves
folder's name (``<folder>-debrief.<ext>`` beside the folder), never from anything a student
typed. It is written atomically (``game.saves.atomic.atomic_write``); the teacher's earlier report
at the same place is replaced, but a save (any file that reads as one) is never written over,
nothing that is not a regular file (a symlink, a FIFO, a device such as ``/dev/null``) is
replaced, and no report is written under a ``.json`` name, which is kept for saves (in the saves
folder it would be read as a damaged save next time). ``-`` stands for standard output.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..reading import kind
from ..saves import SaveError, read_save
from ..saves.atomic import atomic_write
from ..terminal import shown as shown_text
from . import report_csv, report_html, report_md
from .compare import Comparison
from .figures import Debrief
from .text import REPORT_TOPICS

FORMATS = ("md", "html", "csv")


class ExportError(Exception):
    """The report cannot be written there; the message says why."""


def render(
    d: Debrief,
    fmt: str,
    show_names: bool = True,
    per_decision: bool = False,
    topics: tuple[str, ...] | None = None,
    paper: str | None = None,
) -> str:
    """The debrief in one format: ``md``, ``html`` or ``csv`` (one row per game, or with
    ``per_decision`` one row per choice). ``topics`` (Markdown and HTML; None: all) and
    ``paper`` (HTML: "a4" or "letter") shape the report."""
    topics = topics or tuple(REPORT_TOPICS)
    if fmt == "md":
        return report_md.render(d, show_names, topics)
    if fmt == "html":
        return report_html.render(d, show_names, topics, paper)
    if fmt == "csv":
        return (report_csv.choices if per_decision else report_csv.games)(d, show_names)
    raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")


def render_compare(c: Comparison, fmt: str, paper: str | None = None) -> str:
    """Classes side by side (see :mod:`.compare`): ``md`` or ``html`` (a CSV has a class column
    of its own: the whole folder's CSV holds every class)."""
    if fmt == "md":
        return report_md.render_compare(c)
    if fmt == "html":
        return report_html.render_compare(c, paper)
    raise ValueError(f"classes side by side are written as md or html, not {fmt!r}")


def format_of(path: Path) -> str | None:
    """The format a file name asks for by its suffix (``.md``, ``.html``/``.htm``, ``.csv``)."""
    suffix = path.suffix.lower().lstrip(".")
    return {"htm": "html", "markdown": "md"}.get(suffix, suffix if suffix in FORMATS else None)


def default_target(folder: Path, fmt: str, per_decision: bool = False) -> Path:
    """``saves-debrief.html`` beside the folder ``saves`` (``-choices`` for a per-choice CSV)."""
    folder = Path(os.path.abspath(folder))
    extra = "-choices" if per_decision and fmt == "csv" else ""
    return folder.parent / f"{folder.name or 'saves'}-debrief{extra}.{fmt}"


def check_target(target: Path) -> None:
    """Raise :class:`ExportError` if writing ``target`` could harm a file or cannot work: a
    folder; anything else that is not a regular file (a symlink, a FIFO, a device), which a
    rename would replace; an existing save (any file that reads as one); any ``.json`` name,
    which is kept for saves (a report there would be read as a damaged save, or overwrite one)."""
    target_abs = Path(os.path.abspath(target))
    shown = shown_text(str(target))
    try:
        mode = os.lstat(target_abs).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise ExportError(f"{shown}: cannot be written: {exc.strerror or exc}") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise ExportError(f"{shown} is a folder; give a file name")
    if mode is not None and not stat.S_ISREG(mode):
        what = "a symbolic link" if stat.S_ISLNK(mode) else kind(mode)
        raise ExportError(
            f"{shown} is not a regular file ({what}); it is left as it was. Give a file name, "
            "or - for standard output"
        )
    if mode is not None:
        try:
            read_save(target_abs)
        except SaveError:
            pass  # not a save: the teacher's earlier report, replaced
        else:
            raise ExportError(f"{shown} is a saved game; it is never written over")
    if target_abs.suffix.lower() == ".json":
        raise ExportError(
            f"{shown}: .json names are kept for saved games; name the report .md, .html or .csv"
        )


def write_report(target: Path, text: str, fmt: str | None = None) -> Path:
    """Check the target (see :func:`check_target`) and write the report atomically. A CSV file
    starts with a byte-order mark so that spreadsheets read it as UTF-8."""
    target = Path(target)
    check_target(target)
    data = text.encode("utf-8")
    if (fmt or format_of(target)) == "csv":
        data = b"\xef\xbb\xbf" + data
    try:
        atomic_write(target, data)
    except OSError as exc:
        raise ExportError(
            f"{shown_text(str(target))}: cannot be written: {exc.strerror or exc}"
        ) from None
    return target
