"""A cache of the loaded scenario, so that the game starts fast.

Reading a scenario means parsing a few dozen TOML files and building and running pydantic's
validators: about a hundred milliseconds, most of the game's start. The validated scenario is
kept as a pickle in Brink's cache folder (see :func:`game.paths.cache_dir`), named by a hash of the scenario's files, of the model code and of the
pydantic and Python versions, so any change to either makes a new entry. The file is written
atomically; a missing, unreadable or stale entry just means the scenario is read again, and
a cache folder that cannot be written is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
from pathlib import Path

import pydantic

from ..content import content_hash, load_scenario
from ..model.scenario import Scenario
from ..paths import read_cache, write_cache

MODEL_DIR = Path(__file__).resolve().parents[1] / "model"


def _key(folder: Path) -> str:
    digest = hashlib.sha256()
    digest.update(f"{sys.version}\0{pydantic.VERSION}\0".encode())
    for path in sorted(MODEL_DIR.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(content_hash(folder).encode())
    return digest.hexdigest()[:32]


def load_cached(folder: Path) -> Scenario:
    """The scenario in ``folder``, from the cache when it holds this very version of it."""
    name = f"scenario-{_key(folder)}.pickle"
    scenario = read_cache(name)
    if isinstance(scenario, Scenario):
        return scenario
    scenario = load_scenario(folder)  # raises ScenarioError as ever; nothing is cached then
    with contextlib.suppress(OSError):  # no cache this time
        write_cache(name, scenario)
    return scenario
