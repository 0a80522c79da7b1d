"""Replay and save files: the level and catalog as they were, the seed, the seats, and every turn's orders with
the state hash that turn produced. A save is a replay that can go on; loading re-resolves every turn and
checks each hash, so a damaged or tampered file is caught at the turn where it goes wrong.

Files are JSON (never pickle), written to a temporary file in the same folder and renamed into place.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.content.atomic import write_atomically
from game.content.limits import MAX_DEPTH
from game.content.reading import too_deep_at, where_in_text
from game.core.commands import Orders

FORMAT = "bone-music-game"
VERSION = 2


class TurnLog(BaseModel):
    model_config = ConfigDict(extra="forbid")

    orders: dict[int, Orders] = Field(description="player index -> orders")
    hash: str = Field(pattern=r"^[0-9a-f]{32}$")


class GameFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["bone-music-game"] = FORMAT
    version: Literal[2] = VERSION
    level: dict[str, Any]
    catalog: dict[str, Any]
    level_path: str = ""
    seed: int
    players: int = Field(ge=1, le=16)
    names: list[str]
    humans: list[int] = Field(default_factory=list)
    difficulty: list[Literal["easy", "normal", "hard"]] = Field(default_factory=list,
                                                                 description="AI difficulty per seat")
    turns: list[TurnLog] = Field(default_factory=list)


class GameFileError(Exception):
    """A save or replay that cannot be used; the message names the file and what is wrong."""


def write_game_file(path: Path, game: GameFile) -> None:
    """Write atomically: a temporary file beside `path`, flushed and fsynced, then renamed over it."""
    write_atomically(Path(path), game.model_dump_json())


def read_game_file(path: Path) -> GameFile:
    """Parse a save/replay, or raise GameFileError naming the file and the line/column or JSON path."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GameFileError(f"{path}: cannot read: {exc}") from None
    deep = too_deep_at(text)  # the content layer's bound: json would recurse until Python gives up
    if deep is not None:
        raise GameFileError(f"{path}: {where_in_text(text, deep)}: nested more than {MAX_DEPTH} levels deep; "
                            "is this a Bone Music save?")
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise GameFileError(f"{path}: line {exc.lineno}, column {exc.colno}: invalid JSON: {exc.msg}") from None
    try:
        return GameFile.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "$"
        raise GameFileError(
            f"{path}: {where}: {first['msg']} ({exc.error_count()} problem(s)); is this a Bone Music save?"
        ) from None
