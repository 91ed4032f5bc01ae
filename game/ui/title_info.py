"""What the title screen shows before the scenario is loaded: the scenario's title, its
description and its campaigns, read from ``scenario.toml`` alone with ``tomllib``.

Loading the validated scenario needs pydantic and the models, which cost more than Textual's
whole start; the title does not wait for them. The app paints the title from this summary and
loads the scenario just after (see ``BrinkApp``); once loaded, the summary is taken from the
validated scenario instead, so a file the models would reject never shows for long.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import NamedTuple


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
    """The summary from ``folder/scenario.toml``; None if the file cannot be read this simply
    (the app then loads the scenario first, which names the mistake)."""
    try:
        with open(folder / "scenario.toml", "rb") as f:
            raw = tomllib.load(f)
        campaigns = tuple(
            Campaign(r["id"], r["title"].strip(), r["blurb"].strip(), r.get("available", True))
            for r in raw["role"]
        )
        info = TitleInfo(raw["id"], raw["title"].strip(), raw["description"].strip(), campaigns)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    ok = all(isinstance(x, str) for x in (info.id, info.title, info.description)) and all(
        isinstance(c.id, str) and isinstance(c.available, bool) for c in campaigns
    )
    return info if ok and campaigns else None


def title_info(scenario) -> TitleInfo:
    """The same summary from a loaded :class:`~game.model.scenario.Scenario`."""
    meta = scenario.meta
    return TitleInfo(
        meta.id,
        meta.title,
        meta.description.strip(),
        tuple(Campaign(r.id, r.title, r.blurb, r.available) for r in meta.roles),
    )
