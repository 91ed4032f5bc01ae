"""The scenario cache: the same scenario as reading it, a new entry when the files change, and a
damaged entry is never a crash."""

from __future__ import annotations

import sys

import pytest

from game.content import load_scenario
from game.paths import cache_dir
from game.ui.scenario_cache import load_cached


def test_cached_scenario_is_the_scenario(mini_dir, scenario_cache):
    """First load reads and caches; the second comes from the cache and equals a fresh read."""
    first = load_cached(mini_dir)
    assert len(list(scenario_cache.glob("scenario-*.pickle"))) == 1
    again = load_cached(mini_dir)
    assert again == first == load_scenario(mini_dir)


def test_a_changed_scenario_gets_a_new_entry(copy_mini, scenario_cache):
    """Editing a file of the scenario changes the key: the edit is read, not the old entry."""
    before = load_cached(copy_mini)
    meta = copy_mini / "scenario.toml"
    meta.write_text(meta.read_text("utf-8").replace(before.meta.title, "Edited"), "utf-8")
    after = load_cached(copy_mini)
    assert after.meta.title == "Edited" and after.content_hash != before.content_hash
    assert len(list(scenario_cache.glob("scenario-*.pickle"))) == 2


def test_a_damaged_entry_is_read_again(mini_dir, scenario_cache):
    """Garbage in the cache file: the scenario is read from its files and the entry rewritten."""
    load_cached(mini_dir)
    (entry,) = scenario_cache.glob("scenario-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert load_cached(mini_dir) == load_scenario(mini_dir)
    assert entry.read_bytes() != b"not a pickle"


def test_the_title_is_kept_for_the_next_start_and_read_again_when_its_file_changes(
    copy_mini, scenario_cache, monkeypatch, edit
):
    """Once the scenario is loaded, the next start's title comes from the cache without
    reading the TOML; an edited scenario.toml is read again."""
    import tomllib

    from game.ui.loading import load
    from game.ui.title_info import read_title_info, title_info

    load(copy_mini, copy_mini / "saves")
    kept = title_info(load_scenario(copy_mini))

    def refuse(*args, **kwargs):
        raise AssertionError("scenario.toml was parsed")

    monkeypatch.setattr(tomllib, "load", refuse)
    assert read_title_info(copy_mini) == kept
    monkeypatch.undo()
    monkeypatch.setenv("BRINK_CACHE_DIR", str(scenario_cache))
    edit(copy_mini / "scenario.toml", 'title = "Mini crisis"', 'title = "Edited crisis"')
    assert read_title_info(copy_mini).title == "Edited crisis"


def test_a_damaged_or_odd_title_entry_is_never_shown(copy_mini, scenario_cache):
    """Garbage, a pickle of something else, or a summary that is not sound: the file is read;
    nothing is raised and the entry is left for the next load to replace."""
    import pickle

    from game.ui.title_info import CACHED, TitleInfo, _stamp, keep_title_info, read_title_info

    fresh = read_title_info(copy_mini)
    stamp = _stamp(copy_mini)
    odd = TitleInfo("mini", "A title", "A text", ())  # no campaigns
    scenario_cache.mkdir()
    for junk in (b"not a pickle", pickle.dumps([1, 2]), pickle.dumps((stamp, odd))):
        (scenario_cache / CACHED).write_bytes(junk)
        assert read_title_info(copy_mini) == fresh
        assert (scenario_cache / CACHED).read_bytes() == junk
    keep_title_info(copy_mini, fresh)
    assert pickle.loads((scenario_cache / CACHED).read_bytes()) == (stamp, fresh)


def test_a_cache_folder_that_cannot_be_written_is_ignored(copy_mini, tmp_path, monkeypatch):
    """A cache folder in the way of a file: the summary is not kept, and no error is raised."""
    from game.ui.title_info import keep_title_info, read_title_info

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BRINK_CACHE_DIR", str(blocker / "cache"))
    info = read_title_info(copy_mini)
    keep_title_info(copy_mini, info)
    assert read_title_info(copy_mini) == info and blocker.read_text() == "not a folder"


def test_without_a_home_folder_there_is_no_cache_and_no_error(copy_mini, monkeypatch):
    """No BRINK_CACHE_DIR or XDG_CACHE_HOME and no home folder: the scenario and the title are
    read from their files, and nothing is raised."""
    import pwd

    from game.ui.title_info import keep_title_info, read_title_info

    def no_user(uid):
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    for variable in ("BRINK_CACHE_DIR", "XDG_CACHE_HOME", "HOME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(pwd, "getpwuid", no_user)
    with pytest.raises(OSError):
        cache_dir()
    assert load_cached(copy_mini) == load_scenario(copy_mini)
    info = read_title_info(copy_mini)
    keep_title_info(copy_mini, info)
    assert info.title == "Mini crisis"


def test_the_cache_folder_is_the_platforms(monkeypatch, tmp_path):
    """BRINK_CACHE_DIR first; else the user's cache folder, which on Linux follows
    XDG_CACHE_HOME."""
    monkeypatch.setenv("BRINK_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("BRINK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert cache_dir() == tmp_path / "xdg" / "brink"
    assert cache_dir().is_absolute()


def test_a_pickled_scenario_shares_its_field_name_sets(cmc):
    """The cache's pickle rebuilds every model with ``model_construct``: the same scenario, and
    one set of field names for all the models that set the same
    fields (two and a half thousand sets of their own were about 0.9 MB of a game's memory)."""
    import pickle

    again = pickle.loads(pickle.dumps(cmc))
    assert again == cmc
    assert [d.model_fields_set for d in again.decisions] == [
        d.model_fields_set for d in cmc.decisions
    ]
    models, sets = 0, set()

    def walk(value):
        nonlocal models
        if isinstance(value, tuple):
            for v in value:
                walk(v)
        elif hasattr(value, "model_fields_set"):
            models += 1
            sets.add(id(value.model_fields_set))
            for name in type(value).model_fields:
                walk(getattr(value, name))

    walk(again)
    assert models > 1000 and len(sets) < models / 10
