"""The command line: check, timeline, simulate, and what they print for bad input."""

from __future__ import annotations

import json
import shutil

import pytest
from helpers import MINI, brink

from game.cli import main


@pytest.mark.slow
def test_check_passes_on_the_shipped_scenario():
    """The shipped scenario has no problems, and the summary gives the counts and the time."""
    r = brink("check", text=True)
    assert r.returncode == 0, r.stdout[-3000:]
    assert "No problems found." in r.stdout
    assert "decision points" in r.stdout and "states explored in" in r.stdout


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'track = "danger", by = 1, reason = "ships face each other"',
            'track = "milatary", by = 1, reason = "ships face each other"',
            "decisions/day1.toml: decision[0].option[0].effects[1].track: unknown track 'milatary'",
        ),
        (
            'option = "blockade"\ndate',
            'option = "nope"\ndate',
            "decisions/day1.toml: decision[0].history.option: unknown option 'nope'",
        ),
        (
            "stance = 2\nirreversible",
            'stance = "high"\nirreversible',
            "decisions/day1.toml: decision[0].option[1].stance",
        ),
    ],
)
def test_check_names_file_and_path_of_a_mistake(tmp_path, old, new, expected):
    """A broken copy fails with exit 1, the file and path named, and no traceback."""
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    path = folder / "decisions" / "day1.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    r = brink("check", str(folder), text=True)
    assert r.returncode == 1
    assert expected in r.stdout, r.stdout
    assert "Traceback" not in r.stdout + r.stderr


def test_check_finds_an_unreachable_ending(tmp_path):
    """An ending whose condition can never hold is reported as unreachable in endings.toml."""
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    path = folder / "endings.toml"
    path.write_text(
        path.read_text().replace(
            'when = { kind = "not", of = { kind = "flag", flag = "blockade" } }',
            'when = { kind = "track", track = "secret", min = 9 }',
        )
    )
    r = brink("check", str(folder), text=True)
    assert r.returncode == 1
    assert "endings.toml: ending[1]: ending 'deal' is unreachable" in r.stdout


def test_check_of_a_missing_folder_is_a_message(tmp_path):
    r = brink("check", str(tmp_path / "nowhere"), text=True)
    assert r.returncode == 1
    assert "no such scenario folder" in r.stdout and "Traceback" not in r.stderr


def test_simulate_json_is_one_object(capsys):
    """--json prints one JSON object with endings, peaks and mean divergence over all runs."""
    assert (
        main(
            [
                "simulate",
                "--role",
                "kennedy",
                "--policy",
                "random",
                "--runs",
                "200",
                "--seed",
                "5",
                "--scenario",
                str(MINI),
                "--json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["runs"] == 200 and sum(data["endings"].values()) == 200
    assert set(data["endings"]) <= {"war", "deal", "standoff"}
    assert sum(data["peak_danger"].values()) == 200
    assert 0 <= data["mean_divergence"] <= 100


def test_simulate_is_repeatable_from_its_seed(capsys):
    args = [
        "simulate",
        "--role",
        "kennedy",
        "--policy",
        "random",
        "--runs",
        "100",
        "--events",
        "chaos",
        "--opponent",
        "random",
        "--scenario",
        str(MINI),
        "--json",
    ]
    main([*args, "--seed", "9"])
    first = json.loads(capsys.readouterr().out)
    main([*args, "--seed", "9"])
    second = json.loads(capsys.readouterr().out)
    first.pop("seconds"), second.pop("seconds")
    assert first == second


@pytest.mark.parametrize("runs", ["0", "-3", "many"])
def test_simulate_refuses_bad_run_counts(runs):
    r = brink("simulate", "--role", "kennedy", "--policy", "random", "--runs", runs, text=True)
    assert r.returncode == 2 and "--runs" in r.stderr and "Traceback" not in r.stderr


def test_timeline_json_lists_dated_sourced_entries():
    """The shipped record is in date order, and every entry has sources."""
    r = brink("timeline", "--json", text=True)
    assert r.returncode == 0
    entries = json.loads(r.stdout)
    assert len(entries) >= 30
    dates = [e["date"] for e in entries]
    assert dates == sorted(dates) and dates[0].startswith("1959")
    assert all(e["sources"] for e in entries)


def test_timeline_text_shows_disputed_points():
    r = brink("timeline", text=True)
    assert r.returncode == 0 and "Disputed:" in r.stdout and "Sources:" in r.stdout
    assert "Sources: Michael Dobbs, One Minute to Midnight" in r.stdout
    assert "Sources: DOB" not in r.stdout, "sources are read by author and title, not by key"
