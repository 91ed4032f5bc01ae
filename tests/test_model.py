"""The pydantic models: frozen, strict about keys, and their cross-field rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from game.model import Condition, Effect, GameState, SaveFile, Track
from game.model.problem import Problem
from game.model.rules import ChangeTrack, TrackWithin
from game.model.scenario import Option, Record
from game.model.schema import render

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "scenarios" / "scenario.schema.json"

TRACK = dict(id="danger", label="Danger", description="How close.", min=0, max=10, start=2)
OPTION = dict(id="talk", label="Talk", detail="A letter.", result="Sent.")
STATE = dict(
    scenario_id="mini",
    role="kennedy",
    opponent="historical",
    events="historical",
    seed=0,
    tracks={"danger": 2},
)
SUMMARY = dict(
    phase="day1", date="Tuesday", tracks={"danger": 2}, peak_danger=2, peak_defcon=5, divergence=0
)
SAVE = dict(
    save_version=1,
    id="game-1",
    scenario_id="mini",
    content_hash="ab",
    role="kennedy",
    opponent="historical",
    events="historical",
    seed=1,
    created="2024-01-01T00:00:00Z",
    updated="2024-01-01T00:00:00Z",
    summary=SUMMARY,
)


def error_types(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {e["type"] for e in exc.value.errors()}


BUILT = {
    "Track": (Track, TRACK, "start", 3),
    "Option": (Option, OPTION, "stance", 1),
    "GameState": (GameState, STATE, "turn", 5),
    "SaveFile": (SaveFile, SAVE, "player", "Eve"),
    "Problem": (Problem, dict(file="a.toml", message="bad"), "message", "good"),
}


@pytest.mark.parametrize("name", BUILT)
def test_models_are_frozen(name):
    """Assigning to a field of any model raises and leaves the value as it was."""
    model, data, field, value = BUILT[name]
    obj = model(**data)
    before = getattr(obj, field)
    with pytest.raises(ValidationError) as exc:
        setattr(obj, field, value)
    assert "frozen_instance" in error_types(exc)
    assert getattr(obj, field) == before


@pytest.mark.parametrize("name", BUILT)
def test_models_forbid_unknown_keys(name):
    """A misspelt key is refused rather than silently dropped."""
    model, data, _, _ = BUILT[name]
    model(**data)  # the valid data passes
    with pytest.raises(ValidationError) as exc:
        model(**data, colour="red")
    assert error_types(exc) == {"extra_forbidden"}
    assert exc.value.errors()[0]["loc"] == ("colour",)


def record(**kw):
    return Record(note="What happened.", **kw)


def test_record_takes_option_with_source_or_none_because():
    """Either a sourced historical option or a reason there is none are both valid."""
    assert record(option="blockade", sources=("DOB",)).option == "blockade"
    assert record(none_because="Never arose.").none_because == "Never arose."


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"option": "blockade", "none_because": "x", "sources": ("DOB",)}, "exactly one"),
        ({}, "exactly one"),
        ({"option": "blockade"}, "at least one source"),
    ],
    ids=["both", "neither", "option-without-source"],
)
def test_record_rejects_bad_combinations(fields, words):
    """Option and none_because are exclusive, one is required, and an option needs a source."""
    with pytest.raises(ValidationError, match=words):
        record(**fields)


def test_change_track_needs_exactly_one_of_by_or_to():
    """A track change gives `by` or `to`, never both, never neither."""
    assert ChangeTrack(kind="track", track="danger", by=-1, reason="talks").by == -1
    assert ChangeTrack(kind="track", track="danger", to=3, reason="alert").to == 3
    with pytest.raises(ValidationError, match="exactly one of 'by' or 'to'"):
        ChangeTrack(kind="track", track="danger", by=1, to=3, reason="both")
    with pytest.raises(ValidationError, match="exactly one of 'by' or 'to'"):
        ChangeTrack(kind="track", track="danger", reason="neither")


def test_change_track_rule_holds_through_the_effect_union():
    """Content reaches ChangeTrack through the Effect union; the rule still applies there."""
    effect = TypeAdapter(Effect)
    ok = effect.validate_python({"kind": "track", "track": "danger", "by": 2, "reason": "x"})
    assert isinstance(ok, ChangeTrack)
    with pytest.raises(ValidationError, match="exactly one"):
        effect.validate_python({"kind": "track", "track": "danger", "reason": "x"})
    with pytest.raises(ValidationError) as exc:
        effect.validate_python({"kind": "bogus", "track": "danger"})
    assert error_types(exc) == {"union_tag_invalid"}


def test_track_within_needs_a_bound():
    """A track condition with neither min nor max would always hold; it is refused."""
    assert TrackWithin(kind="track", track="danger", min=6).min == 6
    assert TrackWithin(kind="track", track="danger", max=1).max == 1
    with pytest.raises(ValidationError, match="give min, max or both"):
        TrackWithin(kind="track", track="danger")
    with pytest.raises(ValidationError, match="give min, max or both"):
        TypeAdapter(Condition).validate_python({"kind": "track", "track": "danger"})


@pytest.mark.parametrize("start", [0, 5, 10])
def test_track_start_inside_range_is_accepted(start):
    """Start values at either bound or between them are valid."""
    assert Track(**{**TRACK, "start": start}).start == start


@pytest.mark.parametrize("start", [-1, 11])
def test_track_start_outside_range_is_refused(start):
    """A track cannot start outside its own range."""
    with pytest.raises(ValidationError, match=rf"start {start} is outside 0\.\.10"):
        Track(**{**TRACK, "start": start})


@pytest.mark.parametrize("field", ["player", "class_code"])
@pytest.mark.parametrize("value", ["Eve", "Zoë Ødegaard", "7B", "x" * 60, ""])
def test_label_accepts_ordinary_names(field, value):
    """Names and class codes up to 60 printable characters (any script) are kept."""
    assert getattr(SaveFile(**SAVE, **{field: value}), field) == value


@pytest.mark.parametrize("field", ["player", "class_code"])
@pytest.mark.parametrize(
    "value",
    [
        "x" * 61,
        "a\x00b",
        "a\nb",
        "\x1b[31mred",
        "tab\there",
        "del\x7f",
        "rlm\u200fx",
        "alm\u061cx",
        "zw\u200bsp",
        "zwj\u200dx",
        "bom\ufeffx",
        "ls\u2028x",
        "ps\u2029x",
        "rlo\u202ex",
    ],
    ids=[
        "61-chars",
        "nul",
        "newline",
        "escape",
        "tab",
        "del",
        "RLM",
        "ALM",
        "ZWSP",
        "ZWJ",
        "BOM",
        "LS",
        "PS",
        "RLO",
    ],
)
def test_label_refuses_control_and_invisible_characters_and_long_text(field, value):
    """A player's name cannot smuggle control characters, invisible formatting (Cf), line or
    paragraph separators (Zl, Zp), or exceed 60 characters; the message is Brink's own."""
    with pytest.raises(ValidationError) as exc:
        SaveFile(**SAVE, **{field: value})
    assert error_types(exc) <= {"string_too_long", "value_error"}
    assert exc.value.errors()[0]["loc"] == (field,)
    assert "pattern" not in str(exc.value)
    if len(value) <= 60:
        assert "no control or invisible formatting characters (found U+" in str(exc.value)


@pytest.mark.parametrize("value", ["a\x85b", "\x9b31m"], ids=["NEL", "CSI"])
def test_label_refuses_c1_control_characters(value):
    """C1 controls (U+0080-U+009F, e.g. CSI U+009B) are control characters too, refused in a
    label as U+0000-U+001F and U+007F are."""
    with pytest.raises(ValidationError):
        SaveFile(**SAVE, player=value)


def test_committed_schema_matches_the_models():
    """scenarios/scenario.schema.json is what the models generate (no drift)."""
    assert SCHEMA_FILE.read_text("utf-8") == render(), (
        "scenarios/scenario.schema.json is out of date: run `python -m game.model.schema`"
    )


def test_schema_describes_every_file_with_descriptions():
    """The schema names each kind of file and carries the attribute docstrings."""
    import json

    doc = json.loads(render())
    assert {"scenario.toml", "endings.toml", "decisions/*.toml"} <= set(doc["properties"])
    option = doc["$defs"]["Option"]
    assert "forceful" in option["properties"]["stance"]["description"]
    assert option["additionalProperties"] is False


def test_schema_descriptions_are_what_pydantics_docstring_option_reads():
    """The schema's own reader of attribute docstrings finds, for every model, what pydantic's
    ``use_attribute_docstrings`` would (kept out of the models for the start's sake)."""
    from pydantic._internal._docs_extraction import extract_docstrings_from_cls

    from game.model.base import Model
    from game.model.schema import _models, attribute_docs

    for cls in _models().values():
        if not cls.__module__.startswith("game."):
            continue  # a model some test made
        theirs: dict[str, str] = {}
        for klass in reversed(cls.__mro__):
            if issubclass(klass, Model) and klass is not Model:
                theirs |= extract_docstrings_from_cls(klass, use_inspect=True)
        assert attribute_docs(cls) == theirs, cls.__name__


@pytest.mark.parametrize(
    ("field", "value", "ok"),
    [
        ("id", "a" * 64, True),
        ("id", "a" * 65, False),
        ("id", "", False),
        ("id", "Game-1", False),
        ("content_hash", "f" * 128, True),
        ("content_hash", "f" * 129, False),
        ("created", "2024-10-22T19:00:00+00:00", True),
        ("created", "٢٠٢٤-10-22T19:00:00+00:00", False),  # digits of another script
        ("created", "2024-10-22T1", False),
    ],
)
def test_save_identifiers_and_stamps(field, value, ok):
    """Ids are 1-64 of a-z, 0-9 and '-', hashes 1-128 hex digits, stamps ISO 8601 in ASCII
    digits (patterns kept simple: bounded repeats and Unicode digit classes made the save's
    validator megabytes larger)."""
    if ok:
        assert getattr(SaveFile(**{**SAVE, field: value}), field) == value
    else:
        with pytest.raises(ValidationError) as exc:
            SaveFile(**{**SAVE, field: value})
        assert exc.value.errors()[0]["loc"] == (field,)
