"""`brink check`'s reach does not depend on luck: the search directed at each target reaches
every decision and ending of the shipped scenario without a single random game, also when the
content is reordered; a target made unreachable is reported within the search's budget, with
what was and was not walked."""

from __future__ import annotations

import pytest

from game.engine.check import _searched
from game.engine.explore import explore, targets
from game.model.rules import AllOf, FlagSet, TrackWithin
from game.model.scenario import Scenario
from game.model.story import Option

ROLES = ("kennedy", "khrushchev")


def _rebuilt(s: Scenario, **fields) -> Scenario:
    """``s`` with some fields replaced, indexed afresh."""
    return Scenario.model_construct(**{**dict(s), **fields})


def _reordered(s: Scenario) -> Scenario:
    """Every decision's options in reverse order, and one more option (with no effect) at the
    first decision of each campaign: what once moved the shared random stream."""
    first = {s.decisions_in(s.start_position(r))[0].id for r in ROLES}
    extra = Option.model_validate(
        {"id": "wait_a_day", "label": "Wait a day", "detail": "Nothing yet.", "result": "Later."}
    )
    decisions = tuple(
        d.model_copy(
            update={"options": (*reversed(d.options), *((extra,) if d.id in first else ()))}
        )
        for d in s.decisions
    )
    return _rebuilt(s, decisions=decisions)


def _ending_when(s: Scenario, ending_id: str, *more) -> Scenario:
    """``s`` with ``more`` conditions added to an ending's."""
    endings = tuple(
        e.model_copy(update={"when": AllOf(kind="all", of=(e.when, *more))})
        if e.id == ending_id
        else e
        for e in s.endings
    )
    return _rebuilt(s, endings=endings)


@pytest.mark.parametrize("role", ROLES)
def test_the_search_alone_reaches_every_target_of_reordered_content(cmc, role):
    """No random game at all (dives=0), options reversed and one added: every decision and
    ending of the campaign is reached, each by a search that found it, in under a thousand
    states walked."""
    s = _reordered(cmc)
    assert s.decision(s.decisions_in(s.start_position(role))[0].id).options[-1].id == "wait_a_day"
    w = explore(s, role, "random", dives=0)
    want_d, want_e = targets(s, role)
    assert want_e - w.endings == set() and want_d - w.decisions == set()
    assert w.dives == 0 and w.sought and all(x.state is not None for x in w.sought.values())
    assert w.complete and w.states < 1000


def test_an_ending_no_state_leads_to_is_proven_so_at_once(cmc):
    """climb_down also wanting danger above its range: every start is ruled out, so the search
    proves it unreachable after a handful of states, and the message says so."""
    s = _ending_when(cmc, "climb_down", TrackWithin(kind="track", track="danger", min=99))
    w = explore(s, "kennedy", "random", dives=0)
    x = w.sought["climb_down"]
    assert x.state is None and x.exhausted and x.states < 20
    assert "climb_down" not in w.endings and w.complete
    proven, said = _searched(w, "climb_down")
    assert proven and said.startswith(": no state leads there (a search directed at its")


def test_an_ending_made_unreachable_is_reported_within_the_budget(cmc):
    """climb_down (Moscow accepts with no American offer) also wanting the secret Jupiter pledge,
    which comes only with an offer: no state reaches it, but that is no quick proof, so the
    search stops at its budget and the message says the states beyond were not walked."""
    s = _ending_when(cmc, "climb_down", FlagSet(kind="flag", flag="jupiter_secret"))
    w = explore(s, "kennedy", "random", dives=0, budget=600)
    x = w.sought["climb_down"]
    assert x.state is None and not x.exhausted and 600 <= x.states < 700
    assert "climb_down" not in w.endings and not w.complete
    assert _searched(w, "climb_down") == (
        False,
        f": not found in the {x.states} states a search directed at its condition may meet; "
        "the states beyond them were not walked",
    )
    # every other target is still found, each by its own search
    want_d, want_e = targets(s, "kennedy")
    assert want_e - w.endings == {"climb_down"} and want_d - w.decisions == set()
