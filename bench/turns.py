"""Benchmark: 100 turns of the large level with 8 AI players.

Prints per-turn resolution time (the engine's `end_turn`: orders checked, the evening resolved step by step, the
state hashed and logged) and per-seat AI decision time (the seat's view built, `ai.decide` on it, the orders
checked), each as mean and worst case, and as a ratio to a reference measured in the same run (one breadth-first
search over the same map: these machines are noisy, ratios drift less than absolute times). Targets: AI decision
mean <= 20 ms and worst <= 50 ms; resolution worst <= 16 ms (a turn must never stall a frame).
Last line: `turn_ms <mean> turn_max_ms <worst> ai_ms <mean> ai_max_ms <worst>`.

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
from game.core.grid import CityMap  # noqa: E402
from game.session.session import LocalSession  # noqa: E402

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
    session = LocalSession(level, base_catalog(), args.players, args.seed, humans=tuple(range(args.players)))
    world = session.engine_world
    print(f"level {level.id}: {world.city.width}x{world.city.height} tiles, {len(level.patrols)} patrols, "
          f"{args.players} AI players, {args.turns} turns")

    ai_times: list[float] = []
    turn_times: list[float] = []
    for _ in range(args.turns):
        for seat in range(args.players):
            start = time.perf_counter()
            orders = session.ai_orders(seat)
            ai_times.append((time.perf_counter() - start) * 1000)
            session.submit(seat, orders)
        start = time.perf_counter()
        session.end_turn()
        turn_times.append((time.perf_counter() - start) * 1000)

    ref = reference_ms(level)
    turn_ms, turn_max = statistics.mean(turn_times), max(turn_times)
    ai_ms, ai_max = statistics.mean(ai_times), max(ai_times)
    print(f"reference (one BFS over the map): {ref:.2f} ms")
    print(f"resolution: mean {turn_ms:.2f} ms ({turn_ms / ref:.2f}x reference), worst {turn_max:.2f} ms "
          f"({turn_max / ref:.2f}x); target worst <= 16 ms")
    print(f"AI decision per seat: mean {ai_ms:.2f} ms ({ai_ms / ref:.2f}x reference), worst {ai_max:.2f} ms "
          f"({ai_max / ref:.2f}x); targets mean <= 20 ms, worst <= 50 ms")
    print(f"turn_ms {turn_ms:.2f} turn_max_ms {turn_max:.2f} ai_ms {ai_ms:.2f} ai_max_ms {ai_max:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
