"""The JSON schema of scenario files, generated from the models (``python -m game.model.schema``)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic.json_schema import models_json_schema

from .files import FILES, DecisionsFile


def scenario_schema() -> dict:
    """One schema document: a definition per kind of file, named by the file it describes."""
    kinds = [*FILES.values(), DecisionsFile]
    refs, schema = models_json_schema([(m, "validation") for m in kinds], by_alias=True)
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


def render() -> str:
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    out = Path(__file__).resolve().parents[2] / "scenarios" / "scenario.schema.json"
    out.write_text(render(), encoding="utf-8")
    print(f"wrote {out}")
