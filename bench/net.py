"""Benchmark: a LAN game on loopback. 8 `main.py bot` processes play 50 turns of leningrad_1957 against a host
running in this process; the host measures each turn from the last order received to every view written.

Per turn it splits that time into the engine's part (`resolve`: AI seats and resolution; `views`: every seat's
`PlayerView`) and the host's own overhead (the autosave, building and encoding the messages, writing to the
sockets), and counts the bytes each client receives. The engine's resolution time is the reference measured in
the same run. Target: overhead <= 5 ms and <= the resolution time.
Last line: `overhead_ms X resolve_ms Y ratio R bytes_per_turn B` (medians over the turns; B per client).

    python bench/net.py [--turns 50] [--bots 8] [--level PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.content.catalog import base_catalog  # noqa: E402
from game.content.loader import load_level  # noqa: E402
from game.net.limits import Limits  # noqa: E402
from game.net.server import GameServer  # noqa: E402
from game.session.host import HostConfig, HostSession  # noqa: E402

LEVEL = ROOT / "levels" / "skirmish" / "leningrad_1957.json"


def short_copy(source: Path, turns: int, folder: Path) -> Path:
    """The level with its calendar cut to `turns` evenings."""
    data = json.loads(source.read_text(encoding="utf-8"))
    start = dt.date.fromisoformat(data["calendar"]["start"])
    end = start + dt.timedelta(days=(turns - 1) * data["calendar"].get("days_per_turn", 1))
    data["calendar"]["end"] = end.isoformat()
    data["events"] = [e for e in data.get("events", []) if dt.date.fromisoformat(e["date"]) <= end]
    path = folder / source.name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


async def play(level_path: Path, bots: int, folder: Path) -> GameServer:
    level = load_level(level_path)
    config = HostConfig("bench", seats=bots, ai_fill=False, min_humans=bots, seed=1, level_path=str(level_path))
    host = HostSession(config, level, base_catalog(), folder / "bench-save.json")
    server = GameServer(host, Limits(per_address=bots + 2), log=lambda line: None)
    port = await server.start("127.0.0.1", 0)
    env = dict(os.environ, PYTHONPATH=str(ROOT), BONE_MUSIC_DISCOVERY="off")
    procs = [subprocess.Popen([sys.executable, str(ROOT / "main.py"), "bot", f"127.0.0.1:{port}", "--name",
                               f"Bot {i + 1}", "--timeout", "600"], env=env, stdout=subprocess.DEVNULL,
                              preexec_fn=lambda: os.nice(10))  # the bots stand in for other machines
             for i in range(bots)]
    try:
        await asyncio.wait_for(server.over.wait(), 600)
    finally:
        await server.close()
        for p in procs:
            try:
                p.wait(20)
            except subprocess.TimeoutExpired:
                p.kill()
    return server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--level", default=str(LEVEL))
    parser.add_argument("--turns", type=int, default=50)
    parser.add_argument("--bots", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        level = short_copy(Path(args.level), args.turns, Path(tmp))
        server = asyncio.run(play(level, args.bots, Path(tmp)))
    stats = server.stats
    med = statistics.median
    resolve = med(s.resolve_ms for s in stats)
    views = med(s.views_ms for s in stats)
    overhead = med(s.overhead_ms for s in stats)
    save = med(s.save_ms for s in stats)
    per_client = [statistics.mean(s.bytes_per_client.values()) for s in stats if s.bytes_per_client]
    print(f"{len(stats)} turns of {Path(args.level).stem}, {args.bots} bot clients on loopback")
    print(f"engine per turn: resolve {resolve:.2f} ms, views {views:.2f} ms (median)")
    print(f"host overhead per turn: {overhead:.2f} ms median, {max(s.overhead_ms for s in stats):.2f} ms worst, "
          f"of which autosave {save:.2f} ms")
    print(f"bytes per client per turn: {med(per_client):.0f} median, {per_client[0]:.0f} first, {per_client[-1]:.0f} last")
    ratio = overhead / resolve if resolve else float("inf")
    print(f"overhead_ms {overhead:.2f} resolve_ms {resolve:.2f} ratio {ratio:.2f} bytes_per_turn {med(per_client):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
