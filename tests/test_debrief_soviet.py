"""The debrief's bank for the Soviet campaign: at least ten questions tied to decisions the
Khrushchev player makes, each with the historians' answer and sources a student can look up, and
the myths shown first when they bear on what the class did (with no class, the file's order)."""

from __future__ import annotations

from game.debrief.questions import asked, myths

COVERED = {
    "anadyr",
    "anadyr_cover",
    "answer_speech",
    "ships_at_line",
    "second_letter",
    "u2_learned",
    "castro_letter",
    "mikoyan_mission",
    "il28_bombers",
}
"""The Soviet decisions the class should be able to discuss: Anadyr, secret or announced, the
answer to the speech, the ships, the two letters, the U-2, Castro's letter, Mikoyan's mission
and the tactical weapons, the IL-28s."""


def soviet_questions(cmc):
    return [q for q in cmc.questions if q.decision and cmc.decision(q.decision).side == "ussr"]


def test_ten_soviet_questions_with_answers_and_sources(cmc):
    qs = soviet_questions(cmc)
    assert len(qs) >= 10
    assert {q.decision for q in qs} >= COVERED
    for q in qs:
        assert len(q.answer.split()) >= 40, q.id
        assert len(q.sources) >= 2, q.id
        assert all(cmc.source(k) is not None for k in q.sources), q.id


def test_a_soviet_question_is_asked_when_a_student_made_its_decision(cmc):
    class Choice:
        def __init__(self, d, o):
            self.decision_id, self.option_id = d, o

    class Student:
        choices = (
            Choice("il28_bombers", "keep_bombers"),
            Choice("castro_letter", "nuclear_pledge"),
        )

    got = [a for a in asked(cmc, (Student(),)) if a.decision_id]
    assert {a.id for a in got} == {"q_ussr_bombers", "q_ussr_castro_letter"}
    assert all(a.count == 1 for a in got)
    first = [m.id for m in myths(cmc, (Student(),))]
    bearing = [m.id for m in cmc.myths if {"il28_bombers", "castro_letter"} & set(m.decisions)]
    assert bearing and first[: len(bearing)] == bearing
    assert [m.id for m in myths(cmc)] == [m.id for m in cmc.myths]


def test_myths_name_real_decisions_and_most_name_some(cmc):
    for m in cmc.myths:
        assert all(d in cmc.index.decision for d in m.decisions), m.id
    assert sum(1 for m in cmc.myths if m.decisions) >= 20
