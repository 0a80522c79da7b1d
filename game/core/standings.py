"""Who is winning. "richest": free players by money (those in custody rank after them); "last_free": players never
arrested first, then fewest arrests, then money; "coop": everyone shares the total."""

from __future__ import annotations

from dataclasses import dataclass

from game.core.state import GameState
from game.core.world import World


@dataclass(frozen=True)
class Standing:
    rank: int
    player: int
    name: str
    money: int  # kopecks
    free: bool
    arrests: int


def standings(world: World, state: GameState) -> list[Standing]:
    mode = world.level.victory.mode
    players = list(state.players)
    if mode == "last_free":
        players.sort(key=lambda p: (p.arrests, -p.money, p.index))
    elif mode == "coop":
        players.sort(key=lambda p: p.index)
    else:
        players.sort(key=lambda p: (not p.free, -p.money, p.index))
    return [Standing(i + 1, p.index, p.name, p.money, p.free, p.arrests) for i, p in enumerate(players)]
