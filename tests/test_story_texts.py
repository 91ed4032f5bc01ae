"""Texts that must follow the path chosen, and not assume history's: each test plays a path
and reads what is shown there (the helpers of test_story_paths play it)."""

from __future__ import annotations

import re

from helpers import first_seed, walk

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


PUBLIC_OFFER = {"response": "public_trade", "diplomacy_next": "late_quarantine"}
"""Kennedy offers the Jupiters in public on 20 October, then declares the quarantine."""


def test_moscow_can_take_up_a_public_jupiter_offer_at_once(cmc):
    """After Kennedy's public offer the Presidium and the first letter can take him at his
    word; the second letter is then not written again, Kennedy's answer is worded for the
    letter that took up his offer, and keeping his word leads to the public trade."""
    seed, state = first_seed(
        cmc,
        "khrushchev",
        "presidium_line",
        lambda st: "trade_public" in st.flags,
        opponent="random",
    )
    labels = {o.label for o in view(cmc, state).options}
    assert "Take Kennedy at his word on Turkey" in labels
    picks = {"presidium_line": "offer_line"}
    state, _ = walk(cmc, "khrushchev", picks, opponent="random", seed=seed, until="first_letter")
    shown = view(cmc, state)
    situation = " ".join(" ".join(shown.situation).split())
    assert "agreed to take Kennedy at his word" in situation
    assert "for a promise not to invade Cuba." not in situation  # the pledge-only line
    assert "Take up Kennedy's public offer" in {o.label for o in shown.options}
    state, _ = walk(cmc, "khrushchev", {**picks, "first_letter": "take_offer"}, "random", seed=seed)
    assert "turkey_demand" in state.flags and "second_letter" not in state.chosen
    # Washington's side: the answer is worded for the first letter that took up the offer
    games = 0
    for seed in range(400):
        picks = {**PUBLIC_OFFER, "letter_reply": "honour_trade"}
        end, told = walk(cmc, "kennedy", picks, opponent="random", seed=seed)
        if end.chosen.get("first_letter") != "take_offer":
            continue
        reply = next(h for h in told if h.decision and h.decision.id == "letter_reply")
        assert reply.title == "Moscow takes up the offer on Turkey"
        if end.chosen.get("accept_deal") == "accept_radio":
            assert end.ending == "public_trade"
        state, _ = walk(cmc, "kennedy", PUBLIC_OFFER, "random", seed=seed, until="letter_reply")
        shown = view(cmc, state)
        situation = " ".join(" ".join(shown.situation).split())
        assert "letter, last night, took up your own offer" in situation
        assert "second letter" not in situation and shown.title != "Two letters"
        games += 1
        if games >= 3:
            break
    assert games, "no random Moscow took up the offer in its first letter"


def test_a_public_offer_is_not_told_as_a_private_message(cmc):
    """After Kennedy's public offer Moscow answers 'Kennedy's public offer', not a private
    message; three days on, nothing speaks of denials or of revealing the missiles on
    television, as if the offer had not named them."""
    state, told = walk(cmc, "kennedy", {"response": "public_trade"}, until="diplomacy_next")
    answer = next(h for h in told if h.decision and h.decision.id == "answer_diplomacy")
    assert answer.title == "Kennedy's public offer"
    shown = view(cmc, state)
    situation = " ".join(" ".join(shown.situation).split())
    assert "denials" not in situation and "offered in public" in situation
    quarantine = next(o for o in shown.options if o.id == "late_quarantine")
    assert "reveal the missiles" not in quarantine.detail
    _, told = walk(cmc, "kennedy", {"response": "diplomacy"}, until="diplomacy_next")
    answer = next(h for h in told if h.decision and h.decision.id == "answer_diplomacy")
    assert answer.title == "Kennedy's private message"


def test_a_public_trade_is_no_public_victory(cmc):
    """Moscow accepts by radio after Kennedy kept his public offer on Turkey: the tension log
    does not call it a public victory for the President, nor a public retreat for Moscow."""
    picks = {**PUBLIC_OFFER, "letter_reply": "honour_trade"}
    state, told = walk(cmc, "kennedy", picks)
    assert state.chosen["accept_deal"] == "accept_radio" and state.ending == "public_trade"
    reasons = {c.reason for c in state.log}
    assert "a public victory for the President" not in reasons
    assert "a public retreat" not in reasons and "Khrushchev wins a public trade" in reasons
    answer = next(h for h in told if h.decision and h.decision.id == "accept_deal")
    assert "the missiles go, for the price the President offered in public" in {
        c.reason for c in answer.changes
    }
    state, _ = walk(cmc, "kennedy", {})  # history's path keeps history's reasons
    assert "a public victory for the President" in {c.reason for c in state.log}


def test_the_bombers_are_not_left_to_an_envoy_who_was_never_sent(cmc):
    """Moscow sent nobody to Havana after the deal: the decision on the bombers does not
    have Mikoyan already there, arguing with Castro."""
    picks = {"mikoyan_mission": "no_mission"}
    state, _ = walk(cmc, "khrushchev", picks, until="il28_bombers")
    assert state.chosen["mikoyan_mission"] == "no_mission"
    shown = view(cmc, state)
    situation = " ".join(" ".join(shown.situation).split())
    assert "Mikoyan has not yet moved him" not in situation and "no envoy" in situation
    details = " ".join(o.detail for o in shown.options)
    assert "charge Mikoyan" not in details and "Let Mikoyan win" not in details
    _, told = walk(cmc, "khrushchev", {**picks, "il28_bombers": "over_his_head"})
    bombers = next(h for h in told if h.decision and h.decision.id == "il28_bombers")
    assert "Mikoyan is told to win Castro round" not in " ".join(bombers.text.split())


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_kennedy_answers_what_gromyko_said(cmc):
    """Moscow gives Gromyko his line before he sees the President, and he speaks first: a
    Kennedy who heard a warning of war is not told that Gromyko repeated his assurances."""
    from game.engine import choose

    def warned(st):
        return st.chosen.get("gromyko_line") == "warn_war"

    _, state = first_seed(cmc, "kennedy", "gromyko_meeting", warned, opponent="random")
    situation = _flat(view(cmc, state).situation[0])
    assert "an attack on Cuba would mean war" in situation and "purely defensive" not in situation
    told = choose(cmc, state, "warn_obliquely").happenings
    result = _flat(next(h for h in told if h.kind == "decision").text)
    assert "repeats his assurances" not in result and "would mean war" in result
    # history's path keeps history's words
    state, _ = walk(cmc, "kennedy", {}, until="gromyko_meeting")
    assert "purely defensive" in _flat(view(cmc, state).situation[0])


def test_moscow_hears_kennedy_only_after_choosing_gromykos_line(cmc):
    """In the Khrushchev game the President's side of the meeting is told after the player
    has chosen what Gromyko says, and it answers that line."""
    from game.engine import choose

    state, told = walk(cmc, "khrushchev", {}, until="gromyko_line")
    assert state.pending == "gromyko_line"
    assert not [h for h in told if h.decision and h.decision.id == "gromyko_meeting"]
    out = choose(cmc, state, "warn_war")
    mine = next(h for h in out.happenings if h.kind == "decision")
    assert "Kennedy listens" not in _flat(mine.text)
    answer = next(h for h in out.happenings if h.decision and h.decision.id == "gromyko_meeting")
    said = _flat(answer.text)
    assert "Gromyko repeats that an attack on Cuba would mean war" in said
    assert "repeats his assurances" not in said


PERSON = re.compile(r"\b([Yy]ou|[Yy]our|[Yy]ours|[Ww]e|[Oo]ur|[Oo]urs|us)\b")
"""Words that speak as one side: a title both sides read must not use them."""


def test_no_title_speaks_for_one_side_to_the_other(cmc):
    """A decision's title is told to the other side with its answer (unless the decision is
    secret), and phase titles and incidents seen by both are read from both chairs: none of
    them may ask one leader's question or say "you", "we" or "our"."""
    starts = {r.side: cmc.start_position(r.id) for r in cmc.meta.roles}
    shared = []
    for d in cmc.decisions:
        others = [p for side, p in starts.items() if side != d.side]
        if d.secret or not others or cmc.phase_position(d.phase) < min(others):
            continue  # the other side never reads it
        shared += [(d.id, d.title)] + [(d.id, v.title) for v in d.variants if v.title]
    for p in cmc.meta.phases:
        shared += [(p.id, p.title)] + [(p.id, v.title) for v in p.variants if v.title]
    for e in cmc.events:
        if len(e.visible_to) > 1:
            shared += [(e.id, e.title)] + [(e.id, v.title) for v in e.variants if v.title]
    wrong = [(i, t) for i, t in shared if t.rstrip().endswith("?") or PERSON.search(t)]
    assert not wrong


def test_no_public_reply_after_handing_it_to_u_thant(cmc):
    """A Kennedy who handed the letters to U Thant has sent no public reply: the evening
    with Dobrynin does not say it has gone out, nor offer to repeat a public pledge."""
    picks = {"letter_reply": "un_mediation"}
    state, _ = walk(cmc, "kennedy", picks, until="rfk_dobrynin")
    assert state.chosen["letter_reply"] == "un_mediation"
    shown = view(cmc, state)
    situation = _flat(" ".join(shown.situation))
    assert "public reply has gone out" not in situation and "U Thant" in situation
    assert not [o for o in shown.options if "public offer" in o.detail]
    # Moscow is not told of a public pledge that was never made
    _, told = walk(cmc, "kennedy", {**picks, "rfk_dobrynin": "pledge_only"})
    answer = next(h for h in told if h.decision and h.decision.id == "rfk_dobrynin")
    assert "public offer" not in _flat(answer.text)
    state, _ = walk(cmc, "kennedy", {}, until="rfk_dobrynin")  # history's words on its path
    assert "public reply has gone out" in _flat(" ".join(view(cmc, state).situation))


def test_moscow_is_not_told_of_a_public_pledge_never_made(cmc):
    """After Kennedy answered no letter in public, Moscow's last decision does not say he
    offered his pledge in public."""
    from game.engine import texts

    def private(st):
        return st.chosen.get("letter_reply") == "un_mediation" and "us_offer" in st.flags

    _, state = first_seed(cmc, "khrushchev", "accept_deal", private, opponent="random", seeds=3000)
    d = cmc.decision("accept_deal")
    shown = _flat(" ".join(texts.decision_texts(d, offered(d, state), state).situation))
    assert "offered in public a promise" not in shown


def test_zorin_speaks_of_the_sailors_killed_at_sea_after_an_announced_treaty(cmc):
    """Moscow announced its treaty in July and an American destroyer fired on a Soviet ship on
    25 October: every answer Zorin may give that evening takes notice of the dead sailors."""
    from game.engine.texts import told_option

    picks = {"anadyr_cover": "announce_treaty"}
    _, state = first_seed(
        cmc,
        "khrushchev",
        "zorin_line",
        lambda st: {"treaty_public", "ship_fired_on"} <= st.flags,
        picks=picks,
        opponent="random",
        events="chaos",
    )
    for option in offered(cmc.decision("zorin_line"), state):
        told = told_option(option, state)
        assert "sailors" in told.result, option.id
        assert "sailors" in (told.seen_by_other or told.result), option.id
    shown = {o.id: o for o in view(cmc, state).options}
    assert "sailors" in shown["stonewall"].detail


def test_after_a_nuclear_torpedo_the_nights_decisions_know_of_it(cmc):
    """A nuclear torpedo fired at the quarantine line on the evening of 27 October: Robert
    Kennedy's meeting with Dobrynin, the Grozny at the line and Moscow's answer next morning
    all speak of it; and Moscow's answer speaks of the missile site bombed after the U-2."""
    seed, _ = first_seed(cmc, "kennedy", "torpedo_answer", events="chaos")
    for until in ("rfk_dobrynin", "grozny"):
        state, _ = walk(cmc, "kennedy", events="chaos", seed=seed, until=until)
        assert state.pending == until and "b59_torpedo" in state.flags
        assert "nuclear" in " ".join(view(cmc, state).situation[1:]), until
    _, state = first_seed(
        cmc,
        "khrushchev",
        "accept_deal",
        lambda st: "b59_torpedo" in st.flags,
        opponent="random",
        events="chaos",
    )
    assert "fired its nuclear torpedo" in " ".join(" ".join(view(cmc, state).situation).split())
    _, state = first_seed(
        cmc, "khrushchev", "accept_deal", lambda st: "sam_struck" in st.flags, opponent="random"
    )
    assert "destroyed the missile site" in " ".join(" ".join(view(cmc, state).situation).split())


def test_moscows_answer_remembers_a_ship_fired_on(cmc):
    """Where American warships fired on a Soviet ship at the line, Moscow's answer on Sunday
    says so; where none was fired on, it does not."""
    note = "fired on one of our freighters"
    _, state = first_seed(
        cmc,
        "khrushchev",
        "accept_deal",
        lambda st: "ship_fired_on" in st.flags,
        picks={"ships_at_line": "run_line"},
        opponent="random",
        events="chaos",
    )
    said = " ".join(" ".join(view(cmc, state).situation).split())
    assert note in said
    state, _ = walk(cmc, "khrushchev", until="accept_deal")
    assert state.pending == "accept_deal" and "ship_fired_on" not in state.flags
    assert note not in " ".join(" ".join(view(cmc, state).situation).split())
