"""Scenario text a screen can show as it is written: no control characters, no invisible
formatting characters, no markup.

A text with an escape character or a carriage return could clear the terminal or overwrite the
top line of the game; bidi marks turn what follows around; a ``[bold]`` or ``[@click=...]``
would be markup wherever a text is ever read as markup. `brink check` refuses each, with the
file and the field. Line breaks and tabs are allowed: TOML's multi-line strings have them.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from ..model.problem import Problem
from ..model.scenario import Scenario
from ..terminal import shown, unsafe
from .references import origin

ALLOWED = frozenset("\n\t")
MARKUP = re.compile(r"\[/?[a-zA-Z@#$/][^\[\]\n]{0,80}\]|\[/\]")
"""What Rich and Textual read as a markup tag: ``[bold]``, ``[/]``, ``[@click=app.quit]``..."""

FILES = {
    "events": ("events.toml", "event"),
    "endings": ("endings.toml", "ending"),
    "ending_parts": ("endings.toml", "part"),
    "history": ("history.toml", "entry"),
    "sources": ("sources.toml", "source"),
    "people": ("people.toml", "person"),
    "glossary": ("glossary.toml", "term"),
    "questions": ("debrief.toml", "question"),
    "myths": ("debrief.toml", "myth"),
}
"""The scenario's parts read from one file each: the file and the table name of an entry."""


def unsafe_texts(scenario: Scenario) -> list[Problem]:
    """Every text of the scenario that holds a control, format or separator character, or
    markup, named by file and field (one problem per text)."""
    problems: list[Problem] = []
    for i, d in enumerate(scenario.decisions):
        file, where = origin(scenario, i)
        _visit(d, where, file, problems)
    for part, (file, table) in FILES.items():
        for i, item in enumerate(getattr(scenario, part)):
            _visit(item, f"{table}[{i}]", file, problems)
    _visit(scenario.meta, "", "scenario.toml", problems)
    return problems


def _visit(value: object, where: str, file: str, problems: list[Problem]) -> None:
    if isinstance(value, str):
        message = _fault(value)
        if message:
            problems.append(Problem(file=file, path=where, message=message))
    elif isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            key = field.alias or name
            _visit(getattr(value, name), f"{where}.{key}" if where else key, file, problems)
    elif isinstance(value, list | tuple):
        for i, x in enumerate(value):
            _visit(x, f"{where}[{i}]", file, problems)
    elif isinstance(value, dict):
        for k, x in value.items():
            _visit(x, f"{where}.{k}" if where else str(k), file, problems)


def _fault(text: str) -> str | None:
    if not (text.isascii() and text.isprintable()):
        bad = next((c for c in text if c not in ALLOWED and unsafe(c)), None)
        if bad is not None:
            return (
                f"a control or invisible formatting character ({shown(bad)}) at character "
                f"{text.index(bad) + 1}: the game's screens cannot show it"
            )
    if "[" in text and (tag := MARKUP.search(text)):
        return f"{shown(tag[0])} reads as markup on a screen; write brackets as ( ) or rephrase"
    return None
