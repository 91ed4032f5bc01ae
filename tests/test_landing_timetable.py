"""After an air strike the invasion keeps the real plan's timetable: no option lands troops the
day after the raids, whatever was readied before them; the order to ready the force leads to
the landing decision of 28 October, told as that order's consequence, and the ending tells the
landing as the one ordered. Engine-level: each test plays its path and reads what is shown."""

from __future__ import annotations

import random

from helpers import first_seed, walk

from game.engine import choose, ending_told, new_game, offered, view

STRIKE = {"response": "surgical_strike"}

READIED_BEFORE = (
    {},
    {"first_steps": "strike_now"},
    {"excomm_split": "prepare_strike"},
    {"chiefs_pressure": "order_attack_plans"},
)
"""Ways into the strike: no earlier order, or each earlier order to ready the forces."""


def _words(shown) -> str:
    return " ".join(" ".join(shown.situation).split())


def _at_landing_order(cmc, picks):
    """The first random Kennedy game with ``picks`` that reaches the landing decision of
    28 October with Moscow neither falling silent nor taking its missiles out: its state."""
    _, state = first_seed(
        cmc,
        "kennedy",
        "landing_order",
        lambda st: "withdrawn_under_fire" not in st.flags and "silence_answer" not in st.chosen,
        picks=picks,
        opponent="random",
        events="chaos",
    )
    return state


def _landed_epilogue(cmc, state) -> str:
    """The force landed from ``state``, the game played on by the first options: its ending's
    epilogue, on one line."""
    end = choose(cmc, state, "land_force").state
    while end.ending is None:
        ids = [o.id for o in offered(cmc.decision(end.pending), end)]
        end = choose(cmc, end, ids[0]).state
    return " ".join(ending_told(cmc, end).epilogue.split())


def test_no_option_lands_troops_the_day_after_the_strike(cmc):
    """At 'After the bombs' (23 October) every option, on every path into it, leaves no troops
    ashore, and the force readied before the strike is told as not ready to land."""
    for earlier in READIED_BEFORE:
        for key, option in earlier.items():
            assert cmc.option(key, option), earlier
        for opponent in ("random", "hawk", "historical"):
            _, state = first_seed(
                cmc,
                "kennedy",
                "after_strike",
                picks={**earlier, **STRIKE},
                opponent=opponent,
                events="chaos",
                seeds=40,
            )
            assert all(state.chosen.get(k) == v for k, v in earlier.items()), earlier
            shown = view(cmc, state)
            assert "a week from the order" in _words(shown)
            if "strike_ready" in state.flags:
                assert "not ready to land" in _words(shown)
            assert "loaded and waiting" not in _words(shown)
            for option in offered(cmc.decision("after_strike"), state):
                after = choose(cmc, state, option.id).state
                assert "invasion" not in after.flags, (earlier, opponent, option.id)


def test_random_strike_games_land_no_troops_before_28_october(cmc):
    """In random Kennedy games that strike on 20 October, the invasion flag is first set in
    the phase of 28 October or later, never in the days right after the raids."""
    landing_day = cmc.phase_position("oct28")
    landed = 0
    for seed in range(120):
        rng = random.Random(seed)
        state, _ = walk(
            cmc,
            "kennedy",
            STRIKE,
            opponent="random",
            events="chaos",
            seed=seed,
            until="after_strike",
        )
        while state.ending is None and state.pending is not None:
            ids = [o.id for o in offered(cmc.decision(state.pending), state)]
            state = choose(cmc, state, rng.choice(ids)).state
            if "invasion" in state.flags:
                assert state.phase >= landing_day, (seed, state.chosen)
                landed += 1
                break
    assert landed, "no random strike game reached a landing"


def test_the_force_ordered_readied_is_offered_on_28_october_and_told(cmc):
    """Bombing on with the force ordered readied (and Moscow neither falling silent nor taking
    its missiles out): on 28 October the President reads of the force he ordered readied on
    23 October, and the landing he sends is told as that order's end, not as an answer to
    Moscow's silence."""
    picks = {**STRIKE, "after_strike": "ready_invasion"}
    state = _at_landing_order(cmc, picks)
    shown = view(cmc, state)
    assert shown.title == "The invasion force"
    words = _words(shown)
    assert "you ordered readied on 23 October" in words
    assert "Moscow still says nothing" not in words
    rusk = " ".join(a.argument for a in shown.advisers if "Rusk" in a.name)
    assert "not made Moscow speak" not in " ".join(rusk.split())
    epilogue = _landed_epilogue(cmc, state)
    assert "had ordered the invasion force readied" in epilogue
    assert "through Moscow's silence" not in epilogue
    assert "the invasion force ordered readied" in epilogue


FULL_ATTACK = {"response": "strike_and_invade"}
"""The full air attack of 20 October with its invasion ordered: no landing before 29 October."""


def test_the_full_attack_orders_the_landing_readied_not_made(cmc):
    """'Full air attack, then invasion' bombs and orders the invasion force readied: no troops
    are ashore after it, on either side's telling; the President reads that the landing is
    days away, and Moscow that the troops boarding ships are not ready to sail."""
    option = cmc.option("response", "strike_and_invade")
    assert not [e for e in option.effects if e.kind == "flag" and e.flag == "invasion"]
    assert "the landing is days away" in " ".join(option.result.split())
    assert "not yet ready to sail" in " ".join(option.seen_by_other.split())
    state, _ = walk(cmc, "kennedy", FULL_ATTACK, until="after_strike")
    assert state.pending == "after_strike" and "invasion" not in state.flags
    shown = view(cmc, state)
    words = _words(shown)
    assert "The invasion force you ordered on Saturday is gathering" in words
    assert "a week from the order" in words and "not ready to land" in words
    labels = {o.id: o.label for o in shown.options}
    assert labels["ready_invasion"] == "Bomb on while the invasion force gathers"
    for option in offered(cmc.decision("after_strike"), state):
        assert "invasion" not in choose(cmc, state, option.id).state.flags, option.id
    # Moscow, on the same morning, hears of bombs and of troops boarding ships, not of landings
    _, moscow = first_seed(
        cmc,
        "khrushchev",
        "answer_strike",
        lambda st: st.chosen.get("response") == "strike_and_invade",
        opponent="random",
        events="chaos",
    )
    words = _words(view(cmc, moscow))
    assert "boarding ships for a landing" in words and "ashore" not in words


def test_random_full_attack_games_land_no_troops_before_28_october(cmc):
    """In random games of both campaigns in which Washington chose the full air attack with its
    invasion, the invasion flag is first set in the phase of 28 October or later."""
    landing_day = cmc.phase_position("oct28")
    attacked = landed = 0
    for role in ("kennedy", "khrushchev"):
        for seed in range(150):
            rng = random.Random(seed)
            if role == "kennedy":
                state, _ = walk(
                    cmc,
                    role,
                    FULL_ATTACK,
                    opponent="random",
                    events="chaos",
                    seed=seed,
                    until="after_strike",
                )
            else:
                state = new_game(cmc, role, seed, "random", "chaos").state
            while state.ending is None and state.pending is not None:
                assert "invasion" not in state.flags or state.phase >= landing_day, seed
                ids = [o.id for o in offered(cmc.decision(state.pending), state)]
                state = choose(cmc, state, rng.choice(ids)).state
            if state.chosen.get("response") == "strike_and_invade":
                attacked += 1
                landed += "invasion" in state.flags
    assert attacked > 150 and landed, (attacked, landed)


def test_the_force_ordered_with_the_full_attack_lands_on_29_october_and_is_told(cmc):
    """The force ordered with the full air attack and kept gathering is offered on 28 October as
    the force ordered on 20 October (not on the 23rd), and the landing it makes is told in the
    ending as that order's end, a week after the first raids."""
    picks = {**FULL_ATTACK, "after_strike": "ready_invasion"}
    state = _at_landing_order(cmc, picks)
    assert "invasion" not in state.flags
    shown = view(cmc, state)
    assert shown.title == "The invasion force"
    words = _words(shown)
    assert "you ordered with the air attack on 20 October" in words
    assert "on 23 October" not in words
    epilogue = _landed_epilogue(cmc, state)
    assert "had ordered the invasion with the full air attack, on 20 October" in epilogue
    assert "The day after the first raids the President" not in epilogue
    links = ("a full US air attack on Cuba", "the invasion force ordered readied", "US landings")
    at = [epilogue.index(link) for link in links]
    assert at == sorted(at), epilogue


def test_a_full_attack_that_never_landed_says_so_at_the_end(cmc):
    """The full air attack whose invasion force never went ashore (the bombing halted the day
    after) ends as a strike that says so; a surgical strike's ending says nothing of it."""
    for picks, said in (
        ({**FULL_ATTACK, "after_strike": "stop_and_talk"}, True),
        ({"response": "surgical_strike", "after_strike": "stop_and_talk"}, False),
    ):
        state, _ = walk(cmc, "kennedy", picks, opponent="dove")
        assert state.ending == "strike_only" and "invasion" not in state.flags, picks
        epilogue = " ".join(ending_told(cmc, state).epilogue.split())
        assert ("ordered with the full air attack on 20 October never went" in epilogue) is said
