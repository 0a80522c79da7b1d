"""Who is winning.

- "richest": a player who met the level's goal first (see `victory`) ranks first; then free players by money
  (those in custody rank after them); equal money is an equal rank.
- "last_free": fewest arrests first, then money.
- "coop": one studio against the state: everyone shares the rank (the game ends early when the players' money
  together reaches the level's `target_money`, see `victory`).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.state import GameState, PlayerState
from game.core.world import World


@dataclass(frozen=True)
class Standing:
    rank: int
    player: int
    name: str
    money: int  # kopecks
    free: bool
    arrests: int


def _key(mode: str, winner: int | None, p: PlayerState) -> tuple:
    if mode == "last_free":
        return (p.arrests, -p.money)
    return (p.index != winner, not p.free, -p.money)


def standings(world: World, state: GameState) -> list[Standing]:
    mode = world.level.victory.mode
    players = sorted(state.players, key=lambda p: (_key(mode, state.winner, p), p.index))
    result: list[Standing] = []
    for i, p in enumerate(players):
        if mode == "coop":
            rank = 1
        elif i and _key(mode, state.winner, p) == _key(mode, state.winner, players[i - 1]):
            rank = result[-1].rank
        else:
            rank = i + 1
        result.append(Standing(rank, p.index, p.name, p.money, p.free, p.arrests))
    return result

