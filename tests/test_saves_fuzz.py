"""Hypothesis feeds the loader broken and hostile files: only SaveError ever escapes read_save and
resume, every error names the file (and, once the file is JSON, the field), and list_saves lists
every file whatever it holds."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import engine
from game.saves import Game, SaveError, list_saves, read_save, resume
from game.terminal import shown, unsafe

SETTINGS = settings(
    max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(max_size=80)
    | st.sampled_from(["kennedy", "historical", "chaos", "respond", "blockade", "deal", "day1"]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


def base_save(mini) -> dict:
    game = Game(mini, engine.new_game(mini, "kennedy", 3).state, player="Ann", class_code="7")
    game.choose("blockade")
    return json.loads(game.to_save().model_dump_json())


def paths_of(value, prefix=()):
    """Every path into a JSON value (keys and list positions)."""
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from paths_of(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from paths_of(v, (*prefix, i))


@st.composite
def mutated(draw, raw: dict) -> str:
    """A good save with one to three of its parts replaced, deleted or added to."""
    data = json.loads(json.dumps(raw))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(paths_of(data))))
        if not path:
            continue
        *head, last = path
        parent = data
        for p in head:
            parent = parent[p]
        how = draw(st.sampled_from(["replace", "delete", "add"]))
        if how == "delete":
            del parent[last]
        elif how == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=10))] = draw(json_values)
        else:
            parent[last] = draw(json_values)
    return json.dumps(data, ensure_ascii=draw(st.booleans()))


def check_read(path: Path, scenario, parsed: bool) -> None:
    try:
        save = read_save(path)
    except SaveError as exc:
        assert exc.problem.file == str(path)
        assert str(exc).startswith(str(path))
        if parsed:  # the file was a JSON object: the error names the field
            assert exc.problem.path, exc.problem
        return
    try:
        resume(scenario, save, str(path))
    except SaveError as exc:
        assert exc.problem.file == str(path) and exc.problem.path


@SETTINGS
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_only_raise_save_error(mini, data):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "x.json"
        path.write_bytes(data)
        check_read(path, mini, parsed=False)


@pytest.mark.slow
@SETTINGS
@given(data=st.data())
def test_mutated_saves_only_raise_save_error_naming_file_and_field(mini, data):
    text = data.draw(mutated(base_save(mini)))
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "x.json"
        path.write_text(text, "utf-8")
        check_read(path, mini, parsed=isinstance(json.loads(text), dict))


@pytest.mark.slow
@SETTINGS
@given(value=json_values)
def test_any_json_value_only_raises_save_error(mini, value):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "x.json"
        path.write_text(json.dumps(value), "utf-8")
        check_read(path, mini, parsed=isinstance(value, dict))


@settings(max_examples=60, deadline=None)
@given(files=st.lists(st.binary(max_size=300) | st.just(b"{}"), max_size=8))
def test_list_saves_lists_every_file_and_changes_none(files):
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        for i, data in enumerate(files):
            (folder / f"f{i}.json").write_bytes(data)
        rows = list_saves(folder)
        assert len(rows) == len(files)
        for i, data in enumerate(files):
            assert (folder / f"f{i}.json").read_bytes() == data


# --- hostile shapes: file names, deep nesting, byte-order marks, control characters ----------

UNSAFE_CHARS = st.sampled_from(
    "\x00\x07\x08\t\n\r\x1b\x7f\x85\x9b\u061c\u200b\u200d\u200e\u200f\u202a\u202e\u2028\u2029"
    "\u2066\u2069\ufeff"
)
hostile_text = st.text(
    alphabet=st.one_of(UNSAFE_CHARS, st.characters(codec="utf-8"), st.sampled_from("[]@=/.;")),
    max_size=30,
)


FEW = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
"""The hostile shapes: fewer examples, each aimed at one weakness."""


def no_raw_unsafe(text: str) -> bool:
    return not any(unsafe(c) for c in text)


@settings(max_examples=200, deadline=None)
@given(text=hostile_text)
def test_shown_leaves_nothing_that_acts_on_a_terminal(text):
    out = shown(text)
    assert no_raw_unsafe(out)
    if no_raw_unsafe(text):
        assert out == text  # ordinary text is left alone


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(
        hostile_text.map(lambda t: t.replace("/", "_").replace("\x00", "_")[:40] + ".json"),
        max_size=5,
        unique=True,
    )
)
def test_hostile_file_names_are_listed_escaped_and_never_changed(names):
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        written = []
        for name in names:
            if name.startswith(".") or name == "discoveries.json":
                continue  # hidden files and the discoveries are not games
            (folder / name).write_bytes(b"{")
            written.append(name)
        rows = list_saves(folder)
        assert sorted(r.path.name for r in rows) == sorted(written)
        for r in rows:
            assert no_raw_unsafe(str(r.problem)) and no_raw_unsafe(shown(r.path.name))
        for name in written:
            assert (folder / name).read_bytes() == b"{"


@settings(max_examples=40, deadline=None)
@given(depth=st.integers(1, 200_000), opener=st.sampled_from(["[", '{"a":']))
def test_deep_nesting_is_a_save_error_in_words(mini, depth, opener):
    closer = "]" if opener == "[" else "}"
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "deep.json"
        path.write_text(opener * depth + "1" + closer * depth)
        try:
            read_save(path)
        except SaveError as exc:
            assert "Recursion" not in str(exc) and len(str(exc)) < 300
        else:  # pragma: no cover - never a save
            raise AssertionError("a nested value read as a save")


@FEW
@given(data=st.data())
def test_a_byte_order_mark_changes_nothing(mini, data):
    text = data.draw(mutated(base_save(mini)))
    with tempfile.TemporaryDirectory() as d:
        plain, marked = Path(d) / "a.json", Path(d) / "b.json"
        plain.write_text(text, "utf-8")
        marked.write_bytes(b"\xef\xbb\xbf" + text.encode())
        results = []
        for path in (plain, marked):
            try:
                results.append(read_save(path).model_dump())
            except SaveError as exc:
                results.append((exc.problem.path, exc.problem.message))
        assert results[0] == results[1]


@FEW
@given(
    field=st.sampled_from(["player", "class_code", "id", "summary.date", "key"]), text=hostile_text
)
def test_control_characters_in_fields_are_named_and_never_shown_raw(mini, field, text):
    raw = base_save(mini)
    if field == "key":
        raw[text] = 1
    elif field == "summary.date":
        raw["summary"]["date"] = text
    else:
        raw[field] = text
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "x.json"
        path.write_text(json.dumps(raw, ensure_ascii=False), "utf-8")
        try:
            save = read_save(path)
        except SaveError as exc:
            assert exc.problem.path and no_raw_unsafe(str(exc.problem))
        else:
            assert no_raw_unsafe(save.player + save.class_code + save.summary.date)
