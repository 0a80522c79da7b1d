"""Helpers for the LAN tests (no tests here): short levels on disk, real processes whose output lines are read as
they come, an in-process host, and AI players on `RemoteSession`s. Everything binds 127.0.0.1 only."""

from __future__ import annotations

import datetime as dt
import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOOPBACK = "127.0.0.1"
os.environ["BONE_MUSIC_DISCOVERY"] = "off"  # nothing in these tests may announce beyond loopback


def short_level(tmp: Path, source: str, turns: int, name: str = "lan_level.json") -> Path:
    """A copy of a shipped level whose calendar ends after `turns` evenings (events after it dropped)."""
    data = json.loads((ROOT / source).read_text(encoding="utf-8"))
    start = dt.date.fromisoformat(data["calendar"]["start"])
    end = start + dt.timedelta(days=turns * data["calendar"].get("days_per_turn", 1))
    data["calendar"]["end"] = end.isoformat()
    data["events"] = [e for e in data.get("events", []) if dt.date.fromisoformat(e["date"]) <= end]
    path = tmp / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def child_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(PYTHONPATH=str(ROOT), BONE_MUSIC_DISCOVERY="off", XDG_DATA_HOME=str(tmp / "data"),
               XDG_CONFIG_HOME=str(tmp / "config"), XDG_CACHE_HOME=str(tmp / "cache"), PYTHONUNBUFFERED="1")
    return env


class Proc:
    """`python main.py ARGS` with its output lines collected on a thread."""

    def __init__(self, tmp: Path, *args: str) -> None:
        self.args = args
        self.proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=child_env(tmp),
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        self._new: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_line(self, pattern: str, timeout: float = 30.0, after: int = 0) -> re.Match:
        """The first output line (from index `after`) matching `pattern`; fails with the output if none comes."""
        regex = re.compile(pattern)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for line in self.lines[after:]:
                if m := regex.search(line):
                    return m
            if self.proc.poll() is not None and not self._reader.is_alive():
                break
            time.sleep(0.02)
        raise AssertionError(f"no line matching {pattern!r} from {self.args[:2]}; output:\n" + "\n".join(self.lines[-40:]))

    def matching(self, pattern: str) -> list[re.Match]:
        regex = re.compile(pattern)
        return [m for line in list(self.lines) if (m := regex.search(line))]

    def finish(self, timeout: float = 60.0) -> int:
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"{self.args[:2]} did not finish; output:\n" + "\n".join(self.lines[-40:])) from None
        self._reader.join(2.0)
        return code

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)
        self._reader.join(2.0)


def start_server(tmp: Path, *args: str, port: int = 0) -> tuple[Proc, int]:
    server = Proc(tmp, "server", "--bind", LOOPBACK, "--port", str(port), "--announce", "off", *args)
    found = server.wait_line(r"listening on 127\.0\.0\.1:(\d+)", 30.0)
    return server, int(found.group(1))


def server_views(server: Proc) -> dict[tuple[int, int], str]:
    """(turn, seat) -> view hash as the host logged them when it sent them."""
    views: dict[tuple[int, int], str] = {}
    for m in server.matching(r"views of turn (\d+): ([0-9a-f: ]+)$"):
        for pair in m.group(2).split():
            seat, digest = pair.split(":")
            views[(int(m.group(1)), int(seat))] = digest
    return views


def bot_views(bot: Proc) -> dict[int, str]:
    """turn -> view hash the bot received (and found matching its content: lines with DESYNC are not 'ok')."""
    return {int(m.group(1)): m.group(2) for m in bot.matching(r"^turn (\d+) view ([0-9a-f]{32}) ok$")}


def in_process_host(level_path: Path, seats: int, min_humans: int, save: Path | None = None, limits=None,
                    grace: float = 60.0, seed: int = 11, turn_seconds: float = 0.0, auto_start: bool = True,
                    admin: str = "", password: str = ""):
    from game.content.catalog import base_catalog
    from game.content.loader import load_level
    from game.net.hosting import ServerThread
    from game.session.host import HostConfig, HostSession

    level = load_level(level_path)
    config = HostConfig("test game", seats=seats, min_humans=min_humans, seed=seed, grace_seconds=grace,
                        turn_seconds=turn_seconds, auto_start=auto_start, password=password, level_path=str(level_path))
    thread = ServerThread(HostSession(config, level, base_catalog(), save, admin), limits, address=LOOPBACK)
    return thread, thread.start()


def play_with_ai(sessions, stop: threading.Event | None = None, timeout: float = 60.0) -> None:
    """Play every session with the AI until the game is over (or `stop` is set)."""
    from game.cli.bot import play_turn

    end = time.monotonic() + timeout
    answered = {id(s): -1 for s in sessions}
    while time.monotonic() < end and not (stop is not None and stop.is_set()):
        busy = False
        for s in sessions:
            s.poll()
            if s.started and not s.over and s.turn != answered[id(s)] and not s.ready:
                answered[id(s)] = s.turn
                play_turn(s, "normal")
                busy = True
        if all(s.over or s.closed for s in sessions):
            return
        if not busy:
            time.sleep(0.005)
    if stop is None:
        raise AssertionError("the game did not end in time")
