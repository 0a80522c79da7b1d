"""Load levels and the catalog from JSON files, with every problem reported as a `ContentError`.

Steps: read bytes -> decode UTF-8 -> parse JSON (line/column on failure) -> pydantic model (JSON path on
failure) -> semantic checks (references, map, reachability). Nothing here raises anything but ContentError.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from game.content.checks import catalog_problems, level_problems
from game.content.errors import ContentError, Problem
from game.content.jsonerrors import json_problem, validation_problems
from game.content.models import Catalog, Level

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CATALOG = ROOT / "levels" / "catalog.json"
SCHEMA_FILES = frozenset({"schema.json", "catalog.schema.json", "mod.json"})
M = TypeVar("M", bound=BaseModel)


def read_json_text(path: str | Path) -> tuple[str, Any]:
    """The file's text and parsed JSON, or ContentError naming the file (and line/column for bad JSON)."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise ContentError.single(name, "-", "no such file") from None
    except IsADirectoryError:
        raise ContentError.single(name, "-", "is a folder, not a file") from None
    except OSError as exc:
        raise ContentError.single(name, "-", f"cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ContentError.single(name, f"line {line}, column {column}",
                                  f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContentError([json_problem(name, exc)]) from None
    except (RecursionError, ValueError) as exc:
        raise ContentError.single(name, "-", f"invalid JSON: {exc}") from None
    return text, data


def _model(path: str | Path, model: type[M]) -> M:
    text, data = read_json_text(path)
    if not isinstance(data, dict):
        raise ContentError.single(str(path), "$", f"expected a JSON object at the top, got {type(data).__name__}")
    try:
        return model.model_validate_json(text)
    except ValidationError as exc:
        raise ContentError(validation_problems(str(path), exc, data)) from None
    except (RecursionError, ValueError) as exc:
        raise ContentError.single(str(path), "$", f"cannot read the values: {exc}") from None


def load_catalog(path: str | Path = DEFAULT_CATALOG) -> Catalog:
    """The catalog at `path`, checked (unique ids, parts' stats blocks, presets)."""
    catalog = _model(path, Catalog)
    problems = catalog_problems(str(path), catalog)
    if problems:
        raise ContentError(problems)
    return catalog


_catalog_cache: dict[tuple[str, float], Catalog] = {}


def _default_catalog() -> Catalog:
    try:
        key = (str(DEFAULT_CATALOG), DEFAULT_CATALOG.stat().st_mtime)
    except OSError:
        key = (str(DEFAULT_CATALOG), 0.0)
    if key not in _catalog_cache:
        _catalog_cache[key] = load_catalog(DEFAULT_CATALOG)
    return _catalog_cache[key]


def load_level(path: str | Path, catalog: Catalog | None = None, music_dirs: Sequence[Path] = ()) -> Level:
    """The level at `path`, checked against `catalog` (default: levels/catalog.json) and the tracks in
    assets/music plus `music_dirs` (a mod's music folders). Raises ContentError with every problem found."""
    level = _model(path, Level)
    catalog = catalog if catalog is not None else _default_catalog()
    problems = level_problems(str(path), level, catalog, [Path(d) for d in music_dirs])
    if problems:
        raise ContentError(problems)
    return level


def level_content_hash(level: Level) -> str:
    """A stable hex digest of a level's content (canonical JSON), for replays and LAN games to agree on."""
    canonical = json.dumps(level.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.blake2b(canonical.encode("utf-8"), digest_size=16).hexdigest()


def level_files(folder: str | Path) -> list[Path]:
    """The level files in a folder: every *.json except schema files, sorted by name."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if p.name not in SCHEMA_FILES and p.name != "catalog.json")


def list_levels(folder: str | Path, catalog: Catalog | None = None) -> list[tuple[Path, Level]]:
    """Every level in `folder` that loads cleanly, sorted by file name (for the level picker)."""
    found = []
    for path in level_files(folder):
        try:
            found.append((path, load_level(path, catalog)))
        except ContentError:
            continue
    return found


@dataclass(frozen=True)
class LevelInfo:
    """What a level picker shows about a level."""

    path: Path
    id: str
    name: str
    description: str
    players: tuple[int, int]
    width: int
    height: int
    turns: int

    @classmethod
    def of(cls, path: Path, level: Level) -> LevelInfo:
        cal = level.calendar
        turns = max(1, (cal.end - cal.start).days // cal.days_per_turn)
        return cls(path, level.id, level.name, level.description, (level.players[0], level.players[1]),
                   len(level.map.rows[0]), len(level.map.rows), turns)


def level_infos(folder: str | Path, catalog: Catalog | None = None) -> list[LevelInfo]:
    """`LevelInfo` for every good level in `folder`."""
    return [LevelInfo.of(path, level) for path, level in list_levels(folder, catalog)]


__all__ = ["ContentError", "Problem", "LevelInfo", "load_level", "load_catalog", "list_levels", "level_infos",
           "level_content_hash", "level_files", "read_json_text"]
