"""Shared fixtures: the tiny test scenario in tests/data/mini, loaded once, and throwaway copies
of it for tests that break files."""

from __future__ import annotations

import sys

# The test modules' rewritten code and the game's bytecode are cached (in __pycache__, which git
# ignores) even where PYTHONDONTWRITEBYTECODE is set: without the cache each of the four workers
# compiles and rewrites every test module again (about 3.5 s of processor time each), and every
# `brink` subprocess compiles the game again.
sys.dont_write_bytecode = False

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import MINI

from game.content import load_scenario
from game.model.scenario import Scenario

MINI_DIR = MINI


@pytest.fixture(scope="session")
def mini_dir() -> Path:
    """The folder of the mini scenario (never write into it: use ``copy_mini``)."""
    return MINI_DIR


@pytest.fixture(scope="session")
def mini(mini_dir: Path) -> Scenario:
    """The mini scenario, loaded once for the whole session."""
    return load_scenario(mini_dir)


@pytest.fixture
def copy_mini(tmp_path: Path) -> Path:
    """A private copy of the mini folder, safe to break."""
    dest = tmp_path / "mini"
    shutil.copytree(MINI_DIR, dest)
    return dest


@pytest.fixture
def edit() -> Callable[[Path, str, str], None]:
    """``edit(file, old, new)``: replace the first ``old`` in ``file``; fails if ``old`` is absent,
    so a test can never pass because its edit silently did nothing."""

    def replace(path: Path, old: str, new: str) -> None:
        text = path.read_text("utf-8")
        assert old in text, f"{old!r} not found in {path}"
        path.write_text(text.replace(old, new, 1), "utf-8")

    return replace


@pytest.fixture(scope="session")
def cmc() -> Scenario:
    """The shipped Cuban Missile Crisis scenario, loaded once."""
    from game.content import default_scenario_dir

    return load_scenario(default_scenario_dir())


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``slow`` (each takes 5 s or more) run first, in their usual order: the
    workers share them out at the start, rather than one worker being left with a long test
    when the others have finished."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
