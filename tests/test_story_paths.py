"""Divergent paths of the shipped scenario, each played to the point where the story must
remember what was chosen: the escalation after a strike or an invasion, war as a chain of named
acts, and the texts that must not assume history's path. Engine-level and cheap."""

from __future__ import annotations

from helpers import first_seed, walk

from game.engine import choose, ending_told, new_game, offered, peaks, view
from game.engine.simulate import simulate

LAUNCHES = {
    ("late_war_us", "strike_ussr"),
    ("soviet_brink", "launch"),
    ("soviet_ceasefire", "launch"),
    ("late_brink", "launch"),
    ("torpedo_moscow", "launch"),
}
"""Every act that launches strategic forces: the only ways into a general nuclear war."""


def test_nuclear_war_is_a_launch_not_a_danger_threshold(cmc):
    """The nuclear-war ending reads a named act (a launch), not the danger track."""
    ending = cmc.ending("nuclear_war")
    assert ending.when.kind == "flag" and ending.when.flag == "general_war"
    setters = {
        (d.id, o.id)
        for d in cmc.decisions
        for o in d.options
        for e in o.effects
        if e.kind == "flag" and e.flag == "general_war"
    }
    assert setters == LAUNCHES
    events = [
        e.id for e in cmc.events for x in e.effects if x.kind == "flag" and x.flag == "general_war"
    ]
    assert events == []
    for d_id, o_id in LAUNCHES:  # a launch puts both alert tracks at war
        tracks = {e.track: e.to for e in cmc.option(d_id, o_id).effects if e.kind == "track"}
        assert tracks["defcon"] == 1 and tracks["sac_defcon"] == 1


def test_danger_at_the_top_leaves_the_brink_to_be_played(cmc):
    """Kennedy attacks with the invasion to follow against a hawkish Moscow: danger reaches the
    top, and the game goes on to decisions of the brink and the landings instead of ending."""
    picks = {
        "response": "strike_and_invade",
        "after_strike": "ready_invasion",
        "us_ceasefire": "fight_on",
        "landing_order": "land_force",
    }
    state, _ = walk(cmc, "kennedy", picks, opponent="hawk")
    top = next(p.turn for p in state.trail if p.danger == 10)
    after = {(s.side, s.decision) for s in state.steps if s.turn > top}
    assert {("usa", "us_ceasefire"), ("ussr", "soviet_ceasefire")} <= after
    assert {("usa", "landing_order"), ("ussr", "landings_late")} <= after
    assert state.ending in {"invasion_conventional", "invasion_nuclear"}


def test_a_strike_raises_both_alerts_and_the_missiles_read_bombed(cmc):
    """After a full air attack the alert tracks follow the force and the missiles are not
    'being installed'."""
    state, _ = walk(cmc, "kennedy", {"response": "strike_and_invade"}, until="us_ceasefire")
    assert state.tracks["defcon"] <= 2 and state.tracks["sac_defcon"] <= 2
    missiles = next(t for t in view(cmc, state).tracks if t.track.id == "missiles")
    assert "bombed" in missiles.level


def test_moscow_answering_with_a_strike_on_turkey_is_answered(cmc):
    """After Moscow bombs the Jupiters, Washington decides whether NATO answers."""
    state, _ = walk(
        cmc, "kennedy", {"response": "surgical_strike"}, opponent="hawk", until="turkey_answer"
    )
    assert state.chosen["answer_strike"] == "hit_turkey"
    assert state.pending == "turkey_answer"
    assert {o.id for o in view(cmc, state).options} == {"hold_nato", "strike_bases"}


def test_after_the_invasion_order_the_calendar_runs_day_by_day_under_war_titles(cmc):
    """No jump from 20 to 25 October under "The United Nations": from the attack to the landings
    a week later each day of the war has a decision of its own, under a title that fits a war."""
    from game.engine.telling import tell_all

    picks = {
        "response": "strike_and_invade",
        "after_strike": "ready_invasion",
        "landing_order": "land_force",
    }
    out = new_game(cmc, "kennedy", 0, "hawk", "historical")
    state, titles, dates = out.state, [], set()
    while state.ending is None and state.pending is not None:
        titles.append(view(cmc, state).phase_title)
        decision = cmc.decision(state.pending)
        dates.add(cmc.meta.phases[cmc.phase_position(decision.phase)].date)
        ids = [o.id for o in offered(decision, state)]
        want = picks.get(decision.id, decision.history.option)
        out = choose(cmc, state, want if want in ids else ids[0])
        state = out.state
        titles += [t.phase_title for t in tell_all(cmc, decision.side, out.happenings)]
        dates |= {cmc.meta.phases[h.phase].date for h in out.happenings if h.kind == "answer"}
    assert state.chosen["after_strike"] == "ready_invasion" and "invasion" in state.flags
    assert "The United Nations" not in titles
    days = [f"1962-10-{d}" for d in range(22, 31) if d != 27]
    assert set(days) <= dates, sorted(dates)


def test_khrushchev_decides_what_to_do_about_the_landings(cmc):
    """A hawkish Washington attacks and lands a week later; the Khrushchev player chooses how to
    answer, with the tactical weapons (deployed in Operation Anadyr) among the choices."""
    state, _ = walk(cmc, "khrushchev", {}, opponent="hawk", until="landings_late")
    assert state.pending == "landings_late"
    assert state.chosen["response"] == "strike_and_invade"
    ids = {o.id for o in view(cmc, state).options}
    assert {"fight_conventional", "fire_tacticals", "ask_ceasefire"} <= ids
    fired, _ = walk(cmc, "khrushchev", {"landings_late": "fire_tacticals"}, opponent="hawk")
    assert "late_war_us" in fired.chosen  # Washington answers the nuclear shot


def test_a_late_invasion_is_played_on_both_sides(cmc):
    """Moscow refuses on 28 October and Kennedy attacks: the landings are answered after."""
    picks = {"no_deal": "attack_and_invade"}
    state, _ = walk(cmc, "kennedy", picks, opponent="hawk", until="late_war_us")
    assert state.pending == "late_war_us"
    assert state.chosen["landings_late"] in {"fight_conventional", "fire_tacticals"}
    assert cmc.meta.phases[state.phase].title == "The landings"


def test_khrushchev_can_refuse_or_counter_at_the_climax(cmc):
    """After holding firm all week, Moscow's answer offers more than two ways of accepting:
    refusing and countering are there whatever Washington has offered."""
    picks = {"presidium_line": "hold_firm", "first_letter": "defiant_letter"}
    state, _ = walk(cmc, "khrushchev", picks, until="accept_deal")
    assert state.pending == "accept_deal"
    ids = {o.id for o in view(cmc, state).options}
    assert {"refuse", "bargain", "accept_radio"} <= ids


def test_a_nuclear_torpedo_is_answered_and_does_not_end_the_world(cmc):
    """A torpedo fired at sea raises the danger; Washington then decides what to do, and Moscow
    after it. A submarine that surfaces ends nothing."""
    seed, state = first_seed(cmc, "kennedy", "torpedo_answer", seeds=3000, events="chaos")
    assert state.ending is None
    assert "b59_torpedo" in state.flags
    done, _ = walk(cmc, "kennedy", {"torpedo_answer": "hold_fire_sea"}, events="chaos", seed=seed)
    assert "torpedo_moscow" in done.chosen and done.ending != "nuclear_war"


def test_every_nuclear_war_is_a_chain_ending_in_a_launch(cmc):
    """In random games against random and hawkish opponents, with chance incidents, every
    nuclear war ends with a launch, at DEFCON 1: never at DEFCON 5."""
    wars = []

    def keep(state):
        if state.ending == "nuclear_war":
            wars.append(state)

    for role in ("kennedy", "khrushchev"):
        for opponent in ("random", "hawk"):
            simulate(cmc, role, "random", 150, opponent=opponent, events="chaos", keep=keep)
    assert wars, "no nuclear war at all: the test would prove nothing"
    for state in wars:
        last = state.steps[-1]
        assert (last.decision, last.option) in LAUNCHES
        assert peaks(cmc, state)[1] == 1


def test_historys_choices_against_a_hawk_are_dangerous_not_doomed(cmc):
    """History's every choice against the hawk opponent ends in nuclear war in under half of
    200 games, for each role, with chance incidents."""
    for role in ("kennedy", "khrushchev"):
        tally = simulate(cmc, role, "historical", 200, opponent="hawk", events="chaos")
        assert tally.endings["nuclear_war"] < 100
        assert max(tally.peak_danger) >= 7  # dangerous


def test_the_nuclear_war_ending_names_the_chain_of_this_game(cmc):
    """A war reached by invasion, a Soviet nuclear shot, an American answer in kind and a Soviet
    launch is told as that chain, in order, and names no incident that did not happen."""
    from game.engine.view import ending_told

    state, _ = walk(cmc, "khrushchev", {"landings_late": "fire_tacticals"}, opponent="hawk")
    assert state.chosen["late_war_us"] == "answer_in_cuba"  # the hawk answers in kind
    state, _ = walk(
        cmc,
        "khrushchev",
        {"landings_late": "fire_tacticals", "late_brink": "launch"},
        opponent="hawk",
    )
    assert state.ending == "nuclear_war"
    told = ending_told(cmc, state).epilogue
    links = [
        "a full US air attack on Cuba",
        "the invasion force ordered readied",
        "US landings in Cuba after a week of bombing",
        "Soviet tactical nuclear weapons fired at the landings",
        "a US nuclear answer on the island",
        "a Soviet launch",
    ]
    at = [told.index(link) for link in links]
    assert at == sorted(at)
    assert "torpedo" not in told and "Berlin" not in told


def test_a_modest_sugar_purchase_is_not_called_the_february_agreement(cmc):
    """After a modest purchase in February 1960, the summer's situation does not speak of an
    agreement that was never made."""
    state, _ = walk(cmc, "khrushchev", {"trade_deal": "small_deal"}, until="oil_refineries")
    text = " ".join(view(cmc, state).situation)
    assert "February agreement" not in text and "only a little sugar" in text


def test_the_aleksandrovsk_races_no_quarantine_when_none_was_declared(cmc):
    """Moscow tells Washington of the missiles; Washington answers by diplomacy, not a
    quarantine: the freighter reaches Cuba, but not 'ahead of the quarantine'."""
    state, told = walk(cmc, "khrushchev", {"gromyko_line": "disclose"}, until="zorin_line")
    assert state.chosen["response"] == "diplomacy"  # the quarantine came later, if at all
    port = [h.text for h in told if h.kind == "event" and h.title.startswith("The Aleksandrovsk")]
    assert port and all("quarantine" not in t for t in port)


def random_views(s, runs=150):
    """Every decision the player meets in random games (both roles, random and hawkish
    opponents, chance incidents): yields the decision and the player's view of it."""
    import random

    for role in ("kennedy", "khrushchev"):
        for opponent in ("random", "hawk"):
            for seed in range(runs):
                rng = random.Random(seed)
                state = new_game(s, role, seed, opponent, "chaos").state
                while state.ending is None and state.pending is not None:
                    decision = s.decision(state.pending)
                    yield decision, view(s, state)
                    option = rng.choice(offered(decision, state))
                    state = choose(s, state, option.id).state


def test_advisers_argue_only_for_what_is_offered(cmc):
    """An adviser never argues for an option the decision does not offer in that state (Ball
    urging a public trade once the Jupiters were offered in public), and names it by the
    words shown beside it."""
    seen = 0
    for _, shown in random_views(cmc):
        labels = {o.label for o in shown.options}
        for a in shown.advisers:
            assert a.option is None or a.option in labels, (shown.title, a.name, a.option)
            seen += a.option is not None
    assert seen > 1000


def test_every_decision_of_the_war_has_advisers(cmc):
    """The decisions of the war paths (decisions/war.toml) are argued like the rest: whenever
    one is reached, advisers speak, each marked documented or illustrative."""
    files = zip(cmc.decisions, cmc.origins, strict=True)
    war = {d.id for d, at in files if at.startswith("decisions/war.toml")}
    assert len(war) == 15
    reached = set()
    for decision, shown in random_views(cmc):
        if decision.id in war:
            reached.add(decision.id)
            assert shown.advisers, decision.id
            assert all(a.basis for a in shown.advisers)
    assert reached == war


def test_the_days_after_a_strike_or_an_invasion_are_not_headed_as_the_quarantine_days(cmc):
    """After an air strike or an invasion on 20 October, 22-24 October are not headed "The
    speech", "The ships at sea" or "The quarantine line": not in the turns' headers, nor in the
    date line over what happened (plain mode's ``--- date: title ---``), on either side (a
    hawkish Washington attacks the Khrushchev player)."""
    from game.engine.telling import tell_all

    quarantine_days = {"The speech", "The ships at sea", "The quarantine line"}
    games = [
        ("kennedy", "surgical_strike", "The air strike"),
        ("kennedy", "strike_and_invade", "The attack on Cuba"),
        ("khrushchev", None, "The attack on Cuba"),
    ]
    for role, response, headed in games:
        out = new_game(cmc, role, 0, "hawk", "historical")
        state, titles = out.state, []
        while state.ending is None and state.pending is not None:
            titles.append(view(cmc, state).phase_title)
            decision = cmc.decision(state.pending)
            ids = [o.id for o in offered(decision, state)]
            want = response if decision.id == "response" else decision.history.option
            out = choose(cmc, state, want if want in ids else ids[0])
            state = out.state
            titles += [t.phase_title for t in tell_all(cmc, decision.side, out.happenings)]
        assert "air_strike" in state.flags
        assert headed in titles
        assert not quarantine_days & set(titles), (role, response, titles)


def test_after_a_defiant_first_letter_nothing_treats_it_as_an_offer(cmc):
    """The Presidium holds firm and the first letter defies: Mikoyan does not call a pledge
    'the Presidium's line', no option stands by an offer never made, and Kennedy's reply
    does not treat the first letter as Moscow's real offer."""
    picks = {"presidium_line": "hold_firm", "first_letter": "defiant_letter"}
    state, _ = walk(cmc, "khrushchev", picks, until="first_letter")
    assert all("Presidium's line" not in a.argument for a in view(cmc, state).advisers)
    state, _ = walk(cmc, "khrushchev", picks, until="second_letter")
    labels = {o.label for o in view(cmc, state).options}
    assert "Stand by the first letter" not in labels and "Offer the missiles for a pledge" in labels
    state, told = walk(cmc, "khrushchev", picks, until="accept_deal")
    assert state.chosen["letter_reply"] == "accept_letter_one"
    reply = next(h.text for h in told if h.decision and h.decision.id == "letter_reply")
    assert "real offer" not in reply and "promise not to invade" in reply


def test_the_hunted_submarine_surfaces_or_fires_never_both(cmc):
    """27 October: the hunted submarine either surfaces or fires its torpedo, one condition, never
    both in one game; surfacing resolves the incident, so it adds no danger."""
    surfaced = fired = 0
    for role in ("kennedy", "khrushchev"):
        for seed in range(400):
            state, told = walk(cmc, role, {}, opponent="random", events="chaos", seed=seed)
            seen = [h for h in told if h.kind == "event" and h.event.id in {"b59", "b59_torpedo"}]
            assert len(seen) <= 1, (role, seed, [h.title for h in seen])
            assert not ({"b59", "b59_torpedo"} <= state.flags)
            for h in seen:
                if h.event.id == "b59":
                    surfaced += 1
                    assert not [c for c in h.changes if c.track == "danger"]
                    assert "surfaces" in h.text
                else:
                    fired += 1
                    assert "does not surface" in " ".join(h.text.split())
    assert surfaced > 50 and fired > 0


def test_stevenson_confronts_zorin_before_zorin_answers(cmc):
    """25 October, as the record has it: Stevenson's demand at the Security Council comes first
    and Zorin answers it, on both sides; so no 'yes or no' follows Zorin's admission, and
    Zorin's words follow what Stevenson did."""
    for role in ("kennedy", "khrushchev"):
        state, told = walk(cmc, role, {"zorin_line": "admit_and_justify"})
        order = [s.decision for s in state.steps]
        assert order.index("un_confrontation") < order.index("zorin_line"), role
        texts = [(h.decision.id, " ".join(h.text.split())) for h in told if h.decision]
        demand = next(i for i, (d, x) in enumerate(texts) if "yes or no" in x)
        admitted = next(i for i, (d, _) in enumerate(texts) if d == "zorin_line")
        assert texts[demand][0] == "un_confrontation" and demand < admitted
    state, _ = walk(cmc, "khrushchev", {}, until="zorin_line")
    assert state.chosen["un_confrontation"] == "confront_zorin"
    assert "hell freezes over" in " ".join(view(cmc, state).situation)
    _, told = walk(cmc, "kennedy", {"un_confrontation": "quiet_un"})
    zorin = next(h.text for h in told if h.decision and h.decision.id == "zorin_line")
    assert "courtroom" not in zorin and "yes or no" not in zorin


def test_an_announced_deployment_is_no_secret_afterwards(cmc):
    """Khrushchev announces the deployment (the treaty in July, or published in September): no
    text then speaks of a secret, of missiles not yet found, of admitting them or of a yes or
    no about them; Gromyko, Zorin and Stevenson speak of the missiles as announced."""
    secret = ("have not found", "The secret is out", "yes or no", "Admit the missiles")
    for picks in ({"anadyr_cover": "announce_treaty"}, {"tass_statement": "publish_treaty"}):
        state, _ = walk(cmc, "khrushchev", picks, until="gromyko_line")
        assert "treaty_public" in state.flags
        assert "announced" in " ".join(view(cmc, state).situation)
        state, told = walk(cmc, "khrushchev", picks, until="zorin_line")
        shown = view(cmc, state)
        labels = {o.label for o in shown.options}
        assert "Admit the missiles, and point to Turkey" not in labels
        assert {"Defend the treaty, and say no more", "Point to Turkey"} <= labels
        for views in (shown.situation, [o.detail for o in shown.options]):
            assert not [w for w in secret if w in " ".join(" ".join(views).split())]
        said = " ".join(" ".join(h.text.split()) for h in told)
        assert not [w for w in secret if w in said], picks
        assert "ballistic missile sites" in said  # Stevenson shows what the missiles are
    state, _ = walk(cmc, "khrushchev", {"anadyr_cover": "announce_treaty"}, until="predelegation")
    assert "secret" not in " ".join(view(cmc, state).situation)


def test_a_public_jupiter_offer_is_taken_as_already_made(cmc):
    """Kennedy offers the Jupiters in public on 20 October: Moscow's second letter holds him to
    that offer instead of demanding the trade as new, and Kennedy's answer neither offers the
    trade again nor has advisers present it as a new idea (Rusk's plan for U Thant to propose
    a trade, Bundy's 'No public trade'); keeping his word is an option."""
    picks = {"response": "public_trade", "diplomacy_next": "late_quarantine"}
    state, told = walk(cmc, "kennedy", picks, until="letter_reply")
    second = next(h for h in told if h.decision and h.decision.id == "second_letter")
    assert state.chosen["second_letter"] == "hold_to_offer"
    assert "takes him at his word" in " ".join(second.text.split())
    shown = view(cmc, state)
    labels = {o.label for o in shown.options}
    assert "Keep your word on Turkey" in labels and "Accept the public trade" not in labels
    assert "Answer the first letter, ignore the second" not in labels
    assert {a.name for a in shown.advisers}.isdisjoint({"Dean Rusk", "McGeorge Bundy"})
    situation = " ".join(" ".join(shown.situation).split())
    assert "offered in public" in situation and "In private you have said" not in situation
    assert "took up your own offer" in situation
    # Moscow's side: the Presidium and the letters remember the offer
    _, state = first_seed(
        cmc, "khrushchev", "second_letter", lambda st: "trade_public" in st.flags, opponent="random"
    )
    shown = view(cmc, state)
    assert "Add Turkey, publicly" not in {o.label for o in shown.options}
    assert "Hold Kennedy to his offer, publicly" in {o.label for o in shown.options}
    assert "Lippmann" not in " ".join(shown.situation)


def test_the_answer_to_moscow_fits_the_letters_that_came(cmc):
    """'Two letters' and 'ignore the second' only where a second letter asked for Turkey: after
    a private confirmation, a threat, or a defiant first letter, Kennedy's reply is worded for
    what Moscow sent."""
    defiant = {"presidium_line": "hold_firm", "first_letter": "defiant_letter"}
    games = [
        ({"second_letter": "repeat_offer"}, "accepts what the first letter seemed to offer"),
        ({"second_letter": "threaten"}, "accepts what the first letter seemed to offer"),
        ({**defiant, "second_letter": "repeat_offer"}, "accepts the terms of Moscow's private"),
        ({**defiant, "second_letter": "threaten"}, "offers a promise not to invade Cuba"),
        ({}, "passes over the second"),
    ]
    for picks, says in games:
        _, told = walk(cmc, "khrushchev", picks)
        reply = next(h for h in told if h.decision and h.decision.id == "letter_reply")
        text = " ".join(reply.text.split())
        assert says in text, (picks, text)
        two = picks.get("second_letter", "add_turkey") == "add_turkey"
        assert (reply.title == "Two letters") == two, (picks, reply.title)
        assert ("second" in text) == two, (picks, text)


def test_without_tactical_warheads_nobody_in_havana_asks_to_keep_them(cmc):
    """Moscow sends the missiles without the short-range nuclear weapons: in November the
    mission to Havana speaks of no such weapons for Castro to keep, nor offers to leave them;
    on history's path (the weapons sent) it does."""
    words = ("short-range", "tactical", "weapons home")

    def shown(picks):
        state, _ = walk(cmc, "khrushchev", picks, until="mikoyan_mission")
        assert state.pending == "mikoyan_mission"
        v = view(cmc, state)
        texts = [*v.situation, *(a.argument for a in v.advisers)]
        texts += [t for o in v.options for t in (o.label, o.detail or "")]
        return state, " ".join(texts), {o.id for o in v.options}

    state, text, ids = shown({"anadyr": "missiles_only", "pitsunda": "no_more"})
    assert "tactical_warheads" not in state.flags
    assert not [w for w in words if w in text], text
    assert "leave_tacticals" not in ids and "patient_no" in ids
    state, text, ids = shown({})
    assert "tactical_warheads" in state.flags
    assert all(w in text for w in words) and "leave_tacticals" in ids


def test_a_kept_quarantine_leaves_the_un_file_open(cmc):
    """Kennedy keeps the quarantine on 20 November: Moscow cannot then close the file at the UN
    with a joint letter that says the Security Council need not consider the crisis further.
    With the quarantine lifted, it does (history's path)."""
    kept, told = walk(cmc, "kennedy", {"quarantine_end": "keep"})
    assert "quarantine_kept" in kept.flags
    assert all("joint letter" not in h.text for h in told), "the UN file closed under a blockade"
    assert kept.ending == "long_blockade"
    lifted, told = walk(cmc, "kennedy", {})
    assert "quarantine_kept" not in lifted.flags
    assert any(h.kind == "answer" and "joint letter" in h.text for h in told)


def test_the_speech_of_22_october_after_kennedy_went_public(cmc):
    """Kennedy told the country on 16 October: on 22 October the speech tells what he will do,
    not "what has been found", and Moscow does not hear the discovery as news. On history's
    path the country learns of the missiles that night."""
    public, _ = walk(cmc, "kennedy", {"first_steps": "go_public"}, until="defcon_three")
    assert public.pending == "defcon_three" and "went_public" in public.flags
    text = " ".join(view(cmc, public).situation)
    assert "since your broadcast of 16 October" in text
    assert "what has been found" not in text and "nobody yet knows" not in text
    secret, _ = walk(cmc, "kennedy", {}, until="defcon_three")
    text = " ".join(view(cmc, secret).situation)
    assert "nobody yet knows what has been found" in text.replace("\n", " ")
    assert "since your broadcast" not in text
    for option in cmc.decision("defcon_three").options:
        assert "what has been found" not in (option.seen_by_other or "")


def test_without_tactical_warheads_no_one_asks_about_using_them(cmc):
    """No short-range weapons sent: the Presidium is not asked whether Pliyev may use them, and
    the landings are met without a word of weapons 'still under Moscow's control'; a Soviet
    unit cannot fire what is not there (no nuclear shot, whatever chance does)."""
    picks = {"anadyr": "missiles_only", "pitsunda": "no_more"}
    state, _ = walk(cmc, "khrushchev", picks, opponent="hawk", until="landings_late")
    assert state.pending == "landings_late" and "tactical_warheads" not in state.flags
    assert "predelegation" not in state.chosen
    shown = view(cmc, state)
    assert "still under Moscow's control" not in " ".join(shown.situation)
    assert "fire_tacticals" not in {o.id for o in shown.options}
    for seed in range(40):
        done, _ = walk(cmc, "khrushchev", picks, opponent="hawk", events="chaos", seed=seed)
        assert "nuclear_used" not in done.flags and done.ending != "invasion_nuclear"


def test_a_torpedo_fired_at_sea_is_told_in_a_peaceful_ending(cmc):
    """A nuclear torpedo that did not lead to war is told at the end, with whether Washington
    answered in kind at sea, beside what B-59 did in 1962."""
    from game.engine.view import ending_told

    seed, _ = first_seed(cmc, "kennedy", "torpedo_answer", seeds=3000, events="chaos")
    for answer, words in (
        ("hold_fire_sea", "Washington did not answer in kind"),
        ("nuclear_at_sea", "American\nnuclear depth charges answered"),
    ):
        done, _ = walk(cmc, "kennedy", {"torpedo_answer": answer}, events="chaos", seed=seed)
        assert "peace" in cmc.ending(done.ending).tags, done.ending  # Moscow disowns the shot
        told = ending_told(cmc, done)
        assert words in told.epilogue, (answer, done.ending)
        assert "B-59 surfaced on 27 October" in told.historians and "B59" in told.sources
    calm, _ = walk(cmc, "kennedy", {})
    assert "torpedo" not in ending_told(cmc, calm).epilogue


def test_the_timeline_names_choices_as_they_were_shown(cmc):
    """The ending's timeline and the list of choices name each option by the words the
    player saw (a variant's label), not the plain label written for history's path; the
    debrief names them the same way."""
    from game.debrief.students import _choices
    from game.engine.compare import report

    state, _ = walk(cmc, "khrushchev", {"anadyr_cover": "announce_treaty"})
    assert state.chosen["gromyko_line"] == "defensive_line" and state.ending
    lines = [x for row in report(cmc, state).timeline for x in row.game]
    assert "You: The forces are defensive" in lines
    assert "You: Aid to Cuba is defensive" not in lines
    chosen = {c.decision: c.chosen for c in report(cmc, state).choices}
    assert chosen["What Gromyko tells Kennedy"] == "The forces are defensive"
    assert "The forces are defensive" in {c.chosen for c in _choices(cmc, state)}
    state, _ = walk(cmc, "khrushchev", {})  # history's path keeps the plain words
    lines = [x for row in report(cmc, state).timeline for x in row.game]
    assert "You: Aid to Cuba is defensive" in lines


def test_a_random_khrushchev_usually_reaches_the_crisis(cmc):
    """Keeping the missiles at home in May is not the end of the question: it comes back in
    July, when Raúl Castro asks what Moscow will do if the Marines land, and Havana's
    distrust makes its yes dearer (a treaty, or consent under pressure), not impossible. A
    player choosing at random reaches the crisis in most games; one who says no twice, or
    takes Castro's no, ends with no crisis."""
    tally = simulate(cmc, "khrushchev", "random", 300)
    assert tally.endings["no_crisis"] < 100, tally.endings
    state, _ = walk(cmc, "khrushchev", {"anadyr": "decline"}, until="anadyr_again")
    again = cmc.decision("anadyr_again")
    low = state.model_copy(update={"tracks": {**state.tracks, "castro": 1}})
    for st in (state, low):  # trust or none, a yes is open, at a price when trust is low
        ids = {o.id for o in offered(again, st)}
        assert "keep_course" in ids and ids & {"deploy_late", "treaty_late", "press_late"}
    assert {o.id for o in offered(again, low)} == {"treaty_late", "press_late", "keep_course"}
    picks = {"anadyr": "decline", "anadyr_again": "deploy_late"}
    state, _ = walk(cmc, "khrushchev", picks, until="gromyko_line")
    assert "anadyr" in state.flags and state.pending == "gromyko_line"
    state, _ = walk(
        cmc, "khrushchev", {"anadyr": "conventional_only", "anadyr_again": "keep_course"}
    )
    assert state.ending == "no_crisis"
    told = ending_told(cmc, state)
    assert "turned the missiles down twice" in " ".join(told.epilogue.split())


def test_after_the_missile_site_is_struck_washington_s_evening_remembers_it(cmc):
    """Kennedy destroys the missile site that shot down the U-2: the afternoon's answer to
    Moscow and the evening with Dobrynin both say so (they used to read as if no American
    bomb had fallen)."""
    picks = {"u2_response": "strike_sam"}
    seed, state = first_seed(
        cmc, "kennedy", "letter_reply", lambda st: "sam_struck" in st.flags, picks=picks
    )
    assert "your aircraft destroyed the missile site" in _shown(cmc, state)
    state, _ = walk(cmc, "kennedy", picks, seed=seed, until="rfk_dobrynin")
    assert state.pending == "rfk_dobrynin"
    assert "American aircraft destroyed the missile site" in _shown(cmc, state)


def _shown(cmc, state):
    """The situation shown at the pending decision, notes included, as one line."""
    return " ".join(" ".join(view(cmc, state).situation).split())
