"""The state hash: blake2b-128 of the state as canonical JSON (sorted keys, ISO dates, tuples as lists).

`plain` turns the state into JSON-ready data the way `dataclasses.asdict` would, but without its deep copies;
cut profiles are frozen and shared by many records, so each one is converted once and cached."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import lru_cache

from game.core.profile import CutProfile
from game.core.state import GameState

_SCALARS = (int, float, str, bool, type(None))


def plain(obj: object) -> object:
    """JSON-ready data of a state value: dataclasses become dicts of their fields, in field order."""
    kind = type(obj)
    if kind in _SCALARS:
        return obj
    if kind is dict:
        return {str(k): plain(v) for k, v in obj.items()}  # type: ignore[attr-defined]
    if kind is list or kind is tuple:
        return [plain(v) for v in obj]  # type: ignore[attr-defined]
    if kind is CutProfile:
        return _profile(obj)  # type: ignore[arg-type]
    if kind is dt.date:
        return obj.isoformat()  # type: ignore[attr-defined]
    fields = getattr(kind, "__dataclass_fields__", None)
    if fields is None:
        raise TypeError(f"cannot hash {kind.__name__}")
    return {name: plain(getattr(obj, name)) for name in fields}


@lru_cache(maxsize=65_536)
def _profile(profile: CutProfile) -> dict[str, object]:
    return {name: plain(getattr(profile, name)) for name in CutProfile.__dataclass_fields__}


def canonical_json(state: GameState) -> str:
    return json.dumps(plain(state), sort_keys=True, separators=(",", ":"))


def state_hash(state: GameState) -> str:
    return hashlib.blake2b(canonical_json(state).encode(), digest_size=16).hexdigest()
