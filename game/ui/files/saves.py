"""Save slots in the user's data folder: `$XDG_DATA_HOME/bone-music/saves/` (or `~/.local/share/...`).

A save is the session's own game file (level, catalog, seed, seats and every turn's orders with its hash),
written atomically by `session.save`; loading re-plays it with `LocalSession.from_file`, which names the file
and the place when it is damaged. Slot listings read only the file's JSON (no re-play).

Save files are outside input (copied between machines, edited, truncated): listing and loading never raise
anything but a readable `SaveError`/`GameFileError` — oversized files (`MAX_BYTES`), bytes that are not UTF-8,
nesting too deep for the parser, numbers too big for a date, a seat that is not in the game."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_BYTES = 16 * 1024 * 1024  # a season's save is well under 1 MB
AUTOSAVE = "autosave"
QUICKSAVE = "quicksave"
SLOTS: tuple[str, ...] = (AUTOSAVE, QUICKSAVE, "slot1", "slot2", "slot3", "slot4", "slot5")
USER_SLOTS: tuple[str, ...] = SLOTS[2:]


def saves_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "bone-music" / "saves"


def slot_path(slot: str) -> Path:
    return saves_dir() / f"{slot}.json"


def slot_title(slot: str) -> str:
    return {AUTOSAVE: "Autosave", QUICKSAVE: "Quick save"}.get(slot, f"Slot {slot.removeprefix('slot')}")


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
    difficulty: str = ""  # the AI seats' difficulty ("hard"; "easy/hard" when mixed; "" without AI seats)


class SaveError(Exception):
    """A save that cannot be opened; the message names the file and the problem."""


def _summary(data: Any) -> tuple[str, str, int, int, str]:
    """(city, date, evenings played, seat, AI difficulty) from a save's parsed JSON; raises on anything
    unexpected."""
    level = data["level"]
    cal = level["calendar"]
    turns = len(data.get("turns", []))
    start = dt.date.fromisoformat(cal["start"])
    days = int(cal.get("days_per_turn", 1))
    date = start + dt.timedelta(days=turns * days)  # OverflowError past year 9999
    humans = data.get("humans") or [0]
    seat = int(humans[0])
    players = int(data.get("players", 1))
    if not 0 <= seat < players:
        raise ValueError(f"seat {seat} is not in a game of {players}")
    name = level.get("name", "?")
    levels = data.get("difficulty") or []
    ai = sorted({str(levels[i]) for i in range(min(players, len(levels))) if i not in humans})
    return (name if isinstance(name, str) else "?"), f"{date.day} {date:%b %Y}", turns, seat, "/".join(ai)[:24]


def read_info(slot: str) -> SaveInfo:
    """Summary of a slot without re-playing it; a file that cannot be summarised is listed as damaged."""
    path = slot_path(slot)
    try:
        if not path.is_file():
            return SaveInfo(slot, path, False)
        stat = path.stat()
        modified = dt.datetime.fromtimestamp(stat.st_mtime).strftime("%d %b %Y %H:%M")
    except (OSError, ValueError, OverflowError):
        return SaveInfo(slot, path, True, error="damaged (cannot read the file)")
    if stat.st_size > MAX_BYTES:
        return SaveInfo(slot, path, True, modified=modified, error=f"damaged (larger than {MAX_BYTES // 2**20} MB)")
    try:
        data: Any = json.loads(path.read_bytes().decode("utf-8"))
        level, date, turns, seat, difficulty = _summary(data)
        return SaveInfo(slot, path, True, level, date, turns, modified, seat, difficulty=difficulty)
    except UnicodeDecodeError:
        return SaveInfo(slot, path, True, modified=modified, error="damaged (not UTF-8 text)")
    except RecursionError:
        return SaveInfo(slot, path, True, modified=modified, error="damaged (nested too deeply)")
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, OverflowError) as exc:
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
    """(session, seat) from a save; raises GameFileError or SaveError with a readable message naming the file."""
    from game.session.replay import GameFileError
    from game.session.session import LocalSession

    try:
        if path.stat().st_size > MAX_BYTES:
            raise SaveError(f"{path}: the file is larger than {MAX_BYTES // 2**20} MB; it is not a Bone Music save")
        session = LocalSession.from_file(path)
    except (GameFileError, SaveError):
        raise
    except RecursionError:
        raise SaveError(f"{path}: the file is nested too deeply to be a Bone Music save") from None
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError) as exc:
        raise SaveError(f"{path}: cannot be opened ({type(exc).__name__}: {exc})") from None
    seat = session.humans[0] if session.humans else 0
    players = len(session.view(0).rivals) + 1
    if not 0 <= seat < players:
        raise SaveError(f"{path}: humans: seat {seat} is not one of the {players} players in this game")
    return session, seat
