"""Texts that must follow the path chosen, and not assume history's: each test plays a path
and reads what is shown there (the helpers of test_story_paths play it)."""

from __future__ import annotations

from test_story_paths import walk

from game.engine import offered, view


def test_september_and_after_read_the_deployment_as_announced(cmc):
    """After the July treaty Kennedy's September statement, what Moscow hears of it, the
    ExComm's first meeting and the reckoning of December do not treat the deployment as a
    secret; with Kennedy silent in September, Moscow is not told he warned in public."""
    from game.engine.texts import decision_texts, told_option

    picks = {"anadyr_cover": "announce_treaty"}
    state, told = walk(cmc, "khrushchev", picks, until="pitsunda")
    warning = next(h for h in told if h.decision and h.decision.id == "september_warning")
    said = " ".join(warning.text.split())
    assert "a treaty does not change" in said and "no offensive weapons, and that" not in said
    sept = cmc.decision("september_warning")
    situation = " ".join(decision_texts(sept, offered(sept, state), state).situation[0].split())
    assert (
        "You have no evidence" not in situation
        and "nothing offensive is being sent" not in situation
    )
    assert "announced a defence treaty" in situation
    result = told_option(cmc.option("first_steps", "secret_committee"), state).result
    assert "the secret holds" not in result and "nobody outside the room" in result
    state, _ = walk(cmc, "khrushchev", picks, until="presidium_reckoning")
    details = [o.detail for o in view(cmc, state).options]
    assert not [d for d in details if "found too soon" in d]
    # history's path keeps history's words
    state, _ = walk(cmc, "khrushchev", {}, until="presidium_reckoning")
    assert "Make the military answer for the sites being found too soon." in {
        o.detail for o in view(cmc, state).options
    }
    # a Kennedy who said little in September
    state, _ = walk(cmc, "khrushchev", {}, opponent="dove", until="pitsunda")
    assert state.chosen["september_warning"] == "say_little"
    situation = " ".join(" ".join(view(cmc, state).situation).split())
    assert "warned in public" not in situation and "privately, through Dobrynin" in situation
