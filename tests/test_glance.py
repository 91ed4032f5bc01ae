"""Play at a glance, outside the Textual game: the status line, records told once without
repeating the choice, dates as people write them, plain mode level with the game (wrapped to
the terminal, endings found, the save's full path), the full-screen game refused without a
terminal, and names over 60 characters refused in Brink's words."""

from __future__ import annotations

import io
import random
import re

import pytest
from helpers import brink

from game import cli, engine
from game.engine.dates import long_date, long_moment
from game.engine.telling import tell_all
from game.plain import Plain
from game.saves import Game, write_save

ISO_DATE = re.compile(r"\b1[89]\d\d-\d\d-\d\d\b")


def test_status_line_names_danger_with_its_word_and_both_alerts(cmc):
    state = engine.new_game(cmc, "kennedy", 1).state
    assert engine.view(cmc, state).status == (
        "Danger 2/10, calm · US forces DEFCON 5 · SAC DEFCON 5"
    )
    hot = state.model_copy(
        update={"tracks": {**state.tracks, "danger": 7, "defcon": 3, "sac_defcon": 2}}
    )
    assert engine.view(cmc, hot).status == (
        "Danger 7/10, on the brink · US forces DEFCON 3 · SAC DEFCON 2"
    )


def test_dates_as_people_write_them():
    assert long_date("1962-10-16") == "16 October 1962"
    assert long_date("1962-10") == "October 1962"
    assert long_date("1997") == "1997"
    assert long_moment("2026-12-05T12:54:56+00:00") == "5 December 2026, 12:54 UTC"
    assert long_moment("not a stamp") == "not a stamp"


def test_brink_timeline_writes_dates_out(capsys):
    assert cli.main(["timeline"]) == 0
    out = capsys.readouterr().out
    assert "1 January 1959  Batista flees Cuba" in out
    assert not ISO_DATE.search(out), ISO_DATE.search(out)


def test_a_matched_record_says_so_once_and_a_diverged_one_names_historys_choice(cmc):
    game = engine.new_game(cmc, "kennedy", 1)
    matched = engine.choose(cmc, game.state, "secret_committee")
    (told,) = [t for t in tell_all(cmc, "usa", matched.happenings) if t.record]
    assert told.record.line == "You matched history — 16 October 1962, President Kennedy"
    assert told.record.summary is None  # no "You chose X; history chose X"
    other = engine.choose(cmc, game.state, "strike_now")
    (told,) = [t for t in tell_all(cmc, "usa", other.happenings) if t.record]
    assert told.record.line.startswith("You diverged from history: history chose “")
    assert "(16 October 1962, President Kennedy)" in told.record.line


def play_plain(cmc, folder, lines: bytes, seed: int = 3) -> str:
    game = Game(cmc, engine.new_game(cmc, "kennedy", seed).state)
    out = io.StringIO()
    Plain(game, io.BytesIO(lines), out, lambda g: write_save(folder, g.to_save()), folder).run()
    return out.getvalue()


def test_plain_at_80_columns_wraps_everything_shows_no_iso_date_and_ends_well(
    cmc, tmp_path, monkeypatch
):
    """A whole game, help first, at COLUMNS=80 (off history's path: option 1 every turn): no
    line is over 80 columns, no ISO date is shown, the end counts the endings found (recorded
    as the game records them) and prints the save's full path."""
    monkeypatch.setenv("COLUMNS", "80")
    out = play_plain(cmc, tmp_path, b"h\n" + b"1\ny\n" * 40)
    (path,) = [p for p in tmp_path.glob("*.json") if p.name != "discoveries.json"]
    whole = f"  {path.resolve()}"  # a path is printed whole, to be copied
    long = [line for line in out.splitlines() if len(line) > 80 and line != whole]
    assert not long, long
    assert not ISO_DATE.search(out), ISO_DATE.search(out)
    assert "q    save and quit" in out  # the help, wrapped and in columns
    assert re.search(r"\nEndings found: 1 of \d+\n", out)
    assert f"\n{whole}\n" in out
    assert (tmp_path / "discoveries.json").exists()
    again = play_plain(cmc, tmp_path, b"1\ny\n" * 40, seed=4)
    assert re.search(r"\nEndings found: [12] of \d+\n", again)


ANY_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _keys(pattern: str, seed: int) -> bytes:
    """What a player types: one option number every turn (and y when asked to confirm), or
    anything at all: numbers, the help, the tracks, the advisers, nonsense."""
    if pattern != "random":
        return f"{pattern}\ny\n".encode() * 60
    rng = random.Random(seed)
    keys = ["1", "2", "3", "4", "a", "t", "h", "y", "9", "", "what?"]
    return "\n".join(rng.choice(keys) for _ in range(700)).encode() + b"\n"


@pytest.mark.parametrize(
    ("role", "seed", "pattern"),
    [
        ("kennedy", 1, "1"),
        ("kennedy", 2, "2"),
        ("kennedy", 3, "random"),
        ("khrushchev", 1, "1"),
        ("khrushchev", 2, "2"),
        ("khrushchev", 3, "random"),
    ],
)
def test_whole_plain_games_fit_80_columns_and_show_no_iso_date(
    cmc, tmp_path, monkeypatch, role, seed, pattern
):
    """Whole games of both campaigns at COLUMNS=80, as ``yes 1``, ``yes 2`` or a random
    player types: every line fits in 80 columns (the record's sources, the help, the tracks
    and the ending included) and no date is written the ISO way. Only the save's path is
    printed whole, to be copied."""
    monkeypatch.setenv("COLUMNS", "80")
    game = Game(cmc, engine.new_game(cmc, role, seed).state)
    out = io.StringIO()
    save = lambda g: write_save(tmp_path, g.to_save())  # noqa: E731
    Plain(game, io.BytesIO(_keys(pattern, seed)), out, save, tmp_path).run()
    text = out.getvalue()
    assert game.state.ending is not None and "Endings found:" in text  # played to the end
    whole = f"  {tmp_path.resolve() / (game.id + '.json')}"
    long = [line for line in text.splitlines() if len(line) > 80 and line != whole]
    assert not long, long
    assert not ANY_ISO_DATE.search(text), ANY_ISO_DATE.search(text)


def test_brink_timeline_fits_the_terminal(capsys, monkeypatch):
    """The timeline is wrapped as plain mode is, its dated headings too."""
    monkeypatch.setenv("COLUMNS", "80")
    assert cli.main(["timeline"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(map(len, lines)) <= 80
    assert "22 October 1962 (night of 22–23 October)  Moscow declines to let Pliyev use" in lines


def test_plain_keeps_the_record_after_the_story(cmc, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    out = play_plain(cmc, tmp_path, b"h\nq\n")
    lines = [line for line in out.splitlines() if not line.startswith("  brink resume")]
    assert max(map(len, lines)) <= 60  # the resume command is printed whole, to be copied
    out = play_plain(cmc, tmp_path, b"1\nq\n")
    story, record = out.index("You chose:"), out.index("You diverged from history")
    assert story < record


def test_the_full_screen_game_without_a_terminal_says_use_plain():
    """`echo 1 | brink` exits 2 at once, naming brink play --plain, rather than taking over
    the screen and waiting."""
    for args in ([], ["play"]):
        r = brink(*args, stdin=b"1\n", timeout=30)
        assert r.returncode == 2, r
        assert b"brink play --plain" in r.stderr
        assert b"Traceback" not in r.stderr and not r.stdout


def test_a_name_over_60_characters_is_refused_in_brinks_words(tmp_path, capsys):
    code = cli.main(["play", "--plain", "--player", "x" * 61, "--saves-dir", str(tmp_path)])
    assert code == 1
    err = capsys.readouterr().err
    assert err.strip() == "brink: --player: at most 60 characters (this one has 61)"
    code = cli.main(["play", "--plain", "--class", "y" * 70, "--saves-dir", str(tmp_path)])
    assert "--class: at most 60 characters (this one has 70)" in capsys.readouterr().err


def _whole_game(cmc, role: str, seed: int, pick_option):
    """A whole game played turn by turn as a player would, ``pick_option(options)`` choosing."""
    state = engine.new_game(cmc, role, seed).state
    while state.ending is None:
        state = engine.choose(cmc, state, pick_option(state.offer)).state
    return state


@pytest.mark.parametrize(
    ("role", "seed", "pick_option"),
    [
        ("kennedy", 1, lambda offer: offer[0]),
        ("kennedy", 2, lambda offer: offer[-1]),
        ("khrushchev", 1, lambda offer: offer[0]),
    ],
)
def test_the_danger_chart_has_one_value_per_turn_the_player_played(cmc, role, seed, pick_option):
    """The chart and the peaks cover the campaign's own turns: the Kennedy campaign's steps
    settled before 16 October 1962 and the other side's answers are no values of their own.
    Each value is the highest danger of its turn, so the peak is the chart's highest."""
    from game.engine.compare import campaign_turns

    state = _whole_game(cmc, role, seed, pick_option)
    mine = [s for s in state.steps if s.by_player]
    r = engine.report(cmc, state)
    assert len(r.dangers) == len(mine) < len(state.trail)
    assert [p.turn for p in r.turns] == [s.turn for s in mine]
    assert r.turns == campaign_turns(cmc, state)
    assert r.peak_danger == max(r.dangers) and r.peak_defcon == min(p.defcon for p in r.turns)
    assert engine.peaks(cmc, state) == (r.peak_danger, r.peak_defcon)
    start = cmc.start_position(role)
    opening = [p for p in state.trail if cmc.phase_position(p.phase) < start][-1:]
    played = [p for p in state.trail if cmc.phase_position(p.phase) >= start]
    assert r.peak_danger == max(p.danger for p in opening + played)
    assert r.danger_words.startswith("Danger by turn: " + " ".join(map(str, r.dangers)) + " (")
    out = io.StringIO()
    Plain(Game(cmc, state), io.BytesIO(), out, lambda g: None).ending()
    assert r.danger_words in " ".join(out.getvalue().split())


def test_a_game_with_no_choice_yet_charts_its_opening(cmc):
    """Before the first choice the chart is the campaign as it opened, not the years before."""
    from game.engine.compare import campaign_turns

    state = engine.new_game(cmc, "kennedy", 1).state
    assert len(state.trail) > 1  # the years before, settled
    assert [p.danger for p in campaign_turns(cmc, state)] == [state.trail[-1].danger]
    state = engine.choose(cmc, state, state.offer[0]).state
    assert len(campaign_turns(cmc, state)) == 1


def _khrushchev_at(cmc, phase_id: str):
    """The Khrushchev campaign on history's path, at the first turn of ``phase_id``."""
    state = engine.new_game(cmc, "khrushchev", 1).state
    while cmc.meta.phases[state.phase].id != phase_id:
        d = cmc.decision(state.pending)
        option = d.history.option or engine.view(cmc, state).options[0].id
        state = engine.choose(cmc, state, option).state
    return state


def test_tracks_and_people_as_of_the_date(cmc):
    """January 1959: no "Kennedy at home" (he was not yet president), and Alekseyev is a KGB
    officer; May 1962: he argues for making himself ambassador as the KGB officer in Havana
    he then was; April 1961, after the inauguration, Kennedy's standing is shown."""
    first = engine.view(cmc, engine.new_game(cmc, "khrushchev", 1).state)
    assert "us_standing" not in {t.track.id for t in first.tracks}
    assert {a.name: a.title for a in first.advisers}["Aleksandr I. Alekseyev"] == "KGB officer"
    assert "us_standing" in {
        t.track.id for t in engine.view(cmc, _khrushchev_at(cmc, "y1961_apr")).tracks
    }
    may = engine.view(cmc, _khrushchev_at(cmc, "y1962_may"))
    (alekseyev,) = [a for a in may.advisers if a.name == "Aleksandr I. Alekseyev"]
    assert alekseyev.option == "Make Alekseyev ambassador"
    assert "ambassador" not in alekseyev.title.lower() and "KGB" in alekseyev.title
    assert cmc.person("alekseyev").title_on("1962-10-22") == "Soviet Ambassador to Cuba"


def test_world_opinion_says_whose_and_is_worse_for_moscow_when_it_moves_to_washington(cmc):
    from game.engine.telling import told_change
    from game.model.state import Change

    c = Change(1, "world_opinion", 5, 6, "Moscow is heard threatening a wider war")
    soviet, american = told_change(cmc, c, "ussr"), told_change(cmc, c, "usa")
    assert soviet.text.startswith("+1 World opinion for Washington (5 → 6, worse)")
    assert soviet.effect == "worse" and american.effect == "better"
