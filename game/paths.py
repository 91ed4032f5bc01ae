"""Where Brink's files are: the shipped scenarios, the saves folder and the cache folder.

Standard library and platformdirs only: the title screen needs these before the models are
loaded.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_SCENARIO = "cuban-missile-crisis"


def scenarios_root() -> Path:
    """The folder of shipped scenarios: inside the installed package, or beside it in a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "scenarios"
    return packaged if packaged.is_dir() else here.parent / "scenarios"


def default_scenario_dir() -> Path:
    return scenarios_root() / DEFAULT_SCENARIO


def saves_dir(arg: str | os.PathLike | None = None) -> Path:
    """The saves folder: the argument, else ``BRINK_SAVES_DIR``, else ``./saves``."""
    return Path(arg or os.environ.get("BRINK_SAVES_DIR") or "saves")


def cache_dir() -> Path:
    """Where Brink keeps what it can work out again (the loaded scenario, the title's summary):
    ``BRINK_CACHE_DIR``, else the user's cache folder as the platform has it (on Linux
    ``$XDG_CACHE_HOME/brink``, else ``~/.cache/brink``). Raises OSError when there is none (no
    home folder), which every user of the cache takes as "no cache this time"."""
    return _user_folder("BRINK_CACHE_DIR", "cache")


def config_dir() -> Path:
    """Where Brink keeps the player's preferences (the theme): ``BRINK_CONFIG_DIR``, else the
    user's configuration folder as the platform has it (on Linux ``$XDG_CONFIG_HOME/brink``,
    else ``~/.config/brink``). Raises OSError when there is none."""
    return _user_folder("BRINK_CONFIG_DIR", "config")


def _user_folder(variable: str, kind: str) -> Path:
    explicit = os.environ.get(variable)
    if explicit:
        return Path(explicit)
    import platformdirs  # a dependency of Textual's; imported only when the folder is needed

    try:
        folder = getattr(platformdirs, f"user_{kind}_path")("brink", appauthor=False)
    except (RuntimeError, KeyError) as exc:  # no home folder
        raise OSError(f"no {kind} folder: {exc}") from None
    if not folder.is_absolute():  # "~" left as it was: no home folder
        raise OSError(f"no {kind} folder: no home folder")
    return folder


CACHE_LIMIT = 64_000_000
"""The largest cache entry read (the loaded scenario is about a megabyte)."""


def read_cache(name: str) -> object | None:
    """What ``name`` in the cache folder holds, unpickled; None when it is missing, damaged,
    from other code, not a regular file, or there is no cache folder."""
    import pickle

    from .reading import read_bytes

    try:
        return pickle.loads(read_bytes(cache_dir() / name, CACHE_LIMIT))
    except Exception:
        return None


def write_cache(name: str, value: object) -> None:
    """Pickle ``value`` into ``name`` in the cache folder, atomically (see
    ``game.saves.atomic.atomic_write``). Raises OSError when it cannot be written (or pickled)."""
    import pickle

    from .saves.atomic import atomic_write

    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except RecursionError as exc:
        raise OSError(f"cannot be cached: {exc}") from None
    atomic_write(cache_dir() / name, data)
