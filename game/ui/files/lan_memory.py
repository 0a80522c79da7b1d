"""What the LAN screens remember between runs: the player's name, the last address typed, and the rejoin token for
each host (so a player who drops, or whose game crashed, takes their seat back by joining again).

One small JSON file, `lan.json` in the config folder, written atomically. It is outside input: a missing, damaged
or oversized file gives an empty memory, never an exception.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from game.content.atomic import write_atomically
from game.ui.frame.settings import config_dir

MAX_BYTES = 64 * 1024
MAX_TOKENS = 50


@dataclass
class LanMemory:
    name: str = ""
    address: str = ""
    tokens: dict[str, str] = field(default_factory=dict)  # "host:port" -> rejoin token


def memory_path() -> Path:
    return config_dir() / "lan.json"


def load(path: Path | None = None) -> LanMemory:
    path = path or memory_path()
    try:
        if path.stat().st_size > MAX_BYTES:
            return LanMemory()
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return LanMemory()
    if not isinstance(data, dict):
        return LanMemory()
    tokens = data.get("tokens")
    tokens = {str(k)[:80]: str(v)[:64] for k, v in tokens.items() if isinstance(v, str)} if isinstance(tokens, dict) else {}
    name, address = data.get("name"), data.get("address")
    return LanMemory(name[:24] if isinstance(name, str) else "", address[:80] if isinstance(address, str) else "", tokens)


def save(memory: LanMemory, path: Path | None = None) -> None:
    """Write the memory (the newest tokens kept); a failure to write is ignored: it is only a convenience."""
    path = path or memory_path()
    tokens = dict(list(memory.tokens.items())[-MAX_TOKENS:])
    text = json.dumps({"name": memory.name, "address": memory.address, "tokens": tokens}, indent=1)
    with contextlib.suppress(OSError):
        write_atomically(path, text)
