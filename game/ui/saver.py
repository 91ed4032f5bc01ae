"""Writes saves off the key's path: one thread, in order, each write atomic."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

    from ..model.save import SaveFile


class Saver:
    """Queues saves for one writer thread; ``on_error(message)`` hears of a failed write (it is
    called from that thread, so it must hand the message to the app's loop itself)."""

    def __init__(self, on_error: Callable[[str], None]):
        self._pool: ThreadPoolExecutor | None = None  # started by the first save
        self._on_error = on_error

    def _writer(self) -> ThreadPoolExecutor:
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="brink-save")
        return self._pool

    def submit(self, folder: Path, save: SaveFile) -> Future:
        """Queue one save; the future gives the path written."""
        from ..saves import write_save

        future = self._writer().submit(write_save, folder, save)
        future.add_done_callback(lambda f: self._report(f, folder))
        return future

    def _report(self, future: Future, folder: Path) -> None:
        exc = future.exception()
        if isinstance(exc, OSError):
            self._on_error(f"Could not save in {folder}: {exc.strerror}")

    def wait(self) -> None:
        """Block until every save queued so far is on disk."""
        if self._pool is not None:
            self._pool.submit(lambda: None).result()

    def close(self) -> None:
        """Write what is queued, then stop the thread (never lose the last save on quit)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
