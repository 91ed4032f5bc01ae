"""Castro's trust, built or squandered in the prologue (1959-61), carries through: it decides
whether he consents to Operation Anadyr, whether he can be brought to give up the IL-28s, and
how the ending tells him. Engine-level; each test plays its path."""

from __future__ import annotations

import pytest

from game.engine import choose, ending_told, new_game, offered, view

PROLOGUE = ("castro_read", "mikoyan_usa", "trade_deal", "oil_refineries", "embargo_answer")
PROLOGUE += ("arms_instructors", "ambassador")


def castro_change(option) -> int:
    return sum(e.by or 0 for e in option.effects if e.kind == "track" and e.track == "castro")


def play(s, picks, lowest_trust=False, opponent="historical"):
    """Khrushchev's game to its end: ``picks[decision]`` where offered; in the prologue (with
    ``lowest_trust``) the option that costs Castro's trust most; else history's option where
    offered, else the first. Returns the final state and every text the player was told."""
    out = new_game(s, "khrushchev", 0, opponent, "historical")
    state, texts = out.state, [h.text for h in out.happenings]
    while state.ending is None and state.pending is not None:
        d = s.decision(state.pending)
        opts = offered(d, state)
        ids = [o.id for o in opts]
        texts.extend(view(s, state).situation)
        if d.id in picks and picks[d.id] in ids:
            want = picks[d.id]
        elif lowest_trust and d.id in PROLOGUE:
            want = min(opts, key=castro_change).id
        else:
            want = d.history.option if d.history.option in ids else ids[0]
        out = choose(s, state, want)
        state = out.state
        texts.extend(h.text for h in out.happenings)
    return state, texts


def test_the_prologue_can_drive_castros_trust_to_nothing(cmc):
    """The prologue's choices are what empties the track: 0/10 when Anadyr is put to him."""
    state, _ = play(cmc, {"anadyr": "deploy_full"}, lowest_trust=True)
    assert state.chosen["anadyr"] == "deploy_full"
    assert "castro_consent" in state.chosen  # he did not simply agree


def trust_at_anadyr(s, lowest_trust):
    out = new_game(s, "khrushchev", 0, "historical", "historical")
    state = out.state
    while state.pending != "anadyr":
        d = s.decision(state.pending)
        opts = offered(d, state)
        pick = min(opts, key=castro_change) if lowest_trust else d.history.option
        state = choose(s, state, getattr(pick, "id", pick)).state
    return state


@pytest.mark.parametrize("option", ["deploy_full", "missiles_only"])
def test_anadyr_does_not_say_castro_agrees_when_he_trusts_nobody(cmc, option):
    """With Castro's trust at 0/10, the Presidium's yes is told without his, and Moscow must
    answer his hesitation; with history's trust, he agrees and nothing more is asked."""
    low = trust_at_anadyr(cmc, lowest_trust=True)
    assert low.tracks["castro"] == 0
    out = choose(cmc, low, option)
    told = " ".join(h.text for h in out.happenings)
    assert "Castro agrees" not in told and "does not say yes" in told
    assert "game leaves history" in told
    assert out.state.pending == "castro_consent"
    v = view(cmc, out.state)
    assert "counterfactual" in v.situation[0]
    high = trust_at_anadyr(cmc, lowest_trust=False)
    assert high.tracks["castro"] >= 3
    out = choose(cmc, high, option)
    assert "Castro agrees" in " ".join(h.text for h in out.happenings)
    assert out.state.pending != "castro_consent"


def test_castro_refuses_the_missiles_and_the_ending_says_so(cmc):
    """Moscow takes Castro's no: no missiles sail, and the ending tells whose no it was, as
    the game's counterfactual, never that he agreed."""
    state, texts = play(cmc, {"anadyr": "deploy_full", "castro_consent": "take_no"}, True)
    assert "anadyr" not in state.flags and "tactical_warheads" not in state.flags
    assert state.ending == "no_crisis"
    e = ending_told(cmc, state)
    assert "It was Castro who said no" in e.epilogue
    assert "counterfactual" in e.epilogue
    assert "never had to vote" not in e.seen_from["ussr"]
    assert not any("Castro agrees" in t for t in texts)


def test_castro_pressed_into_consent_stays_distrustful_to_the_end(cmc):
    """Castro's consent extracted under pressure: Anadyr goes on, he will not consent to the
    bombers' removal in November, they stay, and the ending tells a Castro who trusts nothing,
    not one who agreed or still trusts Moscow."""
    picks = {"anadyr": "deploy_full", "castro_consent": "press_castro"}
    state, texts = play(cmc, picks, lowest_trust=True)
    assert "anadyr" in state.flags
    assert state.chosen["il28_bombers"] == "over_his_head"  # history's choice, still open
    assert not any("Castro agrees" in t for t in texts)
    e = ending_told(cmc, state)
    assert state.tracks["castro"] <= 2
    assert "hardly more than Washington" in e.epilogue
    assert "Castro still trusted Moscow" not in e.epilogue
    assert any("Castro still will not say yes" in t for t in texts)  # the bombers go anyway
    assert not any("the IL-28s may go" in t for t in texts)

    picks["il28_bombers"] = "persuade_castro"  # not offered: he would not consent
    state, texts = play(cmc, picks, lowest_trust=True)
    assert state.chosen["il28_bombers"] != "persuade_castro"
    waited = {**picks, "il28_bombers": "wait_in_vain"}
    state, texts = play(cmc, waited, lowest_trust=True)
    assert "il28_stay" in state.flags
    assert not any("Castro gives way on the bombers" in t for t in texts)
    e = ending_told(cmc, state)
    assert "Castro would not consent to their going" in e.epilogue
    assert "In history the bombers went" in e.historians


def test_castro_won_over_by_a_treaty(cmc):
    """Offered a treaty between equals, Castro consents and his trust recovers: the deployment
    goes on as planned."""
    picks = {"anadyr": "deploy_full", "castro_consent": "offer_treaty"}
    state, texts = play(cmc, picks, lowest_trust=True)
    assert "anadyr" in state.flags and state.chosen["castro_consent"] == "offer_treaty"
    assert any("Castro takes the offer" in t for t in texts)
    step = next(c for c in state.log if c.track == "castro" and "treaty" in c.reason)
    assert (step.before, step.after) == (0, 3)


def test_castro_brought_round_on_the_bombers_only_while_he_trusts_moscow(cmc):
    """History's trust: Mikoyan can wait for Castro's consent, and the ending says the
    bombers left once he had agreed."""
    state, _ = play(cmc, {"il28_bombers": "persuade_castro"})
    assert state.tracks["castro"] >= 3
    assert state.chosen["il28_bombers"] == "persuade_castro"
    assert "only once Castro himself had agreed" in ending_told(cmc, state).epilogue


def test_history_never_meets_castros_hesitation(cmc):
    """On history's path Castro's trust stays high enough: the counterfactual never arises."""
    state, _ = play(cmc, {})
    assert "castro_consent" not in state.chosen
    assert state.ending == "historical_settlement"
