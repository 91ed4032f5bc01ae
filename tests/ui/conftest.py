"""Fixtures for the Textual tests: apps built by the same factory as the `brink` command, over a
throwaway saves folder, with a fixed seed."""

from __future__ import annotations

import pytest

from game.ui.app import create_app


@pytest.fixture(autouse=True)
def scenario_cache(tmp_path, monkeypatch):
    """The scenario cache of these tests lives in their tmp_path, not in the user's cache; so
    do the preferences (a theme chosen in one test is not the next one's)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRINK_CACHE_DIR", str(folder))
    monkeypatch.setenv("BRINK_CONFIG_DIR", str(tmp_path / "config"))
    return folder


@pytest.fixture
def make_app(tmp_path, cmc):
    """``make_app(scenario=None, **kw)``: the app over a fresh saves folder, seed 1."""

    def make(scenario=None, **kw):
        kw.setdefault("seed", 1)
        return create_app(tmp_path / "saves", scenario or cmc, **kw)

    return make
