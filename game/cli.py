"""The `brink` command (also `python -m game`): argument parsing and the commands' output."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .paths import saves_dir

if TYPE_CHECKING:
    import argparse

    from .saves import Game

# The models, pydantic and the engine are imported by the commands that use them: `brink` alone
# paints its title screen before loading them (see game/ui/app.py).

ROLES = ("kennedy", "khrushchev")
EVENT_MODES = ("historical", "chaos")
POLICIES = ("historical", "hawk", "dove", "random")
"""``engine.POLICIES``, written out here for the same reason (a test keeps them equal)."""


def _parser() -> argparse.ArgumentParser:
    import argparse

    p = argparse.ArgumentParser(
        prog="brink",
        description=(
            "Brink: a decision game about the Cuban Missile Crisis. With no command, starts the game."
        ),
    )
    p.add_argument(
        "--saves-dir",
        metavar="DIR",
        help="where games are saved (default: $BRINK_SAVES_DIR or ./saves)",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def scenario_arg(q):
        q.add_argument(
            "--scenario",
            metavar="DIR",
            help="play another scenario folder (default: the one shipped)",
        )

    def saves_arg(q):
        q.add_argument(
            "--saves-dir",
            default=argparse.SUPPRESS,  # keeps a --saves-dir given before the command
            metavar="DIR",
            help="where games are saved (default: $BRINK_SAVES_DIR or ./saves)",
        )

    play = sub.add_parser("play", help="start a new game")
    play.add_argument("--role", choices=ROLES, default="kennedy")
    play.add_argument("--seed", type=int, default=None, help="seed for chance (default: random)")
    play.add_argument(
        "--opponent",
        choices=POLICIES,
        default="historical",
        help="how the other side decides (default: historical)",
    )
    play.add_argument(
        "--events",
        choices=EVENT_MODES,
        default="historical",
        help="historical: incidents as they happened; chaos: they roll",
    )
    play.add_argument("--player", default="", help="your name, for the teacher (optional)")
    play.add_argument("--class", dest="class_code", default="", help="class code (optional)")
    play.add_argument("--plain", action="store_true", help="plain text mode")
    saves_arg(play)
    scenario_arg(play)

    res = sub.add_parser("resume", help="continue a saved game (an id or a path)")
    res.add_argument("save", metavar="SAVE")
    res.add_argument("--plain", action="store_true", help="plain text mode")
    saves_arg(res)
    scenario_arg(res)

    ls = sub.add_parser("saves", help="list saved games")
    ls.add_argument(
        "--sort",
        choices=("updated", "player", "class"),
        default="updated",
        help="last played first (default), or by player name or class code",
    )
    saves_arg(ls)
    scenario_arg(ls)

    chk = sub.add_parser("check", help="validate a scenario folder")
    chk.add_argument("folder", nargs="?", metavar="SCENARIO_DIR")

    tl = sub.add_parser("timeline", help="the historical record the game holds")
    tl.add_argument("--json", action="store_true", help="print JSON")
    scenario_arg(tl)

    sim = sub.add_parser("simulate", help="play many games with policies on both sides")
    sim.add_argument("--role", choices=ROLES, required=True)
    sim.add_argument(
        "--policy", choices=POLICIES, required=True, help="how the player's side decides"
    )
    sim.add_argument("--opponent", choices=POLICIES, default="historical")
    sim.add_argument("--events", choices=EVENT_MODES, default="historical")
    sim.add_argument("--runs", type=_positive, required=True)
    sim.add_argument("--seed", type=int, default=0)
    sim.add_argument("--json", action="store_true", help="print one JSON object")
    sim.add_argument(
        "--save",
        action="store_true",
        help="save each game, with a made-up student name, to try the debrief on a demo class",
    )
    sim.add_argument(
        "--class",
        dest="class_code",
        default="DEMO",
        metavar="CODE",
        help="class code of saved games (DEMO)",
    )
    saves_arg(sim)
    scenario_arg(sim)

    deb = sub.add_parser(
        "debrief",
        help="the teacher's debrief of a folder of saved games",
        description=(
            "The teacher's debrief of a folder of saved games: on screen, or with --format as a "
            "report. Files that cannot be counted are listed with the reason and skipped."
        ),
    )
    deb.add_argument(
        "folder", nargs="?", metavar="DIR", help="the folder of saves (default: --saves-dir)"
    )
    deb.add_argument(
        "--class", dest="class_code", default=None, metavar="CODE", help="keep only this class"
    )
    deb.add_argument("--anonymize", action="store_true", help="hide the names in every output")
    deb.add_argument("--format", choices=("md", "html", "csv"), default=None, help="write a report")
    deb.add_argument(
        "--out", metavar="FILE", help="write the report here (default: standard output)"
    )
    deb.add_argument(
        "--per-decision", action="store_true", help="CSV: one row per choice, not per game"
    )
    saves_arg(deb)
    scenario_arg(deb)
    return p


def _positive(text: str) -> int:
    import argparse

    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 1 <= n <= 10_000_000:
        raise argparse.ArgumentTypeError("expected a number from 1 to 10000000")
    return n


def _plain(game: Game, folder: Path) -> int:
    from .plain import Plain
    from .saves import write_save

    def save(g: Game) -> str:
        write_save(folder, g.to_save())
        return g.id

    return Plain(game, sys.stdin.buffer, sys.stdout, save).run()


def cmd_play(a) -> int:
    from . import engine
    from .commands import error, scenario_for
    from .model.problem import first_error
    from .saves import Game

    s = scenario_for(a)
    role = s.role(a.role)
    if not role.available:
        return error(f"the {a.role} campaign is not written yet; try --role kennedy")
    import secrets

    seed = a.seed if a.seed is not None else secrets.randbelow(2**31)
    try:
        outcome = engine.new_game(s, a.role, seed, a.opponent, a.events)
        game = Game(s, outcome.state, player=a.player, class_code=a.class_code)
        game.to_save()  # validates the name and class code before the game starts
    except ValueError as exc:
        return error(f"--player/--class: {first_error(exc)}")
    if not a.plain:  # the Textual game, opened on this new game
        from .ui.app import create_app

        app = create_app(saves_dir(a.saves_dir), s, game=game)
        app.run()
        return app.return_code or 0
    return _plain(game, saves_dir(a.saves_dir))


def cmd_resume(a) -> int:
    from .commands import scenario_for
    from .saves import find_save, read_save, resume

    folder = saves_dir(a.saves_dir)
    path = find_save(folder, a.save)
    s = scenario_for(a)
    save = read_save(path)
    game, note = resume(s, save, str(path))
    if note:
        print(note)
    if game.state.ending is not None:
        print(
            f"That game has ended ({s.ending(game.state.ending).title}). Start a new one with "
            "brink play."
        )
        return 0
    if not a.plain:  # the Textual game, opened on the resumed game
        from .ui.app import create_app

        where = saves_dir(a.saves_dir) if path.parent == folder else path.parent
        app = create_app(where, s, game=game, note=note)
        app.run()
        return app.return_code or 0
    return _plain(game, saves_dir(a.saves_dir) if path.parent == folder else path.parent)


def cmd_saves(a) -> int:
    from .saves import installed_scenarios, list_saves

    folder = saves_dir(a.saves_dir)
    extra = [Path(a.scenario)] if a.scenario else []
    rows = list_saves(folder, installed_scenarios(*extra), a.sort)
    if not rows:
        print(f"No saved games in {folder}.")
        return 0
    for r in rows:
        if r.save is None:
            print(
                f"DAMAGED  {r.path.name}: {r.problem.path + ': ' if r.problem.path else ''}"
                f"{r.problem.message}"
            )
            continue
        v = r.save
        state = (
            f"{v.summary.date}, ended: {v.summary.ending}" if v.summary.ending else v.summary.date
        )
        who = v.player or "(no name)"
        cls = f" [{v.class_code}]" if v.class_code else ""
        print(f"{v.id}  {who}{cls}  {v.role}  {state}  last played {v.updated}")
    good = sum(r.save is not None for r in rows)
    print(f"{good} game(s), {len(rows) - good} damaged file(s) in {folder}.")
    return 0


def _commands() -> dict:
    from .commands import cmd_check, cmd_debrief, cmd_simulate, cmd_timeline

    return {
        "play": cmd_play,
        "resume": cmd_resume,
        "saves": cmd_saves,
        "check": cmd_check,
        "timeline": cmd_timeline,
        "simulate": cmd_simulate,
        "debrief": cmd_debrief,
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(argv) if argv else None  # `brink` alone needs no parser
    try:
        if args is None or args.command is None:  # the Textual game, from the title screen
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
