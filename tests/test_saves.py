"""Save files: the format, frozen samples of every version, migrations, damaged and hostile files,
listing, resuming (also after the scenario changed) and the round trip through a save."""

from __future__ import annotations

import json
import os
import random
import re
import stat
import tracemalloc
from pathlib import Path

import pytest

from game import engine
from game.content import load_scenario
from game.model.save import MIN_SAVE_VERSION, SAVE_VERSION, SaveFile
from game.saves import (
    MAX_SAVE_BYTES,
    Game,
    SaveError,
    find_save,
    installed_scenarios,
    list_saves,
    read_save,
    resume,
    summary,
    write_save,
)
from game.saves.migrations import MIGRATIONS, MigrationError, upgrade

SAMPLES = Path(__file__).parent / "data" / "saves"
FROZEN_MINI = SAMPLES / "mini-scenario"


def sample_files() -> list[Path]:
    return sorted(SAMPLES.glob("v*/*.json"))


def new_game(scenario, seed: int = 1, **kw) -> Game:
    state = engine.new_game(scenario, "kennedy", seed, kw.pop("opponent", "historical")).state
    return Game(scenario, state, **kw)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and mtime, to prove nothing was modified or deleted."""
    return {
        p.name: (p.read_bytes() if p.is_file() else b"<dir>", p.stat().st_mtime_ns)
        for p in folder.iterdir()
    }


# --- frozen samples and migrations ------------------------------------------------------------


def test_every_shipped_version_has_frozen_samples():
    """tests/data/saves/vN/ holds samples of every version from the oldest loaded to the newest."""
    for version in range(MIN_SAVE_VERSION, SAVE_VERSION + 1):
        files = list((SAMPLES / f"v{version}").glob("*.json"))
        assert len(files) >= 3, f"no frozen samples of save version {version}"
        for f in files:
            assert json.loads(f.read_text("utf-8"))["save_version"] == version


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_frozen_sample_loads_and_replays_to_its_summary(path, cmc):
    """Each frozen sample reads, upgrades and replays; with the content it was saved against the
    replay gives exactly its summary, and with changed content it goes on in a new save."""
    save = read_save(path)
    scenario = load_scenario(FROZEN_MINI) if save.scenario_id == "mini" else cmc
    before = path.read_bytes()
    game, note = resume(scenario, save, str(path))
    if save.content_hash == scenario.content_hash:
        assert note is None
        assert summary(scenario, game.state) == save.summary
        assert tuple(game.choices) == save.choices and game.id == save.id
    else:  # the shipped story was edited since: replays as far as it can, in a new save
        assert save.scenario_id != "mini", "the frozen mini copy must never change"
        assert note and game.id != save.id
    assert path.read_bytes() == before


def test_frozen_mini_copy_is_unchanged_content():
    """The frozen scenario copy still hashes as when the mini samples were made."""
    save = read_save(SAMPLES / "v1" / "mini-deal.json")
    assert load_scenario(FROZEN_MINI).content_hash == save.content_hash


def fake_v0_to_v1(raw: dict) -> dict:
    """A made-up old format: ``name`` became ``player``, and there was no class code."""
    raw["player"] = raw.pop("name")
    raw["class_code"] = ""
    raw["save_version"] = 1
    return raw


def test_a_migration_upgrades_an_old_file_without_touching_its_argument():
    new = json.loads((SAMPLES / "v1" / "mini-deal.json").read_text("utf-8"))
    old = {k: v for k, v in new.items() if k not in ("player", "class_code")}
    old.update(save_version=0, name="Bo")
    frozen = json.dumps(old, sort_keys=True)
    up = upgrade(old, {0: fake_v0_to_v1}, target=1, oldest=0)
    assert json.dumps(old, sort_keys=True) == frozen  # pure: the input is left alone
    assert SaveFile.model_validate(up) == SaveFile.model_validate({**new, "class_code": ""})


@pytest.mark.parametrize(
    ("raw", "steps", "message"),
    [
        ({"save_version": 3}, {}, "newer than this game reads"),
        ({"save_version": -1}, {}, "older than this game reads"),
        ({"save_version": "1"}, {}, "expected a whole number"),
        ({"save_version": True}, {}, "expected a whole number"),
        ({"save_version": 0}, {}, "no upgrade from version 0"),
        ({"save_version": 0}, {0: lambda r: r}, "did not give 1"),
    ],
)
def test_upgrade_refuses_what_it_cannot_bring_up_to_date(raw, steps, message):
    with pytest.raises(MigrationError, match=message) as exc:
        upgrade(raw, steps, target=1, oldest=0)
    assert exc.value.field == "save_version"


def test_registry_covers_every_version_still_loaded():
    assert set(MIGRATIONS) == set(range(MIN_SAVE_VERSION, SAVE_VERSION))


# --- damaged and hostile files ----------------------------------------------------------------


def good_save(mini) -> SaveFile:
    game = new_game(mini, player="Ann", class_code="10B")
    game.choose("blockade")
    return game.to_save()


def good_json(mini) -> dict:
    return json.loads(good_save(mini).model_dump_json())


DAMAGED = {
    "broken.json": (b'{"save_version": 1,', "line 1 column 20", "not valid JSON"),
    "list.json": (b"[1, 2]", "(top level)", "expected a JSON object"),
    "latin1.json": ('{"player": "Zoë"}'.encode("latin-1"), "", "not UTF-8"),
    "empty.json": (b"", "line 1 column 1", "not valid JSON"),
    "deep.json": (b"[" * 100_000 + b"]" * 100_000, "(top level)", "not valid JSON"),
    "digits.json": (b'{"save_version": ' + b"9" * 5000 + b"}", "(top level)", "not valid JSON"),
    "bom.json": (b"\xef\xbb\xbf{}", "save_version", "expected a whole number"),
}


def write_damaged(folder: Path, mini) -> dict[str, tuple[str, str]]:
    """Damaged files of every kind, and what each must be reported as: (field, message)."""
    folder.mkdir(exist_ok=True)
    want = {}
    for name, (data, field, message) in DAMAGED.items():
        (folder / name).write_bytes(data)
        want[name] = (field, message)
    raw = good_json(mini)
    cases = {
        "future.json": ({**raw, "save_version": 99}, "save_version", "newer than this game"),
        "wrongtype.json": ({**raw, "seed": "seven"}, "seed", "valid integer"),
        "badrole.json": ({**raw, "role": "castro"}, "role", "'kennedy' or 'khrushchev'"),
        "missing.json": ({k: v for k, v in raw.items() if k != "summary"}, "summary", "required"),
        "control.json": ({**raw, "player": "Ann\x1b[2J"}, "player", "no control"),
        "long.json": ({**raw, "class_code": "x" * 61}, "class_code", "at most 60"),
        "choice.json": (
            {**raw, "choices": [{"decision": "respond", "option": 3, "at": "x"}]},
            "choices.0.option",
            "valid string",
        ),
        "extra.json": ({**raw, "cheat": True}, "cheat", "not permitted"),
    }
    for name, (data, field, message) in cases.items():
        (folder / name).write_text(json.dumps(data), "utf-8")
        want[name] = (field, message)
    (folder / "folder.json").mkdir()
    want["folder.json"] = ("", "a folder")
    with open(folder / "huge.json", "wb") as f:  # 50 MB, sparse: costs no disk
        f.truncate(50_000_000)
    want["huge.json"] = ("", "larger than a save can be")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "fifo.json")  # a reader that opened it plainly would block forever
        want["fifo.json"] = ("", "not a regular file")
    return want


def test_damaged_files_are_listed_with_the_reason_and_never_changed(tmp_path, mini):
    """Every kind of damaged file is listed (after the good games) with the file, the field and
    the reason; nothing in the folder is modified or deleted, and the list never stops."""
    folder = tmp_path / "saves"
    want = write_damaged(folder, mini)
    write_save(folder, good_save(mini))
    before = snapshot(folder)
    rows = list_saves(folder)
    assert snapshot(folder) == before
    assert rows[0].save is not None and rows[0].save.player == "Ann"
    damaged = {r.path.name: r.problem for r in rows[1:]}
    assert set(damaged) == set(want)
    for name, (field, message) in want.items():
        p = damaged[name]
        assert p.file == str(folder / name) and p.path == field and message in p.message, (name, p)
        with pytest.raises(SaveError) as exc:
            read_save(folder / name)
        assert name in str(exc.value)


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path):
    """The size is checked before reading: refusing a 50 MB save allocates almost nothing."""
    path = tmp_path / "huge.json"
    with open(path, "wb") as f:
        f.write(b"{" + b" " * (50_000_000 - 2) + b"}")
    tracemalloc.start()
    with pytest.raises(SaveError, match="larger than a save can be"):
        read_save(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 1_000_000


def test_a_file_growing_past_the_limit_while_read_is_refused(tmp_path, monkeypatch):
    """Even if the size on record is small, no more than the limit is ever read."""
    path = tmp_path / "grows.json"
    path.write_bytes(b" " * (MAX_SAVE_BYTES + 10))
    real = os.fstat

    class Small:
        def __init__(self, st):
            self.st_mode, self.st_size = st.st_mode, 10

    monkeypatch.setattr(os, "fstat", lambda fd: Small(real(fd)))
    with pytest.raises(SaveError, match="larger than a save can be"):
        read_save(path)


def test_an_unreadable_file_is_listed_as_damaged(tmp_path, mini, monkeypatch):
    """A file the player may not read (permissions) is reported, and the list goes on."""
    write_save(tmp_path, good_save(mini))
    locked = tmp_path / "locked.json"
    locked.write_text("{}")
    locked.chmod(0)
    real = os.open

    def deny(path, *a, **kw):  # root reads anything: make the refusal certain
        if Path(path).name == "locked.json":
            raise PermissionError(13, "Permission denied")
        return real(path, *a, **kw)

    monkeypatch.setattr(os, "open", deny)
    rows = list_saves(tmp_path)
    locked.chmod(0o644)
    assert [r.save is not None for r in rows] == [True, False]
    assert rows[1].problem.message == "cannot be read: Permission denied"


def test_an_unreadable_folder_is_one_damaged_row(tmp_path, monkeypatch):
    def deny(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "scandir", deny)
    rows = list_saves(tmp_path)
    assert len(rows) == 1 and "Permission denied" in rows[0].problem.message


def test_missing_folder_lists_nothing(tmp_path):
    assert list_saves(tmp_path / "nowhere") == []


def test_temp_files_hidden_files_and_discoveries_are_not_listed(tmp_path, mini):
    write_save(tmp_path, good_save(mini))
    (tmp_path / ".20250101-000000-abc.x1y2.tmp").write_text("{half a sa")
    (tmp_path / "._mac.json").write_bytes(b"\x00\x05")
    (tmp_path / "discoveries.json").write_text('{"mini": ["deal"]}')
    rows = list_saves(tmp_path)
    assert len(rows) == 1 and rows[0].save is not None


def test_game_of_a_scenario_not_installed_is_listed_as_damaged(tmp_path, mini):
    write_save(tmp_path, good_save(mini))
    [row] = list_saves(tmp_path, {"cuban_missile_crisis"})
    assert row.save is None and row.problem.path == "scenario_id"
    assert "'mini', which is not installed" in row.problem.message
    assert list_saves(tmp_path, {"mini"})[0].save is not None
    assert "cuban_missile_crisis" in installed_scenarios()
    assert "mini" in installed_scenarios(FROZEN_MINI)


# --- format, listing, finding -----------------------------------------------------------------


def test_save_holds_what_the_issue_asks(tmp_path, mini):
    path = write_save(tmp_path, good_save(mini))
    raw = json.loads(path.read_text("utf-8"))
    assert set(raw) == {
        *("save_version", "id", "scenario_id", "content_hash", "role", "opponent", "events"),
        *("seed", "player", "class_code", "created", "updated", "choices", "summary"),
    }
    assert raw["content_hash"] == mini.content_hash
    assert set(raw["summary"]) >= {"date", "tracks", "peak_danger", "peak_defcon", "divergence"}
    assert raw["summary"]["ending"] == "deal"
    assert raw["choices"][0]["at"].endswith("+00:00")
    assert path.name == f"{raw['id']}.json" and "Ann" not in path.name


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions")
def test_save_is_readable_by_others_as_the_umask_allows(tmp_path, mini):
    """mkstemp makes 0600 files; a save in a shared class folder must follow the umask."""
    mask = os.umask(0o022)
    try:
        path = write_save(tmp_path, good_save(mini))
    finally:
        os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask


def test_names_cannot_reach_the_file_name(tmp_path, mini):
    game = new_game(mini, player="../../etc/passwd", class_code="a/b\\c")
    path = write_save(tmp_path, game.to_save())
    assert path.parent == tmp_path and "passwd" not in path.name
    assert read_save(path).player == "../../etc/passwd"


def test_list_sorts_by_updated_player_and_class(tmp_path, mini):
    for i, (player, cls) in enumerate([("cy", "B"), ("Al", "C"), ("", "A"), ("bo", "")]):
        save = new_game(mini, player=player, class_code=cls).to_save()
        write_save(tmp_path, save.model_copy(update={"updated": f"2025-01-0{i + 1}T00:00:00Z"}))
    players = lambda sort: [r.save.player for r in list_saves(tmp_path, sort=sort)]  # noqa: E731
    assert players("updated") == ["bo", "", "Al", "cy"]
    assert players("player") == ["Al", "bo", "cy", ""]
    assert players("class") == ["", "cy", "Al", "bo"]
    with pytest.raises(ValueError, match="unknown sort"):
        list_saves(tmp_path, sort="size")


def test_find_save_by_id_or_path(tmp_path):
    assert find_save(tmp_path, "20250101-000000-abc123") == tmp_path / "20250101-000000-abc123.json"
    assert find_save(tmp_path, str(tmp_path / "x.json")) == tmp_path / "x.json"
    assert find_save(tmp_path, "../secret") == Path("../secret")  # a path, never joined


# --- resume: replay checks and changed scenarios ----------------------------------------------


def test_resume_replays_exactly(tmp_path, mini):
    save = good_save(mini)
    game, note = resume(mini, read_save(write_save(tmp_path, save)))
    assert note is None and game.id == save.id and game.state.ending == "deal"


def test_tampered_choice_names_the_choice(tmp_path, mini):
    raw = good_json(mini)
    raw["choices"][0]["option"] = "talk"  # a real option, not the one that gave this summary
    path = tmp_path / "t.json"
    path.write_text(json.dumps(raw))
    with pytest.raises(SaveError) as exc:
        resume(mini, read_save(path), str(path))
    assert exc.value.problem.path == "summary" and exc.value.problem.file == str(path)
    raw["choices"][0]["option"] = "nuke_moscow"
    path.write_text(json.dumps(raw))
    with pytest.raises(SaveError) as exc:
        resume(mini, read_save(path), str(path))
    assert exc.value.problem.path == "choices[0]" and "no longer offered" in str(exc.value)


def test_tampered_summary_is_refused(tmp_path, mini):
    raw = good_json(mini)
    raw["summary"]["peak_danger"] = 0
    path = tmp_path / "t.json"
    path.write_text(json.dumps(raw))
    with pytest.raises(SaveError, match="summary: replaying the choices"):
        resume(mini, read_save(path), str(path))


def test_game_of_another_scenario_is_refused(tmp_path, mini, cmc):
    with pytest.raises(SaveError, match="scenario_id: a game of 'mini'"):
        resume(cmc, good_save(mini), "x.json")


def test_changed_scenario_replays_as_far_as_it_can_in_a_new_save(tmp_path, copy_mini, edit, mini):
    """The option chosen no longer exists: the game stops before it, says where, and goes on
    under a new id; the old file is never rewritten."""
    old = write_save(tmp_path / "saves", good_save(mini))
    before = old.read_bytes()
    edit(copy_mini / "decisions" / "day1.toml", 'id = "blockade"', 'id = "quarantine"')
    edit(copy_mini / "decisions" / "day1.toml", 'option = "blockade"', 'option = "quarantine"')
    changed = load_scenario(copy_mini)
    game, note = resume(changed, read_save(old), str(old))
    # the decision by its title, the option that is gone by the id the save holds
    assert "at choice 1 (\u201cRespond to the photos\u201d: blockade)" in note
    assert "no longer offered" in note
    assert "Tuesday 16 October 1962" in note
    assert game.id != read_save(old).id and game.choices == [] and game.state.pending == "respond"
    game.choose("quarantine")
    new = write_save(tmp_path / "saves", game.to_save())
    assert new != old and old.read_bytes() == before
    assert read_save(new).content_hash == changed.content_hash


def test_a_changed_story_names_the_decision_it_reaches_now(tmp_path, copy_mini, edit, mini):
    """The saved choice's decision is not the one the story reaches now: the note names the
    new one by its title, and the one that is gone by the ids the save holds."""
    old = write_save(tmp_path / "saves", good_save(mini))
    edit(copy_mini / "decisions" / "day1.toml", 'id = "respond"', 'id = "answer"')
    game, note = resume(load_scenario(copy_mini), read_save(old), str(old))
    assert "at choice 1 (respond: blockade)" in note
    assert "the story now reaches \u201cRespond to the photos\u201d instead" in note
    assert "'answer'" not in note and game.state.pending == "answer"


def test_changed_text_only_replays_the_same_in_a_new_save(tmp_path, copy_mini, edit, mini):
    path = write_save(tmp_path, good_save(mini))
    edit(copy_mini / "scenario.toml", 'title = "Mini crisis"', 'title = "Mini crisis, revised"')
    game, note = resume(load_scenario(copy_mini), read_save(path))
    assert "replays the same" in note and game.id != read_save(path).id
    assert game.state.ending == "deal"


# --- round trip -------------------------------------------------------------------------------


def play(scenario, seed: int, opponent: str, events: str) -> tuple[list[str], object]:
    """An unbroken game with random choices: the options chosen and the final state."""
    rng = random.Random(seed)
    state = engine.new_game(scenario, "kennedy", seed, opponent, events).state
    picks = []
    while state.ending is None:
        options = engine.offered(scenario.decision(state.pending), state)
        picks.append(rng.choice(options).id)
        state = engine.choose(scenario, state, picks[-1]).state
    return picks, state


def round_trips(scenario, seed: int, folder: Path | None = None) -> int:
    """At every step, save (to JSON or to disk) and load: the loaded game holds exactly the
    unbroken game's choices and state there (the engine is a function of the scenario and the
    state, so it would go on exactly as the unbroken game did). At one step per seed the loaded
    game is also played to the end: its final state is the unbroken game's."""
    opponent = ("historical", "hawk", "dove", "random")[seed % 4]
    events = ("historical", "chaos")[seed // 4 % 2]
    picks, final = play(scenario, seed, opponent, events)
    finish_at = seed % (len(picks) + 1)
    game = Game(
        scenario,
        engine.new_game(scenario, "kennedy", seed, opponent, events).state,
        player="P",
        class_code="C",
    )
    for k in range(len(picks) + 1):
        if k:
            game.choose(picks[k - 1])
        if folder is None:
            save = SaveFile.model_validate_json(game.to_save().model_dump_json(indent=1))
        else:
            save = read_save(write_save(folder, game.to_save()))
        loaded, note = resume(scenario, save)
        assert note is None and loaded.choices == game.choices
        assert loaded.state == game.state, (seed, k)
        if k == finish_at:
            for option in picks[k:]:
                loaded.choose(option)
            assert loaded.state == final, (seed, k)
    assert game.state == final
    return len(picks) + 1


def test_round_trip_1000_seeds_every_step_mini(mini):
    steps = sum(round_trips(mini, seed) for seed in range(1000))
    assert steps == 2000  # mini: the player's one decision, then the ending


@pytest.mark.slow
def test_round_trip_400_seeds_every_step_shipped_scenario(cmc, tmp_path):
    """Every step of 400 shipped Kennedy games, across opponents and incidents, survives a save
    and a load (every twentieth through a file on disk)."""
    steps = sum(round_trips(cmc, seed, tmp_path if seed % 20 == 0 else None) for seed in range(400))
    assert steps > 2000


# --- the command line ---------------------------------------------------------------------------


def test_brink_saves_lists_and_sorts(tmp_path, mini, capsys):
    from game import cli

    for player, cls in [("Zed", "A1"), ("amy", "B2")]:
        game = new_game(mini, player=player, class_code=cls)
        game.choose("blockade")
        write_save(tmp_path, game.to_save())
    (tmp_path / "bad.json").write_text('{"save_version": 7}')
    args = ["saves", "--saves-dir", str(tmp_path), "--scenario", str(FROZEN_MINI)]
    assert cli.main([*args, "--sort", "player"]) == 0
    out = listed(capsys.readouterr().out)
    assert out[0].startswith("amy [B2] · kennedy · ended: A deal (") and "last played" in out[0]
    assert out[1].startswith("Zed [A1] · kennedy")
    assert out[2].startswith("DAMAGED  bad.json: save_version: version 7 is newer")
    assert out[3] == f"2 game(s), 1 damaged file(s) in {tmp_path}."


def listed(out: str) -> list[str]:
    """``brink saves``'s output, one string per save, damaged file or count: the lines each
    wraps onto (the indented ones) joined by a space."""
    return [
        " ".join(x.strip() for x in item.split("\n")) for item in re.split(r"\n(?! )", out.strip())
    ]


def test_brink_saves_lines_fit_80_columns(tmp_path, mini, capsys):
    """Every line of the list fits 80 columns: a long name, an ending with its date, a copy's
    file name and a damaged file's reason wrap onto indented lines, with nothing lost."""
    from game import cli
    from game.terminal import columns

    game = new_game(mini, player="Wilhelmina Augusta " * 3, class_code="Period 7 History")
    game.choose("blockade")
    good = write_save(tmp_path, game.to_save())
    (tmp_path / f"{'copy ' * 12}.json").write_bytes(good.read_bytes())
    (tmp_path / f"{'bad' * 30}.json").write_text('{"save_version": 7}')
    args = ["saves", "--saves-dir", str(tmp_path), "--scenario", str(FROZEN_MINI)]
    assert cli.main(args) == 0
    out = capsys.readouterr().out
    assert max(columns(line) for line in out.splitlines()) <= 80
    assert len(out.splitlines()) > 8  # the long lines were wrapped, not cut short
    assert len(listed(out)) == 4  # the game, its copy, the damaged file, the count
    told = " ".join(listed(out))
    assert f"copy in {'copy ' * 11}copy .json" in told and "ended: A deal (" in told
    assert f"{game.id} · last played" in told and "version 7 is newer" in told


@pytest.mark.parametrize(
    ("seed", "forceful", "ended_at"),
    [(0, True, "Tuesday 30 October 1962"), (0, False, "Saturday 27 October 1962, afternoon")],
)
def test_brink_saves_dates_an_ended_game_where_it_ended(
    cmc, tmp_path, capsys, seed, forceful, ended_at
):
    """The engine runs an ended game on to the end of the calendar (January 1963) to find its
    ending; the list shows the date the game stopped at. An invasion, landed a week after the
    raids, ends on 30 October; a Kennedy who gives way on 23 October takes no more decisions,
    and Moscow's moves run on to the 27th."""
    from game import cli

    game = new_game(cmc, seed)
    while game.state.ending is None:
        offered = [cmc.option(game.state.pending, o) for o in game.state.offer]
        pick = (max if forceful else min)(offered, key=lambda o: o.stance)
        game.choose(pick.id)
    assert cmc.meta.phases[game.state.phase].label == "January 1963"  # the calendar's end
    write_save(tmp_path, game.to_save())
    assert ended_at in game.to_save().summary.date
    assert cli.main(["saves", "--saves-dir", str(tmp_path)]) == 0
    line = listed(capsys.readouterr().out)[0]
    title = cmc.ending(game.state.ending).title
    reached = line.split(" · ended: ")[1].split(" choices")[0]
    assert reached.startswith(f"{title} ({ended_at}")
    assert "1963" not in reached and "December" not in reached


def test_brink_resume_names_a_missing_save(tmp_path, capsys):
    from game import cli

    code = cli.main(["resume", "20990101-000000-abcdef", "--plain", "--saves-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 1 and "20990101-000000-abcdef.json: no such file" in err
