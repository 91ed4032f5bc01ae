"""The `brink` command (also `python -m game`): the game, or one command's output. The arguments
are parsed by :mod:`.arguments`, which is imported only when there are some."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .paths import saves_dir
from .terminal import fitted, not_a_terminal, shown

if TYPE_CHECKING:
    from .saves import Game

# The models, pydantic and the engine are imported by the commands that use them: `brink` alone
# paints its title screen before loading them (see game/ui/app.py).


NO_TERMINAL = 2
"""The exit status when the full-screen game is asked for without a terminal."""


def _no_terminal(instead: str = "brink play --plain") -> int | None:
    """Say so and return :data:`NO_TERMINAL` when the full-screen game cannot run here
    (input from a pipe or a file, output to one); None when it can."""
    which = not_a_terminal()
    if which is None:
        return None
    from .commands import error  # only now: it loads pydantic, which the title is painted before

    error(
        f"the full-screen game needs a terminal, and standard {which} is not one. "
        f"To play from a script or a pipe, use: {instead}"
    )
    return NO_TERMINAL


def _plain(game: Game, folder: Path, scenario: str | None = None) -> int:
    from .plain import Plain
    from .saves import write_save

    def save(g: Game) -> Path:
        path = write_save(folder, g.to_save())
        g.id = path.stem  # a new id when the file held another game (see write_save)
        return path

    return Plain(game, sys.stdin.buffer, sys.stdout, save, folder, scenario).run()


def cmd_play(a) -> int:
    from .commands import error, scenario_for
    from .saves import Refused, start

    s = scenario_for(a)
    try:
        game, _ = start(s, a.role, a.seed, a.opponent, a.events, a.player, a.class_code)
    except Refused as exc:  # said as the option that was given: "--player: at most 60..."
        if exc.about == "role":
            return error(str(exc))
        field, _, why = str(exc).partition(": ")
        flag = {"player": "--player", "class_code": "--class"}.get(field)
        return error(f"{flag}: {why}" if flag else f"--player/--class: {exc}")
    if not a.plain:  # the Textual game, opened on this new game
        if (status := _no_terminal()) is not None:
            return status
        from .ui.app import create_app

        app = create_app(saves_dir(a.saves_dir), s, game=game)
        app.run()
        return app.return_code or 0
    return _plain(game, saves_dir(a.saves_dir), a.scenario)


def cmd_resume(a) -> int:
    from .commands import scenario_for
    from .saves import find_save, open_save

    folder = saves_dir(a.saves_dir)
    path = find_save(folder, a.save)
    s = scenario_for(a)
    game, note = open_save(s, path)
    if note:
        print(note)
    if game.state.ending is not None:
        print(
            f"That game has ended ({s.ending(game.state.ending).title}). Start a new one with "
            "brink play."
        )
        return 0
    if not a.plain:  # the Textual game, opened on the resumed game
        if (status := _no_terminal(f"brink resume --plain {shown(a.save)}")) is not None:
            return status
        from .ui.app import create_app

        where = saves_dir(a.saves_dir) if path.parent == folder else path.parent
        app = create_app(where, s, game=game, note=note)
        app.run()
        return app.return_code or 0
    where = saves_dir(a.saves_dir) if path.parent == folder else path.parent
    return _plain(game, where, a.scenario)


def cmd_saves(a) -> int:
    from .saves import installed_scenarios, list_saves

    folder = saves_dir(a.saves_dir)
    extra = [Path(a.scenario)] if a.scenario else []
    rows = list_saves(folder, installed_scenarios(*extra), a.sort)
    if not rows:
        print(f"No saved games in {shown(folder)}.")
        return 0
    scenario = _scenario_or_none(a) if any(r.save is not None for r in rows) else None
    for r in rows:
        for line in _listed(scenario, r):
            print(line)
    good = sum(r.save is not None for r in rows)
    print(
        *fitted([f"{good} game(s), {len(rows) - good} damaged file(s) in {shown(folder)}."]),
        sep="\n",
    )
    return 0


def _listed(scenario, r) -> list[str]:
    """One listed save in lines of at most 80 columns: the player, class, role, where the game
    stands and how many choices, then (indented) its id and when it was last played; or a
    damaged file's name and what is wrong with it."""
    from .engine.dates import long_moment
    from .saves import reached

    if r.save is None:
        return fitted([f"DAMAGED  {shown(r.path.name)}: {r.problem.detail}"])
    v = r.save
    cls = f" [{v.class_code}]" if v.class_code else ""
    copy = [] if r.path.name == f"{v.id}.json" else [f"copy in {r.path.name}"]
    first = [
        f"{v.player or '(no name)'}{cls}",
        v.role,
        reached(scenario, v),
        f"{len(v.choices)} choices",
    ]
    second = [v.id, *copy, f"last played {long_moment(v.updated)}"]
    return [*fitted([shown(p) for p in first]), *fitted([shown(p) for p in second], indent="  ")]


def _scenario_or_none(a):
    """The scenario the saves are listed against (for ending titles and dates), or None when
    it cannot be loaded: the list then shows the ids that the saves hold."""
    from .content import ScenarioError
    from .paths import default_scenario_dir
    from .ui.scenario_cache import load_cached

    try:
        return load_cached(Path(a.scenario) if a.scenario else default_scenario_dir())
    except (ScenarioError, OSError):
        return None


def cmd_debrief(a) -> int:
    from .debrief.command import cmd_debrief

    return cmd_debrief(a)


def cmd_serve(a) -> int:
    from .serve.command import cmd_serve

    return cmd_serve(a)


def _commands() -> dict:
    from .commands import cmd_check, cmd_simulate, cmd_timeline

    return {
        "play": cmd_play,
        "resume": cmd_resume,
        "saves": cmd_saves,
        "check": cmd_check,
        "timeline": cmd_timeline,
        "simulate": cmd_simulate,
        "debrief": cmd_debrief,
        "serve": cmd_serve,
    }


def main(argv: list[str] | None = None) -> int:
    from .terminal import degrade_streams

    degrade_streams()  # a terminal that cannot show every character gets plain ASCII
    argv = sys.argv[1:] if argv is None else argv
    if argv:
        from .arguments import parser

        args = parser().parse_args(argv)
    else:
        args = None  # `brink` alone needs no parser
    try:
        if args is None or args.command is None:  # the Textual game, from the title screen
            if (status := _no_terminal()) is not None:
                return status
            from .ui.app import create_app

            app = create_app(saves_dir(args.saves_dir if args else None))
            app.run()
            return app.return_code or 0
        return _commands()[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        return _failed(exc)


def _failed(exc: Exception) -> int:
    """A scenario or a save that cannot be used is one line of error, never a traceback."""
    from .commands import error
    from .content import ScenarioError
    from .saves import SaveError

    if isinstance(exc, ScenarioError):
        return error("the scenario has problems (run brink check):\n" + str(exc))
    if isinstance(exc, SaveError):
        return error(str(exc.problem))
    raise exc
