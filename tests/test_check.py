"""`brink check` on the mini scenario and on broken copies of it: each mistake is reported with
the file, the path inside it and what is wrong."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.content import load_scenario
from game.engine.check import CheckResult, check
from game.model.problem import Problem

DAY1 = "decisions/day1.toml"
DAY2 = "decisions/day2.toml"

UNREACHABLE_ON_MINI = {
    # (role, opponent, ending): why it cannot happen in the mini world
    ("kennedy", "historical", "war"),  # Moscow never fires: it withdraws or holds
    ("kennedy", "historical", "standoff"),  # after a blockade Moscow withdraws
    ("kennedy", "dove", "war"),
    ("kennedy", "dove", "standoff"),
    ("khrushchev", "historical", "war"),  # Washington blockades: danger stays below 6
    ("khrushchev", "hawk", "standoff"),  # Washington strikes, never blockades
    ("khrushchev", "dove", "war"),
    ("khrushchev", "dove", "standoff"),
}
ENDING_INDEX = {"war": 0, "deal": 1, "standoff": 2}


def run_check(folder: Path) -> CheckResult:
    return check(load_scenario(folder))


def unreachable(result: CheckResult) -> set[tuple[str, str, str]]:
    """(role, opponent, ending) for each 'unreachable' problem, checking its file and path."""
    found = set()
    for p in result.problems:
        if "unreachable" not in p.message:
            continue
        ending = p.message.split("'")[1]
        role, opponent = re.search(r"\(role (\w+), opponent (\w+)\)", p.message).groups()
        assert p.file == "endings.toml"
        assert p.path == f"ending[{ENDING_INDEX.get(ending, len(ENDING_INDEX))}]"
        found.add((role, opponent, ending))
    return found


def test_mini_is_sound(mini):
    """Mini has no problem: against the random opponent every decision and ending is reached."""
    assert check(mini).problems == ()


def test_other_opponents_show_what_they_let_a_player_see(mini):
    """The historical, hawk and dove walks report what each opponent lets a player reach: on
    mini exactly the endings it can reach, and no problem for the ones it cannot."""
    result = check(mini)
    for x in result.explorations:
        if x.policy == "random":
            continue
        missing = {(x.role, x.policy, e) for e in {"war", "deal", "standoff"} - x.endings}
        assert missing == {u for u in UNREACHABLE_ON_MINI if u[:2] == (x.role, x.policy)}


def test_origins_name_each_decisions_file_and_index(mini):
    """Each decision is located as `decisions/<file>: decision[i]`."""
    assert mini.origins == (f"{DAY1}: decision[0]", f"{DAY2}: decision[0]")


def test_unknown_track_in_an_effect(copy_mini, edit):
    """A misspelt track is named by file, exact path and the known tracks."""
    edit(copy_mini / DAY1, 'track = "danger", by = 1', 'track = "danjer", by = 1')
    [p] = run_check(copy_mini).problems
    assert p.file == DAY1
    assert p.path == "decision[0].option[0].effects[1].track"
    assert p.message == "unknown track 'danjer' (known: danger, defcon, secret)"
    assert str(p).startswith("decisions/day1.toml: decision[0].option[0].effects[1].track: ")


def test_broken_references_stop_before_the_walk(copy_mini, edit):
    """With broken references the checker reports them and does not walk a broken world."""
    edit(copy_mini / DAY1, 'track = "danger", by = 1', 'track = "danjer", by = 1')
    assert run_check(copy_mini).explorations == ()


def test_dangling_history_option(copy_mini, edit):
    """history.option must name one of the decision's options."""
    edit(copy_mini / DAY1, 'option = "blockade"\ndate', 'option = "nope"\ndate')
    [p] = run_check(copy_mini).problems
    assert (p.file, p.path) == (DAY1, "decision[0].history.option")
    assert p.message == "unknown option 'nope' (known: blockade, strike, talk)"


def test_dangling_adviser_option(copy_mini, edit):
    """An adviser can only argue for an option the decision offers."""
    edit(copy_mini / DAY1, 'option = "strike"\nargument', 'option = "nope"\nargument')
    [p] = run_check(copy_mini).problems
    assert (p.file, p.path) == (DAY1, "decision[0].advisers[0].option")
    assert "unknown option 'nope'" in p.message


def test_unknown_adviser_person(copy_mini, edit):
    """Advisers must be people declared in people.toml."""
    edit(copy_mini / DAY1, 'person = "lemay"', 'person = "lemy"')
    [p] = run_check(copy_mini).problems
    assert (p.file, p.path) == (DAY1, "decision[0].advisers[0].person")
    assert p.message.startswith("unknown person 'lemy' (known: ")


def test_chose_condition_naming_a_missing_option(copy_mini, edit):
    """`chose` must name options of the decision it names; the bad one is pointed at."""
    edit(
        copy_mini / DAY2,
        'when = { kind = "track", track = "danger", min = 6 }',
        'when = { kind = "chose", decision = "respond", options = ["strike", "nope"] }',
    )
    [p] = run_check(copy_mini).problems
    assert (p.file, p.path) == (DAY2, "decision[0].option[2].when.options[1]")
    assert p.message == "unknown option 'nope' (known: blockade, strike, talk)"


def test_chose_condition_naming_a_missing_decision(copy_mini, edit):
    """`chose` naming an unknown decision is one problem at `.decision` (no cascade)."""
    edit(
        copy_mini / DAY2,
        'when = { kind = "track", track = "danger", min = 6 }',
        'when = { kind = "chose", decision = "respnd", options = ["strike"] }',
    )
    [p] = run_check(copy_mini).problems
    assert (p.file, p.path) == (DAY2, "decision[0].option[2].when.decision")
    assert "unknown decision 'respnd'" in p.message


def test_nested_condition_path(copy_mini, edit):
    """A bad flag deep inside all/not is located through `.of[i]` and `.of`."""
    edit(
        copy_mini / DAY2,
        'when = { kind = "track", track = "danger", min = 6 }',
        'when = { kind = "all", of = [{ kind = "track", track = "danger", min = 6 }, '
        '{ kind = "not", of = { kind = "flag", flag = "blokade" } }] }',
    )
    [p] = run_check(copy_mini).problems
    assert (p.file, p.path) == (DAY2, "decision[0].option[2].when.of[1].of.flag")
    assert "unknown flag 'blokade'" in p.message


def test_unknown_ending_in_an_end_effect(copy_mini, edit):
    """An End effect must name a declared ending."""
    edit(copy_mini / DAY2, 'ending = "war"', 'ending = "peace"')
    [p] = run_check(copy_mini).problems
    assert (p.file, p.path) == (DAY2, "decision[0].option[2].effects[0].ending")
    assert p.message == "unknown ending 'peace' (known: deal, standoff, war)"


def test_unknown_phase(copy_mini, edit):
    """A decision's phase must be in the calendar."""
    edit(copy_mini / DAY2, 'phase = "day2"', 'phase = "day3"')
    [p] = run_check(copy_mini).problems
    assert (p.file, p.path) == (DAY2, "decision[0].phase")
    assert "unknown phase 'day3'" in p.message


def test_unreachable_ending(copy_mini, edit):
    """An ending whose flag is declared but never set is unreachable for every role and policy."""
    edit(
        copy_mini / "scenario.toml",
        '[[flag]]\nid = "blockade"',
        '[[flag]]\nid = "never"\ndescription = "Never set."\n\n[[flag]]\nid = "blockade"',
    )
    with (copy_mini / "endings.toml").open("a", encoding="utf-8") as f:
        f.write(
            '\n[[ending]]\nid = "ghost"\ntitle = "Ghost"\npriority = 0\nchecked = "always"\n'
            'when = { kind = "flag", flag = "never" }\nepilogue = "x"\nhistorians = "y"\n'
        )
    result = run_check(copy_mini)
    assert unreachable(result) == {
        ("kennedy", "random", "ghost"),
        ("khrushchev", "random", "ghost"),
    }
    assert len(result.problems) == 2


def test_unreachable_decision(copy_mini, edit):
    """A decision whose condition can never hold is reported in its file, once per campaign."""
    edit(
        copy_mini / DAY2,
        'phase = "day2"',
        'phase = "day2"\nwhen = { kind = "track", track = "danger", min = 99 }',
    )
    problems = [p for p in run_check(copy_mini).problems if p.file == DAY2]
    assert {p.path for p in problems} == {"decision[0]"}
    assert sorted(p.message for p in problems) == [
        f"decision 'moscow' is never reached (role {r}, opponent random): no state leads there "
        f"(a search directed at its condition met {n} states; from every other, nothing "
        "still to come can make it hold); check its phase and 'when'"
        for r, n in (("kennedy", 2), ("khrushchev", 8))
    ]


def test_dead_end_without_a_fallback_ending(copy_mini):
    """Without the fallback, a blockade Moscow defies ends with no ending: found in a few random
    games before any walk, and said in one line per campaign with the path that leads to it."""
    endings = copy_mini / "endings.toml"
    text = endings.read_text("utf-8")
    endings.write_text(text[: text.index('[[ending]]\nid = "standoff"')], "utf-8")
    result = run_check(copy_mini)
    assert [str(p) for p in result.problems] == [
        "endings.toml: no ending holds when the calendar runs out after respond=blockade (role "
        "kennedy): give one ending no 'when', as the fallback",
        "endings.toml: no ending holds when the calendar runs out after moscow=hold (role "
        "khrushchev): give one ending no 'when', as the fallback",
    ]
    assert result.explorations == ()  # no walk of every state


def test_a_decision_with_no_option_open_is_the_cause_not_reachability(copy_mini, edit):
    """Every option of the first decision gated on danger >= 9 (it starts at 2): the check says
    so in one line at that decision, at once, instead of walking and blaming reachability."""
    path = copy_mini / "decisions" / "day1.toml"
    gate = '[[decision.option]]\nwhen = { kind = "track", track = "danger", min = 9 }'
    path.write_text(path.read_text("utf-8").replace("[[decision.option]]", gate), "utf-8")
    result = run_check(copy_mini)
    [p] = result.problems
    assert (p.file, p.path) == ("decisions/day1.toml", "decision[0]")
    assert "no option is offered when reached after the start" in p.message
    assert "never reached" not in p.message and result.explorations == ()


def test_the_walk_stops_at_its_deadline(mini):
    """explore_all takes a deadline; a walk past it stops and says it is incomplete."""
    import time

    from game.engine.explore import explore

    w = explore(mini, "kennedy", "hawk", dives=0, deadline=time.monotonic() - 1)
    assert w.states <= w.starts and not (w.complete and w.states > w.starts)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        (r"Clear\u001b[2J the screen", "\\x1b"),
        (r"a\u000dcarriage return", "\\r"),
        ("turned \u202e around", "\\u202e"),
        ("hidden\u200bspace", "\\u200b"),
        ("a [@click=app.quit]link[/]", "reads as markup"),
        ("[bold]loud[/bold]", "reads as markup"),
    ],
)
def test_scenario_text_a_screen_cannot_show_is_refused(copy_mini, edit, text, what):
    edit(copy_mini / "decisions" / "day1.toml", 'label = "Talk"', f'label = "{text}"')
    problems = run_check(copy_mini).problems
    [p] = problems
    assert (p.file, p.path) == ("decisions/day1.toml", "decision[0].option[2].label")
    assert what in p.message


def test_duplicate_option_ids(copy_mini, edit):
    """Two options with one id in a decision are reported at the second one."""
    edit(copy_mini / DAY1, 'id = "talk"', 'id = "strike"')
    [p] = run_check(copy_mini).problems
    assert (p.file, p.path, p.message) == (
        DAY1,
        "decision[0].option[2].id",
        "duplicate id 'strike'",
    )


def test_duplicate_ending_ids(copy_mini, edit):
    """Two endings with one id are reported at the second one."""
    edit(copy_mini / "endings.toml", 'id = "standoff"', 'id = "war"')
    [p] = run_check(copy_mini).problems
    assert (p.file, p.path, p.message) == ("endings.toml", "ending[2].id", "duplicate id 'war'")


def test_duplicate_track_ids(copy_mini, edit):
    """Two tracks with one id are reported in scenario.toml."""
    edit(copy_mini / "scenario.toml", 'id = "secret"', 'id = "danger"')
    problems = run_check(copy_mini).problems
    assert (
        Problem(file="scenario.toml", path="track[2].id", message="duplicate id 'danger'")
        in problems
    )


def test_duplicate_decision_ids_name_the_file(copy_mini, edit):
    """A decision id used again in another file is reported in that file, and the first
    decision's own (correct) options are not reported as unknown.

    (It was once reported as `decisions/: decision[1].id`, in no file, and since the option
    table kept only the last decision of an id, the day1 decision's options are wrongly reported unknown in day2.toml."""
    edit(copy_mini / DAY2, 'id = "moscow"', 'id = "respond"')
    problems = run_check(copy_mini).problems
    dup = [p for p in problems if "duplicate id 'respond'" in p.message]
    assert [(p.file, p.path) for p in dup] == [(DAY2, "decision[0].id")]
    assert not [p for p in problems if "unknown option" in p.message], problems


def test_unknown_source_key(copy_mini, edit):
    """Sources cited by a history record must be declared in sources.toml."""
    edit(copy_mini / DAY1, 'sources = ["DOB"]', 'sources = ["NOPE"]')
    [p] = run_check(copy_mini).problems
    assert (p.file, p.path) == (DAY1, "decision[0].history.sources[0]")
    assert p.message == "unknown source 'NOPE' (known: DOB)"


def test_unknown_source_key_in_events(copy_mini, edit):
    """The same holds for events.toml, pointing at the exact list index."""
    edit(copy_mini / "events.toml", 'sources = ["DOB"]', 'sources = ["DOB", "XX"]')
    [p] = run_check(copy_mini).problems
    assert (p.file, p.path) == ("events.toml", "event[0].sources[1]")


@pytest.mark.parametrize("how", ["two", "none"])
def test_exactly_one_historical_ending(copy_mini, edit, how):
    """Two historical endings, or none, is an error in endings.toml."""
    if how == "two":
        edit(copy_mini / "endings.toml", "priority = 9\n", "priority = 9\nhistorical = true\n")
    else:
        edit(copy_mini / "endings.toml", "historical = true\n", "")
    [p] = run_check(copy_mini).problems
    assert (p.file, p.path) == ("endings.toml", "")
    assert p.message == "exactly one ending must say historical = true"


def test_gain_with_unknown_dimension(copy_mini, edit):
    """Every gain must use a dimension declared in scenario.toml."""
    edit(
        copy_mini / "endings.toml",
        'dimension = "war_avoided", score = 1',
        'dimension = "prestige", score = 1',
    )
    [p] = run_check(copy_mini).problems
    assert (p.file, p.path) == ("endings.toml", "ending[2].gain[0].dimension")
    assert "unknown dimension 'prestige'" in p.message


def test_history_not_reaching_the_historical_ending(copy_mini, edit):
    """If history's choices on both sides do not end in the historical ending, it is said."""
    edit(copy_mini / DAY2, 'option = "withdraw"\ndate', 'option = "hold"\ndate')
    problems = run_check(copy_mini).problems
    wrong = [p for p in problems if "history's choices" in p.message]
    assert {p.message for p in wrong} == {
        f"history's choices on both sides end in 'standoff', not the historical ending 'deal' "
        f"(role {r})"
        for r in ("kennedy", "khrushchev")
    }
    assert all(p.file == "endings.toml" for p in wrong)
