"""Files written so that a reader sees the old file or the new one, whole, never a part of
either (:func:`atomic_write`, the one way Brink puts a file in place: saves, the endings found,
reports, preferences, the cache), and the temporary files a killed write left cleared away."""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from .. import reading

STALE_SECONDS = 300
"""A temporary file of a write this old was left by a write that was killed."""
_TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")
"""The name :func:`atomic_write` gives its temporary file (``tempfile.mkstemp``'s random tail)."""


def remove_stale(folder: Path, age: float = STALE_SECONDS) -> int:
    """Remove the temporary files a killed write left in ``folder`` (regular files named as
    :func:`atomic_write` names them, older than ``age`` seconds); return how many. Anything
    else is left alone, and a file that cannot be removed is left for next time."""
    removed = 0
    limit = time.time() - age
    try:
        with os.scandir(folder) as it:
            for e in it:
                try:
                    if (
                        _TEMPORARY.match(e.name)
                        and e.is_file(follow_symlinks=False)
                        and e.stat(follow_symlinks=False).st_mtime < limit
                    ):
                        os.unlink(e.path)
                        removed += 1
                except OSError:
                    continue
    except OSError:
        pass
    return removed


class NotRegular(OSError):
    """The target of a write exists and is not a regular file (a symlink, a FIFO, a device,
    a folder): it is left as it was."""


def atomic_write(target: Path, data: bytes) -> None:
    """Write a temporary file in the same folder, flushed and fsynced, then ``os.replace`` it
    over the old one (and fsync the folder, so the rename survives a power cut). A reader sees
    the previous file or the new one, complete, never a part of either. A target that exists
    and is not a regular file is refused (:class:`NotRegular`) and left as it was: a rename
    over ``/dev/null`` or a symlink would replace the node or the link."""
    target = Path(target)
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        if exc.errno != errno.ENOTDIR:
            raise
        mode = None  # the folder is a file: mkdir says so below
    if mode is not None and not stat.S_ISREG(mode):
        what = "a symbolic link" if stat.S_ISLNK(mode) else reading.kind(mode)
        raise NotRegular(errno.EEXIST, f"not a regular file ({what}); left as it was", str(target))
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            if hasattr(os, "fchmod"):  # mkstemp makes 0600; a teacher must be able to read it
                os.fchmod(fd, 0o666 & ~_UMASK)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(folder)


def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it; done once, at import
    os.umask(mask)
    return mask


_UMASK = _umask()


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a folder; its rename is journaled
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse to fsync a folder; the file itself is safe
    finally:
        os.close(fd)
