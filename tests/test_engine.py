"""The engine on the mini scenario: starting, viewing, choosing, the other side's policies,
events, endings, determinism, purity, confirmation and the comparison with history.

Every test runs twice, as ink's do: once as written, and once with every state the engine
takes in or gives out written as JSON and read back, so nothing a save would carry is lost."""

from __future__ import annotations

import random
import sys

import pytest
from pydantic import TypeAdapter

from game.engine import IllegalMove, choose, needs_confirm, new_game, pick, report, view
from game.engine.compare import divergence
from game.engine.rules import Draft, Fate, holds
from game.engine.view import TrackView, change_text, shown_order
from game.model import Condition, GameState
from game.model.scenario import Decision, Entry, Option, Scenario
from game.model.state import Change, Point, Step

# --- helpers --------------------------------------------------------------------------------

_choose, _new_game = choose, new_game


def _through_json(state: GameState) -> GameState:
    again = GameState.model_validate_json(state.model_dump_json())
    assert again == state
    return again


def _choose_json(scenario, state, option_id, **kw):
    outcome = _choose(scenario, _through_json(state), option_id, **kw)
    return type(outcome)(_through_json(outcome.state), outcome.happenings)


def _new_game_json(*args, **kw):
    outcome = _new_game(*args, **kw)
    return type(outcome)(_through_json(outcome.state), outcome.happenings)


@pytest.fixture(autouse=True, params=["direct", "json"])
def _round_trip(request, monkeypatch):
    """Run the test as written, then again with states passed through JSON."""
    if request.param == "json":
        module = sys.modules[__name__]
        monkeypatch.setattr(module, "choose", _choose_json)
        monkeypatch.setattr(module, "new_game", _new_game_json)


def play(s: Scenario, role: str, choices=(), **kw) -> GameState:
    """Start a game and take the given options in turn."""
    state = new_game(s, role, **kw).state
    for option in choices:
        state = choose(s, state, option).state
    return state


def rebuild(s: Scenario, **changes) -> Scenario:
    """A new Scenario with some fields replaced (its look-up tables rebuilt)."""
    fields = {name: getattr(s, name) for name in Scenario.model_fields}
    fields.update(changes)
    return Scenario(**fields)


def with_event(s: Scenario, **changes) -> Scenario:
    return rebuild(s, events=(s.events[0].model_copy(update=changes),))


def at(state: GameState, **changes) -> GameState:
    """The same state with some fields replaced (a position the story can reach only rarely)."""
    return state.model_copy(update=changes)


def kinds(outcome) -> list[str]:
    return [h.kind for h in outcome.happenings]


# --- new_game and view ----------------------------------------------------------------------


def test_new_game_waits_at_the_players_first_decision(mini):
    """Kennedy's game starts at day 1 with the start values and the decision pending."""
    out = new_game(mini, "kennedy", seed=7)
    st = out.state
    assert (st.pending, st.ending, st.phase, st.turn, st.seed) == ("respond", None, 0, 0, 7)
    assert st.tracks == {"danger": 2, "defcon": 5, "secret": 1}
    assert st.flags == frozenset({"warheads"})  # the flag declared with start = true
    assert st.steps == () and st.log == ()
    assert st.trail == (Point(turn=0, phase="day1", danger=2, defcon=5),)
    assert out.happenings == ()


def test_view_shows_date_situation_options_and_advisers(mini):
    """The player's view: dated heading, situation, offered options, advisers by name."""
    state = new_game(mini, "kennedy").state
    v = view(mini, state)
    assert v.side == "usa"
    assert v.where == "Tuesday 16 October 1962 — day 1 of 2"
    assert (v.phase_label, v.phase_title) == ("Tuesday 16 October 1962", "Photos")
    assert v.title == "Respond to the photos"
    assert v.situation == ("Missiles have been photographed.",)
    # in an order drawn from the seed and the decision: here (seed 0) not the file's
    assert [o.id for o in v.options] == [
        o.id for o in shown_order(0, mini.decision("respond"), state)
    ]
    assert sorted(o.id for o in v.options) == ["blockade", "strike", "talk"]
    [adviser] = v.advisers
    assert adviser.name == "Curtis LeMay"
    assert adviser.title == "Air Force Chief of Staff"
    assert adviser.option == "Air strike"  # the label, not the id
    assert adviser.argument == "Bomb them."
    assert v.ending is None


def test_view_situation_notes_only_when_the_side_knows(mini):
    """A note gated on `knows usa warheads` appears only once the US has learned it."""
    st = new_game(mini, "kennedy").state
    note = "You know about the warheads."
    assert note not in view(mini, st).situation
    assert note not in view(mini, at(st, known=frozenset({"ussr:warheads"}))).situation
    knowing = view(mini, at(st, known=frozenset({"usa:warheads"})))
    assert knowing.situation == ("Missiles have been photographed.", note)


def test_view_unknown_adviser_falls_back_to_id(mini):
    """An adviser not in people.toml is shown by id rather than crashing the view."""
    d = mini.decisions[0]
    adviser = d.advisers[0].model_copy(update={"person": "nitze", "option": None})
    s = rebuild(mini, decisions=(d.model_copy(update={"advisers": (adviser,)}), mini.decisions[1]))
    [a] = view(s, new_game(s, "kennedy").state).advisers
    assert (a.name, a.title, a.option) == ("nitze", "", None)


def test_secret_track_is_visible_to_moscow_only(mini):
    """`secret` (visible_to = ussr) is hidden from Kennedy and shown to Khrushchev."""
    ken = new_game(mini, "kennedy").state
    assert [t.track.id for t in view(mini, ken).tracks] == ["danger", "defcon"]
    assert [t.track.id for t in view(mini, ken, side="ussr").tracks] == [
        "danger",
        "defcon",
        "secret",
    ]
    khr = new_game(mini, "khrushchev").state
    shown = {t.track.id: t.value for t in view(mini, khr).tracks}
    assert shown == {"danger": 4, "defcon": 3, "secret": 1}


def test_view_log_hides_changes_to_invisible_tracks(mini):
    """Kennedy's tension log leaves out the change to `secret` that Moscow's shows."""
    st = play(mini, "kennedy", ["talk"])
    assert "secret" in {c.track for c in st.log}
    assert "secret" not in {c.track for c in view(mini, st).log}
    assert "secret" in {c.track for c in view(mini, st, side="ussr").log}
    assert [c.reason for c in view(mini, st).log] == ["talks", "a plane strays", "defiance"]


def test_view_of_the_other_sides_turn_offers_nothing(mini):
    """Seen from Moscow while Washington must choose: no options, no situation, no title."""
    v = view(mini, new_game(mini, "kennedy").state, side="ussr")
    assert (v.options, v.situation, v.advisers, v.title) == ((), (), (), None)


def test_view_after_the_end_shows_the_ending_and_no_options(mini):
    """A finished game shows its ending and offers nothing."""
    v = view(mini, play(mini, "kennedy", ["blockade"]))
    assert v.ending == "deal"
    assert v.options == ()
    assert v.where == "Wednesday 17 October 1962 — day 2 of 2"


def test_where_without_a_crisis_day_is_just_the_label(mini):
    """A phase outside the thirteen days (day = None) shows its label alone."""
    phases = (mini.meta.phases[0].model_copy(update={"day": None}), mini.meta.phases[1])
    s = rebuild(mini, meta=mini.meta.model_copy(update={"phases": phases}))
    assert view(s, new_game(s, "kennedy").state).where == "Tuesday 16 October 1962"


@pytest.mark.parametrize(
    ("value", "label"), [(5, "DEFCON 5"), (3, "DEFCON 3"), (4, "DEFCON 3"), (1, "")]
)
def test_track_level_is_highest_declared_at_or_below(mini, value, label):
    """A track's level name is the highest declared level not above its value."""
    assert TrackView(mini.track("defcon"), value).level == label


def test_change_text_names_the_states_of_a_track_without_direction(mini):
    """A change is told as a signed amount, except on a track with no better or worse whose
    every value met has a name: there "+1 (4 → 5)" would hide that the missiles left."""
    from game.model.world import Level

    assert change_text(mini, Change(1, "danger", 3, 5, "r")) == "+2 Danger (3 → 5)"
    assert change_text(mini, Change(1, "danger", 5, 4, "r"), ", better").endswith("(5 → 4, better)")
    # DEFCON names its levels but has a direction: still told as an amount
    assert change_text(mini, Change(1, "defcon", 5, 3, "r")).startswith("-2 ")
    named = mini.track("secret").model_copy(
        update={
            "worse": "neither",
            "levels": (Level(value=4, label="going"), Level(value=5, label="gone")),
        }
    )
    tracks = tuple(named if t.id == "secret" else t for t in mini.meta.tracks)
    s = rebuild(mini, meta=mini.meta.model_copy(update={"tracks": tracks}))
    assert change_text(s, Change(1, "secret", 4, 5, "r")) == f"{named.label}: going → gone"
    # a value with no name falls back to the amount
    assert change_text(s, Change(1, "secret", 3, 4, "r")) == f"+1 {named.label} (3 → 4)"


# --- choose: effects, reasons, clamping, illegal moves --------------------------------------


def test_choose_applies_effects_with_reasons(mini):
    """Blockade: the flag, +1 danger and DEFCON 3, each change with its reason, in order."""
    out = choose(mini, new_game(mini, "kennedy").state, "blockade")
    st = out.state
    first = (
        Change(turn=1, track="danger", before=2, after=3, reason="ships face each other"),
        Change(turn=1, track="defcon", before=5, after=3, reason="forces on alert"),
    )
    assert st.log[:2] == first
    assert kinds(out) == ["decision", "event", "answer", "ending"]
    decision, event, answer, ending = out.happenings
    assert decision.changes == first
    assert (decision.title, decision.text, decision.option.id) == (
        "Respond to the photos",
        "The navy sails.",
        "blockade",
    )
    assert decision.matched is True and decision.decision.history.option == "blockade"
    assert [c.reason for c in event.changes] == ["a plane strays"]
    assert [c.reason for c in answer.changes] == ["withdrawal"]
    assert (ending.title, ending.text) == ("A deal", "They withdrew.")
    assert st.tracks == {"danger": 2, "defcon": 3, "secret": 1}
    assert "blockade" not in st.flags  # Moscow's withdrawal cleared it


def test_choose_records_steps_and_trail(mini):
    """Each decision is a step (who, what, whether history did the same) and a chart point."""
    st = play(mini, "kennedy", ["strike"])
    assert st.steps == (
        Step(
            turn=1,
            phase="day1",
            decision="respond",
            option="strike",
            side="usa",
            by_player=True,
            matched=False,
            label="Air strike",
        ),
        Step(
            turn=3,
            phase="day2",
            decision="moscow",
            option="hold",
            side="ussr",
            by_player=False,
            matched=False,
            label="Hold firm",
        ),
    )
    assert [(p.turn, p.danger) for p in st.trail] == [(0, 2), (1, 7), (2, 8), (3, 9)]
    assert st.done == frozenset({"respond", "incident", "moscow"})


def test_track_changes_are_clamped_to_the_range(mini):
    """+5 danger from 9 stops at the maximum 10, and the log says 9 -> 10."""
    st = at(new_game(mini, "kennedy").state, tracks={"danger": 9, "defcon": 5, "secret": 1})
    out = choose(mini, st, "strike")
    assert out.state.tracks["danger"] == 10
    assert out.state.log[-1] == Change(
        turn=1, track="danger", before=9, after=10, reason="bombs fall"
    )


def test_clamped_change_that_moves_nothing_is_not_logged(mini):
    """-1 danger at the minimum 0 leaves 0 and logs no change for it."""
    st = at(new_game(mini, "kennedy").state, tracks={"danger": 0, "defcon": 5, "secret": 1})
    out = choose(mini, st, "talk")
    assert "talks" not in [c.reason for c in out.state.log]
    assert out.happenings[0].changes == ()
    assert min(p.danger for p in out.state.trail) == 0


def test_unknown_option_is_illegal(mini):
    """An id that is not offered raises IllegalMove, listing what is offered."""
    st = new_game(mini, "kennedy").state
    with pytest.raises(
        IllegalMove,
        match=r"'nuke' is not offered at respond "
        r"\(offered: blockade, strike, talk\)",
    ):
        choose(mini, st, "nuke")
    with pytest.raises(IllegalMove):
        choose(mini, st, "withdraw")  # an option of another decision


def test_choosing_after_the_end_is_illegal(mini):
    """Nothing can be chosen once the game has ended."""
    st = play(mini, "kennedy", ["blockade"])
    assert st.ending == "deal"
    with pytest.raises(IllegalMove, match="game is over"):
        choose(mini, st, "blockade")


def test_option_whose_condition_fails_is_illegal(mini):
    """`fire` needs danger >= 6; at 4 it is neither offered nor choosable."""
    st = new_game(mini, "khrushchev").state
    assert st.tracks["danger"] == 4
    assert "fire" not in [o.id for o in view(mini, st).options]
    with pytest.raises(IllegalMove, match="offered: withdraw, hold"):
        choose(mini, st, "fire")
    dove = new_game(mini, "khrushchev", opponent="dove").state  # no blockade to lift
    assert [o.id for o in view(mini, dove).options] == ["hold"]
    with pytest.raises(IllegalMove):
        choose(mini, dove, "withdraw")


def test_illegal_move_is_a_value_error():
    """Front ends may catch IllegalMove as a ValueError."""
    assert issubclass(IllegalMove, ValueError)


# --- policies -------------------------------------------------------------------------------


def fabricated() -> Decision:
    opts = [("calm", 0), ("bomb", 2), ("talk", -2), ("invade", 2), ("wait", -2)]
    return Decision.model_validate(
        {
            "id": "d",
            "side": "ussr",
            "phase": "p",
            "title": "T",
            "situation": "S",
            "option": [
                {"id": i, "label": i, "detail": "d", "result": "r", "stance": st} for i, st in opts
            ],
            "history": {"option": "calm", "note": "n", "sources": ["X"]},
        }
    )


def test_historical_policy_takes_historys_option():
    """historical picks history's option wherever it stands among the offered."""
    d = fabricated()
    offered = list(reversed(d.options))
    assert pick("historical", d, offered, random.Random(0)).id == "calm"


def test_historical_policy_falls_back_to_first_offered():
    """When history's option is not offered, historical takes the first offered."""
    d = fabricated()
    assert pick("historical", d, list(d.options[2:]), random.Random(0)).id == "talk"


def test_hawk_and_dove_take_extreme_stances_first_on_ties():
    """hawk: highest stance (first of equals); dove: lowest (first of equals)."""
    d = fabricated()
    offered = list(d.options)
    assert pick("hawk", d, offered, random.Random(0)).id == "bomb"
    assert pick("dove", d, offered, random.Random(0)).id == "talk"
    assert pick("hawk", d, offered[2:], random.Random(0)).id == "invade"
    assert pick("dove", d, offered[:1], random.Random(0)).id == "calm"


def test_random_policy_follows_the_rng():
    """random is uniform over the offered, reproducible from the rng, and reaches them all."""
    d = fabricated()
    offered = list(d.options)
    seen = set()
    for seed in range(60):
        got = pick("random", d, offered, random.Random(seed))
        assert got is offered[random.Random(seed).randrange(len(offered))]
        seen.add(got.id)
    assert seen == {o.id for o in offered}


def test_unknown_policy_is_refused():
    """A misspelt policy is a ValueError naming the known ones."""
    d = fabricated()
    known = r"unknown policy 'falcon'.*historical, hawk, dove, random"
    with pytest.raises(ValueError, match=known):
        pick("falcon", d, list(d.options), random.Random(0))


@pytest.mark.parametrize(
    ("player", "opponent", "answer", "ending"),
    [
        ("blockade", "historical", "withdraw", "deal"),
        ("blockade", "hawk", "hold", "standoff"),
        ("blockade", "dove", "withdraw", "deal"),
        ("strike", "historical", "hold", "deal"),  # withdraw not offered: first offered
        ("strike", "hawk", "fire", "war"),
        ("strike", "dove", "hold", "deal"),
        ("talk", "hawk", "hold", "deal"),  # fire needs danger >= 6
    ],
)
def test_opponent_policy_answers_for_moscow(mini, player, opponent, answer, ending):
    """Kennedy's choice changes what the opponent policy does in Moscow, and so the ending."""
    st = play(mini, "kennedy", [player], opponent=opponent)
    [mine, theirs] = st.steps
    assert (mine.option, mine.by_player) == (player, True)
    assert (theirs.option, theirs.side, theirs.by_player) == (answer, "ussr", False)
    assert st.ending == ending


def test_random_opponent_is_seeded(mini):
    """The random opponent gives the same answer for the same seed and varies across seeds."""
    answers = {}
    for seed in range(40):
        a = play(mini, "kennedy", ["blockade"], seed=seed, opponent="random").steps[1].option
        b = play(mini, "kennedy", ["blockade"], seed=seed, opponent="random").steps[1].option
        assert a == b
        answers[seed] = a
    assert set(answers.values()) == {"withdraw", "hold"}


# --- events ---------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2, 99])
def test_historical_event_fires_in_historical_mode(mini, seed):
    """In historical mode the historical incident happens whatever the seed."""
    out = choose(mini, new_game(mini, "kennedy", seed=seed).state, "talk")
    assert "incident" in out.state.flags
    [event] = [h for h in out.happenings if h.kind == "event"]
    assert (event.title, event.text, event.event.id) == (
        "An incident",
        "A plane strays.",
        "incident",
    )
    assert [(c.before, c.after, c.reason) for c in event.changes] == [(1, 2, "a plane strays")]


def test_invented_event_never_fires_in_historical_mode(mini):
    """An event with historical = false stays out of historical mode even at chance 1."""
    s = with_event(mini, historical=False, chance=1.0)
    assert "incident" not in play(s, "kennedy", ["talk"]).flags
    assert "incident" in play(s, "kennedy", ["talk"], events="chaos").flags


def test_chaos_mode_rolls_with_seeded_determinism(mini):
    """In chaos mode the incident rolls: the same seed repeats, different seeds differ."""
    fired = {}
    for seed in range(60):
        a = play(mini, "kennedy", ["talk"], seed=seed, events="chaos")
        b = play(mini, "kennedy", ["talk"], seed=seed, events="chaos")
        assert a == b
        fired[seed] = "incident" in a.flags
    assert set(fired.values()) == {True, False}


def test_chaos_chance_depends_on_the_state(mini):
    """chance_by adds per point above the threshold: p = 1 after the blockade, 0 after talks."""
    s = with_event(
        mini,
        chance=0.0,
        chance_by=(mini.events[0].chance_by[0].model_copy(update={"above": 2, "per_point": 1.0}),),
    )
    for seed in range(10):
        assert "incident" in play(s, "kennedy", ["blockade"], seed=seed, events="chaos").flags
        assert "incident" not in play(s, "kennedy", ["talk"], seed=seed, events="chaos").flags


def test_event_hidden_from_the_player_still_happens(mini):
    """An event visible only to Moscow changes the world but is not shown to Kennedy: he sees
    only that the danger rose, for a reason he cannot see."""
    from game.engine.happenings import SECRET_REASON, SECRET_TITLE

    s = with_event(mini, visible_to=("ussr",))
    out = choose(s, new_game(s, "kennedy").state, "talk")
    assert "event" not in kinds(out)
    assert "incident" in out.state.flags
    assert "a plane strays" not in [c.reason for c in out.state.log]
    [unseen] = [h for h in out.happenings if h.title == SECRET_TITLE]
    assert [(c.track, c.reason) for c in unseen.changes] == [("danger", SECRET_REASON)]
    assert "plane" not in unseen.text


# --- endings --------------------------------------------------------------------------------


def test_end_effect_ends_the_game_at_once(mini):
    """Khrushchev firing (End effect) ends in war, shown as the last happening."""
    st = new_game(mini, "khrushchev", opponent="hawk").state
    assert st.tracks["danger"] == 8 and st.steps[0].option == "strike"
    out = choose(mini, st, "fire")
    assert (out.state.ending, out.state.pending) == ("war", None)
    assert kinds(out) == ["decision", "ending"]
    assert (out.happenings[-1].title, out.happenings[-1].text) == ("War", "War.")


def test_always_ending_fires_on_a_track_threshold(mini):
    """Danger reaching 10 ends the game in war at once: Moscow never answers, day 2 never comes."""
    st = at(new_game(mini, "kennedy").state, tracks={"danger": 9, "defcon": 5, "secret": 1})
    out = choose(mini, st, "strike")
    assert out.state.ending == "war"
    assert len(out.state.steps) == 1 and out.state.phase == 0
    assert kinds(out) == ["decision", "ending"]


def test_at_end_ending_waits_for_the_calendar(mini):
    """`deal` holds from the start (no blockade) but is only checked when the calendar ends."""
    st = new_game(mini, "kennedy").state
    assert "blockade" not in st.flags and st.ending is None
    assert play(mini, "kennedy", ["talk"]).ending == "deal"


def test_lower_priority_number_wins(mini):
    """At the end both `deal` (5) and the fallback `standoff` (9) hold: `deal` is chosen."""
    out = choose(mini, new_game(mini, "kennedy").state, "blockade")
    assert out.state.ending == "deal"
    assert kinds(out).count("ending") == 1


def test_fallback_ending_when_nothing_else_holds(mini):
    """Blockade still in force at the end: only the condition-less `standoff` holds."""
    st = play(mini, "kennedy", ["blockade"], opponent="hawk")
    assert "blockade" in st.flags
    assert st.ending == "standoff"


# --- the Khrushchev role and prologues ------------------------------------------------------


def test_khrushchev_plays_moscow_while_policy_plays_washington(mini):
    """As Khrushchev the player is ussr: Kennedy's decision is taken by the opponent policy."""
    out = new_game(mini, "khrushchev")
    st = out.state
    assert st.pending == "moscow"
    [us] = st.steps
    assert (us.decision, us.option, us.side, us.by_player) == ("respond", "blockade", "usa", False)
    assert kinds(out) == ["answer", "event"]
    assert view(mini, st).title == "Moscow answers"
    assert play(mini, "khrushchev", ["withdraw"]).ending == "deal"
    assert play(mini, "khrushchev", ["hold"]).ending == "standoff"


@pytest.mark.parametrize(("opponent", "us_option"), [("hawk", "strike"), ("dove", "talk")])
def test_khrushchev_opponent_policy_for_washington(mini, opponent, us_option):
    """The opponent policy, not history, answers for Washington in the player's phases."""
    assert new_game(mini, "khrushchev", opponent=opponent).state.steps[0].option == us_option


def starting_later(s: Scenario, role: str, phase: str) -> Scenario:
    """The scenario with ``role``'s campaign starting at ``phase``."""
    roles = tuple(
        r.model_copy(update={"start_phase": phase}) if r.id == role else r for r in s.meta.roles
    )
    return rebuild(s, meta=s.meta.model_copy(update={"roles": roles}))


def test_phases_before_the_roles_start_follow_history(mini):
    """A role starting on day 2 finds day 1 settled as history had it, even against a hawk,
    and is told nothing of that settled past."""
    s = starting_later(mini, "khrushchev", "day2")
    out = new_game(s, "khrushchev", opponent="hawk")
    assert out.state.steps[0].option == "blockade"
    assert kinds(out) == ["event"]
    assert out.state.pending == "moscow"
    assert [r.date for r in report(s, play(s, "khrushchev", ["hold"])).timeline] == ["1962-10-17"]


def test_players_own_side_before_the_start_is_settled_by_history(mini):
    """The player's side's decisions before the campaign starts are history's, not the
    player's: Kennedy starting on day 2 never sees `respond`, and the game plays on."""
    s = starting_later(mini, "kennedy", "day2")
    out = new_game(s, "kennedy", opponent="dove")
    first = out.state.steps[0]
    assert (first.decision, first.option, first.by_player, first.matched) == (
        "respond",
        "blockade",
        False,
        True,
    )
    assert out.state.ending == "deal" and out.state.pending is None
    assert kinds(out) == ["event", "answer", "ending"]
    assert report(s, out.state).divergence == 0  # no choice of the player's to diverge


# --- determinism and purity -----------------------------------------------------------------


@pytest.mark.parametrize("events", ["historical", "chaos"])
@pytest.mark.parametrize("opponent", ["historical", "random"])
def test_same_seed_and_choices_give_identical_states(mini, events, opponent):
    """A game replays exactly from its seed and its choices."""
    for seed in (0, 5, 12345):
        a = play(mini, "kennedy", ["blockade"], seed=seed, opponent=opponent, events=events)
        b = play(mini, "kennedy", ["blockade"], seed=seed, opponent=opponent, events=events)
        assert a == b
        assert a.model_dump() == b.model_dump()


def test_engine_never_mutates_its_inputs(mini):
    """new_game, view and choose leave the scenario and the given state exactly as they were."""
    scenario_before = mini.model_dump()
    start = new_game(mini, "kennedy", opponent="random", events="chaos").state
    start_before = start.model_dump()
    view(mini, start)
    view(mini, start, side="ussr")
    for option in ("blockade", "strike", "talk"):
        choose(mini, start, option)
    with pytest.raises(IllegalMove):
        choose(mini, start, "nope")
    assert start.model_dump() == start_before
    assert mini.model_dump() == scenario_before
    assert choose(mini, start, "blockade").state.tracks is not start.tracks


def test_state_survives_a_json_round_trip(mini):
    """A state saved as JSON loads back equal, and play continues from it identically."""
    for events in ("historical", "chaos"):
        start = new_game(mini, "khrushchev", seed=3, opponent="random", events=events).state
        back = GameState.model_validate_json(start.model_dump_json())
        assert back == start
        for option in ("withdraw", "hold"):
            assert choose(mini, back, option).state == choose(mini, start, option).state
        end = choose(mini, start, "hold").state
        assert GameState.model_validate_json(end.model_dump_json()) == end


# --- confirmation ---------------------------------------------------------------------------


def test_needs_confirm_on_mini(mini):
    """Only the irreversible air strike (+5 danger) asks to confirm."""
    dt = mini.meta.danger_track
    d = mini.decision("respond")
    assert [o.id for o in d.options if needs_confirm(o, dt)] == ["strike"]


def _option(irreversible: bool, *effects) -> Option:
    return Option.model_validate(
        {
            "id": "o",
            "label": "l",
            "detail": "d",
            "result": "r",
            "irreversible": irreversible,
            "effects": [
                {"kind": "track", "track": t, "by": by, "reason": "r"} for t, by in effects
            ],
        }
    )


@pytest.mark.parametrize(
    ("irreversible", "effects", "expected"),
    [
        (True, [("danger", 2)], True),
        (True, [("danger", 1), ("danger", 1)], True),
        (True, [("danger", 1)], False),
        (True, [("danger", 3), ("danger", -2)], False),
        (True, [("defcon", 4)], False),
        (False, [("danger", 5)], False),
        (True, [], False),
    ],
)
def test_needs_confirm_rule(irreversible, effects, expected):
    """Confirmation needs both: irreversible and a net danger rise of at least 2."""
    assert needs_confirm(_option(irreversible, *effects)) is expected


# --- the comparison with history ------------------------------------------------------------


def test_report_on_historys_path(mini):
    """Following history: divergence 0, every choice matched, gains equal history's."""
    rep = report(mini, play(mini, "kennedy", ["blockade"]))
    assert rep.divergence == 0
    [c] = rep.choices
    assert (c.decision, c.chosen, c.historical, c.matched) == (
        "Respond to the photos",
        "Blockade",
        "Blockade",
        True,
    )
    assert [(g.leader, g.dimension, g.score, g.historical_score) for g in rep.gains] == [
        ("kennedy", "War avoided", 2, 2)
    ]
    assert (rep.peak_danger, rep.peak_defcon) == (4, 3)


def test_report_when_every_choice_differs(mini):
    """Leaving history at every decision is 100% divergence; gains set beside history's."""
    rep = report(mini, play(mini, "kennedy", ["strike"], opponent="hawk"))
    assert rep.divergence == 100
    assert rep.choices[0].matched is False and rep.choices[0].historical == "Blockade"
    [g] = rep.gains
    assert (g.score, g.note, g.historical_score, g.historical_note) == (-2, "war", 2, "peace")
    assert (rep.peak_danger, rep.peak_defcon) == (8, 5)  # firing ends it; no track moves


def test_report_gains_for_an_unfinished_game(mini):
    """Before an ending the player's column is empty while history's is filled."""
    [g] = report(mini, new_game(mini, "khrushchev").state).gains
    assert (g.score, g.note, g.historical_score) == (None, "", 2)


def test_divergence_counts_only_the_players_decisions():
    """Divergence is the share of the player's steps off history; unhistorical ones count."""

    def step(by_player, matched):
        return Step(
            turn=1,
            phase="p",
            decision="d",
            option="o",
            side="usa",
            by_player=by_player,
            matched=matched,
        )

    base = dict(
        scenario_id="m",
        role="kennedy",
        opponent="historical",
        events="historical",
        seed=0,
        tracks={},
    )
    assert divergence(GameState(**base)) == 0
    st = GameState(
        **base, steps=(step(True, True), step(True, None), step(True, False), step(False, False))
    )
    assert divergence(st) == 67


def test_report_timeline_by_date(mini):
    """One row per date reached, both sides' choices, and history's entries of that date only."""
    entries = (
        Entry(id="letter", date="1962-10-17", title="A letter", text="t", sources=("DOB",)),
        Entry(id="later", date="1962-10-20", title="Later", text="t", sources=("DOB",)),
    )
    s = rebuild(mini, history=entries)
    rows = report(s, play(s, "kennedy", ["blockade"])).timeline
    assert [(r.date, r.label, r.game) for r in rows] == [
        ("1962-10-16", "Tuesday 16 October 1962", ("You: Blockade",)),
        ("1962-10-17", "Wednesday 17 October 1962", ("Moscow: Withdraw",)),
    ]
    assert rows[0].history == () and [e.id for e in rows[1].history] == ["letter"]
    khr = report(s, play(s, "khrushchev", ["hold"])).timeline
    assert [r.game for r in khr] == [("Washington: Blockade",), ("You: Hold firm",)]


def test_timeline_stops_at_the_current_phase(mini):
    """A game still on day 1 has one timeline row."""
    rows = report(mini, new_game(mini, "kennedy").state).timeline
    assert [r.date for r in rows] == ["1962-10-16"]
    assert rows[0].game == ()


# --- rules: conditions and the explorer's Fate ---------------------------------------------


COND = TypeAdapter(Condition)


@pytest.mark.parametrize(
    ("cond", "expected"),
    [
        ({"kind": "track", "track": "danger", "min": 2, "max": 2}, True),
        ({"kind": "track", "track": "danger", "min": 3}, False),
        ({"kind": "track", "track": "danger", "max": 1}, False),
        ({"kind": "flag", "flag": "warheads"}, True),
        ({"kind": "flag", "flag": "warheads", "is": False}, False),
        ({"kind": "flag", "flag": "blockade", "is": False}, True),
        ({"kind": "knows", "side": "usa", "fact": "warheads"}, True),
        ({"kind": "knows", "side": "ussr", "fact": "warheads"}, False),
        ({"kind": "player", "side": "usa"}, True),
        ({"kind": "player", "side": "ussr"}, False),
        ({"kind": "chose", "decision": "respond", "options": ["talk", "strike"]}, True),
        ({"kind": "chose", "decision": "respond", "options": ["blockade"]}, False),
        ({"kind": "chose", "decision": "moscow", "options": ["hold"]}, False),
        (
            {
                "kind": "all",
                "of": [{"kind": "flag", "flag": "warheads"}, {"kind": "player", "side": "ussr"}],
            },
            False,
        ),
        (
            {
                "kind": "any",
                "of": [{"kind": "flag", "flag": "blockade"}, {"kind": "player", "side": "usa"}],
            },
            True,
        ),
        ({"kind": "not", "of": {"kind": "flag", "flag": "warheads"}}, False),
    ],
)
def test_conditions(cond, expected):
    """Each kind of condition reads the right part of the state."""
    st = GameState(
        scenario_id="mini",
        role="kennedy",
        opponent="historical",
        events="historical",
        seed=0,
        tracks={"danger": 2},
        flags=frozenset({"warheads"}),
        known=frozenset({"usa:warheads"}),
        steps=(
            Step(
                turn=1,
                phase="day1",
                decision="respond",
                option="strike",
                side="usa",
                by_player=True,
                matched=False,
            ),
        ),
    )
    assert holds(COND.validate_python(cond), Draft.of(st, "usa")) is expected


def test_fate_walks_every_branch_once():
    """Fate's scripts enumerate every combination of choices at the chance points, then stop."""
    seen = []
    script = ()
    while script is not None:
        fate = Fate(script)
        seen.append((fate.pick(2), fate.pick(3)))
        script = fate.next_script()
    assert sorted(seen) == [(a, b) for a in range(2) for b in range(3)]
    assert len(seen) == 6


# --- what the other side sees -----------------------------------------------------------------


def test_a_secret_decision_shows_the_other_side_only_that_tracks_moved(copy_mini, edit):
    """Moscow's answer made secret: the Kennedy player sees no question, no option, no result,
    and the danger change without its reason; the Khrushchev player, who took it, sees all."""
    from game.content import load_scenario
    from game.engine.happenings import SECRET_REASON, SECRET_TITLE

    edit(copy_mini / "decisions/day2.toml", 'phase = "day2"', 'phase = "day2"\nsecret = true')
    s = load_scenario(copy_mini)
    out = choose(s, new_game(s, "kennedy", 1).state, "talk")  # Moscow holds: danger +1
    [answer] = [h for h in out.happenings if h.kind == "answer"]
    assert (answer.title, answer.option, answer.decision) == (SECRET_TITLE, None, None)
    assert "Hold" not in answer.text and "They stay" not in answer.text
    assert answer.changes and {c.reason for c in answer.changes} == {SECRET_REASON}
    assert {c.track for c in answer.changes} == {"danger"}  # Moscow's own track stays unseen
    assert all(c.reason not in ("defiance", "hidden") for c in out.state.log)
    mine = play(s, "khrushchev")
    out = choose(s, mine, "hold")
    [taken] = [h for h in out.happenings if h.kind == "decision"]
    assert taken.title == "Moscow answers"
    assert [c.reason for c in taken.changes] == ["defiance", "hidden"]


def test_the_other_side_reads_what_it_would_learn(copy_mini, edit):
    """An option's ``seen_by_other`` replaces its result for the other side's player only."""
    from game.content import load_scenario

    edit(
        copy_mini / "decisions/day2.toml",
        'result = "They stay."',
        'result = "They stay."\nseen_by_other = "The sites keep growing."',
    )
    s = load_scenario(copy_mini)
    out = choose(s, new_game(s, "kennedy", 1).state, "talk")
    [answer] = [h for h in out.happenings if h.kind == "answer"]
    assert answer.option.id == "hold" and answer.text == "The sites keep growing."
    out = choose(s, play(s, "khrushchev"), "hold")
    [taken] = [h for h in out.happenings if h.kind == "decision"]
    assert taken.text == "They stay."


def test_a_public_option_of_a_secret_decision_is_seen(copy_mini, edit):
    """In a secret decision, an option with ``seen_by_other`` is one the other side cannot help
    learning: it is told with that text and its reasons; the decision's other options stay
    hidden."""
    from game.content import load_scenario
    from game.engine.happenings import SECRET_REASON, SECRET_TITLE

    path = copy_mini / "decisions/day2.toml"
    edit(path, 'phase = "day2"', 'phase = "day2"\nsecret = true')
    edit(path, 'result = "They stay."', 'result = "They stay."\nseen_by_other = "Moscow says so."')
    s = load_scenario(copy_mini)
    out = choose(s, new_game(s, "kennedy", 1).state, "talk")  # Moscow holds, in public
    [answer] = [h for h in out.happenings if h.kind == "answer"]
    assert (answer.option.id, answer.text) == ("hold", "Moscow says so.")
    assert answer.title != SECRET_TITLE
    assert {c.reason for c in answer.changes if c.track == "danger"} == {"defiance"}
    # another option of the same decision, without the text, is still out of sight
    out = choose(s, new_game(s, "kennedy", 1, opponent="dove").state, "blockade")  # withdraw
    [answer] = [h for h in out.happenings if h.kind == "answer"]
    assert (answer.title, answer.option) == (SECRET_TITLE, None)
    assert {c.reason for c in answer.changes} == {SECRET_REASON}
    assert out.state.steps[-1].option == "withdraw"


def test_needs_confirm_leaves_out_a_change_whose_when_is_false(mini):
    """A danger rise that would not be made in this game (its `when` is false) asks nothing."""
    o = Option.model_validate(
        {
            "id": "o",
            "label": "l",
            "detail": "d",
            "result": "r",
            "irreversible": True,
            "effects": [
                {
                    "kind": "track",
                    "track": "danger",
                    "by": 3,
                    "reason": "r",
                    "when": {"kind": "flag", "flag": "blockade"},
                }
            ],
        }
    )
    state = new_game(mini, "kennedy").state
    assert "blockade" not in state.flags
    assert needs_confirm(o, "danger", 0) is True  # without a game: every change counts
    assert needs_confirm(o, "danger", 0, state) is False
