"""The JSON schema of scenario files, generated from the models (``python -m game.model.schema``)."""

from __future__ import annotations

import ast
import inspect
import itertools
import json
import textwrap
from pathlib import Path

from pydantic.json_schema import models_json_schema

from .base import Model
from .files import FILES, DecisionsFile


def scenario_schema() -> dict:
    """One schema document: a definition per kind of file, named by the file it describes."""
    kinds = [*FILES.values(), DecisionsFile]
    refs, schema = models_json_schema([(m, "validation") for m in kinds], by_alias=True)
    _add_descriptions(schema["$defs"])
    files = {name: refs[(model, "validation")] for name, model in FILES.items()}
    files["decisions/*.toml"] = refs[(DecisionsFile, "validation")]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Brink scenario files",
        "description": "Each property names a file of a scenario folder and the schema its TOML "
        "content follows. Generated from game/model; do not edit by hand.",
        "type": "object",
        "properties": files,
        "$defs": schema["$defs"],
    }


def attribute_docs(cls: type) -> dict[str, str]:
    """The docstrings written under a class's annotated attributes (its bases' first)."""
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if not issubclass(klass, Model) or klass is Model:
            continue
        body = ast.parse(textwrap.dedent(inspect.getsource(klass))).body[0].body
        for node, after in itertools.pairwise(body):
            if (
                isinstance(node, ast.AnnAssign)
                and isinstance(node.target, ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                docs[node.target.id] = inspect.cleandoc(after.value.value)
    return docs


def _models() -> dict[str, type]:
    found: dict[str, type] = {}
    todo = [Model]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            found.setdefault(sub.__name__, sub)
            todo.append(sub)
    return found


def _add_descriptions(defs: dict) -> None:
    """Give each property the docstring of its attribute, unless it has a description already
    (what pydantic's ``use_attribute_docstrings`` does, kept out of the models' import)."""
    models = _models()
    for name, definition in defs.items():
        cls = models.get(name)
        if cls is None or "properties" not in definition:
            continue
        docs = attribute_docs(cls)
        for field_name, info in cls.model_fields.items():
            prop = definition["properties"].get(info.alias or field_name)
            if prop is not None and field_name in docs and "description" not in prop:
                prop["description"] = docs[field_name]


def render() -> str:
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    out = Path(__file__).resolve().parents[2] / "scenarios" / "scenario.schema.json"
    out.write_text(render(), encoding="utf-8")
    print(f"wrote {out}")
