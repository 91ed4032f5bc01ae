"""The files of a hand-in folder, as a learning platform leaves them: saves in sub-folders and in
``.zip`` files, each read in memory, never unpacked to disk, within limits.

Every ``*.json`` file under the folder (sub-folders too, to :data:`MAX_DEPTH` levels; hidden
files and folders, temporary files and ``discoveries.json`` skipped; links to folders not
followed) and every member ``*.json`` of every ``*.zip`` file is an :class:`Entry`: its name
relative to the folder (``10B/ann.json``, ``hand-ins.zip/ann.json``) and its text, or the
reason it cannot be read. A zip is refused whole, with the reason, when it is larger than
:data:`MAX_ZIP_BYTES`, holds more than :data:`MAX_MEMBERS` members, holds a member whose name
would leave the folder (``../x.json``, ``/etc/x.json``, ``C:\\x.json``), or would unpack to more
than :data:`MAX_UNPACKED` bytes or at a ratio above :data:`MAX_RATIO` (a zip bomb). A member is
read with a cap on its decompressed size, whatever its header says. Nothing is written.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .. import reading
from ..saves.disk import MAX_SAVE_BYTES, NOT_SAVES

MAX_DEPTH = 4
"""Sub-folder levels read below the folder."""
MAX_FILES = 50_000
"""Files read in all (a class hands in tens; a whole school's year, thousands)."""
MAX_ZIP_BYTES = 200_000_000
MAX_MEMBERS = 5_000
MAX_UNPACKED = 500_000_000
"""The most a zip's members may unpack to, together."""
MAX_RATIO = 200
"""A save's JSON packs about 10 to 1; a member packed far tighter is a bomb."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One file handed in: its name relative to the folder, and its text or why not."""

    name: str
    text: str | None
    problem: str = ""


def entries(folder: Path) -> Iterator[Entry]:
    """Every hand-in under ``folder``, in the order of their names (see the module)."""
    count = 0
    for rel in _files(Path(folder)):
        count += 1
        if count > MAX_FILES:
            yield Entry("(more files)", None, f"more than {MAX_FILES} files: the rest not read")
            return
        path = Path(folder, rel)
        if rel.lower().endswith(".zip"):
            yield from _zip(path, rel)
            continue
        try:
            yield Entry(rel, reading.read_text(path, MAX_SAVE_BYTES))
        except reading.TooLarge as exc:
            yield Entry(rel, None, f"larger than a save can be ({exc})")
        except (reading.Unreadable, OSError) as exc:
            yield Entry(rel, None, str(exc))


def _wanted(name: str) -> bool:
    low = name.lower()
    return (
        not name.startswith(".")
        and name not in NOT_SAVES
        and (low.endswith(".json") or low.endswith(".zip"))
    )


def _files(folder: Path) -> list[str]:
    """The names, relative to ``folder`` with ``/``, of the saves and zips under it."""
    out: list[str] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        depth = len(Path(root).relative_to(folder).parts)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if depth < MAX_DEPTH else []
        rel = Path(root).relative_to(folder)
        out += [(rel / f).as_posix() for f in files if _wanted(f)]
    return sorted(out)


def _leaves(name: str) -> bool:
    """Whether a member's name would land outside the folder it is unpacked into."""
    if name.startswith(("/", "\\")) or "\\" in name or (len(name) > 1 and name[1] == ":"):
        return True
    return ".." in PurePosixPath(name).parts


def _zip(path: Path, rel: str) -> Iterator[Entry]:
    """The ``*.json`` members of one zip, read in memory; or the zip refused, with why."""
    try:
        size = path.stat().st_size
        if size > MAX_ZIP_BYTES:
            yield Entry(rel, None, f"a zip of {size} bytes, larger than {MAX_ZIP_BYTES}: not read")
            return
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            why = _refused(infos)
            if why:
                yield Entry(rel, None, f"a zip refused, nothing read from it: {why}")
                return
            for info in sorted(infos, key=lambda i: i.filename):
                base = PurePosixPath(info.filename).name
                if info.is_dir() or not base.lower().endswith(".json") or not _wanted(base):
                    continue
                yield _member(zf, info, f"{rel}/{info.filename}")
    except (OSError, zipfile.BadZipFile, ValueError, NotImplementedError, EOFError) as exc:
        yield Entry(rel, None, f"not a readable zip ({type(exc).__name__}: {exc})")


def _refused(infos: list[zipfile.ZipInfo]) -> str:
    """Why a zip is refused whole, or ``""``."""
    if len(infos) > MAX_MEMBERS:
        return f"{len(infos)} members, more than {MAX_MEMBERS}"
    for info in infos:
        if _leaves(info.filename):
            return f"a member's name would leave the folder ({info.filename!r})"
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED:
        return f"it would unpack to {total} bytes, more than {MAX_UNPACKED} (a zip bomb?)"
    for info in infos:
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 100_000:
            return (
                f"a member packed {info.file_size // max(info.compress_size, 1)} to 1, "
                f"more than {MAX_RATIO} to 1 (a zip bomb?)"
            )
    return ""


def _member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> Entry:
    """One member's text, read with a cap whatever its header says."""
    if info.file_size > MAX_SAVE_BYTES:
        return Entry(name, None, f"larger than a save can be ({info.file_size} bytes)")
    with zf.open(info) as f:
        data = f.read(MAX_SAVE_BYTES + 1)
    if len(data) > MAX_SAVE_BYTES:
        return Entry(name, None, f"unpacks to more than a save can be ({MAX_SAVE_BYTES} bytes)")
    try:
        return Entry(name, reading.decode(data))
    except reading.Unreadable as exc:
        return Entry(name, None, str(exc))
