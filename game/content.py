"""Find, read and validate scenario folders.

Every mistake becomes a :class:`Problem` naming the file, the path inside it and what was
expected; nothing here lets a traceback reach an author.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path

from pydantic import ValidationError

from . import reading
from .model.files import FILES, REQUIRED, DecisionsFile
from .model.problem import Problem
from .model.scenario import Scenario
from .paths import default_scenario_dir

MAX_FILE_BYTES = reading.TOML_LIMIT


class ScenarioError(Exception):
    """A scenario folder could not be loaded; ``problems`` says why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _path_of(loc: tuple, data: object) -> str:
    """Render a pydantic error location as ``option[2].effects[0].track``.

    Pydantic puts the tag of a discriminated union (``kind``) in the location; it is skipped.
    """
    out = ""
    tag_skipped = None
    for part in loc:
        if isinstance(data, dict) and data.get("kind") == part and tag_skipped is not data:
            tag_skipped = data  # the tag comes once, right after the union it selects
            continue
        if isinstance(part, int):
            out += f"[{part}]"
            ok = isinstance(data, list | tuple) and part < len(data)
            data = data[part] if ok else None
        else:
            out += f".{part}" if out else str(part)
            data = data.get(part) if isinstance(data, dict) else None
    return out


def _describe(err: dict) -> str:
    msg = err["msg"]
    if err["type"] == "extra_forbidden":
        return "unknown key (not part of the format; check the spelling)"
    if err["type"] == "missing":
        return "required, but missing"
    if "input" in err and err["type"] not in ("model_type", "dict_type"):
        shown = repr(err["input"])
        if len(shown) > 60:
            shown = shown[:57] + "..."
        return f"{msg} (got {shown})"
    return msg


def _read_toml(path: Path, name: str, problems: list[Problem]) -> dict | None:
    """The file's TOML as a dict (see :mod:`game.reading`), or None with the problem noted."""
    try:
        return tomllib.loads(reading.read_text(path, MAX_FILE_BYTES))
    except reading.Unreadable as exc:
        problems.append(Problem(file=name, message=str(exc)))
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem(file=name, message=f"not valid TOML: {exc}"))
    except RecursionError:
        problems.append(Problem(file=name, message="nested too deeply to read"))
    except MemoryError:
        problems.append(Problem(file=name, message="too large to read"))
    return None


def _validate(model: type, data: dict, name: str, problems: list[Problem]):
    try:
        return model.model_validate(data)
    except RecursionError:
        problems.append(Problem(file=name, message="nested too deeply (conditions or lists)"))
        return None
    except ValidationError as exc:
        errors = exc.errors()
        for err in errors:
            if err["type"] == "too_short" and any(
                e is not err and e["loc"][: len(err["loc"])] == err["loc"] for e in errors
            ):
                continue  # a list emptied only by its entries' own errors, reported below
            path = _path_of(err["loc"], data)
            if err["type"] in ("recursion_loop", "recursion_depth_exceeded"):  # hundreds deep
                path = re.sub(r"((?:\.of(?:\[\d+\])?){3})(?:\.of(?:\[\d+\])?)+", r"\1...", path)
                message = "nested too deeply (conditions inside conditions)"
            else:
                message = _describe(err)
            problems.append(Problem(file=name, path=path, message=message))
        return None


def scenario_files(folder: Path) -> list[Path]:
    """The files that make up a scenario, in a stable order: whatever is there under their
    names (a FIFO or a folder too, which reading then refuses as such)."""
    files = [folder / n for n in FILES if reading.exists(folder / n)]
    return files + _decision_files(folder)


def _decision_files(folder: Path) -> list[Path]:
    return sorted((folder / "decisions").glob("*.toml"))


def content_hash(folder: Path) -> str:
    """SHA-256 over the scenario's files, names and contents (a file that cannot be read
    counts by its name and the reason, which loading reports)."""
    digest = hashlib.sha256()
    for path in scenario_files(folder):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        try:
            digest.update(reading.read_bytes(path, MAX_FILE_BYTES) + b"\0")
        except reading.Unreadable as exc:
            digest.update(f"unreadable: {exc}".encode() + b"\1")
    return digest.hexdigest()


def load_scenario(folder: Path | str | None = None) -> Scenario:
    """Read and validate a scenario folder; raise :class:`ScenarioError` listing every problem."""
    folder = Path(folder) if folder is not None else default_scenario_dir()
    problems: list[Problem] = []
    if not folder.is_dir():
        raise ScenarioError([Problem(file=str(folder), message="no such scenario folder")])
    parts: dict[str, object] = {}
    for name, model in FILES.items():
        path = folder / name
        if not reading.exists(path):
            if name in REQUIRED:
                problems.append(Problem(file=name, message="required file is missing"))
            continue
        data = _read_toml(path, name, problems)
        if data is not None:
            parts[name] = _validate(model, data, name, problems)
    decisions, origins = [], []
    files = _decision_files(folder)
    if not files:
        problems.append(Problem(file="decisions/", message="expected at least one .toml file"))
    for path in files:
        name = f"decisions/{path.name}"
        data = _read_toml(path, name, problems)
        if data is not None:
            got = _validate(DecisionsFile, data, name, problems)
            if got is not None:
                decisions.extend(got.decisions)
                origins.extend(f"{name}: decision[{i}]" for i in range(len(got.decisions)))
    if problems:
        raise ScenarioError(problems)
    fields: dict[str, object] = {
        "meta": parts["scenario.toml"],
        "decisions": tuple(decisions),
        "origins": tuple(origins),
    }
    for name, part in parts.items():
        if name != "scenario.toml":
            fields.update(dict(part))
    return Scenario(**fields, content_hash=content_hash(folder))
