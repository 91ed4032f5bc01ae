"""Sources as a reader sees them, worded once for the game, plain mode and the debrief."""

from __future__ import annotations

from collections.abc import Iterable

from ..model.record import Source
from ..model.scenario import Scenario


def cite(source: Source) -> str:
    """One source as it is shown: its key and title ("DOB (One Minute to Midnight)")."""
    return f"{source.key} ({source.title})"


def cite_keys(scenario: Scenario, keys: Iterable[str]) -> str:
    """The cited sources, joined by semicolons (a key the scenario does not know, as is)."""
    return "; ".join(cite(s) if (s := scenario.source(k)) else k for k in keys)
