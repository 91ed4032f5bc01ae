"""The shipped scenario against the documentary record: each correction the record demands is
in the content, where a player or a teacher meets it. Every check reads the scenario as loaded,
so reverting a correction makes its test fail."""

from __future__ import annotations

import re

import pytest
from helpers import walk


def _text(*parts: str | None) -> str:
    return " ".join(" ".join(p.split()) for p in parts if p)


def _dates(cmc) -> dict[str, str]:
    return {p.id: p.date for p in cmc.meta.phases}


# 1. The IL-28 endgame: Moscow decided without Castro.


def test_il28_history_is_moscow_deciding_without_castro(cmc):
    d = cmc.decision("il28_bombers")
    assert d.history.option == "over_his_head"
    assert d.history.date == "1962-11-11"
    assert _dates(cmc)[d.phase] == "1962-11-11", "the decision is met on the day it was taken"
    note = _text(d.history.note)
    for fact in (
        "unanimous conclusion",
        "12 November",
        "Protocol 66",
        "19 November",
        "thirty days",
    ):
        assert fact in note, fact
    assert {"K2M", "PRZ"} <= set(d.history.sources)
    assert "Castro" not in _text(d.history.by)


def test_castro_gives_way_after_the_decision(cmc):
    ev = next(e for e in cmc.events if e.id == "castro_gives_way")
    assert ev.historical and _dates(cmc)[ev.phase] == "1962-11-19"
    assert ev.when.kind == "chose" and ev.when.options == ("over_his_head",)


def test_quarantine_lifted_with_a_conditional_pledge(cmc):
    d = cmc.decision("quarantine_end")
    assert d.history.option == "lift" and d.history.date == "1962-11-20"
    note = _text(d.history.note)
    assert "thirty days" in note and "conditions" in note and "joint letter" in note
    assert "JFKPC" in d.history.sources
    assert "conditions" in _text(cmc.option("quarantine_end", "lift").result)


# 2. Gromyko in the Oval Office: the oblique warning, not silence.


def test_gromyko_meeting_history_is_the_oblique_warning(cmc):
    d = cmc.decision("gromyko_meeting")
    assert d.history.option == "warn_obliquely"
    assert "4 September" in d.history.note and "GROC" in d.history.sources
    q = next(q for q in cmc.questions if q.id == "q_gromyko_silence")
    assert "4 September" in q.text and "4 September" in q.answer


# 3. Operation Anadyr's scale.

ANADYR_NUMBERS = ("24 R-12", "36", "16 R-14", "24 missiles", "50,000", "7 September", "42")


@pytest.mark.parametrize(
    "where",
    ["decision:anadyr", "entry:d1962_07_01_operation_anadyr", "term:anadyr"],
)
def test_anadyr_plan_and_what_arrived(cmc, where):
    kind, ident = where.split(":")
    if kind == "decision":
        text = _text(cmc.decision(ident).history.note)
    elif kind == "entry":
        text = _text(next(e.text for e in cmc.history if e.id == ident))
    else:
        text = _text(next(t.definition for t in cmc.glossary if t.id == ident))
    for fact in ANADYR_NUMBERS:
        assert fact in text, (where, fact)
    assert re.search(r"R-14s? (missiles )?never", text), where


def test_r12_and_r14_terms(cmc):
    terms = {t.id: _text(t.definition) for t in cmc.glossary}
    assert (
        "42 missiles were shipped" in terms["r12"]
        and "36 for combat, 6 for training" in terms["r12"]
    )
    assert "16 launchers with 24 missiles" in terms["r14"] and "never reached" in terms["r14"]
    situation = _text(cmc.decision("anadyr").situation)
    assert "16 launchers for the longer-range R-14" in situation


# 4. 9 July 1960: the "figuratively speaking" rockets.


def test_embargo_answer_accounts_for_july_1960(cmc):
    d = cmc.decision("embargo_answer")
    assert "figuratively speaking" in d.situation and "9 July" in d.situation
    assert "July" in cmc.option("embargo_answer", "trade_and_credit").detail
    assert "K60" in d.history.sources


# 5. "No guarantee" was General Sweeney on 21 October.


def test_no_guarantee_is_not_known_on_20_october(cmc):
    d = cmc.decision("response")
    assert "guarantee" not in d.situation and "Air Force has admitted" not in d.situation
    assert "21 October" in d.history.note and "Sweeney" in d.history.note
    entry = next(e for e in cmc.history if e.id == "d1962_10_21_no_guaranteed_strike")
    assert "Sweeney" in entry.text and "SWE" in entry.sources


# 7. SAC to DEFCON 2: the Joint Chiefs' order; Power's own act was the uncoded message.


def test_sac_alert_ordered_by_the_chiefs(cmc):
    d = cmc.decision("sac_alert")
    assert "Joint Chiefs" in d.history.by
    assert "Joint Chiefs" in d.situation
    assert "uncoded" in d.history.note


def test_sac_track_comes_down_in_mid_november(cmc):
    ev = next(e for e in cmc.events if e.id == "sac_stands_down")
    assert ev.historical and "1962-11-1" in _dates(cmc)[ev.phase]
    assert any(e.kind == "track" and e.track == "sac_defcon" and e.to == 3 for e in ev.effects)


# 8. Major Anderson was the only death from hostile fire, not the only death.


def test_no_text_says_only_one_american_died(cmc):
    texts = [e.epilogue for e in cmc.endings] + [e.historians for e in cmc.endings]
    texts += [p.text for e in cmc.endings for p in e.parts] + [p.text for p in cmc.ending_parts]
    for t in texts:
        assert not re.search(r"One American pilot had died", t)
    historical = next(e for e in cmc.endings if e.historical)
    parts = (*historical.parts, *(p for p in cmc.ending_parts if p.fits(historical)))
    told = [historical.epilogue, *(p.text for p in parts)]  # Anderson: a part
    assert "hostile fire" in _text(" ".join(told))


# 9. The May 1962 delegation was Rashidov's; Biryuzov was "engineer Petrov".


def test_rashidov_headed_the_delegation(cmc):
    entry = next(e for e in cmc.history if e.id == "d1962_05_02_biryuzov_mission")
    assert "Rashidov" in entry.text and "engineer" in entry.text
    assert "Rashidov" in cmc.decision("anadyr").history.note
    assert "Rashidov" in cmc.decision("anadyr").situation


# 10. The US photographed the Luna launchers; it did not know their warheads were there.


def test_tactical_term_separates_launchers_from_warheads(cmc):
    text = _text(next(t.definition for t in cmc.glossary if t.id == "tactical_nuclear_weapon"))
    assert "photographed the Luna launchers" in text
    assert "did not know that nuclear warheads for them were on the island" in text


# The missing moments: decisions where a leader really decided, and the dated record.


@pytest.mark.parametrize(
    ("decision", "side", "phase_date", "history", "date"),
    [
        ("september_warning", "usa", "1962-09-04", "draw_line", "1962-09-04"),
        ("pitsunda", "ussr", "1962-09-04", "add_tacticals", "1962-09-07"),
        ("tass_statement", "ussr", "1962-09-04", "deny_and_warn", "1962-09-11"),
        ("thant_appeal", "ussr", "1962-10-25", "accept_thant", "1962-10-25"),
        ("ships_at_line", "ussr", "1962-10-23", "turn_back", "1962-10-23"),
        ("enforce_quarantine", "usa", "1962-10-25", "let_pass", "1962-10-25"),
        ("grozny", "usa", "1962-10-27", "thant_reminder", "1962-10-27"),
        ("un_closure", "ussr", "1963-01-07", "joint_letter", "1963-01-07"),
    ],
)
def test_missing_decisions_are_in_the_calendar(cmc, decision, side, phase_date, history, date):
    d = cmc.decision(decision)
    assert d.side == side and _dates(cmc)[d.phase] == phase_date
    assert d.history.option == history and d.history.date == date
    assert d.history.sources and d.advisers
    phases = [p.date for p in cmc.meta.phases]
    assert phases == sorted(phases), "the calendar is in date order"


def test_september_moments_before_the_crisis_in_both_campaigns(cmc):
    """Kennedy's campaign starts on 16 October, so September is settled as history had it;
    the Khrushchev player meets Kennedy's warning as the other side's move, before Pitsunda."""
    sep = cmc.phase_position("y1962_sep")
    assert sep < cmc.start_position("kennedy")
    assert cmc.start_position("khrushchev") < sep
    order = [d.id for d in cmc.decisions_in(sep)]
    assert order == ["september_warning", "pitsunda", "tass_statement"]


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        ("d1961_10_21_gilpatric_speech", "Gilpatric"),
        ("d1962_07_02_raul_castro_in_moscow", "Raúl Castro"),
        ("d1962_08_30_guevara_at_pitsunda", "Guevara"),
        ("d1962_08_31_keating_charges", "Keating"),
        ("d1962_09_04_kennedy_statement", "Keating"),
        ("d1962_09_07_pitsunda_decision", "Luna"),
        ("d1962_09_11_tass_statement", "TASS"),
        ("d1962_09_13_kennedy_press_conference", "offensive military base"),
        ("d1962_10_04_indigirka", "Indigirka"),
        ("d1962_10_23_khrushchev_reply", "22 October"),
        ("d1962_10_24_kimovsk_gagarin", "Yuri Gagarin"),
        ("d1962_10_24_flag_plot", "Admiral George Anderson"),
        ("d1962_10_25_thant_appeal", "U Thant"),
        ("d1962_10_25_bucharest", "Bucharest"),
        ("d1962_10_27_grozny", "Grozny"),
        ("d1962_11_11_il28_decided", "unanimous conclusion"),
        ("d1963_01_07_joint_letter", "joint letter"),
    ],
)
def test_missing_moments_are_in_the_record(cmc, entry, words):
    e = next(x for x in cmc.history if x.id == entry)
    assert words in e.text and e.sources


# The ships at the line: decisions where a leader decided about a named ship.


def test_the_bucharest_is_kennedys_decision(cmc):
    """The first Soviet ship at the line is named, with the hail and her declared cargo, and the
    record says who wanted her boarded and that Kennedy let her pass."""
    d = cmc.decision("enforce_quarantine")
    assert "Bucharest" in d.title and "Bucharest" in d.situation and "hailed" in d.situation
    assert "Bucharest" in cmc.option("enforce_quarantine", "let_pass").label
    note = _text(d.history.note)
    for fact in ("petroleum", "McNamara recommended", "Sorensen", "not be intercepted", "Marucla"):
        assert fact in note, fact
    assert {"REC25", "MCC25", "NAVQ", "TAPES"} <= set(d.history.sources)
    assert d.history.by == "President Kennedy", "McNamara wanted her boarded (McCone's notes)"
    mcnamara = next(a for a in d.advisers if a.person == "mcnamara")
    assert mcnamara.option == "board_tanker" and mcnamara.sources == ("MCC25",)
    sorensen = next(a for a in d.advisers if a.person == "sorensen")
    assert sorensen.option == "board_tanker" and sorensen.basis == "documented" and sorensen.sources
    assert "Bucharest" in cmc.option("enforce_quarantine", "board_tanker").label


def test_the_weapons_ships_turned_back_are_named(cmc):
    d = cmc.decision("ships_at_line")
    for where in (d.situation, _text(d.history.note)):
        assert "Kimovsk" in where and "Yuri Gagarin" in where
    assert "REC24" in d.history.sources and "another hour" in _text(d.history.note)


def test_the_grozny_on_historys_path_stops_as_khrushchev_promised(cmc):
    """Kennedy meets the Grozny on the evening of 27 October, after Khrushchev's promise to
    U Thant; history's option is the 9 p.m. decision on the record, told as a promise kept."""
    d = cmc.decision("grozny")
    assert d.phase == "oct27_evening" and "REC27" in d.history.sources
    note = _text(d.history.note)
    assert "9 p.m." in note and "Robert Kennedy" in note and "no Bloc ship after" in note
    by = {a.person: a for a in d.advisers}
    assert by["rfk"].option == "let_grozny_pass" and by["rfk"].sources == ("REC27",)
    from game.engine import choose, view

    state, _ = walk(cmc, "kennedy", {}, until="grozny")
    assert state.pending == "grozny"
    shown = view(cmc, state)
    assert "promised" not in " ".join(shown.situation)
    assert any("keep out of the" in n for n in shown.situation)
    out = choose(cmc, state, "thant_reminder")
    [h] = [h for h in out.happenings if h.kind == "decision"]
    assert "Khrushchev's promise" in _text(h.text) and "dead in the water" in _text(h.text)


def test_the_grozny_after_khrushchev_refused_u_thant(cmc):
    """As Khrushchev, refusing U Thant's appeal: Washington's answer about the Grozny does not
    speak of a promise, and the note Kennedy would read says he refused."""
    state, told = walk(cmc, "khrushchev", {"thant_appeal": "reject_thant"}, until="accept_deal")
    answers = [h for h in told if h.kind == "answer" and h.decision and h.decision.id == "grozny"]
    assert answers and all("promise" not in h.text for h in answers)
    assert state.chosen["grozny"] == "thant_reminder"


def test_no_grozny_once_the_ships_run_the_line_or_after_a_strike(cmc):
    for picks in ({"ships_at_line": "run_line"},):
        state, _ = walk(cmc, "khrushchev", picks, until="accept_deal")
        assert "grozny" not in state.chosen
    state, _ = walk(cmc, "kennedy", {"response": "surgical_strike"}, until=None)
    assert state.chosen["response"] == "surgical_strike" and "grozny" not in state.chosen


def test_keating_and_dobrynin_in_septembers_texts_for_both_sides(cmc):
    """The deception, for both sides: Kennedy reads Keating's charges beside Dobrynin's assurance;
    Moscow reads them too, and that its ambassador was not told."""
    us = _text(cmc.decision("september_warning").situation)
    assert "Keating" in us and "Dobrynin" in us
    ussr = _text(cmc.decision("tass_statement").situation)
    assert "Keating" in ussr and "not been told about the missiles" in ussr
    assert "DOBR" in cmc.decision("tass_statement").history.sources


def test_the_ships_questions_and_myth_cover_the_new_decisions(cmc):
    q = next(q for q in cmc.questions if q.decision == "grozny")
    assert "U Thant" in q.answer and q.sources
    assert "Bucharest" in next(q for q in cmc.questions if q.decision == "enforce_quarantine").text
    myth = next(m for m in cmc.myths if m.id == "myth_ships_would_break_through")
    assert {"enforce_quarantine", "grozny", "ships_at_line"} <= set(myth.decisions)


def test_the_letters_of_22_and_23_october_are_in_moscows_answer(cmc):
    """Kennedy's letter of 22 October reaches the Soviet player with the speech; the record
    of Moscow's answer gives Khrushchev's reply of 23 October before the letter of 24th."""
    d = cmc.decision("answer_speech")
    assert "letter" in _text(d.situation)
    note = _text(d.history.note)
    assert "reply of 23 October" in note and "letter of 22 October" in note
    assert note.index("23 October") < note.index("letter of 24")
    assert "JFK23" in d.history.sources
    keating = next(e for e in cmc.history if e.id == "d1962_08_31_keating_charges")
    assert "KEAT" in keating.sources


def test_ships_held_at_sea_leave_the_tankers_sailing(cmc):
    """Stopping the ships where they are holds the weapons ships only, so the tankers Kennedy
    meets at the line (the Bucharest, the Grozny) are not ships Moscow had stopped."""
    o = cmc.option("ships_at_line", "stop_and_wait")
    assert "tankers" in o.detail and "tankers" in _text(o.result)
