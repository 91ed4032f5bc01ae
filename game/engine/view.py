"""What one side sees of a game: the date, the situation as its leader knew it, the options,
the advisers, the tracks it can see and the reasons they moved."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from ..model.base import ROLE_SIDE
from ..model.scenario import Decision, Ending, Option, Scenario, Track
from ..model.state import Change, GameState
from .advance import offered
from .rules import holds
from .sources import basis
from .texts import decision_texts, phase_title, told_ending

CONFIRM_DANGER = 2
"""An irreversible option that adds at least this much danger asks for confirmation."""


@dataclass(frozen=True, slots=True)
class TrackView:
    track: Track
    value: int

    @property
    def level(self) -> str:
        """The name of the highest declared level at or below the value (for DEFCON: exact)."""
        name = ""
        for lv in sorted(self.track.levels, key=lambda lv: lv.value):
            if lv.value <= self.value:
                name = lv.label
        return name


@dataclass(frozen=True, slots=True)
class AdviserView:
    name: str
    title: str
    option: str | None
    """The label of the option argued for."""
    argument: str
    basis: str
    """How the argument stands on the record, as shown beside it: "documented: Dobbs 2008"
    or "illustrative: ..." (worded by :func:`.sources.basis`)."""


@dataclass(frozen=True, slots=True)
class View:
    """Everything a front end shows for the current turn, for one side."""

    side: str
    phase_label: str
    phase_title: str
    where: str
    """E.g. "Saturday 27 October 1962, morning — day 12 of 13"."""
    title: str | None
    situation: tuple[str, ...]
    options: tuple[Option, ...]
    """The options offered, in the order shown (see :func:`shown_order`), with the words
    chosen for the state; number keys follow this order."""
    advisers: tuple[AdviserView, ...]
    tracks: tuple[TrackView, ...]
    log: tuple[Change, ...]
    ending: str | None
    status: str
    """The state of the world at a glance, for a status line: "Danger 7/10, on the brink ·
    US forces DEFCON 3 · SAC DEFCON 2" (see :func:`status`)."""


def reflow(text: str) -> str:
    """Join the hard line breaks of TOML text so a front end can wrap it; blank lines
    (paragraphs) stay."""
    return re.sub(r"(?<!\n)[ \t]*\n[ \t]*(?!\n)", " ", text.strip())


def score(n: int | None) -> str:
    """A "who gained" score as shown: +2, +0, -1, or — where there is none."""
    return "\u2014" if n is None else f"{n:+d}"


def change_text(scenario: Scenario, c: Change, note: str = "") -> str:
    """A track change as a player reads it, without its reason: "+2 Nuclear danger (3 → 5)"
    (``note`` goes inside the brackets), or, for a track with no better or worse direction
    whose states all have names, "Missiles in Cuba: being dismantled → shipped home"."""
    track = scenario.track(c.track)
    names = {lv.value: lv.label for lv in track.levels}
    if track.worse == "neither" and c.before in names and c.after in names:
        return f"{track.label}: {names[c.before]} → {names[c.after]}"
    sign = "+" if c.after > c.before else "-"
    return f"{sign}{abs(c.after - c.before)} {track.label} ({c.before} → {c.after}{note})"


def needs_confirm(
    option: Option, danger_track: str = "danger", danger_now: int = 0, state=None
) -> bool:
    """Whether to ask before an option that cannot be undone and raises the danger sharply
    (with ``state``, the game it would be taken in: a change whose ``when`` is false there
    does not count)."""
    value = danger_now
    for e in option.effects:
        if (
            e.kind == "track"
            and e.when is not None
            and state is not None
            and not holds(e.when, state)
        ):
            continue
        if e.kind == "track" and e.track == danger_track:
            value = e.to if e.to is not None else value + e.by
    return option.irreversible and value - danger_now >= CONFIRM_DANGER


def status(scenario: Scenario, tracks: tuple[TrackView, ...]) -> str:
    """The danger track and the alert tracks in one short line, each by its short label: the
    danger as "7/10" with its level's word, an alert track by its level's name ("DEFCON 3",
    the part of "DEFCON 3: forces ready to deploy" before the colon) after its short label
    unless the name starts with it."""
    meta = scenario.meta
    shown = {tv.track.id: tv for tv in tracks}
    parts = []
    for track_id in (meta.danger_track, *meta.defcon_tracks):
        tv = shown.get(track_id)
        if tv is None:  # not visible to this side
            continue
        t = tv.track
        name = t.short or t.label
        if track_id == meta.danger_track:
            parts.append(f"{name} {tv.value}/{t.max}" + (f", {tv.level}" if tv.level else ""))
        else:
            level = tv.level.split(": ", 1)[0] if tv.level else str(tv.value)
            parts.append(level if level.startswith(name) else f"{name} {level}")
    return " · ".join(parts)


def where(scenario: Scenario, state: GameState, phase_index: int | None = None) -> str:
    """The date the game has reached (or of phase ``phase_index``), with the crisis day:
    "Saturday 27 October 1962, morning — day 12 of 13". An ended game is dated by the last
    thing that happened in it: the engine runs on to the end of the calendar to find the
    ending, but the game stopped there."""
    if phase_index is None:
        phase_index = state.phase
        if state.ending is not None and state.trail:
            phase_index = scenario.phase_position(state.trail[-1].phase)
    phase = scenario.meta.phases[phase_index]
    if phase.day is None:
        return phase.label
    return f"{phase.label} — day {phase.day} of {scenario.meta.crisis_days}"


def where_phase(scenario: Scenario, phase_id: str) -> str:
    """The date of the phase ``phase_id``, as :func:`where` gives it."""
    index = next(i for i, p in enumerate(scenario.meta.phases) if p.id == phase_id)
    return where(scenario, None, index)  # type: ignore[arg-type]


def view(scenario: Scenario, state: GameState, side: str | None = None) -> View:
    """The game as ``side`` (by default the player's) sees it now."""
    side = side or ROLE_SIDE[state.role]
    phase = scenario.meta.phases[state.phase]
    seen = seen_tracks(scenario, state, side)
    names = {tv.track.id for tv in seen}
    decision = scenario.decision(state.pending) if state.pending else None
    title = None
    situation: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()
    advisers: tuple[AdviserView, ...] = ()
    if decision is not None and decision.side == side:
        told = decision_texts(decision, shown_order(state.seed, decision, state), state)
        title, situation, options = told.title, told.situation, told.options
        advisers = adviser_views(scenario, decision, told.advisers, told.options)
    return View(
        side=side,
        phase_label=phase.label,
        phase_title=phase_title(phase, state),
        where=where(scenario, state),
        title=title,
        situation=situation,
        options=options,
        advisers=advisers,
        tracks=seen,
        log=tuple(c for c in state.log if c.track in names),
        ending=state.ending,
        status=status(scenario, seen),
    )


def seen_tracks(scenario: Scenario, state: GameState, side: str) -> tuple[TrackView, ...]:
    """The tracks ``side`` can see on the game's date, with their values now."""
    date = scenario.meta.phases[state.phase].date
    return tuple(
        TrackView(t, state.tracks[t.id])
        for t in scenario.meta.tracks
        if side in t.visible_to and (t.shown_from is None or t.shown_from <= date)
    )


def shown_order(seed: int, decision: Decision, state: GameState) -> list[Option]:
    """The options offered now, in an order drawn from the game's seed and the decision's id:
    the same on every resume and in every front end, and revealing nothing of which option
    history took (policies, saves and reports name options by id)."""
    order = list(decision.options)
    random.Random(f"{seed}:{decision.id}").shuffle(order)
    if state.pending == decision.id:  # worked out as the decision was reached
        offer = set(state.offer)
    else:
        offer = {o.id for o in offered(decision, state)}
    return [o for o in order if o.id in offer]


def shown_position(scenario: Scenario, state: GameState, option_id: str) -> int:
    """Where an option stands (from 1) among those the pending decision shows its player."""
    decision = scenario.decision(state.pending)
    ids = [o.id for o in shown_order(state.seed, decision, state)]
    return ids.index(option_id) + 1


def ending_told(scenario: Scenario, state: GameState) -> Ending:
    """The ending of a finished game as told for it: the words its variants choose for the
    final state, its parts that hold and the chain of acts it names."""
    return told_ending(scenario, scenario.ending(state.ending), state)


def adviser_views(
    scenario: Scenario,
    decision: Decision,
    spoken: tuple | None = None,
    options: tuple[Option, ...] | None = None,
) -> tuple[AdviserView, ...]:
    """What each adviser of a decision argues, with names, posts held on the decision's date
    and option labels filled in
    (``spoken``: the advisers who speak in a state and their words, and ``options`` the
    options with the words shown beside them, from :func:`.texts.decision_texts`; by default
    every position's and option's plain words)."""
    labels = {o.id: o.label for o in (decision.options if options is None else options)}
    date = scenario.meta.phases[scenario.phase_position(decision.phase)].date
    if spoken is None:
        spoken = tuple((p, p.argument, p.option) for p in decision.advisers)
    out = []
    for position, argument, option in spoken:
        person = scenario.person(position.person)
        out.append(
            AdviserView(
                name=person.name if person else position.person,
                title=person.title_on(date) if person else "",
                option=labels.get(option) if option else None,
                argument=argument,
                basis=basis(scenario, position),
            )
        )
    return tuple(out)
