"""The `brink` command's arguments: the parser of every subcommand and its options.

Only ``argparse`` is imported here: the models, pydantic and the engine are imported by the
commands that use them, so `brink` alone paints its title screen before loading them.
"""

from __future__ import annotations

import argparse

ROLES = ("kennedy", "khrushchev")
EVENT_MODES = ("historical", "chaos")
POLICIES = ("historical", "hawk", "dove", "random")
"""``engine.POLICIES``, written out here for the same reason (a test keeps them equal)."""


def parser() -> argparse.ArgumentParser:
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
    play.add_argument("--seed", type=seed, default=None, help="seed for chance (default: random)")
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
    sim.add_argument("--runs", type=positive, required=True)
    sim.add_argument("--seed", type=seed, default=0, help="the first game's seed (default: 0)")
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
        "--class",
        dest="classes",
        action="append",
        default=None,
        metavar="CODE",
        help="keep only this class (the class code saved in each game); given twice or more, "
        "the classes side by side",
    )
    deb.add_argument(
        "--role", choices=ROLES, default=None, help="keep only the games of one campaign"
    )
    deb.add_argument("--anonymize", action="store_true", help="hide the names in every output")
    deb.add_argument("--format", choices=("md", "html", "csv"), default=None, help="write a report")
    deb.add_argument(
        "--out", metavar="FILE", help="write the report here (default: standard output)"
    )
    deb.add_argument(
        "--per-decision", action="store_true", help="CSV: one row per choice, not per game"
    )
    deb.add_argument(
        "--topics",
        type=topic_list,
        default=None,
        metavar="LIST",
        help="Markdown and HTML: only these topics, e.g. overview,questions (of: "
        "overview, highlights, roster, decisions, questions, myths, students, files)",
    )
    deb.add_argument(
        "--paper",
        choices=("a4", "letter"),
        default=None,
        help="HTML: the paper it is printed on (default: the printer's)",
    )
    saves_arg(deb)
    scenario_arg(deb)

    srv = sub.add_parser(
        "serve",
        help="serve the game to a class's browsers, with a teacher's page",
        description=(
            "Serve the game to the browsers of a class: one game per tab, saved in the class "
            "folder, and a teacher's page with the live debrief. See docs/classroom.md."
        ),
    )
    srv.add_argument("--class", dest="class_code", default="", metavar="CODE", help="class code")
    srv.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1; 0.0.0.0: the local network)",
    )
    srv.add_argument("--port", type=port, default=8000, help="port (default 8000)")
    srv.add_argument(
        "--max-sessions", type=positive, default=40, metavar="N", help="open games at most (40)"
    )
    saves_arg(srv)
    scenario_arg(srv)
    return p


def topic_list(text: str) -> tuple[str, ...]:
    """``--topics``: names separated by commas (see ``debrief.text.REPORT_TOPICS``)."""
    from .debrief.text import topics_named

    try:
        return topics_named(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def port(text: str) -> int:
    n = whole(text)
    if not 0 <= n <= 65535:
        raise argparse.ArgumentTypeError("expected a port from 0 to 65535 (0: any free port)")
    return n


MAX_SEED = 10**18
"""Seeds go up to here: enough for any game, and printable in a line."""


def whole(text: str) -> int:
    """A whole number of a few digits; a long or odd text is not echoed whole."""
    shown = text if len(text) <= 24 else text[:20] + "..."
    if len(text) > 40:
        raise argparse.ArgumentTypeError(f"expected a number, got {len(text)} characters")
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {shown!r}") from None


def seed(text: str) -> int:
    n = whole(text)
    if not 0 <= n <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"expected a seed from 0 to {MAX_SEED}")
    return n


def positive(text: str) -> int:
    n = whole(text)
    if not 1 <= n <= 10_000_000:
        raise argparse.ArgumentTypeError("expected a number from 1 to 10000000")
    return n
