"""The wheel ships the scenarios: installed (not editable) and run from another folder, it finds them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_ships_the_scenarios(tmp_path):
    """Build the wheel, unpack it alone on the path, and run `check` and `timeline` from elsewhere."""
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    wheel = next(wheels.glob("brink-*.whl"))
    target = tmp_path / "site"
    inst = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert inst.returncode == 0, inst.stderr
    assert (target / "game" / "scenarios" / "cuban-missile-crisis" / "scenario.toml").is_file()
    for page in ("student.html", "teacher.html", "full.html"):  # brink serve's own pages
        assert (target / "game" / "serve" / "templates" / page).is_file(), page
    for part in ("debrief.html.j2", "parts.html.j2", "report.css"):  # the debrief's report
        assert (target / "game" / "debrief" / "templates" / part).is_file(), part
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import game, game.content as c; print(game.__file__); print(c.default_scenario_dir())",
        ],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
    )
    assert where.stdout.startswith(str(target)), where.stdout
    assert str(target) in where.stdout.splitlines()[1]
    tl = subprocess.run(
        [sys.executable, "-m", "game", "timeline"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        timeout=120,
    )
    assert tl.returncode == 0 and "16 October 1962" in tl.stdout
