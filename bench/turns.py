"""Benchmark: 100 turns of the large level with 8 AI players.

Prints ms per turn for resolution and per AI player decision, each also as a ratio to a reference workload
measured in the same run (a breadth-first search over the same map: these machines are noisy, ratios drift
less than absolute times). Targets: resolution <= 10 ms per turn, AI <= 20 ms per player decision.
Last line: `turn_ms <resolution> ai_ms <per AI player>`.

    python bench/turns.py [--level PATH] [--turns 100] [--players 8] [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.content.catalog import base_catalog  # noqa: E402
from game.content.loader import load_level  # noqa: E402
from game.core import ai  # noqa: E402
from game.core.grid import CityMap  # noqa: E402
from game.core.resolve import resolve_turn  # noqa: E402
from game.core.setup import new_game  # noqa: E402

LARGE_LEVEL = ROOT / "levels" / "skirmish" / "leningrad_1957.json"


def reference_ms(level) -> float:
    """Median time of one uncached BFS distance field over the level's map."""
    times = []
    for _ in range(7):
        city = CityMap(level.map)
        start = time.perf_counter()
        city.distance_field((level.sites[0].at[0], level.sites[0].at[1]))
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--level", default=str(LARGE_LEVEL))
    parser.add_argument("--turns", type=int, default=100)
    parser.add_argument("--players", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    level = load_level(Path(args.level))
    days = level.calendar.days_per_turn * (args.turns + 1)
    calendar = level.calendar.model_copy(update={"end": level.calendar.start + dt.timedelta(days=days)})
    level = level.model_copy(update={"calendar": calendar})  # long enough for every benchmarked turn
    world, state = new_game(level, base_catalog(), args.players, args.seed)
    print(f"level {level.id}: {world.city.width}x{world.city.height} tiles, {len(level.patrols)} patrols, "
          f"{args.players} AI players, {args.turns} turns")

    ai_times: list[float] = []
    turn_times: list[float] = []
    for _ in range(args.turns):
        orders = {}
        for player in state.players:
            start = time.perf_counter()
            orders[player.index] = ai.decide(world, state, player.index)
            ai_times.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        resolve_turn(world, state, orders)
        turn_times.append((time.perf_counter() - start) * 1000)

    ref = reference_ms(level)
    turn_ms = statistics.mean(turn_times)
    ai_ms = statistics.mean(ai_times)
    print(f"reference (one BFS over the map): {ref:.2f} ms")
    print(f"resolution: mean {turn_ms:.2f} ms, max {max(turn_times):.2f} ms per turn "
          f"({turn_ms / ref:.2f}x reference); target <= 10 ms")
    print(f"AI decision: mean {ai_ms:.2f} ms, max {max(ai_times):.2f} ms per player "
          f"({ai_ms / ref:.2f}x reference; the first visits fill the map's distance-field cache); target <= 20 ms")
    print(f"turn_ms {turn_ms:.2f} ai_ms {ai_ms:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
