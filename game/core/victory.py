"""How a game ends before its end date, per the level's `victory`:

- `target_money` (rubles): the first free player to hold it wins ("coop": when the players' money together
  reaches it, the studio has won together);
- `records_of_quality` [n, q]: the first player to have cut n records of quality >= q wins.
When several players reach a goal on the same evening, the richest of them wins (the lower seat on a tie of money
and of everything else). The end date always ends the game; then the standings decide (see `standings`).
"""

from __future__ import annotations

from game.core.state import KOPECKS, GameState, PlayerState
from game.core.world import World


def good_records(player: PlayerState, quality: float) -> int:
    """Records this player has cut of at least `quality` (0-1)."""
    floor = round(quality * 1000)
    return sum(1 for q in player.stats.cut_qualities if q >= floor)


def reached(world: World, state: GameState, player: PlayerState) -> bool:
    """Whether `player` meets one of the level's early-victory goals now."""
    victory = world.level.victory
    if victory.target_money is not None and victory.mode != "coop" and player.free \
            and player.money >= victory.target_money * KOPECKS:
        return True
    if victory.records_of_quality is not None:
        n, q = victory.records_of_quality
        if good_records(player, q) >= n:
            return True
    return False


def check_victory(world: World, state: GameState) -> None:
    """End the game if a goal is met (module docstring)."""
    if state.over and state.winner is not None:
        return
    victory = world.level.victory
    if victory.mode == "coop":
        if victory.target_money is not None and sum(p.money for p in state.players) >= victory.target_money * KOPECKS:
            state.over = True
        return
    winners = [p for p in state.players if reached(world, state, p)]
    if winners:
        state.over = True
        state.winner = min(winners, key=lambda p: (-p.money, p.index)).index
