"""The war paths told as they were played: what each side reads after the bombing of Cuba is
halted or goes on, after Berlin is closed, after a ceasefire is offered (by whichever side
offered it), and after American warships fire on a Soviet ship. Engine-level and cheap."""

from __future__ import annotations

from helpers import WAR_WITH_LANDINGS, first_seed, walk

from game.engine import choose, ending_told, offered, view


def _halted(cmc, us_choice, until="soviet_ceasefire"):
    """A Khrushchev game in which Washington bombs, Moscow protests, Washington halts the
    bombing, Moscow closes the roads to Berlin, and Washington's answer on 26 October is
    ``us_choice``: a random Washington, the first seed that plays it so."""
    picks = {"answer_strike": "protest_and_hold", "soviet_brink": "take_berlin"}
    for seed in range(300):
        state, told = walk(cmc, "khrushchev", picks, opponent="random", seed=seed, until=until)
        if (
            state.pending == until
            and state.chosen.get("after_strike") == "stop_and_talk"
            and "invasion" not in state.flags
            and state.chosen.get("us_ceasefire", us_choice) == us_choice
        ):
            return state, told
    raise AssertionError(f"no random Washington halted the bombing and chose {us_choice}")


def _ceasefire_refused(cmc):
    """A Khrushchev game in which Moscow seeks a ceasefire and a random Washington refuses it
    with no troops landed: the first seed that plays it so, and its state at Moscow's answer."""
    return first_seed(
        cmc,
        "khrushchev",
        "soviet_ceasefire",
        lambda st: st.chosen.get("us_ceasefire") == "fight_on" and "invasion" not in st.flags,
        picks={"soviet_brink": "seek_ceasefire"},
        opponent="random",
    )


def _words(shown):
    return " ".join(" ".join(shown.situation).split())


def test_after_a_halt_the_war_is_told_as_a_halt_on_both_sides(cmc):
    """Washington halts the bombing on 23 October: Moscow's marshals read the halt (not 'a
    ceasefire offered'), Washington answers the closing of Berlin about Berlin and then keeps
    the halt (not 'Fight on'), and Moscow's 26 October decision speaks of a halt and terms,
    with no 'fighting goes on' and no 'Fight on'."""
    state, _ = _halted(cmc, "keep_halt", until="soviet_brink")
    marshals = view(cmc, state)
    assert "The American bombing stopped on 23 October" in _words(marshals)
    assert "Washington has offered a ceasefire." not in _words(marshals)
    assert "Hold back, and answer nothing yet" in {o.label for o in marshals.options}
    assert "Fight on in Cuba, and nowhere else" not in {o.label for o in marshals.options}

    state, told = _halted(cmc, "keep_halt")
    answers = [h for h in told if h.kind == "answer" and h.phase_title == "A halt, not a peace"]
    assert [h.decision.id for h in answers] == ["berlin_answer_late", "us_ceasefire"]
    berlin, halt = answers
    assert berlin.title == "Berlin cut off" and berlin.option.id in {"airlift", "armed_convoy"}
    assert halt.title == "The halt, or the bombers"
    assert halt.option.label == "Keep the halt, and wait for Moscow"
    assert "fighting goes on" not in " ".join(h.text for h in answers)
    shown = view(cmc, state)
    assert shown.title == "A halt, not a peace"
    words = _words(shown)
    assert "The American bombing stopped on 23 October" in words
    assert "The fighting over Cuba goes on" not in words
    assert "Washington offers to stop the fighting" not in words
    labels = {o.label for o in shown.options}
    assert labels == {"Take Washington's terms", "Refuse Washington's terms"}


def test_bombing_resumed_after_a_halt_is_told_to_moscow(cmc):
    """Washington ends its halt on 26 October: Moscow is told the bombers are back and the
    offer withdrawn, and is offered no ceasefire to accept, only to ask for one or fight."""
    state, told = _halted(cmc, "resume_bombing")
    resumed = next(h for h in told if h.decision and h.decision.id == "us_ceasefire")
    assert resumed.option.label == "Send the bombers back"
    assert "us_ceasefire_offer" not in state.flags
    assert "strike_halted" not in state.flags and "war_limited" not in state.flags
    shown = view(cmc, state)
    assert "American bombers are over Cuba again" in _words(shown)
    assert "Washington offers to stop the fighting" not in _words(shown)
    assert "accept_us_ceasefire" not in {o.id for o in shown.options}
    assert "Fight on" in {o.label for o in shown.options}


def test_kennedy_after_his_own_halt_keeps_it_or_ends_it(cmc):
    """Kennedy halts the bombing; on 26 October he is asked whether to keep the halt or send the
    bombers back, never to 'fight on', and Moscow's request for a ceasefire reads as making
    the halt one."""
    picks = {"response": "surgical_strike", "after_strike": "stop_and_talk"}
    state, told = walk(cmc, "kennedy", picks, until="us_ceasefire")
    assert state.chosen["soviet_brink"] == "seek_ceasefire"
    asked = next(h for h in told if h.decision and h.decision.id == "soviet_brink")
    assert "answers the halt" in " ".join(asked.text.split())
    shown = view(cmc, state)
    assert shown.title == "The halt, or the bombers"
    assert "The fighting has gone on for days" not in _words(shown)
    assert {o.id for o in shown.options} == {"accept_ceasefire", "resume_bombing"}
    accept = next(o for o in shown.options if o.id == "accept_ceasefire")
    assert "Make the halt a ceasefire" in accept.detail


def test_a_ship_fired_on_is_remembered_at_the_un_and_in_the_letter(cmc):
    """Kennedy has a destroyer fire on a Soviet ship on 25 October: U Thant's appeal as
    Washington hears it, the Security Council, Zorin's answer and Khrushchev's letter of 26
    October take notice of the dead sailors; on history's path none of them speaks of any."""
    fired = {"enforce_quarantine": "fire_on_ship"}
    state, told = walk(cmc, "kennedy", fired, until="un_confrontation")
    assert "Soviet sailors were killed" in _words(view(cmc, state))
    thant = next(h for h in told if h.decision and h.decision.id == "thant_appeal")
    assert "Even after the shooting at sea" in " ".join(thant.text.split())
    _, told = walk(cmc, "kennedy", fired)
    said = {h.decision.id: " ".join(h.text.split()) for h in told if h.decision}
    assert "sailors killed at sea" in said["zorin_line"]
    assert "protests the Soviet sailors killed at sea" in said["first_letter"]
    _, told = walk(cmc, "kennedy", {**fired, "un_confrontation": "quiet_un"})
    zorin = next(h for h in told if h.decision and h.decision.id == "zorin_line")
    assert "sailors killed at sea" in " ".join(zorin.text.split())
    state, told = walk(cmc, "kennedy", {}, until="un_confrontation")
    assert "sailors" not in _words(view(cmc, state))
    _, told = walk(cmc, "kennedy", {})
    said = " ".join(h.text for h in told if h.decision and h.decision.side == "ussr")
    assert "sailors" not in said and "shooting at sea" not in said


def test_a_refused_ceasefire_in_the_late_war_is_told_to_moscow(cmc):
    """Moscow refuses on 28 October, a hawkish Washington lands, Moscow asks for a ceasefire
    and Washington presses on: the Presidium's next decision says its request was not taken
    up."""
    picks = {
        "presidium_line": "hold_firm",
        "first_letter": "defiant_letter",
        "accept_deal": "refuse",
        "landings_late": "ask_ceasefire",
    }
    for seed in range(300):
        state, _ = walk(cmc, "khrushchev", picks, opponent="random", seed=seed, until="late_brink")
        if state.pending == "late_brink" and state.chosen["late_war_us"] == "press_on":
            break
    else:
        raise AssertionError("no random Washington landed late and pressed on")
    assert "request for a ceasefire" in _words(view(cmc, state))
    # and fighting on is not all it may do: it may hold where it stands and answer nothing
    assert {"fight_on", "stand_and_wait"} <= {o.id for o in view(cmc, state).options}


def test_taylor_speaks_of_men_ashore_only_after_a_landing(cmc):
    """On 26 October Taylor argues to fight on with the bombers, on every path: no troops are
    ashore yet, not even after the full air attack ordered with its invasion on 20 October,
    whose landing the plan put a week after the first raids; he never speaks of men who were
    never sent."""
    cases = (
        {"response": "surgical_strike", "after_strike": "keep_bombing"},
        {"response": "surgical_strike", "after_strike": "ready_invasion"},
        {"response": "strike_and_invade", "after_strike": "ready_invasion"},
        {"response": "strike_and_invade", "after_strike": "keep_bombing"},
    )
    for picks in cases:
        state, _ = walk(cmc, "kennedy", picks, until="us_ceasefire")
        assert state.pending == "us_ceasefire" and "invasion" not in state.flags, picks
        taylor = " ".join(a.argument for a in view(cmc, state).advisers if "Taylor" in a.name)
        assert "Keep the bombers at it" in " ".join(taylor.split()), picks
        assert "the men there" not in taylor, picks


def test_the_marshals_read_the_landings_and_the_nuclear_shot(cmc):
    """The marshals' plans of 25 October are told as the war stands then: bombs alone, even
    after the full air attack Washington ordered with an invasion, which cannot land before
    29 October. The landings and a nuclear shot at them are Moscow's to answer on 29 October,
    told as they happened."""
    for response in ("surgical_strike", "strike_and_invade"):
        _, state = first_seed(
            cmc,
            "khrushchev",
            "soviet_brink",
            lambda st, response=response: st.chosen.get("response") == response,
            opponent="random",
            events="chaos",
        )
        assert "invasion" not in state.flags, response
        words = _words(view(cmc, state))
        assert "died under American bombs" in words and "ashore" not in words, response
    _, landed = first_seed(
        cmc,
        "khrushchev",
        "landings_late",
        lambda st: "nuclear_used" in st.flags,
        opponent="random",
        events="chaos",
        seeds=2000,
    )
    words = _words(view(cmc, landed))
    assert "already been fired at the beachheads" in words
    assert "still under Moscow's control" not in words
    assert "fire_tacticals" not in {o.id for o in view(cmc, landed).options}


REFUSED = {
    "response": "surgical_strike",
    "after_strike": "keep_bombing",
    "us_ceasefire": "fight_on",
}
"""Kennedy bombs, keeps bombing, and refuses the ceasefire Moscow asked for on 25 October."""


def test_after_a_refused_ceasefire_moscow_has_more_than_fighting_on(cmc):
    """Washington refuses Moscow's request for a ceasefire: Moscow may ask again before the
    Council (and Washington then answers that), take its missiles out under fire (and the
    ending says so), hold and answer nothing, or fight on."""
    _, moscow = _ceasefire_refused(cmc)
    shown = {o.id: o.label for o in view(cmc, moscow).options}
    assert {"ask_again", "withdraw_under_fire", "stand_and_wait", "refuse_ceasefire"} <= set(shown)
    assert "Washington has answered: no ceasefire." in _words(view(cmc, moscow))

    # a random Moscow that asks again: Kennedy answers it, and his answer carries to the end
    _, state = first_seed(
        cmc,
        "kennedy",
        "second_request",
        lambda st: st.chosen.get("soviet_ceasefire") == "ask_again",
        picks=REFUSED,
        opponent="random",
    )
    state = choose(cmc, state, "accept_second").state
    while state.ending is None:
        state = choose(cmc, state, offered(cmc.decision(state.pending), state)[0].id).state
    assert state.ending == "strike_only" and "ceasefire" in state.flags
    assert "Then the guns stopped under a ceasefire." in ending_told(cmc, state).epilogue

    # taken out under fire: the ending tells it, not the raids running short of targets
    state = choose(cmc, moscow, "withdraw_under_fire").state
    while state.ending is None:
        state = choose(cmc, state, offered(cmc.decision(state.pending), state)[0].id).state
    assert state.ending == "strike_only"
    epilogue = " ".join(ending_told(cmc, state).epilogue.split())
    assert "take out whatever was left of its missiles" in epilogue
    assert "ran short of targets" not in epilogue


def test_after_the_bombers_are_sent_back_nothing_is_headed_ceasefire_or_war(cmc):
    """Kennedy halts the bombing, then sends the bombers back and so refuses Moscow's request:
    the day and Moscow's answer are headed for a halt that ended, not 'Ceasefire, or war', and
    his choice is worded as the refusal it is."""
    picks = {
        "response": "surgical_strike",
        "after_strike": "stop_and_talk",
        "us_ceasefire": "resume_bombing",
    }
    _, told = walk(cmc, "kennedy", picks)
    resumed = next(i for i, h in enumerate(told) if h.decision and h.decision.id == "us_ceasefire")
    assert told[resumed].option.label == "Refuse Moscow's ceasefire, and send the bombers back"
    later = [h for h in told[resumed:] if h.phase_title and h.kind != "event"]
    answer = next(h for h in later if h.decision.id == "soviet_ceasefire")
    assert answer.title == "The bombers are back" and answer.phase_title == "The halt ends"
    assert not [h for h in later if "Ceasefire, or war" in (h.title, h.phase_title)]


def test_with_his_offer_unanswered_kennedy_may_let_it_stand(cmc):
    """Washington offered to stop (after the raid on Turkey) and Moscow has not answered: on
    26 October the President is not left with only 'Withdraw the offer, and fight on'; he
    may let the offer stand, as Thompson argues."""
    picks = {
        "response": "surgical_strike",
        "after_strike": "ready_invasion",
        "turkey_answer": "hold_nato",
    }
    _, state = first_seed(
        cmc,
        "kennedy",
        "us_ceasefire",
        lambda st: "us_ceasefire_offer" in st.flags and "soviet_ceasefire_offer" not in st.flags,
        picks=picks,
        opponent="hawk",
        events="chaos",
    )
    shown = view(cmc, state)
    assert {o.id for o in shown.options} >= {"keep_offer", "fight_on"}
    thompson = next(a for a in shown.advisers if "Thompson" in a.name)
    assert thompson.option == "Let the offer stand, and wait for Moscow"


ANSWERS = {
    "verify_withdrawal": "the Navy checked the ships that carried the missiles home",
    "let_them_go": "stopped the bombing to let them go",
    "bomb_on": "Washington's answer was more bombs",
}
"""Washington's answers to missiles taken out under fire, and the words the ending tells each by."""


def _to_the_end(cmc, state, picks=None):
    """Play on to the ending: ``picks[decision]`` where offered, else the first option offered."""
    picks = picks or {}
    while state.ending is None:
        ids = [o.id for o in offered(cmc.decision(state.pending), state)]
        state = choose(
            cmc, state, picks.get(state.pending) if picks.get(state.pending) in ids else ids[0]
        ).state
    return state


NO_LANDING = {"landing_order": "hold_landing"}
"""Bombing on, the invasion force ready on 28 October is kept at sea."""


def test_washington_answers_missiles_taken_out_under_fire(cmc):
    """Moscow takes its missiles out under fire after a refused ceasefire: a Kennedy player
    decides what the bombers do (hold while it is watched, stop and let them go, or bomb on),
    the Presidium reads the answer, and the ending and who gained tell the answer given."""
    from game.engine.texts import told_gains

    _, state = first_seed(
        cmc,
        "kennedy",
        "withdrawal_answer",
        lambda st: st.chosen.get("soviet_ceasefire") == "withdraw_under_fire",
        picks=REFUSED,
        opponent="random",
    )
    shown = view(cmc, state)
    assert shown.title == "The missiles under fire"
    assert "Radio Moscow has announced" in _words(shown)
    assert {o.id for o in shown.options} == set(ANSWERS)
    for answer, said in ANSWERS.items():
        out = choose(cmc, state, answer)
        reasons = {c.reason for h in out.happenings for c in h.changes}
        if answer != "bomb_on":  # the bombing stopped: no floor of danger says bombs fall
            assert "American bombs are falling on Cuba" not in reasons, answer
        end = _to_the_end(cmc, out.state, NO_LANDING)
        assert ("strike_halted" in end.flags) == (answer != "bomb_on"), answer
        assert end.ending == "strike_only", answer
        epilogue = " ".join(ending_told(cmc, end).epilogue.split())
        assert said in epilogue, answer
        assert not [w for a, w in ANSWERS.items() if a != answer and w in epilogue], answer
        notes = {g.note for g in told_gains(cmc.ending(end.ending), end)}
        assert "The missiles destroyed" not in notes and "The weapons destroyed" not in notes
        # bombing on, then holding the landing: the Chiefs, not 'the hawks satisfied'
        assert ("The Chiefs say he held the invasion back" in notes) == (answer == "bomb_on")
        assert "The hawks satisfied" not in notes, answer
        assert "Destroyed, or taken home under fire" in notes
        assert ("Most destroyed, the rest watched out of Cuba" in notes) == (
            answer == "verify_withdrawal"
        )

    # Moscow played: the answer comes from the opponent, through the same decision
    _, moscow = _ceasefire_refused(cmc)
    told = choose(cmc, moscow, "withdraw_under_fire").happenings
    answer = next(h for h in told if h.decision and h.decision.id == "withdrawal_answer")
    assert answer.kind == "answer" and answer.option.id in ANSWERS
    assert answer.text == answer.option.seen_by_other


SILENCE = {
    "take_up_request": "Robert Kennedy took the request up through Dobrynin",
    "halt_and_signal": "halted the bombing on his own word",
    "press_on_silent": "when Moscow fell silent the bombing went on",
}
"""Washington's answers to Moscow's silence after a refused ceasefire, and the words the ending
tells each by."""


def test_washington_answers_moscow_s_silence_after_a_refused_ceasefire(cmc):
    """Moscow asks for a ceasefire, Washington refuses, and Moscow holds back and answers
    nothing: a Kennedy player is not passed over but decides (take up the request through
    Dobrynin, halt on his own word, or bomb on), and the ending, its chain and who gained tell
    the answer given and none of the others; after a landing he may not 'halt the bombing'.
    With Moscow played, the opponent answers through the same decision."""
    from game.engine.texts import told_gains

    _, state = first_seed(
        cmc,
        "kennedy",
        "silence_answer",
        lambda st: st.chosen.get("soviet_ceasefire") == "stand_and_wait",
        picks=REFUSED,
        opponent="random",
    )
    shown = view(cmc, state)
    assert shown.title == "Moscow says nothing more"
    assert "the Presidium has sent nothing more" in _words(shown)
    assert "American troops are still fighting" not in _words(shown)
    assert {o.id for o in shown.options} == set(SILENCE)
    for answer, said in SILENCE.items():
        end = _to_the_end(cmc, choose(cmc, state, answer).state, NO_LANDING)
        assert end.ending == "strike_only", answer
        told = ending_told(cmc, end)
        epilogue = " ".join(told.epilogue.split())
        assert said in epilogue, answer
        assert not [w for a, w in SILENCE.items() if a != answer and w in epilogue], answer
        assert "offered talks" not in epilogue, answer
        assert ("ran short of targets" in epilogue) == (answer == "press_on_silent"), answer
        assert ("Then the guns stopped under a ceasefire" in epilogue) == (
            answer == "take_up_request"
        ), answer
        notes = {g.note for g in told_gains(cmc.ending(end.ending), end)}
        assert "An attack without warning" not in notes, answer
    chain = " ".join(
        ending_told(
            cmc, _to_the_end(cmc, choose(cmc, state, "halt_and_signal").state)
        ).epilogue.split()
    )
    assert "the bombing halted on Washington's own word" in chain

    # after the full air attack with its invasion ordered, no troops are ashore yet on 26
    # October: the bombing may be halted, and pressing on is bombing on
    _, ordered = first_seed(
        cmc,
        "kennedy",
        "silence_answer",
        lambda st: st.chosen.get("soviet_ceasefire") == "stand_and_wait",
        picks={**REFUSED, "response": "strike_and_invade", "after_strike": "ready_invasion"},
        opponent="random",
    )
    shown = view(cmc, ordered)
    assert "invasion" not in ordered.flags and "the bombing goes on" in _words(shown)
    assert "fighting their way inland" not in _words(shown)
    labels = {o.id: o.label for o in shown.options}
    assert set(labels) == {"take_up_request", "halt_and_signal", "press_on_silent"}
    assert labels["press_on_silent"] == "Bomb on: silence is no answer"

    # Moscow played: holding back and answering nothing is answered by Washington's policy
    _, moscow = _ceasefire_refused(cmc)
    told = choose(cmc, moscow, "stand_and_wait").happenings
    answer = next(h for h in told if h.decision and h.decision.id == "silence_answer")
    assert answer.kind == "answer" and answer.option.id in SILENCE
    assert answer.text == answer.option.seen_by_other


LANDING = {
    "land_force": "the invasion force went ashore",
    "hold_landing": "The President kept it in Florida, and the bombers went on alone",
    "stop_bombing": "the President stopped the bombing instead",
}
"""Washington's choices when the invasion force is ready on 28 October, and the words the ending
tells each by."""


def test_after_bombing_on_the_invasion_force_is_sent_or_held_when_the_plan_allows(cmc):
    """Washington bombs on (after Moscow takes its missiles out under fire, or after Moscow
    falls silent): on 28 October, a week after the first raids as the Chiefs' plan put it, the
    President decides whether the invasion force lands. Landing plays the landings of 29 October
    on both sides and ends in an invasion that tells why it came then; holding it or stopping
    the bombing ends without one, and no text says the bombing went on after it stopped.
    With Moscow played, Washington's policy decides it."""
    from game.engine.texts import told_gains

    for picks, path in (
        ({**REFUSED, "withdrawal_answer": "bomb_on"}, ("withdrawal_answer", "bomb_on")),
        ({**REFUSED, "silence_answer": "press_on_silent"}, ("silence_answer", "press_on_silent")),
    ):
        before = "withdraw_under_fire" if path[0] == "withdrawal_answer" else "stand_and_wait"
        _, state = first_seed(
            cmc,
            "kennedy",
            "landing_order",
            lambda st, before=before: st.chosen.get("soviet_ceasefire") == before,
            picks=picks,
            opponent="random",
        )
        assert state.chosen[path[0]] == path[1]
        shown = view(cmc, state)
        assert shown.title == "The invasion force" and shown.phase_title == "The invasion force"
        words = _words(shown)
        assert "about a week after the air attack began" in words
        assert ("Moscow still says nothing" in words) == (path[0] == "silence_answer")
        assert ("taking their missiles apart" in words) == (path[0] == "withdrawal_answer")
        assert [o.id for o in shown.options] and {o.id for o in shown.options} == set(LANDING)
        for choice, said in LANDING.items():
            out = choose(cmc, state, choice)
            if choice == "land_force":
                assert "late_war" in out.state.flags and "invasion" in out.state.flags
                assert out.state.pending == "late_war_us", path
            end = _to_the_end(cmc, out.state)
            told = ending_told(cmc, end)
            epilogue = " ".join(told.epilogue.split())
            assert said in epilogue, (path, choice)
            assert not [w for c, w in LANDING.items() if c != choice and w in epilogue], choice
            if choice == "land_force":
                assert end.ending.startswith("invasion"), end.ending
                assert "about a week after the first raids" in " ".join(told.historians.split())
                assert "US landings in Cuba after a week of bombing" in epilogue
            else:
                assert end.ending == "strike_only", choice
                assert "There was no invasion" in epilogue
            if choice == "stop_bombing":
                assert "strike_halted" in end.flags
                assert "nobody could say when the bombing would end" not in epilogue
                assert "ran short of targets" not in epilogue and "offered talks" not in epilogue
            notes = {g.note for g in told_gains(cmc.ending(end.ending), end)}
            assert ("The Chiefs say he held the invasion back" in notes) == (
                choice == "hold_landing"
            ), choice

    # Moscow played: after its missiles are bombed as they are taken out, Washington's policy
    # decides on the landing, and landing puts Khrushchev before the landings with the reason
    told = []
    for seed in range(300):
        state, told = walk(
            cmc,
            "khrushchev",
            {"soviet_brink": "seek_ceasefire", "soviet_ceasefire": "withdraw_under_fire"},
            opponent="random",
            seed=seed,
            until="landings_late",
        )
        if state.chosen.get("landing_order") == "land_force" and state.pending == "landings_late":
            break
    else:
        raise AssertionError("no random Washington bombed on and landed")
    answer = next(h for h in told if h.decision and h.decision.id == "landing_order")
    assert answer.kind == "answer" and answer.text == answer.option.seen_by_other
    assert "The Americans have landed all the same" in _words(view(cmc, state))


CEASEFIRE_OR_WAR = (
    (
        {"response": "surgical_strike", "after_strike": "keep_bombing"},
        "first struck the missile sites on Monday, 22 October",
    ),
    (
        {"response": "surgical_strike", "after_strike": "ready_invasion"},
        "first struck the missile sites on Monday, 22 October",
    ),
    (
        {"response": "strike_and_invade", "after_strike": "ready_invasion"},
        "The full air attack began on Monday, 22 October",
    ),
    (
        {"response": "strike_and_invade", "after_strike": "keep_bombing"},
        "The full air attack began on Monday, 22 October",
    ),
    (
        {"response": "diplomacy", "diplomacy_next": "strike_late", "after_strike": "keep_bombing"},
        "struck the missile sites on Tuesday, 23 October",
    ),
    (
        {"response": "surgical_strike", "after_strike": "stop_and_talk"},
        "The bombing of Cuba stopped on 23 October",
    ),
)
"""Ways into "Ceasefire, or war" on 26 October, and the words that tell each: when the bombing
began, and whether it was halted."""


def test_ceasefire_or_war_says_how_long_the_bombs_have_fallen_and_that_no_one_landed(cmc):
    """On 26 October Washington reads how its war stands on its own path: bombing since Monday
    (the strike of 20 October, surgical or full), since Tuesday (the strike in the middle of
    talks), or halted on 23 October; never 'fighting for days', and no troops ashore, even
    after the full attack ordered with its invasion. Moscow's decision of the same day says
    the bombs fall and no troops have landed."""
    for picks, said in CEASEFIRE_OR_WAR:
        state, _ = walk(cmc, "kennedy", picks, until="us_ceasefire")
        assert state.pending == "us_ceasefire" and "invasion" not in state.flags, picks
        words = _words(view(cmc, state))
        assert said in words, (picks, words)
        assert "for days" not in words and "The fighting" not in words, picks
        assert not [w for _, w in CEASEFIRE_OR_WAR if w != said and w in words], picks
        if "stop_and_talk" not in picks.values():
            assert "No American troops have landed" in words, picks
    _, moscow = _ceasefire_refused(cmc)
    words = _words(view(cmc, moscow))
    assert "American bombs are still falling on Cuba" in words
    assert "no American troops have landed" in words
    assert "The fighting over Cuba goes on" not in words
    # Moscow asked nothing: Washington's going on is not told as the refusal of a request
    _, unasked = first_seed(
        cmc,
        "khrushchev",
        "soviet_ceasefire",
        lambda st: st.chosen.get("us_ceasefire") == "fight_on" and "turkey_answer" not in st.chosen,
        picks={"soviet_brink": "strategic_alert"},
        opponent="random",
    )
    words = _words(view(cmc, unasked))
    assert "Washington has decided to go on until the missiles are gone." in words
    assert "no ceasefire" not in words


def test_the_war_after_the_landings_tells_which_ceasefire_request_stands(cmc):
    """On 29 October, with troops ashore, Washington reads Moscow's request for a ceasefire as
    it stands: made that day after the landings, or made before them, refused and never
    withdrawn."""
    picks = WAR_WITH_LANDINGS
    for opponent, asked_today in (("dove", True), ("historical", False)):
        state, _ = walk(cmc, "kennedy", picks, opponent=opponent, until="late_war_us")
        assert state.pending == "late_war_us" and "soviet_ceasefire_offer" in state.flags
        assert (state.chosen["landings_late"] == "ask_ceasefire") is asked_today, opponent
        words = _words(view(cmc, state))
        assert ("Moscow has asked U Thant for a ceasefire." in words) is asked_today, words
        assert ("before the landings" in words) is not asked_today, words
