"""The layers point one way (ui -> engine -> model): model, engine and content load without
Textual or Rich, proved in a fresh interpreter."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def loaded_after(imports: str) -> set[str]:
    """Top-level module names in sys.modules after running ``imports`` in a new interpreter."""
    code = (
        f"import sys, json\n{imports}\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
    }
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    return set(json.loads(run.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "imports",
    [
        "import game.model",
        "import game.engine",
        "import game.content",
        "import game.model, game.engine, game.content\n"
        "import game.engine.check, game.engine.explore, game.engine.simulate, game.model.schema",
    ],
)
def test_core_does_not_import_the_ui_libraries(imports):
    """Importing the core leaves textual and rich out of sys.modules."""
    modules = loaded_after(imports)
    assert "game" in modules
    assert "textual" not in modules
    assert "rich" not in modules


def test_the_probe_would_see_textual():
    """The same probe does report textual when it is imported, so the test above can fail."""
    pytest.importorskip("textual")
    assert {"textual", "rich"} <= loaded_after("import textual.app")


LIBRARIES = r"(?:textual|textual_serve|rich|pydantic|pydantic_core|aiohttp)"
PRIVATE = re.compile(
    rf"\b(?:from|import)\s+{LIBRARIES}(?:\.\w+)*\._\w+"  # private modules
    r"|__pydantic_(?:fields_set|extra|private)__"  # pydantic's private fields
    r"|\bgc\.(?:freeze|unfreeze|set_threshold|disable|enable)\b"  # process-wide GC tuning
    r"|\bfrom\s+gc\s+import\b"  # the same, imported by name
    r"|\bgetattr\([^,]+,\s*[\"']_[a-z]"  # a private member by name
    r"|\b_get_left_gutter_width\b|\b_bindings_ready\b|\bself\._loop\b"  # private members used before
)


def test_no_private_library_api_outside_upstream():
    """Textual's, Rich's and pydantic's private modules and members, and process-wide GC
    tuning, appear in game/ only in game/ui/upstream.py, the one fence for them."""
    fence = ROOT / "game" / "ui" / "upstream.py"
    found = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in sorted((ROOT / "game").rglob("*.py"))
        if path != fence
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if PRIVATE.search(line)
    ]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    "line",
    [
        "from textual._styles_cache import StylesCache",
        "from textual_serve._binary_encode import load",
        "import rich._loop",
        "    gc.freeze()",
        "from gc import freeze",
        'process = getattr(service, "_process", None)',
    ],
)
def test_the_private_probe_sees(line):
    """Each form of private use that the test above looks for is seen by its probe."""
    assert PRIVATE.search(line)


FLOW_CALL = re.compile(r"\bself\.app\.(?:to_title|resume_file|new_game|choose|show_current)\(")


def test_screens_post_the_games_flow_rather_than_call_the_app():
    """Screens post ToTitle, OpenSave and StartGame (game/ui/flow.py) for the game's flow; none
    calls the app's to_title, resume_file, new_game, choose or show_current itself."""
    found = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in sorted((ROOT / "game" / "ui" / "screens").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FLOW_CALL.search(line)
    ]
    assert not found, "\n".join(found)
    assert FLOW_CALL.search("        self.app.to_title()")  # the probe sees a call
