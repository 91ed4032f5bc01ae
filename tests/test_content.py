"""The shipped scenario's content, file by file: what the Kennedy campaign must hold, sources
everywhere, and none of the seed documents' errors stated as fact."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from game.content import default_scenario_dir

FOLDER = default_scenario_dir()
FILES = sorted(p.relative_to(FOLDER).as_posix() for p in FOLDER.rglob("*.toml"))
ADVISERS = {
    "lemay",
    "taylor",
    "mcnamara",
    "rfk",
    "bundy",
    "rusk",
    "stevenson",
    "sorensen",
    "thompson",
    "acheson",
    "mccone",
}


def texts(value) -> list[str]:
    """Every string inside a TOML value, except a myth's ``claim`` (the misconception itself,
    stated so that the debrief can correct it)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for k, v in value.items() if k != "claim" for t in texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in texts(v)]
    return []


@pytest.mark.parametrize("name", FILES)
def test_file_is_utf8_toml(name):
    """Each file reads as UTF-8 TOML (the loader would name it otherwise)."""
    tomllib.loads((FOLDER / name).read_text("utf-8"))


@pytest.mark.parametrize("name", FILES)
def test_no_seed_error_is_stated_as_fact(name):
    """Guards against the commonest seed errors (REFERENCE.md section 5) in any text."""
    for text in texts(tomllib.loads((FOLDER / name).read_text("utf-8"))):
        flat = " ".join(text.split())
        # The U-2 was shot down on Soviet generals' orders, not Castro's.
        assert not re.search(r"(on|by) (the )?orders? of (Fidel )?Castro", flat), flat
        # Only Strategic Air Command went to DEFCON 2.
        if "DEFCON 2" in flat and re.search(
            r"(raised|put|moved) (the )?US (military|forces)", flat
        ):
            assert "Strategic Air Command" in flat or "SAC" in flat, flat
        # Alekseyev was a KGB officer, not a journalist.
        if "Alekseyev" in flat and "journalist" in flat:
            assert re.search(r"cover|not a journalist|KGB", flat), flat
        # The nuclear deployment was Khrushchev's idea.
        assert not re.search(
            r"Castro asked (Moscow|the (USSR|Soviet Union)) for (the )?(nuclear )?missiles", flat
        ), flat


@pytest.mark.parametrize("name", [f for f in FILES if f.startswith("decisions/")])
def test_decisions_file(cmc, name):
    """Every decision in the file has a sourced historical record (or says why it has none),
    advisers who exist, and at least two options."""
    data = tomllib.loads((FOLDER / name).read_text("utf-8"))
    people = {p.id for p in cmc.people}
    for raw in data["decision"]:
        d = cmc.decision(raw["id"])
        assert len(d.options) >= 2
        assert (d.history.option is None) != (d.history.none_because is None)
        if d.history.option:
            assert d.history.sources
        assert all(a.person in people for a in d.advisers)
        if d.side == "usa" and d.history.option:
            assert len(d.advisers) >= 2, f"{d.id}: a US decision needs the advisers' positions"


def test_kennedy_campaign_has_the_required_decisions(cmc):
    us = [d for d in cmc.decisions if d.side == "usa"]
    assert len(us) >= 12
    ids = {d.id for d in cmc.decisions}
    for needed in (
        "response",
        "gromyko_meeting",
        "defcon_three",
        "sac_alert",
        "enforce_quarantine",
        "un_confrontation",
        "letter_reply",
        "u2_response",
        "rfk_dobrynin",
        "verification",
        "ships_at_line",
        "accept_deal",
        "answer_strike",
        "landings_late",
        "second_letter",
        "first_letter",
    ):
        assert needed in ids, needed
    response = {o.id for o in cmc.decision("response").options}
    assert {"diplomacy", "surgical_strike", "quarantine"} <= response


def test_the_named_advisers_all_speak(cmc):
    speaking = {a.person for d in cmc.decisions for a in d.advisers}
    assert speaking >= ADVISERS, ADVISERS - speaking


def test_events_and_endings(cmc):
    chance = [e for e in cmc.events if e.chance > 0 or e.historical]
    assert len(chance) >= 4
    assert len(cmc.endings) >= 8
    assert sum(e.historical for e in cmc.endings) == 1
    dims = {d.id for d in cmc.meta.dimensions}
    for e in cmc.endings:
        for leader in ("kennedy", "khrushchev", "castro"):
            got = {g.dimension for g in e.gains if g.leader == leader}
            assert got == dims, (e.id, leader, dims - got)
    tags = {t for e in cmc.endings for t in e.tags}
    assert {"nuclear_war", "invasion", "settlement"} <= tags


def test_us_situations_do_not_know_the_tactical_warheads(cmc):
    """Kennedy did not know of the tactical warheads: no US situation text states them, except
    a note shown only once the US has learned of them."""
    for d in cmc.decisions:
        if d.side == "usa":
            assert "tactical" not in d.situation.lower(), d.id


def test_disputed_points_say_so(cmc):
    """The points REFERENCE.md marks as disputed are marked disputed in the record."""
    disputed = " ".join(e.title + " " + e.text for e in cmc.history if e.disputed).lower()
    for topic in ("scali", "b-59", "anderson"):
        assert topic in disputed, topic


def test_every_history_entry_and_myth_is_sourced(cmc):
    keys = {s.key for s in cmc.sources}
    for e in cmc.history:
        assert e.sources and set(e.sources) <= keys, e.id
    for m in cmc.myths:
        assert m.sources and set(m.sources) <= keys, m.id
    assert len(cmc.myths) >= 20 and len(cmc.glossary) >= 25


def test_sources_are_the_references_and_resolve(cmc):
    used = set()
    for d in cmc.decisions:
        used |= set(d.history.sources)
    assert used <= {s.key for s in cmc.sources}
    assert len(cmc.sources) >= 40


def test_people_of_the_kennedy_side_exist(cmc):
    people = {p.id for p in cmc.people}
    assert ADVISERS | {"kennedy", "khrushchev", "gromyko", "dobrynin", "castro"} <= people


def test_timeline_runs_from_1959(cmc):
    dates = sorted(e.date for e in cmc.history)
    assert dates[0] == "1959-01-01" and dates[-1] >= "1964-10-14"
    assert Path(FOLDER / "history.toml").is_file()


SOVIET_ADVISERS = {
    "malinovsky",
    "gromyko",
    "mikoyan",
    "kozlov",
    "dobrynin",
    "alekseyev",
    "biryuzov",
    "pliyev",
    "castro",
}


def test_khrushchev_campaign_has_its_decisions_advisers_and_endings(cmc):
    """At least 12 Soviet decision points from 1959, the named Soviet advisers and Castro all
    speak, at least 4 endings only this campaign reaches, and every shared ending says how
    Moscow saw it."""
    soviet = [d for d in cmc.decisions if d.side == "ussr"]
    assert len(soviet) >= 12
    assert min(cmc.phase_position(d.phase) for d in soviet) == 0  # from January 1959
    speaking = {a.person for d in soviet for a in d.advisers}
    assert speaking >= SOVIET_ADVISERS, SOVIET_ADVISERS - speaking
    own = [e for e in cmc.endings if e.roles == ("khrushchev",)]
    assert len(own) >= 4
    for e in cmc.endings:
        if e.plays_in("kennedy"):
            assert e.seen_from.get("ussr"), e.id


def test_every_adviser_says_how_it_stands_on_the_record(cmc):
    """Each argument is documented (with the sources that show it) or illustrative (citing
    nothing); both kinds are present, and the voices the record contradicts are gone."""
    voices = [(d.id, a.person, a) for d in cmc.decisions for a in d.advisers]
    assert all((a.basis == "documented") == bool(a.sources) for _, _, a in voices), (
        "documented needs sources, illustrative cites none"
    )
    documented = {(d, p) for d, p, a in voices if a.basis == "documented"}
    assert len(documented) >= 40 and len(documented) < len(voices)
    # voices the record shows, added where they were missing
    assert {
        ("enforce_quarantine", "george_anderson"),
        ("letter_reply", "ball"),
        ("letter_reply", "lbj"),
    } <= documented
    by = {(d, p): a for d, p, a in voices}
    # Bundy was among those who agreed the private assurance on Turkey on 27 October
    assert by[("rfk_dobrynin", "bundy")].option == "secret_jupiters"
    # no speech from Pliyev on 22 October, nor from Acheson (in Paris) at the OAS vote
    assert ("predelegation", "pliyev") not in by and ("oas_vote", "acheson") not in by
    # Gromyko did not propose Turkey: Khrushchev dictated it (Protocol 62)
    assert by[("second_letter", "gromyko")].option != "add_turkey"
    # McNamara on 27 October: the next attack must be answered, not "wait a day"
    assert "wait a day" not in by[("u2_response", "mcnamara")].argument.lower()


@pytest.mark.parametrize("name", FILES)
def test_texts_speak_of_history_not_of_the_project_files(name):
    """Players read these texts: they correct errors in words of their own ("some accounts
    say"), never by naming the project's seed documents or reference file."""
    for text in texts(tomllib.loads((FOLDER / name).read_text("utf-8"))):
        flat = " ".join(text.split())
        assert not re.search(r"\bseeds? ?0\d\d|\bREFERENCE(\.md)?\b|§", flat, re.I), flat
