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
    """Queues saves for one writer thread; ``on_error(message)`` hears of a failed write and
    ``on_renamed(old_id, new_id)`` of a game saved under a new id because its file held another
    game (see :func:`game.saves.write_save`). Both are called from that thread, so they must
    hand what they hear to the app's loop themselves. Later saves of a renamed game go to its
    new id."""

    def __init__(
        self,
        on_error: Callable[[str], None],
        on_renamed: Callable[[str, str], None] = lambda old, new: None,
    ):
        self._pool: ThreadPoolExecutor | None = None  # started by the first save
        self._on_error = on_error
        self._on_renamed = on_renamed
        self._renamed: dict[str, str] = {}  # only touched in the writer thread

    def _writer(self) -> ThreadPoolExecutor:
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="brink-save")
        return self._pool

    def submit(self, folder: Path, save: SaveFile) -> Future:
        """Queue one save; the future gives the path written."""
        future = self._writer().submit(self._write, folder, save)
        future.add_done_callback(lambda f: self._report(f, folder))
        return future

    def _write(self, folder: Path, save: SaveFile) -> Path:
        from ..saves import write_save

        old = save.id
        if old in self._renamed:
            save = save.model_copy(update={"id": self._renamed[old]})
        path = write_save(folder, save)
        if path.stem != save.id:
            self._renamed[old] = path.stem
            self._on_renamed(save.id, path.stem)
        return path

    def _report(self, future: Future, folder: Path) -> None:
        exc = future.exception()
        if isinstance(exc, OSError):
            self._on_error(f"Could not save in {folder}: {exc.strerror or exc}")

    def wait(self) -> None:
        """Block until every save queued so far is on disk."""
        if self._pool is not None:
            self._pool.submit(lambda: None).result()

    def close(self) -> None:
        """Write what is queued, then stop the thread (never lose the last save on quit)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
