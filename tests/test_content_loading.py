"""Loading scenario folders: the mini scenario loads, and every kind of bad input becomes a
ScenarioError whose problems name the file, the path inside it and what was expected."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from game.content import ScenarioError, content_hash, load_scenario
from game.model.problem import Problem
from game.model.scenario import Scenario

DAY1 = "decisions/day1.toml"


def problems_of(folder: Path) -> list[Problem]:
    """The problems a broken folder is reported with; any other exception fails the test."""
    with pytest.raises(ScenarioError) as exc:
        load_scenario(folder)
    problems = exc.value.problems
    assert problems, "a ScenarioError must list at least one problem"
    assert all(isinstance(p, Problem) for p in problems)
    assert str(exc.value) == "\n".join(str(p) for p in problems)
    return problems


def only(problems: list[Problem], file: str) -> list[Problem]:
    return [p for p in problems if p.file == file]


# --- good input -----------------------------------------------------------------------------


def test_mini_loads_with_all_its_parts(mini: Scenario):
    """Every file of the folder ends up in the Scenario, indexed for the engine."""
    assert mini.meta.id == "mini"
    assert [d.id for d in mini.decisions] == ["respond", "moscow"]  # day1 before day2
    assert [e.id for e in mini.events] == ["incident"]
    assert {e.id for e in mini.endings} == {"war", "deal", "standoff"}
    assert {p.id for p in mini.people} == {"lemay", "kennedy", "khrushchev"}
    assert mini.source("DOB").author == "Michael Dobbs"
    assert mini.option("respond", "strike").irreversible is True
    assert [e.id for e in mini.endings_by_priority] == ["war", "deal", "standoff"]


def test_content_hash_is_sha256_hex(mini: Scenario, mini_dir: Path):
    """The loader records a 64-hex-digit SHA-256 of the folder's files."""
    assert re.fullmatch(r"[0-9a-f]{64}", mini.content_hash)
    assert mini.content_hash == content_hash(mini_dir)


def test_content_hash_depends_on_content_not_location(mini: Scenario, copy_mini: Path, edit):
    """A copy hashes the same; changing one character of one file changes the hash."""
    assert load_scenario(copy_mini).content_hash == mini.content_hash
    edit(copy_mini / "people.toml", 'bio = "A general."', 'bio = "A general!"')
    changed = load_scenario(copy_mini).content_hash
    assert changed != mini.content_hash
    assert re.fullmatch(r"[0-9a-f]{64}", changed)


def test_content_hash_covers_decision_file_names(mini: Scenario, copy_mini: Path):
    """Renaming a decisions file (same bytes) changes the hash: names are hashed too."""
    (copy_mini / "decisions" / "day2.toml").rename(copy_mini / "decisions" / "day3.toml")
    assert load_scenario(copy_mini).content_hash != mini.content_hash


def test_loads_from_a_string_path(mini: Scenario, mini_dir: Path):
    """A folder may be given as a str as well as a Path."""
    assert load_scenario(str(mini_dir)) == mini


# --- bad files ------------------------------------------------------------------------------


def test_invalid_toml_names_file_and_line(copy_mini: Path, edit):
    """A TOML syntax error is reported for its file with the line, not as a traceback."""
    edit(copy_mini / "endings.toml", 'id = "war"', 'id = "war')
    [p] = problems_of(copy_mini)
    assert p.file == "endings.toml"
    assert p.path == ""
    assert "not valid TOML" in p.message
    assert "line 2" in p.message


def test_non_utf8_bytes_are_reported(copy_mini: Path):
    """A file that is not UTF-8 is named, with the offending byte's position."""
    people = copy_mini / "people.toml"
    people.write_bytes(people.read_bytes().replace(b"Curtis", b"Curt\xffis"))
    [p] = problems_of(copy_mini)
    assert p.file == "people.toml"
    assert "not UTF-8" in p.message
    assert "byte" in p.message


def test_unknown_key_in_decision(copy_mini: Path, edit):
    """A misspelt table name (`optoin`) is an unknown key inside decision[0]."""
    edit(
        copy_mini / DAY1,
        '[[decision.option]]\nid = "blockade"',
        '[[decision.optoin]]\nid = "blockade"',
    )
    problems = only(problems_of(copy_mini), DAY1)
    unknown = [p for p in problems if p.path == "decision[0].optoin"]
    assert len(unknown) == 1
    assert "unknown key" in unknown[0].message
    assert str(unknown[0]).startswith("decisions/day1.toml: decision[0].optoin: unknown key")


def test_wrong_type(copy_mini: Path, edit):
    """stance = "high" is named by path, with what was expected and what was found."""
    edit(copy_mini / DAY1, "stance = 0", 'stance = "high"')
    problems = problems_of(copy_mini)
    [p] = [p for p in problems if p.path == "decision[0].option[0].stance"]
    assert p.file == DAY1
    assert "valid integer" in p.message
    assert "'high'" in p.message


def test_value_out_of_range(copy_mini: Path, edit):
    """stance = 3 is outside -2..2 and the limit is stated."""
    edit(copy_mini / DAY1, "stance = 0", "stance = 3")
    [p] = [p for p in problems_of(copy_mini) if p.path.endswith("stance")]
    assert p.path == "decision[0].option[0].stance"
    assert "less than or equal to 2" in p.message


def test_a_campaign_on_the_wrong_side_is_refused(copy_mini: Path, edit):
    """A role plays its leader's side: Kennedy's campaign declared for the Soviet side is a
    problem at its path, saying which side it plays."""
    edit(
        copy_mini / "scenario.toml", 'id = "kennedy"\nside = "usa"', 'id = "kennedy"\nside = "ussr"'
    )
    [p] = [p for p in problems_of(copy_mini) if p.path.startswith("role[0]")]
    assert p.file == "scenario.toml"
    assert "the kennedy campaign plays side 'usa'" in p.message


def test_missing_required_field(copy_mini: Path, edit):
    """A decision without a title is reported as a missing required field at its path."""
    edit(copy_mini / DAY1, 'title = "Respond to the photos"\n', "")
    [p] = [p for p in problems_of(copy_mini) if p.path == "decision[0].title"]
    assert p.file == DAY1
    assert p.message == "required, but missing"


def test_missing_scenario_toml(copy_mini: Path):
    """Without scenario.toml the folder is refused, naming the missing file."""
    (copy_mini / "scenario.toml").unlink()
    [p] = problems_of(copy_mini)
    assert (p.file, p.message) == ("scenario.toml", "required file is missing")


def test_missing_endings_toml(copy_mini: Path):
    """endings.toml is required too."""
    (copy_mini / "endings.toml").unlink()
    [p] = problems_of(copy_mini)
    assert (p.file, p.message) == ("endings.toml", "required file is missing")


def test_optional_files_may_be_absent(copy_mini: Path):
    """events, people and sources are optional: the folder still loads without them."""
    for name in ("events.toml", "people.toml", "sources.toml"):
        (copy_mini / name).unlink()
    s = load_scenario(copy_mini)
    assert (s.events, s.people, s.sources) == ((), (), ())


@pytest.mark.parametrize("how", ["no-folder", "empty-folder", "only-other-files"])
def test_no_decision_files(copy_mini: Path, how: str):
    """A scenario needs at least one decisions/*.toml file."""
    decisions = copy_mini / "decisions"
    shutil.rmtree(decisions)
    if how != "no-folder":
        decisions.mkdir()
    if how == "only-other-files":
        (decisions / "day1.txt").write_text("not toml", "utf-8")
    [p] = problems_of(copy_mini)
    assert p.file == "decisions/"
    assert "at least one .toml file" in p.message


def test_directory_named_like_a_decision_file(copy_mini: Path):
    """A directory called x.toml in decisions/ is reported, not crashed on."""
    (copy_mini / "decisions" / "x.toml").mkdir()
    [p] = problems_of(copy_mini)
    assert p.file == "decisions/x.toml"
    assert p.message == "not a regular file: a folder"


def test_folder_that_does_not_exist(tmp_path: Path):
    """A missing folder is one problem naming it."""
    missing = tmp_path / "nowhere"
    [p] = problems_of(missing)
    assert p.file == str(missing)
    assert p.message == "no such scenario folder"


def test_a_file_instead_of_a_folder(tmp_path: Path):
    """A path to a file is not a scenario folder either."""
    f = tmp_path / "scenario.toml"
    f.write_text('id = "x"', "utf-8")
    [p] = problems_of(f)
    assert p.message == "no such scenario folder"


def test_union_effect_with_bad_kind(copy_mini: Path, edit):
    """An effect whose kind is unknown is reported at the effect, listing the known kinds."""
    edit(
        copy_mini / DAY1,
        '{ kind = "flag", flag = "blockade" }',
        '{ kind = "flgs", flag = "blockade" }',
    )
    [p] = [p for p in problems_of(copy_mini) if "effects" in p.path]
    assert p.file == DAY1
    assert p.path == "decision[0].option[0].effects[0]"
    assert "'flgs'" in p.message
    for kind in ("track", "flag", "learn", "end"):
        assert f"'{kind}'" in p.message


def test_union_effect_without_kind(copy_mini: Path, edit):
    """An effect table with no kind at all says the discriminator is missing."""
    edit(copy_mini / DAY1, '{ kind = "flag", flag = "blockade" }', '{ flag = "blockade" }')
    [p] = [p for p in problems_of(copy_mini) if "effects" in p.path]
    assert p.path == "decision[0].option[0].effects[0]"
    assert "'kind'" in p.message


def test_unknown_key_inside_union_effect_has_exact_path(copy_mini: Path, edit):
    """The union tag is not part of the path: `effects[0].bye`, never `effects[0].track.bye`."""
    edit(copy_mini / DAY1, 'reason = "bombs fall"', 'reason = "bombs fall", bye = 2')
    [p] = [p for p in problems_of(copy_mini) if "effects" in p.path]
    assert p.file == DAY1
    assert p.path == "decision[0].option[1].effects[0].bye"
    assert "unknown key" in p.message


def test_bad_field_named_like_the_union_tag_keeps_its_name(copy_mini: Path, edit):
    """A bad `track` id inside a `kind = "track"` effect is reported at `...effects[1].track`:
    the field named like the union's tag keeps its place in the path (only the tag pydantic
    adds to the location is left out)."""
    edit(copy_mini / DAY1, 'track = "danger", by = 1', 'track = "Danger", by = 1')
    [p] = [p for p in problems_of(copy_mini) if "effects" in p.path]
    assert "'Danger'" in p.message
    assert p.path == "decision[0].option[0].effects[1].track"


def test_bad_condition_reported_at_its_when(copy_mini: Path, edit):
    """A track condition without bounds is named at the option's `when`."""
    day2 = copy_mini / "decisions" / "day2.toml"
    edit(
        day2,
        'when = { kind = "track", track = "danger", min = 6 }',
        'when = { kind = "track", track = "danger" }',
    )
    [p] = [p for p in problems_of(copy_mini) if "when" in p.path]
    assert (p.file, p.path) == ("decisions/day2.toml", "decision[0].option[2].when")
    assert "give min, max or both" in p.message


def test_record_rule_reported_at_history(copy_mini: Path, edit):
    """A history record with neither option nor none_because is named at `history`."""
    edit(copy_mini / "decisions" / "day2.toml", 'option = "withdraw"\ndate', "date")
    [p] = [p for p in problems_of(copy_mini) if "history" in p.path]
    assert p.path == "decision[0].history"
    assert "exactly one of 'option' or 'none_because'" in p.message


def test_scenario_toml_field_error(copy_mini: Path, edit):
    """A bad value in scenario.toml is named by its key and the limit it broke."""
    edit(copy_mini / "scenario.toml", "crisis_days = 2", "crisis_days = 0")
    [p] = problems_of(copy_mini)
    assert (p.file, p.path) == ("scenario.toml", "crisis_days")
    assert "greater than or equal to 1" in p.message


def test_track_start_out_of_range_in_scenario_toml(copy_mini: Path, edit):
    """The Track range rule reaches the author as `track[0]` in scenario.toml."""
    edit(copy_mini / "scenario.toml", "start = 2", "start = 20")
    [p] = problems_of(copy_mini)
    assert (p.file, p.path) == ("scenario.toml", "track[0]")
    assert "start 20 is outside 0..10" in p.message


def test_problems_from_several_files_are_all_listed(copy_mini: Path, edit):
    """Loading goes on after the first mistake, so one run lists every broken file."""
    edit(copy_mini / "endings.toml", 'id = "war"', 'id = "war')
    edit(copy_mini / "people.toml", 'bio = "A general."', 'bio = "A general."\nrank = 4')
    edit(copy_mini / DAY1, "stance = 0", 'stance = "high"')
    files = {p.file for p in problems_of(copy_mini)}
    assert {"endings.toml", "people.toml", DAY1} <= files


def test_one_mistake_in_the_only_decision_is_one_problem(copy_mini: Path, edit):
    """A single wrong value in a file's only decision gives one problem, not a second claiming
    the file has no decisions (pydantic's length check counts only the items that validated:
    the loader leaves that report out)."""
    edit(copy_mini / DAY1, "stance = 0", 'stance = "high"')
    problems = problems_of(copy_mini)
    assert [p.path for p in problems] == ["decision[0].option[0].stance"]
