"""Reading a file Brink did not write, or that may have been changed: saves, scenario TOML,
``discoveries.json``, the cache.

One way for all of them: a non-blocking open (a FIFO never hangs), regular files only (a
folder, a FIFO, a device or a symlink to one is refused as such), and the size capped on the
read itself (``/dev/zero`` or a file that grows while read never fills the memory). Text is
UTF-8, with or without a byte-order mark. Standard library only: the title screen reads with it
before the models are loaded.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

BOM = b"\xef\xbb\xbf"
TOML_LIMIT = 2_000_000
"""The largest scenario file read (the largest shipped one is a few dozen kilobytes)."""


class Unreadable(Exception):
    """The file cannot be read as a file of Brink's; the message says why in a few words,
    without the file's name (the caller names it)."""


class TooLarge(Unreadable):
    """The file is larger than the reader allows."""


def kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def read_bytes(path: Path | str, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes. Raises :class:`Unreadable` for
    anything else (missing, not a regular file, too large, no permission...)."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise Unreadable("no such file") from None
    except IsADirectoryError:  # Windows opens no folder
        raise Unreadable("not a regular file: a folder") from None
    except OSError as exc:
        raise Unreadable(f"cannot be read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable(f"not a regular file: {kind(info.st_mode)}")
        if info.st_size > limit:
            raise TooLarge(f"{info.st_size:,} bytes, more than the {limit:,} allowed")
        # the first read asks for the file's size and one byte more (to see it grow), so its
        # buffer is the file's size: a buffer far larger than the file, given back at once,
        # leaves the allocator with memory it keeps (about 1 MB over a game)
        chunks, size, want = [], 0, min(info.st_size, limit) + 1
        while size <= limit and (chunk := os.read(fd, min(want, limit + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
            want = 1 << 16
    except OSError as exc:
        raise Unreadable(f"cannot be read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if size > limit:  # it grew while it was read
        raise TooLarge(f"more than the {limit:,} bytes allowed")
    return b"".join(chunks)


def decode(data: bytes) -> str:
    """UTF-8 text, a leading byte-order mark dropped; :class:`Unreadable` naming the byte
    where it is not UTF-8."""
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Unreadable(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def read_text(path: Path | str, limit: int) -> str:
    """:func:`read_bytes` then :func:`decode`."""
    return decode(read_bytes(path, limit))


def exists(path: Path) -> bool:
    """Whether anything is there, a broken symlink included (``Path.exists`` follows links and
    ``is_file`` says no to a FIFO: both would call a hostile entry "missing")."""
    try:
        os.lstat(path)
    except OSError:
        return False
    return True
