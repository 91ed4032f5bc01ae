"""How the side nobody plays decides: historical, hawk, dove or random."""

from __future__ import annotations

import random

from ..model.scenario import Decision, Option

POLICIES = ("historical", "hawk", "dove", "random")


def pick(
    policy: str, decision: Decision, offered: list[Option], rng: random.Random | None
) -> Option:
    """Choose one of the offered options.

    historical: history's option when it is offered, else the first offered (authors put the
    most plausible first); hawk: highest stance; dove: lowest; random: uniform.
    """
    if policy == "historical":
        want = decision.history.option
        for o in offered:
            if o.id == want:
                return o
        return offered[0]
    if policy == "hawk":
        return max(offered, key=lambda o: o.stance)
    if policy == "dove":
        return min(offered, key=lambda o: o.stance)
    if policy == "random":
        return offered[rng.randrange(len(offered))]
    raise ValueError(f"unknown policy {policy!r} (known: {', '.join(POLICIES)})")
