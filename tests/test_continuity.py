"""Texts that follow the state (variants, ending parts, the chain, phases) and the continuity
proof of `brink check`: a text shown where what it assumes is false is named by file and path,
with the choices that show it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.content import default_scenario_dir, load_scenario
from game.engine import choose, ending_told, new_game, offered, view
from game.engine.check import check

DAY1 = "decisions/day1.toml"
DAY2 = "decisions/day2.toml"

HOLD_VARIANT = """\
effects = [{ kind = "track", track = "danger", by = 1, reason = "defiance" }, { kind = "track", track = "secret", by = 1, reason = "hidden" }]

[[decision.option.variant]]
when = { kind = "flag", flag = "blockade" }
label = "Hold firm behind the line"
result = "They stay, behind the blockade line."
"""


def play(scenario, role, picks, opponent="hawk", events="historical", seed=0):
    out = new_game(scenario, role, seed, opponent, events)
    told = list(out.happenings)
    for p in picks:
        out = choose(scenario, out.state, p)
        told += out.happenings
    return out.state, told


def test_an_option_variant_follows_the_state(copy_mini, edit):
    """The other side's answer is told in the words of the first variant whose `when` held
    before its effects; the plain words where none holds."""
    edit(copy_mini / DAY2, HOLD_VARIANT.split("\n\n")[0], HOLD_VARIANT)
    s = load_scenario(copy_mini)
    _, told = play(s, "kennedy", ["blockade"])
    answer = next(h for h in told if h.kind == "answer")
    assert (answer.text, answer.option.label) == (
        "They stay, behind the blockade line.",
        "Hold firm behind the line",
    )
    assert answer.option.detail == "Keep them."  # not in the variant: the plain text
    _, told = play(s, "kennedy", ["talk"])
    answer = next(h for h in told if h.kind == "answer")
    assert (answer.text, answer.option.label) == ("They stay.", "Hold firm")


def test_a_decision_variant_and_an_adviser_variant_in_the_view(copy_mini, edit):
    """The view shows the decision's and the adviser's words for the state it is built on."""
    edit(
        copy_mini / DAY1,
        'argument = "Bomb them."',
        'argument = "Bomb them."\n\n[[decision.advisers.variant]]\n'
        'when = { kind = "player", side = "usa" }\nargument = "Bomb them now."\noption = "talk"\n\n'
        '[[decision.variant]]\nwhen = { kind = "track", track = "danger", max = 5 }\n'
        'situation = "Missiles, photographed; calm so far."',
    )
    s = load_scenario(copy_mini)
    v = view(s, new_game(s, "kennedy").state)
    assert v.situation == ("Missiles, photographed; calm so far.",)
    assert v.title == "Respond to the photos"
    assert [(a.argument, a.option) for a in v.advisers] == [("Bomb them now.", "Talk")]


def test_an_ending_composed_from_the_game(copy_mini, edit):
    """An ending's parts that hold are added to its epilogue or historians' view, and its
    chain lists the links of the acts and incidents of this game in order; the happening and
    the ending screens tell the same."""
    edit(
        copy_mini / DAY1,
        'result = "The navy sails."',
        'result = "The navy sails."\nchain = "a blockade"',
    )
    edit(
        copy_mini / "events.toml",
        'text = "A plane strays."',
        'text = "A plane strays."\nchain = "a stray plane"',
    )
    edit(copy_mini / DAY2, 'result = "They stay."', 'result = "They stay."\nchain = "defiance"')
    edit(
        copy_mini / "endings.toml",
        'epilogue = "Nothing resolved."',
        'epilogue = "Nothing resolved."\nchain = "How it came to this:"\n'
        'part = [{ when = { kind = "flag", flag = "blockade" }, text = "The blockade stays." },'
        ' { when = { kind = "flag", flag = "blockade" }, text = "Unsolved.", to = "historians" },'
        ' { when = { kind = "flag", flag = "never" }, text = "Never." }]',
    )
    edit(
        copy_mini / "scenario.toml",
        'id = "blockade"',
        'id = "never"\ndescription = "Never set."\n\n[[flag]]\nid = "blockade"',
    )
    s = load_scenario(copy_mini)
    state, told = play(s, "kennedy", ["blockade"])
    assert state.ending == "standoff"
    e = ending_told(s, state)
    assert e.epilogue == (
        "Nothing resolved.\n\nThe blockade stays.\n\n"
        "How it came to this: a blockade; a stray plane; defiance."
    )
    assert e.historians == "Invented.\n\nUnsolved."
    assert told[-1].kind == "ending" and told[-1].text == e.epilogue


def test_a_phase_skipped_and_a_phase_retitled(copy_mini, edit):
    """A phase whose `skip_when` holds is passed over (no incident, no decision); a phase
    variant gives its title for the state."""
    edit(
        copy_mini / "scenario.toml",
        'title = "Answer"',
        'title = "Answer"\nskip_when = { kind = "track", track = "danger", min = 7 }',
    )
    edit(
        copy_mini / "scenario.toml",
        'title = "Photos"',
        'title = "Photos"\nvariant = [{ when = { kind = "player", side = "ussr" }, title = "Seen"}]',
    )
    s = load_scenario(copy_mini)
    assert view(s, new_game(s, "kennedy").state).phase_title == "Photos"
    state, told = play(s, "kennedy", ["strike"])  # danger 2 + 5 = 7: day 2 makes no sense
    assert "moscow" not in {x.decision for x in state.steps}
    assert not any(h.kind == "event" for h in told)
    state, _ = play(s, "kennedy", ["talk"])
    assert "moscow" in {x.decision for x in state.steps}


def test_an_answer_waits_for_what_it_answers(copy_mini, edit):
    """A decision with `after` arises only once the decisions it names are settled, whichever
    side plays which: Washington's answer comes after Moscow's feeler, though listed first."""
    edit(
        copy_mini / DAY2,
        'title = "Moscow answers"',
        'title = "Moscow answers"\nafter = ["feeler"]',
    )
    feeler = (copy_mini / DAY2).read_text("utf-8").replace('id = "moscow"', 'id = "feeler"')
    feeler = feeler.replace('after = ["feeler"]\n', "").replace('side = "ussr"', 'side = "usa"')
    (copy_mini / "decisions" / "day2b.toml").write_text(feeler, "utf-8")
    s = load_scenario(copy_mini)
    assert [d.id for d in s.decisions_in(1)] == ["moscow", "feeler"]
    state, _ = play(s, "kennedy", ["talk", "hold"])
    assert [x.decision for x in state.steps][-2:] == ["feeler", "moscow"]


HOLD = (
    'effects = [{ kind = "track", track = "danger", by = 1, reason = "defiance" }, '
    '{ kind = "track", track = "secret", by = 1, reason = "hidden" }]'
)


def test_a_track_change_made_only_when_its_condition_holds(copy_mini, edit):
    """Two changes of one track with different reasons and amounts: the one whose `when`
    holds before the effects is made, with its reason; the other is not."""
    edit(
        copy_mini / DAY2,
        HOLD,
        'effects = [{ kind = "track", track = "danger", by = 1, reason = "defiance behind the '
        'line", when = { kind = "flag", flag = "blockade" } }, { kind = "track", track = '
        '"danger", by = 2, reason = "open defiance", when = { kind = "flag", flag = "blockade", '
        "is = false } }]",
    )
    s = load_scenario(copy_mini)
    games = (("blockade", "defiance behind the line", 1), ("talk", "open defiance", 2))
    for pick, reason, by in games:
        _, told = play(s, "kennedy", [pick])
        answer = next(h for h in told if h.kind == "answer")
        assert [(c.reason, c.after - c.before) for c in answer.changes] == [(reason, by)]


# --- the proof -------------------------------------------------------------------------------


def test_a_reason_shown_where_its_assumption_is_false_is_reported(copy_mini, edit):
    """A track change's reason that assumes a blockade, made where none was declared:
    reported at the change, with the choice that shows it."""
    edit(
        copy_mini / DAY2,
        HOLD,
        'effects = [{ kind = "track", track = "danger", by = 1, reason = "defiance behind the '
        'blockade line", assumes = { kind = "flag", flag = "blockade" } }]',
    )
    problems = check(load_scenario(copy_mini)).problems
    assert [(p.file, p.path) for p in problems] == [(DAY2, "decision[0].option[1].effects[0]")]
    message = problems[0].message
    assert message.startswith("shown after respond=") and "respond=blockade" not in message
    assert "although blockade is false (role kennedy" in message


def test_a_broken_assumption_at_the_start_is_reported_exactly(copy_mini, edit):
    """A decision that assumes a blockade, shown at the start where there is none."""
    edit(
        copy_mini / DAY1,
        'situation = "Missiles have been photographed."',
        'situation = "Missiles have been photographed."\n'
        'assumes = { kind = "all", of = [{ kind = "flag", flag = "blockade" }, '
        '{ kind = "track", track = "danger", max = 9 }] }',
    )
    problems = [str(p) for p in check(load_scenario(copy_mini)).problems]
    assert problems == [
        f"{DAY1}: decision[0]: shown after the start although blockade and danger <= 9 is false "
        "(role kennedy, opponent random, events historical)"
    ]


def test_a_broken_assumption_deeper_names_the_path(copy_mini, edit):
    """An answer whose variant assumes what its `when` does not give: reported at the
    variant, after the player's choices that lead there."""
    variant = HOLD_VARIANT.replace(
        'label = "Hold firm behind the line"',
        'assumes = { kind = "not", of = { kind = "track", track = "danger", min = 4 } }',
    )
    edit(copy_mini / DAY2, HOLD_VARIANT.split("\n\n")[0], variant)
    problems = check(load_scenario(copy_mini)).problems
    assert len(problems) == 1
    p = problems[0]
    assert (p.file, p.path) == (DAY2, "decision[0].option[1].variant[0]")
    assert p.message.startswith(
        "shown after respond=blockade although not (danger >= 4) is false ("
    )


@pytest.mark.slow
def test_a_false_assumption_in_a_broken_copy_of_the_scenario(tmp_path):
    """The shipped scenario, copied and broken: its first Kennedy decision assumes an invasion."""
    folder = tmp_path / "cmc"
    shutil.copytree(default_scenario_dir(), folder)
    path = folder / "decisions" / "oct16.toml"
    text = path.read_text("utf-8")
    head, rest = text.split("\n[[decision.", 1)  # the first decision's own keys, then the rest
    head = "\n".join(line for line in head.split("\n") if not line.startswith("assumes = "))
    head += '\nassumes = { kind = "flag", flag = "invasion" }\n'
    path.write_text(head + "\n[[decision." + rest, "utf-8")
    s = load_scenario(folder)
    assert s.decisions_in(s.start_position("kennedy"))[0].id == s.decisions[_index(s, path)].id
    problems = [str(p) for p in check(s).problems]
    assert problems == [
        "decisions/oct16.toml: decision[0]: shown after the start although invasion is false "
        "(role kennedy, opponent random, events historical)"
    ]


def _index(s, path: Path) -> int:
    return next(i for i, o in enumerate(s.origins) if o.startswith(f"decisions/{path.name}"))


def test_unknown_names_in_assumptions_and_variants(copy_mini, edit):
    """Assumptions, variants and answers name flags, options and decisions that exist."""
    edit(
        copy_mini / DAY2,
        'title = "Moscow answers"',
        'title = "Moscow answers"\nafter = ["respond"]\n'
        'assumes = { kind = "flag", flag = "blokade" }\n'
        'variant = [{ when = { kind = "track", track = "dangr", min = 1 }, title = "X" }]',
    )
    problems = [str(p) for p in check(load_scenario(copy_mini)).problems]
    assert problems == [
        f"{DAY2}: decision[0].assumes.flag: unknown flag 'blokade' (known: blockade, incident, warheads)",
        f"{DAY2}: decision[0].variant[0].when.track: unknown track 'dangr' (known: danger, defcon, secret)",
        f"{DAY2}: decision[0].after[0]: unknown decision of its phase 'respond' (known: none)",
    ]


# --- random paths never show a text whose assumption is false ---------------------------------

CMC = load_scenario(default_scenario_dir())


@settings(max_examples=60, deadline=None)
@given(
    role=st.sampled_from(["kennedy", "khrushchev"]),
    seed=st.integers(min_value=0, max_value=2**31),
    picks=st.lists(st.integers(min_value=0, max_value=9), min_size=1, max_size=40),
)
def test_random_paths_never_show_a_text_whose_assumption_is_false(role, seed, picks):
    """Random paths through the shipped scenario (random opponent, chaos events), explained
    and audited as a player's game is: every view and every happening, and never a lapse."""
    out = new_game(CMC, role, seed, "random", "chaos", audit=True)
    lapses = list(out.lapses)
    for i in range(200):
        if out.state.ending is not None:
            break
        v = view(CMC, out.state)
        assert v.options and v.situation
        options = offered(CMC.decision(out.state.pending), out.state)
        o = options[picks[i % len(picks)] % len(options)]
        out = choose(CMC, out.state, o.id, audit=True)
        assert out.happenings
        lapses += out.lapses
    assert out.state.ending is not None
    assert ending_told(CMC, out.state).epilogue
    assert lapses == [], [(type(x.owner).__name__, x.choices) for x in lapses]


def test_scali_answer_comes_after_moscow_decides_about_feklisov():
    """The Khrushchev player decides about the Feklisov channel before Washington's answer
    through Scali is told; the Kennedy player answers after Moscow's (secret) choice, which his
    situation then reflects."""
    for role in ("khrushchev", "kennedy"):
        out = new_game(CMC, role, 1)
        told = list(out.happenings)
        while out.state.ending is None:
            pick = CMC.decision(out.state.pending).history.option
            out = choose(CMC, out.state, pick)
            told += out.happenings
        order = [x.decision for x in out.state.steps]
        assert order.index("scali_feeler") < order.index("scali_channel"), role
        if role == "khrushchev":
            kinds = [(h.kind, h.decision.id) for h in told if h.decision is not None]
            assert kinds.index(("decision", "scali_feeler")) < kinds.index(
                ("answer", "scali_channel")
            )


def test_no_united_nations_header_over_an_invasion():
    """The phase of 25 October is headed "The United Nations" only while there is no war in
    Cuba: after an air strike it has another title (no landing comes before 29 October, so
    none is named)."""
    from game.engine.texts import phase_title

    phase = CMC.meta.phases[CMC.phase_position("oct25")]
    state = new_game(CMC, "kennedy", 1).state
    assert phase_title(phase, state) == "The United Nations"
    bombed = state.model_copy(update={"flags": state.flags | {"air_strike"}})
    assert phase_title(phase, bombed) == "After the air strike"
