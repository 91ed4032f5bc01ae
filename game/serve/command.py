"""``brink serve``: check the options, start the server, print the students' and the teacher's
addresses, and on Ctrl+C close every tab (their games are saved) and say how many were open."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import sys
from pathlib import Path

from ..commands import error
from ..paths import saves_dir
from ..ui.classroom import ENV_CLASS, ENV_FLAG, ENV_FOLDER, name_problem

LOOPBACK = "127.0.0.1"


def class_folder(saves: Path, class_code: str) -> Path:
    """Where a class's games are saved: a sub-folder of the saves folder named after the class
    code, keeping only ASCII letters, digits, ``-`` and ``_`` (the saves folder itself when
    there is no class code)."""
    if not class_code:
        return saves
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in class_code)
    return saves / (safe.strip("-.") or "class")


def local_address() -> str:
    """This machine's address on its local network (no packet is sent), else the loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.254.254.254", 1))
            return probe.getsockname()[0]
        except OSError:
            return LOOPBACK


def cmd_serve(a) -> int:
    class_code = (a.class_code or "").strip()
    if class_code and (problem := name_problem(class_code)):
        return error(f"serve: --class: {problem.replace('a name', 'a class code')}")
    folder = class_folder(saves_dir(a.saves_dir), class_code).resolve()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return error(f"serve: cannot make the class folder {folder}: {exc.strerror or exc}")
    from ..commands import scenario_for

    scenario = scenario_for(a)
    os.environ.update({ENV_FLAG: "1", ENV_CLASS: class_code, ENV_FOLDER: str(folder)})
    logging.basicConfig(level=logging.WARNING, format="brink serve: %(message)s")
    try:
        return asyncio.run(_serve(a, folder, class_code, scenario))
    except KeyboardInterrupt:
        return 130


async def _serve(a, folder: Path, class_code: str, scenario) -> int:
    from aiohttp import web

    from .live import LiveFolder
    from .server import BrinkServer

    server = BrinkServer(
        folder, LiveFolder(folder, scenario), class_code, a.host, a.port, a.max_sessions
    )
    runner = web.AppRunner(server.make_app(), handle_signals=False, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, a.host, a.port).start()
    except OSError as exc:
        await runner.cleanup()
        return error(f"serve: cannot listen on {a.host} port {a.port}: {exc.strerror or exc}")
    stop = asyncio.Event()  # Ctrl+C from here on closes the tabs first
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    port = runner.addresses[0][1]
    shown = local_address() if a.host in ("0.0.0.0", "") else a.host
    shown = f"[{shown}]" if ":" in shown else shown
    base = f"http://{shown}:{port}"
    print(
        f"Brink serves {'class ' + class_code if class_code else 'the classroom'}; "
        f"games are saved in {folder}"
    )
    print(f"Students: {base}/")
    print(f"Teacher: {base}/teacher?token={server.token}")
    if a.host not in (LOOPBACK, "localhost", "::1"):
        print(
            "Anyone who can reach this computer can open the students' page: use it only on "
            "a trusted local network (see docs/classroom.md)."
        )
    print("Press Ctrl+C to stop.", flush=True)
    await stop.wait()
    open_games = await server.close_all()
    await runner.cleanup()
    games = "1 game was" if open_games == 1 else f"{open_games} games were"
    print(f"\nStopped. {games} in progress; every choice was saved as it was made.", flush=True)
    sys.stdout.flush()
    return 0
