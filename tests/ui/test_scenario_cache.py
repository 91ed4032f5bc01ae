"""The scenario cache: the same scenario as reading it, a new entry when the files change, and a
damaged entry is never a crash."""

from __future__ import annotations

from game.content import load_scenario
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
