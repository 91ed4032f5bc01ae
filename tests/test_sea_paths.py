"""Khrushchev's paths at sea: what Moscow is told after a ship was fired on at the quarantine
line and after a submarine fired its nuclear torpedo, and how Washington answered it. Each
test plays its path (as tests/helpers.walk plays it) and reads what is shown there."""

from __future__ import annotations

from helpers import walk

from game.engine import choose, ending_told, view

RUN = {"ships_at_line": "run_line"}


def _reach(s, until, holds, hint: int, **kw):
    """The state of the first game (seed ``hint`` first, then 0, 1, ...) whose walk reaches
    ``until`` pending with ``holds``: the hint keeps the test quick, the scan keeps it true
    when content changes which seed takes the path."""
    for seed in (hint, *range(400)):
        state, _ = walk(s, "khrushchev", seed=seed, until=until, **kw)
        if state.pending == until and holds(state):
            return state
    raise AssertionError(f"no seed reached {until} as wanted")


def _fired_on(s, until: str):
    """A game in which the ships run the line, against a random Washington with incidents
    rolling, where a Soviet ship has been fired on by the time ``until`` is pending."""
    return _reach(
        s,
        until,
        lambda st: "ship_fired_on" in st.flags,
        11,
        picks=RUN,
        opponent="random",
        events="chaos",
    )


def _said(s, state) -> str:
    """The situation shown, its notes included, on one line."""
    return " ".join(" ".join(view(s, state).situation).split())


def _chose(state, decision: str) -> str | None:
    return next((x.option for x in state.steps if x.decision == decision), None)


def test_the_presidiums_line_knows_a_ship_was_fired_on(cmc):
    """After American warships fired on a Soviet ship, the Presidium's line no longer says
    that the Americans have not attacked; where no ship was fired on, it still does."""
    state = _fired_on(cmc, "presidium_line")
    said = _said(cmc, state)
    assert "it has drawn blood at sea" in said and "Sailors are dead" in said
    assert "The Americans have not attacked, but" not in said
    state, _ = walk(cmc, "khrushchev", RUN, until="presidium_line")
    assert state.pending == "presidium_line" and "ship_fired_on" not in state.flags
    said = _said(cmc, state)
    assert "The Americans have not attacked, but" in said and "drawn blood" not in said


def test_after_the_torpedo_moscow_knows_how_washington_answered(cmc):
    """Moscow's answer on Sunday, after a nuclear torpedo, says what Washington did about it:
    nuclear depth charges, submarines hunted and sunk, or its warships pulled back; and the
    night's decision about the submarine knows the hunt is on."""
    told = {
        "nuclear_at_sea": "answered with nuclear depth charges among our submarines",
        "hunt_subs": "hunting down our submarines near the line",
        "hold_fire_sea": "has not struck back for the torpedo",
    }
    for answer, hint in (("nuclear_at_sea", 24), ("hunt_subs", 136), ("hold_fire_sea", 304)):
        state = _reach(
            cmc,
            "accept_deal",
            lambda st, a=answer: _chose(st, "torpedo_answer") == a,
            hint,
            picks=RUN,
            opponent="random",
            events="chaos",
        )
        said = _said(cmc, state)
        assert "fired its nuclear torpedo" in said and told[answer] in said, answer
        assert all(told[other] not in said for other in told if other != answer)
    hunted = "turned on every Soviet submarine it can find"
    state = _reach(
        cmc,
        "torpedo_moscow",
        lambda st: _chose(st, "torpedo_answer") == "hunt_subs",
        136,
        picks=RUN,
        opponent="random",
        events="chaos",
    )
    assert hunted in _said(cmc, state)
    state = _reach(
        cmc,
        "torpedo_moscow",
        lambda st: _chose(st, "torpedo_answer") == "hold_fire_sea",
        304,
        picks=RUN,
        opponent="random",
        events="chaos",
    )
    assert hunted not in _said(cmc, state)


def test_dobrynin_cites_robert_kennedys_day_only_where_he_asked_for_it(cmc):
    """Dobrynin's documented argument (Robert Kennedy asked for an answer within a day, not in
    writing) is heard only after that evening's secret offer; after a torpedo and the pledge
    alone, with no day set, he argues from the reports of an attack instead."""

    def dobrynin(state) -> str:
        words = [a for a in view(cmc, state).advisers if "Dobrynin" in a.name]
        return " ".join(" ".join(a.argument.split()) for a in words)

    state = _reach(
        cmc,
        "accept_deal",
        lambda st: _chose(st, "rfk_dobrynin") == "pledge_only",
        24,
        picks=RUN,
        opponent="random",
        events="chaos",
    )
    said = dobrynin(state)
    assert "every report from Washington says" in said and "within a day" not in said
    state, _ = walk(cmc, "khrushchev", until="accept_deal")
    assert _chose(state, "rfk_dobrynin") == "secret_jupiters"
    said = dobrynin(state)
    assert "Robert Kennedy asked for an answer within a day" in said
    assert "every report from Washington says" not in said


def _end(s, holds, hint: int):
    """The final state of the first game (seed ``hint`` first) with the ships running the line
    against the random opponent, incidents rolling, that ``holds``."""
    for seed in (hint, *range(600)):
        state, _ = walk(s, "khrushchev", RUN, opponent="random", events="chaos", seed=seed)
        if holds(state):
            return state
    raise AssertionError("no seed ended as wanted")


def _told(s, state) -> str:
    told = ending_told(s, state)
    return " ".join(f"{told.epilogue} {told.historians}".split())


def test_a_peace_after_blood_at_sea_or_over_cuba_tells_it(cmc):
    """A peaceful ending says that Soviet sailors were killed where a ship was fired on; it
    no longer calls Anderson the one American killed over Cuba where more aircraft were shot
    down; and the secret bargain reached through bloodshed is not told as "what happened"."""
    peace = {e.id for e in cmc.endings if "peace" in e.tags}
    sailors = "Soviet sailors had been killed"
    state = _end(cmc, lambda st: st.ending in peace and "ship_fired_on" in st.flags, 11)
    assert sailors in _told(cmc, state)
    state = _end(cmc, lambda st: st.ending in peace and "sam_reprisal" in st.flags, 24)
    told = _told(cmc, state)
    assert "not the last American aircraft brought down" in told
    assert "One American pilot, Major Rudolf Anderson" not in told
    blood = {"b59_torpedo", "ship_fired_on", "sam_struck"}
    state = _end(cmc, lambda st: st.ending == "historical_settlement" and blood & st.flags, 126)
    told = _told(cmc, state)
    assert "by a bloodier road" in told and "This is what happened." not in told
    state, _ = walk(cmc, "khrushchev", RUN)  # history's answers, no blood shed
    assert state.ending == "historical_settlement" and not blood & state.flags
    told = _told(cmc, state)
    assert "This is what happened." in told and "bloodier" not in told
    assert "One American pilot, Major Rudolf Anderson" in told and sailors not in told


def test_after_the_freighters_were_let_through_the_quarantine_is_not_said_to_hold(cmc):
    """Where the ships ran the line and Washington let them all through, the Presidium's line
    and Khrushchev's letter say that the quarantine was not enforced; where the missile ships
    turned back and the tanker was let pass, the letter still finds the quarantine holding."""
    state, _ = walk(cmc, "khrushchev", RUN, until="presidium_line")
    assert _chose(state, "enforce_quarantine") == "let_through"
    said = _said(cmc, state)
    assert "let our freighters through the line untouched" in said
    assert "The quarantine is in force." not in said
    state, _ = walk(cmc, "khrushchev", RUN, until="first_letter")
    said = _said(cmc, state)
    assert "declared but not enforced" in said and "The quarantine holds." not in said
    state, _ = walk(cmc, "khrushchev", until="first_letter")
    assert _chose(state, "enforce_quarantine") == "let_pass"
    said = _said(cmc, state)
    assert "The quarantine holds." in said and "not enforced" not in said


def test_the_aleksandrovsk_turned_back_does_not_take_the_other_ships_with_it(cmc):
    """The order that turns the Aleksandrovsk back comes before the Presidium decides what the
    other ships do: its words say nothing of them, so running the line the next day does not
    contradict it."""
    picks = {"aleksandrovsk_order": "turn_home", **RUN}
    state, told = walk(cmc, "khrushchev", picks, until="answer_speech")
    said = {h.decision.id: " ".join(h.text.split()) for h in told if h.decision is not None}
    assert _chose(state, "ships_at_line") == "run_line"
    assert said["aleksandrovsk_order"].startswith("The Aleksandrovsk turns for home.")
    assert "other weapons ships" not in said["aleksandrovsk_order"]
    label = next(
        o.label for o in cmc.decision("aleksandrovsk_order").options if o.id == "turn_home"
    )
    assert "others" not in label


def test_the_u2_shot_down_after_a_ship_was_fired_on_is_not_the_first_shooting(cmc):
    """Where American warships had fired on a Soviet ship, Moscow does not think the U-2 shot
    down will look to Washington like the start of the shooting; elsewhere it still does."""
    state = _fired_on(cmc, "u2_learned")
    said = _said(cmc, state)
    assert "chosen to answer in the air" in said and "start shooting" not in said
    state, _ = walk(cmc, "khrushchev", until="u2_learned")
    assert state.pending == "u2_learned" and "ship_fired_on" not in state.flags
    said = _said(cmc, state)
    assert "chosen to start shooting" in said and "answer in the air" not in said


def test_after_the_freighters_were_let_through_u_thant_s_appeal_says_so(cmc):
    """Where the ships ran the line and Washington let them all through, U Thant's appeal does
    not say that some ships are still steaming for the line: it says they passed."""
    state, _ = walk(cmc, "khrushchev", RUN, until="thant_appeal")
    assert _chose(state, "enforce_quarantine") == "let_through"
    said = _said(cmc, state)
    assert "already passed the line" in said
    assert "still steaming for the line" not in said


def test_gromyko_does_not_say_washington_is_not_pressing_after_a_day_was_set(cmc):
    """History's path: Robert Kennedy asked for an answer within a day, so Gromyko's case for
    holding out does not begin 'If the Americans are not pressing us'."""
    state, _ = walk(cmc, "khrushchev", until="accept_deal")
    assert "answer_demanded" in state.flags
    words = " ".join(
        " ".join(a.argument.split()) for a in view(cmc, state).advisers if "Gromyko" in a.name
    )
    assert "answer within a day" in words
    assert "not pressing us" not in words


def test_a_public_ultimatum_beside_a_private_offer_is_not_told_as_offering_nothing(cmc):
    """Kennedy answers the letters with an ultimatum and his brother then makes a private offer:
    Moscow's answer on Sunday says the ultimatum offers nothing in public only, and never sets
    'offers nothing in return' beside the private offer as the whole truth."""
    state = _reach(
        cmc,
        "accept_deal",
        lambda st: (
            "us_ultimatum" in st.flags and ("jupiter_secret" in st.flags or "us_offer" in st.flags)
        ),
        0,
        opponent="random",
    )
    said = _said(cmc, state)
    assert "what it offers is said only in private" in said
    assert "offers nothing in return." not in said


AT_SEA = {
    "turn_back": "its warheads go back to the Soviet Union",
    "stop_and_wait": "already inside the line, stops where it is",
    "run_line": "docks a day late, unhailed",
}
"""The orders for the ships at sea, and the words each tells the Aleksandrovsk's fate by."""


def test_the_aleksandrovsk_that_lost_its_race_is_told_and_follows_the_ships_orders(cmc):
    """Khrushchev sends the Aleksandrovsk to port and, with incidents rolling, it does not make
    it: he is told it is still at sea, the ships' orders of 23 October say it is among them,
    and each order tells what became of it; nothing says its cargo is ashore ahead of the
    quarantine. Where it made port, none of this is said."""
    picks = {"aleksandrovsk_order": "make_port"}
    for seed in range(400):
        state, told = walk(
            cmc,
            "khrushchev",
            picks,
            opponent="random",
            events="chaos",
            seed=seed,
            until="ships_at_line",
        )
        if state.pending == "ships_at_line" and "aleksandrovsk_at_sea" in state.flags:
            break
    else:
        raise AssertionError("no game lost the Aleksandrovsk's race")
    events = {h.title: " ".join(h.text.split()) for h in told if h.kind == "event"}
    assert "The Aleksandrovsk has not made port" in events
    assert "still at sea with its nuclear warheads" in events["The Aleksandrovsk has not made port"]
    assert "The Aleksandrovsk makes port" not in events
    assert "is among them: it will not make port" in _said(cmc, state)
    for order, said in AT_SEA.items():
        result = " ".join(choose(cmc, state, order).happenings[0].text.split())
        assert said in result, order
        assert not [w for o, w in AT_SEA.items() if o != order and w in result], order

    # history's race: the port is reached and nothing speaks of a ship left at sea
    state, told = walk(cmc, "khrushchev", picks, until="ships_at_line")
    titles = [h.title for h in told if h.kind == "event"]
    assert "The Aleksandrovsk makes port" in titles
    assert "The Aleksandrovsk has not made port" not in titles
    assert "Aleksandrovsk" not in _said(cmc, state)
    result = " ".join(choose(cmc, state, "run_line").happenings[0].text.split())
    assert "Aleksandrovsk" not in result


def test_washington_never_hears_what_the_aleksandrovsk_carries(cmc):
    """A random Moscow sends the Aleksandrovsk to port and it loses its race: whatever the ships'
    orders, Washington reads them without a word of the Aleksandrovsk or its warheads, which
    the Americans did not know of."""
    seen = set()
    for seed in range(600):
        state, more = walk(
            cmc, "kennedy", opponent="random", events="chaos", seed=seed, until="enforce_quarantine"
        )
        if "aleksandrovsk_at_sea" not in state.flags:
            continue
        seen.add(_chose(state, "ships_at_line"))
        assert not [h.text for h in more if "Aleksandrovsk" in (h.text or "")], seed
        if seen >= {"stop_and_wait", "run_line", "turn_back"}:
            break
    assert seen >= {"stop_and_wait", "run_line"}, seen


FATES = (
    ({}, "historical", "aleksandrovsk", "had docked at La Isabela"),
    (
        {"aleksandrovsk_order": "turn_home"},
        "historical",
        "aleksandrovsk_back",
        "ordered home on 22 October",
    ),
    ({"ships_at_line": "turn_back"}, "chaos", "aleksandrovsk_at_sea", "turned for home with"),
    ({"ships_at_line": "run_line"}, "chaos", "aleksandrovsk_at_sea", "docked a day late"),
    ({"ships_at_line": "stop_and_wait"}, "chaos", "aleksandrovsk_at_sea", "Ordered to stop inside"),
)
"""The Aleksandrovsk's fates (Khrushchev's picks, the incidents, the flag the fate leaves) and
the words the ending tells each by."""


def test_the_ending_tells_where_the_aleksandrovsk_ended(cmc):
    """Whatever became of the Aleksandrovsk (docked on 23 October as in history, turned home on
    22 October, or lost its race and then turned back, ran on or stopped inside the line), the
    ending tells that fate and no other; off history's path, what historians think says where
    it really went, with the warheads it carried."""
    for picks, events, flag, words in FATES:
        for seed in range(200):
            state, _ = walk(cmc, "khrushchev", picks, events=events, seed=seed)
            if flag in state.flags:
                break
        else:
            raise AssertionError(f"no game left {flag} after {picks}")
        told = ending_told(cmc, state)
        epilogue = " ".join(told.epilogue.split())
        historians = " ".join(told.historians.split())
        assert words in epilogue, (picks, epilogue)
        others = [w for *_, w in FATES if w != words and w in epilogue]
        assert not others, (picks, others)
        assert ("In history the Aleksandrovsk" in historians) is (flag != "aleksandrovsk"), picks
        if flag == "aleksandrovsk":
            assert "24 for the R-14 missiles and 44 for the front cruise" in epilogue
        else:
            assert "24 nuclear warheads for the R-14 missiles and 44" in historians
