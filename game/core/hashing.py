"""The state hash: blake2b-128 of the state as canonical JSON (sorted keys, ISO dates, tuples as lists)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json

from game.core.state import GameState


def _plain(obj: object) -> object:
    if isinstance(obj, dt.date):
        return obj.isoformat()
    raise TypeError(f"cannot hash {type(obj).__name__}")


def canonical_json(state: GameState) -> str:
    return json.dumps(dataclasses.asdict(state), sort_keys=True, separators=(",", ":"), default=_plain)


def state_hash(state: GameState) -> str:
    return hashlib.blake2b(canonical_json(state).encode(), digest_size=16).hexdigest()
