"""The game against history: each choice matched or diverged, the path beside the real
timeline date by date, a divergence figure, and who gained against the historical outcome."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.base import ROLE_SIDE
from ..model.scenario import Entry, Record, Scenario
from ..model.state import GameState, Point
from .texts import told_gains


@dataclass(frozen=True, slots=True)
class ChoiceReport:
    phase_label: str
    decision: str
    """The decision point's title."""
    chosen: str
    historical: str | None
    """The label of history's option, or None where history never faced this decision."""
    matched: bool | None
    record: Record


@dataclass(frozen=True, slots=True)
class DateRow:
    """One date: what happened in this game beside what happened in reality."""

    date: str
    label: str
    game: tuple[str, ...]
    history: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class GainRow:
    leader: str
    dimension: str
    score: int | None
    note: str
    historical_score: int | None
    historical_note: str


@dataclass(frozen=True, slots=True)
class Report:
    choices: tuple[ChoiceReport, ...]
    timeline: tuple[DateRow, ...]
    divergence: int
    """Per cent of the player's decisions off history's path (0 = history followed exactly)."""
    gains: tuple[GainRow, ...]
    turns: tuple[Point, ...]
    """One point per turn the player played (see :func:`campaign_turns`), for the chart."""
    peak_danger: int
    peak_defcon: int

    @property
    def dangers(self) -> tuple[int, ...]:
        """The highest danger of each turn the player played."""
        return tuple(p.danger for p in self.turns)

    @property
    def danger_words(self) -> str:
        """The danger turn by turn with the peaks, as the ending shows them."""
        return (
            "Danger by turn: "
            + " ".join(map(str, self.dangers))
            + f" (peak {self.peak_danger}; highest alert DEFCON {self.peak_defcon})"
        )


def divergence(state: GameState) -> int:
    """Per cent of the player's decisions that differ from history's, counting decisions that
    never arose in reality as divergent."""
    mine = [s for s in state.steps if s.by_player]
    if not mine:
        return 0
    off = sum(1 for s in mine if s.matched is not True)
    return round(100 * off / len(mine))


def campaign_turns(scenario: Scenario, state: GameState) -> tuple[Point, ...]:
    """One point per turn the player played: the player's decision (its turn and phase), the
    highest danger and the most alert DEFCON from that decision to the next one (the other
    side's answers and the incidents between are part of the turn; the first turn also holds
    the campaign's opening). The steps settled as history had them before the campaign's first
    phase (the Kennedy campaign's 1959-1962) are in no turn. A game with no choice yet has one
    turn: the campaign as it opened."""
    points = _campaign_points(scenario, state)
    mine = [s for s in state.steps if s.by_player] or [points[-1]]
    spans: list[list[Point]] = [[] for _ in mine]
    k = 0
    for p in points:
        while k + 1 < len(mine) and p.turn >= mine[k + 1].turn:
            k += 1
        spans[k].append(p)
    return tuple(
        Point(m.turn, m.phase, max(p.danger for p in span), min(p.defcon for p in span))
        for m, span in zip(mine, spans, strict=True)
    )


def _campaign_points(scenario: Scenario, state: GameState) -> tuple[Point, ...]:
    """The trail from the campaign's opening on: the points :func:`campaign_turns` groups."""
    start, pos, trail = scenario.start_position(state.role), scenario.index.phase_pos, state.trail
    first = next((i for i, p in enumerate(trail) if pos[p.phase] >= start), len(trail))
    return trail[max(0, first - 1) :]


def peaks(scenario: Scenario, state: GameState) -> tuple[int, int]:
    """Peak danger and peak alert (lowest DEFCON) of the campaign's turns so far: the highest
    and lowest of :func:`campaign_turns`, read straight off the points they group (every point
    is in one turn; simulations ask this of every game)."""
    points = _campaign_points(scenario, state)
    return max(p.danger for p in points), min(p.defcon for p in points)


def historical_ending(scenario: Scenario):
    return next(e for e in scenario.endings if e.historical)


def choices(
    scenario: Scenario, state: GameState, side: str | None = None
) -> tuple[ChoiceReport, ...]:
    """The player's choices (or all of one side's), each beside history's."""
    phases = {p.id: p for p in scenario.meta.phases}
    out = []
    for s in state.steps:
        if (side is None and not s.by_player) or (side is not None and s.side != side):
            continue
        decision = scenario.decision(s.decision)
        want = decision.history.option
        out.append(
            ChoiceReport(
                phase_label=phases[s.phase].label,
                decision=decision.title,
                chosen=s.label or scenario.option(s.decision, s.option).label,
                historical=scenario.option(s.decision, want).label if want else None,
                matched=s.matched,
                record=decision.history,
            )
        )
    return tuple(out)


def timeline(scenario: Scenario, state: GameState) -> tuple[DateRow, ...]:
    """Every date the game reached, with both sides' choices and history's entries of that date."""
    side = ROLE_SIDE[state.role]
    words = scenario.meta.words
    start = scenario.start_position(state.role)
    rows: dict[str, tuple[str, list[str]]] = {}
    for phase in scenario.meta.phases[start : state.phase + 1]:
        rows.setdefault(phase.date, (phase.label.split(",")[0], []))
    for s in state.steps:
        phase = scenario.meta.phases[scenario.phase_position(s.phase)]
        if phase.date not in rows:
            continue
        if s.by_player:
            who = words.player
        elif s.side == side:
            who = words.history
        else:
            who = scenario.meta.sides[s.side].called
        label = s.label or scenario.option(s.decision, s.option).label  # as it was shown
        rows[phase.date][1].append(f"{who}: {label}")
    return tuple(
        DateRow(date, label, tuple(game), tuple(e for e in scenario.history if e.date == date))
        for date, (label, game) in sorted(rows.items())
    )


def gains(
    scenario: Scenario, state: GameState | None, first: str | None = None
) -> tuple[GainRow, ...]:
    """Who gained in the ending of ``state`` (none: no ending) beside the historical one,
    leader by leader (``first``, the player's leader, before the others; then the sides'
    leaders, then anyone else the endings score), dimension by dimension. This game's rows
    are told for its final state (a row's variants); history's are the historical ending's
    plain rows, which tell history's path."""
    hist = historical_ending(scenario)
    mine = ()
    if state is not None and state.ending:
        mine = told_gains(scenario.ending(state.ending), state)
    h = {(g.leader, g.dimension): g for g in hist.gains}
    m = {(g.leader, g.dimension): g for g in mine}
    rows = []
    named = [first] if first else []
    named += [info.leader for info in scenario.meta.sides.values()]
    named += [g.leader for g in (*hist.gains, *mine)]
    for leader in dict.fromkeys(named):
        for dim in scenario.meta.dimensions:
            got, was = m.get((leader, dim.id)), h.get((leader, dim.id))
            if got is None and was is None:
                continue
            rows.append(
                GainRow(
                    leader=leader,
                    dimension=dim.label,
                    score=got.score if got else None,
                    note=got.note if got else "",
                    historical_score=was.score if was else None,
                    historical_note=was.note if was else "",
                )
            )
    return tuple(rows)


def report(scenario: Scenario, state: GameState) -> Report:
    """The whole comparison, for the ending screen and the debrief."""
    turns = campaign_turns(scenario, state)
    return Report(
        choices=choices(scenario, state),
        timeline=timeline(scenario, state),
        divergence=divergence(state),
        gains=gains(scenario, state, first=scenario.meta.sides[state.side].leader),
        turns=turns,
        peak_danger=max(p.danger for p in turns),
        peak_defcon=min(p.defcon for p in turns),
    )
