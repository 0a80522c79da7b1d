"""Balance benchmark: does any one line of play win by itself?

Plays the scripted strategies of `bench/strategies.py` (each sees only its own view and plays through the command
API) against the normal AI on every shipped skirmish level, over many seeds, the strategy's seat rotating with the
seed (workshops are dealt by the seed too). Each game is paired with an all-AI game of the same level and seed, so
"the normal AI in its seat" is the same seat, workshop and dice without the strategy.

Prints a table per level (win rate, share of games richer than the AI in the same seat, mean money difference,
arrests, raids, upgrades, reputation) and these checks:
- lathe payback: the normal AI given a workshop-preset lathe for free, against itself without: money gained / the
  lathe's shop price (mean over seeds; the worst level is reported);
- seat spread: each workshop's win share in the all-AI games (the paired ones and SPREAD_SEEDS more), over the
  fair share; max / min;
- hard AI against the greedy script in 2-player games;
- AI seats that end richer than they started;
- three styles (cautious, bold, quality first) in a 3-player game: each style's win share.
Last line: `dominant D inform I lathe_payback P seat_spread S ai_vs_greedy G` (see the issue's targets).

    python bench/balance.py [--seeds 20] [--workers 2] [--quick]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from game.content.catalog import base_catalog  # noqa: E402
from game.content.loader import load_level  # noqa: E402
from game.core.lathe import preset_lathe  # noqa: E402
from game.core.state import KOPECKS  # noqa: E402
from game.session.session import LocalSession  # noqa: E402

LEVELS = {  # level file -> players seated for the benchmark (the 100x100 city with 4 of its 8 seats, for time)
    "ligovka_nights": 2,
    "vasilievsky_1953": 4,
    "leningrad_1957": 4,
}
FREE_LATHE = "workshop"
SPREAD_SEEDS = 40  # extra all-AI games per level for the workshops' win shares (a share needs many games)


@dataclass(frozen=True)
class Seat:
    money: int
    start: int
    rank: int
    workshop: str
    arrests: int
    raids: int
    upgrades: int
    reputation: int


def key(level_id: str, players: int, seed: int, scripts: dict[int, str] | None = None, free_lathe: int | None = None,
        difficulty: str = "normal") -> tuple:
    """A game's arguments as a hashable tuple (the job and the key of its result)."""
    return (level_id, players, seed, tuple(sorted((scripts or {}).items())), free_lathe, difficulty)


def play(level_id: str, players: int, seed: int, seats: tuple, free_lathe: int | None = None,
         difficulty: str = "normal") -> list[Seat]:
    """One game; `seats` puts strategies (by name) in seats, the rest is the AI at `difficulty`."""
    import strategies

    scripts = dict(seats)
    table = {**strategies.STRATEGIES, **strategies.STYLES, "hard": strategies.HARD_AI}
    level = load_level(ROOT / "levels" / "skirmish" / f"{level_id}.json")
    catalog = base_catalog()
    session = LocalSession(level, catalog, players, seed, humans=tuple(sorted(scripts)), difficulty=difficulty)
    if free_lathe is not None:
        preset = next(p for p in catalog.presets if p.id == FREE_LATHE)
        session.state.players[free_lathe].lathe = preset_lathe(preset.parts)
    start = [p.money for p in session.state.players]
    while not session.over:
        for seat, name in scripts.items():
            session.submit(seat, table[name](session.world_for(seat), session.view(seat)))
        session.end_turn()
    ranks = {s.player: s.rank for s in session.standings()}
    return [Seat(p.money, start[p.index], ranks[p.index], p.workshop, p.arrests, p.stats.raids, p.stats.upgrades,
                 p.reputation) for p in session.state.players]


def _job(args: tuple) -> tuple[tuple, list[Seat]]:
    return args, play(*args)


def lathe_price() -> int:
    catalog = base_catalog()
    preset = next(p for p in catalog.presets if p.id == FREE_LATHE)
    parts = {p.id: p for p in catalog.parts}
    return sum(parts[pid].price for pid in preset.parts.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="6 seeds, for a first look")
    parser.add_argument("--levels", default=",".join(LEVELS), help="comma-separated level ids (default: all)")
    args = parser.parse_args()
    for level_id in [k for k in LEVELS if k not in args.levels.split(",")]:
        del LEVELS[level_id]
    seeds = range(1, 7 if args.quick else args.seeds + 1)
    import strategies

    jobs: list[tuple] = []
    for level_id, players in LEVELS.items():
        for seed in seeds:
            seat = seed % players
            jobs.append(key(level_id, players, seed))
            jobs.append(key(level_id, players, seed, free_lathe=seat))
            for name in strategies.STRATEGIES:
                jobs.append(key(level_id, players, seed, {seat: name}))
            jobs.append(key(level_id, 2, seed, {seed % 2: "greedy"}, difficulty="hard"))
        for seed in range(1001, 1001 + SPREAD_SEEDS):
            jobs.append(key(level_id, players, seed))
        if level_id == "vasilievsky_1953":
            styles = list(strategies.STYLES)
            for seed in seeds:
                jobs.append(key(level_id, 3, seed, {(i + seed) % 3: s for i, s in enumerate(styles)}))
    began = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        results = dict(pool.map(_job, jobs, chunksize=2))
    elapsed = time.perf_counter() - began
    return report(results, seeds, elapsed)


def report(results: dict, seeds: range, elapsed: float) -> int:
    import strategies

    dominant = 0.0
    payback: dict[str, float] = {}
    spread_shares: list[float] = []
    richer_seats = total_seats = 0
    greedy_games = hard_wins = 0
    inform_wins = inform_games = 0
    for level_id, players in LEVELS.items():
        print(f"\n{level_id} ({players} players, {len(seeds)} seeds)")
        print(f"{'strategy':<18}{'win%':>6}{'>AI%':>6}{'d money':>9}{'arrests':>8}{'raids':>6}{'upgr':>6}{'rep':>5}")
        base = {seed: results[key(level_id, players, seed)] for seed in seeds}
        for name in ["normal_ai", *strategies.STRATEGIES]:
            rows = []
            for seed in seeds:
                seat = seed % players
                game = base[seed] if name == "normal_ai" else results[key(level_id, players, seed, {seat: name})]
                rows.append((game[seat], base[seed][seat]))
            wins = sum(1 for s, _ in rows if s.rank == 1) / len(rows)
            richer = sum(1 for s, b in rows if s.money > b.money) / len(rows)
            diff = statistics.mean((s.money - b.money) / KOPECKS for s, b in rows)
            if name != "normal_ai":
                dominant = max(dominant, richer)
            if name == "only_inform" and players == 2:
                inform_wins += sum(1 for s, _ in rows if s.rank == 1)
                inform_games += len(rows)
            print(f"{name:<18}{wins * 100:6.0f}{richer * 100:6.0f}{diff:9.0f}"
                  f"{statistics.mean(s.arrests for s, _ in rows):8.2f}{statistics.mean(s.raids for s, _ in rows):6.2f}"
                  f"{statistics.mean(s.upgrades for s, _ in rows):6.1f}{statistics.mean(s.reputation for s, _ in rows):5.0f}")
        gains = [(results[key(level_id, players, seed, free_lathe=seed % players)][seed % players].money
                  - base[seed][seed % players].money) / KOPECKS for seed in seeds]
        payback[level_id] = statistics.mean(gains) / lathe_price()
        wins_by_workshop: dict[str, list[int]] = defaultdict(list)
        spread_games = [*base.values(), *(results[key(level_id, players, s)] for s in range(1001, 1001 + SPREAD_SEEDS))]
        for game in spread_games:
            for seat in game:
                wins_by_workshop[seat.workshop].append(seat.rank == 1)
                richer_seats += seat.money > seat.start
                total_seats += 1
        shares = {w: sum(v) / len(v) * players for w, v in sorted(wins_by_workshop.items()) if len(v) >= 3}
        spread_shares += [max(shares.values()) / max(min(shares.values()), 0.01)]
        print("workshops' win share / fair share: " + ", ".join(f"{w} {s:.2f}" for w, s in shares.items()))
        greedy = [results[key(level_id, 2, seed, {seed % 2: "greedy"}, difficulty="hard")] for seed in seeds]
        greedy_games += len(greedy)
        hard_wins += sum(1 for seed, g in zip(seeds, greedy, strict=True) if g[1 - seed % 2].rank == 1
                         and g[seed % 2].rank != 1)
        print(f"lathe payback {payback[level_id]:.2f} (mean gain {statistics.mean(gains):.0f} rub "
              f"for a {lathe_price()} rub lathe)")
    styles = list(strategies.STYLES)
    style_wins = dict.fromkeys(styles, 0)
    for seed in seeds if "vasilievsky_1953" in LEVELS else ():
        game = results[key("vasilievsky_1953", 3, seed, {(i + seed) % 3: s for i, s in enumerate(styles)})]
        for i, style in enumerate(styles):
            style_wins[style] += game[(i + seed) % 3].rank == 1
    if "vasilievsky_1953" in LEVELS:
        print("\nthree styles on vasilievsky_1953 (win share): "
              + ", ".join(f"{s} {w / len(seeds):.2f}" for s, w in style_wins.items()))
    print(f"AI seats richer than they started: {richer_seats}/{total_seats} ({richer_seats / total_seats:.0%})")
    print(f"hard AI beats greedy: {hard_wins}/{greedy_games}")
    print(f"elapsed {elapsed:.0f} s")
    print(f"dominant {dominant:.2f} inform {inform_wins / max(inform_games, 1):.2f} "
          f"lathe_payback {min(payback.values()):.2f} seat_spread {max(spread_shares):.2f} "
          f"ai_vs_greedy {hard_wins / max(greedy_games, 1):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
