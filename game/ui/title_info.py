"""What the title screen shows before the scenario is loaded: the scenario's title, its
description and its campaigns, read from ``scenario.toml`` alone with ``tomllib``.

Loading the validated scenario needs pydantic and the models, which cost more than Textual's
whole start; the title does not wait for them. The app paints the title from this summary and
loads the scenario just after (see ``BrinkApp``); once loaded, the summary is taken from the
validated scenario instead, so a file the models would reject never shows for long.

The validated summary is then kept in the cache folder (:func:`keep_title_info`, in the loading
thread), stamped with the path, size and modification time of the ``scenario.toml`` it came
from. The next start shows it without reading the TOML, as long as that file is unchanged:
parsing it (and importing ``tomllib``) took about 5 ms of the start. A missing, damaged or
stale entry just means the file is read; a cache folder that cannot be written is ignored.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from ..paths import read_cache, write_cache

CACHED = "title.pickle"
"""The cache file: the last validated summary and the stamp of its ``scenario.toml``."""


class Campaign(NamedTuple):
    """A campaign on the title menu (a role of scenario.toml)."""

    id: str
    title: str
    blurb: str
    available: bool = True


class TitleInfo(NamedTuple):
    """The scenario's id, title, description and campaigns, as the title screen shows them."""

    id: str
    title: str
    description: str
    campaigns: tuple[Campaign, ...]


def read_title_info(folder: Path) -> TitleInfo | None:
    """The summary of ``folder``: from the cache when its ``scenario.toml`` is unchanged, else
    read from that file; None if it cannot be read this simply (the app then loads the scenario
    first, which names the mistake)."""
    try:
        stamp = _stamp(folder)
    except OSError:
        return None
    return _cached(stamp) or _read(folder / "scenario.toml")


def keep_title_info(folder: Path, info: TitleInfo) -> None:
    """Keep ``info``, the validated summary of ``folder``, for the next start (see above)."""
    try:
        stamp = _stamp(folder)
        if _cached(stamp) == info:
            return
        write_cache(CACHED, (stamp, info))
    except OSError:
        pass  # no cache this time


def _stamp(folder: Path) -> tuple[str, int, int]:
    path = os.path.abspath(folder / "scenario.toml")
    st = os.stat(path)
    return path, st.st_size, st.st_mtime_ns


def _cached(stamp: tuple[str, int, int]) -> TitleInfo | None:
    entry = read_cache(CACHED)  # None when missing or damaged: the file is read instead
    if not (isinstance(entry, tuple) and len(entry) == 2):
        return None
    kept, info = entry
    return info if kept == stamp and isinstance(info, TitleInfo) and _sound(info) else None


def _read(path: Path) -> TitleInfo | None:
    import tomllib

    from ..reading import TOML_LIMIT, Unreadable, read_text

    try:
        raw = tomllib.loads(read_text(path, TOML_LIMIT))
        campaigns = tuple(
            Campaign(r["id"], r["title"].strip(), r["blurb"].strip(), r.get("available", True))
            for r in raw["role"]
        )
        info = TitleInfo(raw["id"], raw["title"].strip(), raw["description"].strip(), campaigns)
    except (Unreadable, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    return info if _sound(info) else None


def _sound(info: TitleInfo) -> bool:
    """Whether the title can show this summary: strings where it shows strings, a flag for
    each campaign, and at least one campaign."""
    return (
        all(isinstance(x, str) for x in (info.id, info.title, info.description))
        and isinstance(info.campaigns, tuple)
        and bool(info.campaigns)
        and all(
            isinstance(c, Campaign)
            and all(isinstance(x, str) for x in (c.id, c.title, c.blurb))
            and isinstance(c.available, bool)
            for c in info.campaigns
        )
    )


def title_info(scenario) -> TitleInfo:
    """The same summary from a loaded :class:`~game.model.scenario.Scenario`."""
    meta = scenario.meta
    return TitleInfo(
        meta.id,
        meta.title,
        meta.description.strip(),
        tuple(Campaign(r.id, r.title, r.blurb, r.available) for r in meta.roles),
    )
