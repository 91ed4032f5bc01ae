"""`brink check`: references, reachability, dead ends and the historical path, as problems."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.problem import Problem
from ..model.scenario import Scenario
from .causes import direct_causes, walk_limits
from .continuity import lapse_problems
from .explore import Exploration, explore_all, targets
from .references import check_references, origin
from .screen_text import unsafe_texts
from .simulate import play_out


@dataclass(frozen=True)
class CheckResult:
    problems: tuple[Problem, ...]
    explorations: tuple[Exploration, ...]

    @property
    def states(self) -> int:
        return sum(x.states for x in self.explorations)


def _where(scenario: Scenario, decision_id: str) -> tuple[str, str]:
    index = next(i for i, d in enumerate(scenario.decisions) if d.id == decision_id)
    return origin(scenario, index)


def _searched(w: Exploration, target: str) -> tuple[bool, str]:
    """Whether a target that was not reached is shown unreachable (rather than not found in
    the search's limit), and what the search directed at it walked and left."""
    x = w.sought.get(target)
    if x is None:
        return True, ""
    if x.exhausted:
        return True, (
            f": no state leads there (a search directed at its condition met {x.states} "
            "states; from every other, nothing still to come can make it hold)"
        )
    return False, (
        f": not found in the {x.states} states a search directed at its condition may meet; "
        "the states beyond them were not walked"
    )


def check(scenario: Scenario) -> CheckResult:
    """Every problem found in a loaded scenario; an empty tuple means it is sound."""
    problems = check_references(scenario) + unsafe_texts(scenario)
    if problems:  # walking a world with broken references would only repeat them
        return CheckResult(tuple(problems), ())
    causes = direct_causes(scenario)  # a dead end met at once: said in a line, no long walk
    if causes:
        return CheckResult(tuple(causes), ())
    walks = explore_all(scenario, **walk_limits())
    ending_pos = {e.id: i for i, e in enumerate(scenario.endings)}
    for w in walks:
        ctx = f"role {w.role}, opponent {w.policy}"
        if not w.complete and not w.sought:  # a search says what it left, target by target
            ctx += f"; the walk stopped at its limit, after {w.states} states"
        for path in list(dict.fromkeys(w.traps))[:3]:
            shown = ", ".join(path) or "the start"
            problems.append(
                Problem(
                    file="decisions/",
                    message=(
                        f"a state with no move and no ending after {shown} ({ctx}): add an ending that "
                        "holds when the calendar runs out, or a decision for this path"
                    ),
                )
            )
        for d in sorted(w.empty):
            file, path = _where(scenario, d)
            problems.append(
                Problem(file=file, path=path, message=f"reached with no option offered ({ctx})")
            )
        if w.policy != "random":
            continue  # the random opponent's walk reaches whatever any opponent lets happen
        want_d, want_e = targets(scenario, w.role)
        for d in scenario.decisions:
            if d.id in want_d and d.id not in w.decisions:
                file, path = _where(scenario, d.id)
                proven, searched = _searched(w, d.id)
                problems.append(
                    Problem(
                        file=file,
                        path=path,
                        message=(
                            f"decision {d.id!r} {'is never' if proven else 'was not'} reached "
                            f"({ctx}){searched}; check its phase and 'when'"
                        ),
                    )
                )
        for e in scenario.endings:
            if e.id in want_e and e.id not in w.endings:
                proven, searched = _searched(w, e.id)
                problems.append(
                    Problem(
                        file="endings.toml",
                        path=f"ending[{ending_pos[e.id]}]",
                        message=(
                            f"ending {e.id!r} {'is unreachable' if proven else 'was not reached'} "
                            f"({ctx}){searched}"
                        ),
                    )
                )
    lapses: dict = {}
    for w in walks:
        for k, v in w.lapses.items():
            lapses.setdefault(k, v)
    problems += lapse_problems(scenario, lapses)
    hist = next((e.id for e in scenario.endings if e.historical), None)
    for role in (r for r in scenario.meta.roles if r.available):
        got = play_out(scenario, role.id, "historical", "historical", "historical").ending
        if hist is not None and got != hist:
            problems.append(
                Problem(
                    file="endings.toml",
                    message=(
                        f"history's choices on both sides end in {got!r}, not the historical ending "
                        f"{hist!r} (role {role.id})"
                    ),
                )
            )
    return CheckResult(tuple(problems), tuple(walks))
