"""Where a classroom tab's processor time goes, key by key. A script that prints figures, not a
test.

Run: python tests/bench/bench_serve_keys.py [--choices 40] [--size 100x30] [--games 2]

One student's game runs as ``brink serve`` runs it for a tab (``python -m game.serve.student``,
with textual-serve's environment and a class folder), its standard streams spoken to as
textual-serve speaks to them: keys in, screen bytes out. It types a name, starts a Kennedy
game and makes ``--choices`` choices (``1``, ``y`` when asked "Are you sure?", Enter past the
result; a game that ends is begun again with ``n`` and Enter), in ``--games`` processes one
after the other. For each key it reads the game's processor time (``/proc/PID/schedstat``, in
nanoseconds) before sending the key and once the screen has been quiet for 150 ms, and counts
the screen bytes that answered it. The figures are by kind of key: a choice, the question
before a drastic one, Enter to the next turn, Enter to the ending (the first of a tab, and the
later ones), ``n`` to the new game's form, and Enter to start it. The baseline, measured in the
same process: a key that no screen takes (``z`` on a turn), the floor of any key.

Processor time is not latency: a loaded machine stretches it less than it stretches latency,
but it does stretch it (caches and cores are shared), so compare figures from one run, or
from runs on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from game.serve.warm import tab_env  # noqa: E402

QUIET = 0.15
ESCAPES = re.compile(
    rb"\x1b(\[[0-9;?<>$]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>])"
)
TURN, SURE, RESULT, ENDING, FORM = "Option", "Are you sure", "What followed", "The end", "Start"


class Tab:
    """One game process, spoken to over its pipes as textual-serve does."""

    def __init__(self, folder: Path, columns: int, rows: int):
        env = {
            **os.environ,
            **tab_env(),
            "COLUMNS": str(columns),
            "ROWS": str(rows),
            "BRINK_CLASSROOM": "1",
            "BRINK_CLASS": "BENCH",
            "BRINK_CLASS_DIR": str(folder),
            "PYTHONPATH": str(ROOT),
        }
        command = [sys.executable, "-m", "game.serve.student", "--session", "0123abcd"]
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd=folder
        )
        while self.process.stdout.readline() not in (b"__GANGLION__\n", b""):
            pass
        self.screens: queue.Queue[bytes] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self._send(b"M", json.dumps({"type": "resize", "width": columns, "height": rows}))
        self.costs: dict[str, list[tuple[float, int]]] = {}

    def _read(self) -> None:
        out = self.process.stdout
        while kind := out.read(1):
            payload = out.read(int.from_bytes(out.read(4), "big"))
            if kind == b"D":
                self.screens.put(payload)

    def _send(self, kind: bytes, data: str) -> None:
        payload = data.encode()
        self.process.stdin.write(kind + len(payload).to_bytes(4, "big") + payload)
        self.process.stdin.flush()

    def _cpu_ns(self) -> int:
        return int(Path(f"/proc/{self.process.pid}/schedstat").read_text().split()[0])

    def screen(self, expect: tuple[str, ...]) -> tuple[str, int]:
        """The words of the screen once one of ``expect`` is among them (or none is expected)
        and it has been quiet for :data:`QUIET`; and how many bytes it took."""
        data = b""
        while True:
            words = ESCAPES.sub(b"", data).decode("utf-8", "replace")
            seen = not expect or any(e in words for e in expect)
            try:
                data += self.screens.get(timeout=QUIET if seen else 30)
            except queue.Empty:
                if seen:
                    return words, len(data)
                raise RuntimeError(f"no screen with {' or '.join(expect)} came") from None

    def key(self, key: str, kind: str | None, *expect: str) -> str:
        """Send ``key``; count its processor time and bytes under ``kind`` (None: not
        counted); return the words of the screen that answered it."""
        before = self._cpu_ns()
        self._send(b"D", key)
        words, size = self.screen(expect)
        if kind is not None:
            self.costs.setdefault(kind, []).append(((self._cpu_ns() - before) / 1e6, size))
        return words

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


def play(folder: Path, columns: int, rows: int, choices: int) -> dict:
    tab = Tab(folder, columns, rows)
    try:
        tab.screen(("name",))
        for c in "bench":
            tab.key(c, None)
        tab.key("\r", None, "Kennedy")
        tab.key("\r", None, FORM)
        tab.key("\r", None, TURN)
        endings = 0
        for _ in range(choices):
            tab.key("z", "baseline: a key no screen takes")
            words = tab.key("1", "a choice", SURE, RESULT)
            if SURE in words and RESULT not in words:
                tab.key("y", "yes, to a drastic choice", RESULT)
            kind = "Enter: the ending" + (", the tab's first" if not endings else ", again")
            words = tab.key("\r", "?", TURN, ENDING)
            cost = tab.costs["?"].pop()
            if ENDING in words:
                tab.costs.setdefault(kind, []).append(cost)
                endings += 1
                tab.key("n", "n: the new game's form", FORM)
                tab.key("\r", "Enter: the new game's first turn", TURN)
            else:
                tab.costs.setdefault("Enter: the next turn", []).append(cost)
        tab.costs.pop("?", None)
        return tab.costs
    finally:
        tab.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--choices", type=int, default=40)
    ap.add_argument("--games", type=int, default=2, help="game processes, one after another")
    ap.add_argument("--size", default="100x30", help="the tab's terminal: COLUMNSxROWS")
    a = ap.parse_args()
    columns, _, rows = a.size.partition("x")
    costs: dict[str, list[tuple[float, int]]] = {}
    load = os.getloadavg()[0]
    for _ in range(a.games):
        with tempfile.TemporaryDirectory() as folder:
            for kind, seen in play(Path(folder), int(columns), int(rows), a.choices).items():
                costs.setdefault(kind, []).extend(seen)
    print(f"one tab of {columns}x{rows}, {a.games} game process(es), {a.choices} choices each")
    print(f"{'key':40} {'keys':>5} {'median ms':>10} {'mean ms':>8} {'kB mean':>8}")
    order = sorted(costs, key=lambda k: (not k.startswith("baseline"), k))
    for kind in order:
        ms = [m for m, _ in costs[kind]]
        kb = statistics.mean(b for _, b in costs[kind]) / 1000
        line = f"{kind:40} {len(ms):5} {statistics.median(ms):10.1f} {statistics.mean(ms):8.1f}"
        print(f"{line} {kb:8.1f}")
    print(f"load average {load:.1f} before, {os.getloadavg()[0]:.1f} after")


if __name__ == "__main__":
    main()
