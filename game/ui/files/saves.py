"""Save slots in the user's data folder: `$XDG_DATA_HOME/bone-music/saves/` (or `~/.local/share/...`).

A save is the session's own game file (level, catalog, seed, seats and every turn's orders with its hash),
written atomically by `session.save`; loading re-plays it with `LocalSession.from_file`, which names the file
and the place when it is damaged. Slot listings read only the file's JSON (no re-play)."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

AUTOSAVE = "autosave"
SLOTS: tuple[str, ...] = (AUTOSAVE, "slot1", "slot2", "slot3", "slot4", "slot5")


def saves_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "bone-music" / "saves"


def slot_path(slot: str) -> Path:
    return saves_dir() / f"{slot}.json"


def slot_title(slot: str) -> str:
    return "Autosave" if slot == AUTOSAVE else f"Slot {slot.removeprefix('slot')}"


@dataclass(frozen=True)
class SaveInfo:
    """What the Load screen lists for a slot; `error` is set when the file exists but cannot be read."""

    slot: str
    path: Path
    exists: bool
    level: str = ""
    date: str = ""
    turn: int = 0
    modified: str = ""
    seat: int = 0
    error: str = ""


def read_info(slot: str) -> SaveInfo:
    """Summary of a slot without re-playing it."""
    path = slot_path(slot)
    if not path.is_file():
        return SaveInfo(slot, path, False)
    modified = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%d %b %Y %H:%M")
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        level = data["level"]
        cal = level["calendar"]
        turns = len(data.get("turns", []))
        start = dt.date.fromisoformat(cal["start"])
        date = start + dt.timedelta(days=turns * int(cal.get("days_per_turn", 1)))
        seat = int((data.get("humans") or [0])[0])
        return SaveInfo(slot, path, True, str(level.get("name", "?")), f"{date.day} {date:%b %Y}", turns, modified, seat)
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
        return SaveInfo(slot, path, True, modified=modified, error=f"damaged ({type(exc).__name__})")


def list_saves() -> list[SaveInfo]:
    return [read_info(slot) for slot in SLOTS]


def save(session: Any, slot: str) -> Path:
    """Write the session to `slot` (atomic: the session writes a temporary file and renames it)."""
    path = slot_path(slot)
    path.parent.mkdir(parents=True, exist_ok=True)
    session.save(path)
    return path


def load(path: Path) -> tuple[Any, int]:
    """(session, seat) from a save; raises GameFileError (or OSError) with a readable message."""
    from game.session.session import LocalSession

    session = LocalSession.from_file(path)
    seat = session.humans[0] if session.humans else 0
    return session, seat
