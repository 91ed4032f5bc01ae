"""The class folder as the teacher's page sees it: every game, read again only when its file
changed, and which game each open tab is playing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..debrief.gather import Gathered, Played, Skipped, combine, read_one
from ..model.scenario import Scenario
from ..saves.disk import save_entries
from ..ui.classroom import code_of, save_id

PLAYING = ".playing"
"""The sub-folder where each tab writes the id of the game it plays (see ``ui.classroom``)."""


@dataclass(frozen=True, slots=True)
class _Stamp:
    mtime_ns: int
    size: int
    inode: int


class LiveFolder:
    """Reads the class folder on demand, replaying only the files whose size, time or inode
    changed since they were last read."""

    def __init__(self, folder: Path, scenario: Scenario):
        self.folder = folder
        self.scenario = scenario
        self._read: dict[str, tuple[_Stamp, Played | Skipped]] = {}
        self.reads = 0
        """How many files have been read and replayed so far (tests check it stays small)."""

    def gathered(self) -> Gathered:
        """Every game of the folder now (the same rules as ``brink debrief``)."""
        seen: dict[str, tuple[_Stamp, Played | Skipped]] = {}
        for entry in save_entries(self.folder):
            name = entry.name
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            stamp = _Stamp(info.st_mtime_ns, info.st_size, info.st_ino)
            known = self._read.get(name)
            if known is not None and known[0] == stamp:
                seen[name] = known
                continue
            self.reads += 1
            seen[name] = (stamp, read_one(Path(entry.path), self.scenario))
        self._read = seen
        return combine(self.folder, (item for _, item in seen.values()))

    def playing(self, session: str) -> str | None:
        """The save id a tab said it plays, if it did (read from ``.playing/<session>``)."""
        if not session.isalnum():
            return None
        try:
            text = (self.folder / PLAYING / session).read_text("ascii")[:80]
        except (OSError, UnicodeDecodeError):
            return None
        return text if all(c.isalnum() or c == "-" for c in text) else None

    def resume_code(self, session: str) -> str | None:
        """The resume code of the game a tab plays, once that game is saved in the folder."""
        code = code_of(self.playing(session) or "")
        if code is None or not (self.folder / f"{save_id(code)}.json").is_file():
            return None
        return code

    def forget(self, session: str) -> None:
        """A tab has closed: it plays nothing any more."""
        if session.isalnum():
            (self.folder / PLAYING / session).unlink(missing_ok=True)
