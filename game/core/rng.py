"""Seeded random streams owned by the game state. No global randomness anywhere in the simulation.

Each named stream ("encounter", "market", ...) is an independent SplitMix64 generator whose 64-bit state
lives in `GameState.rng`, so it is saved, hashed and replayed with the rest of the state. A stream's
initial state is the first 8 bytes of blake2b("<seed>:<name>"), so adding a stream never shifts another.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")
_MASK = (1 << 64) - 1


def stream_seed(seed: int, name: str) -> int:
    """Initial 64-bit state of stream `name` for game seed `seed`."""
    digest = hashlib.blake2b(f"{seed}:{name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little")


class Streams:
    """The named random streams of one game. `states` is the plain dict stored in the game state."""

    def __init__(self, seed: int, states: dict[str, int]) -> None:
        self.seed = seed
        self.states = states

    def next_u64(self, name: str) -> int:
        """SplitMix64 step of stream `name`."""
        state = self.states.get(name)
        if state is None:
            state = stream_seed(self.seed, name)
        state = (state + 0x9E3779B97F4A7C15) & _MASK
        self.states[name] = state
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return z ^ (z >> 31)

    def random(self, name: str) -> float:
        """Uniform float in [0, 1) with 53 bits."""
        return (self.next_u64(name) >> 11) / float(1 << 53)

    def chance(self, name: str, probability: float) -> bool:
        """True with the given probability (clamped to 0-1)."""
        return self.random(name) < probability

    def randint(self, name: str, low: int, high: int) -> int:
        """Uniform integer in [low, high] inclusive."""
        return low + int(self.random(name) * (high - low + 1))

    def choice(self, name: str, items: Sequence[T]) -> T:
        return items[int(self.random(name) * len(items))]

