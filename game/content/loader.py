"""Load levels (and any other content file) from JSON, with every problem reported as a `ContentError`.

Steps: `reading` (size, UTF-8, nesting, syntax, refused numbers and repeated keys, with line/column or JSON
path) -> the pydantic model (JSON path and plain words) -> semantic checks (references, map, reachability),
which still run after schema errors on the salvaged rest of the file (`salvage`), so one run names every
problem. A top-level `"$schema"` string (the editor's link to the published schema) is allowed everywhere.
Nothing here raises anything but ContentError.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.content.catalog import base_catalog, load_catalog
from game.content.checks import NO_GAPS, Gaps, level_problems
from game.content.errors import ContentError, Problem
from game.content.limits import MAX_JSON_BYTES
from game.content.models import Catalog, Event, Level
from game.content.modmodels import PatrolKindDef
from game.content.reading import (
    WHAT,
    JsonFile,
    Parsed,
    decode,
    parse_model,
    parse_text,
    read_json,
    read_model,
)
from game.content.salvage import salvage

NOT_LEVELS = frozenset({"schema.json", "catalog.json", "mod.json", "campaign.json"})  # and every *.schema.json


@dataclass(frozen=True)
class LevelContext:
    """What a level is checked against: the catalog, extra music folders, and (for a mod's levels) the
    mod's patrol kinds and mod-wide events (with the file they came from)."""

    catalog: Catalog | None = None
    music_dirs: tuple[Path, ...] = ()
    patrol_kinds: tuple[PatrolKindDef, ...] = ()
    events: tuple[Event, ...] = ()
    events_file: str = ""

    def the_catalog(self) -> Catalog:
        return self.catalog if self.catalog is not None else base_catalog()


def expand_patrol_kinds(data: dict[str, Any], kinds: Sequence[PatrolKindDef]) -> None:
    """In raw level data, a patrol whose `kind` is a mod patrol kind becomes that kind's behaviour, with the
    kind's speed and sight unless the patrol gives its own (paths stay the same, so errors stay placed)."""
    by_id = {k.id: k for k in kinds}
    patrols = data.get("patrols")
    if not by_id or not isinstance(patrols, list):
        return
    for i, patrol in enumerate(patrols):
        if isinstance(patrol, dict) and isinstance(patrol.get("kind"), str) and patrol["kind"] in by_id:
            kind = by_id[patrol["kind"]]
            patrols[i] = {"speed": kind.speed, "sight": kind.sight, **patrol, "kind": kind.behaviour}


def _with_mod_events(level: Level, context: LevelContext) -> tuple[Level, list[int]]:
    """The level with the mod-wide events its calendar holds appended, and their indexes in the events file."""
    joining = [k for k, e in enumerate(context.events) if level.calendar.start <= e.date <= level.calendar.end]
    if not joining:
        return level, []
    return level.model_copy(update={"events": [*level.events, *(context.events[k] for k in joining)]}), joining


def _placed_event_problems(problems: list[Problem], own: int, joining: list[int], events_file: str) -> list[Problem]:
    """A problem inside a joined mod event (`$.events[own + j]` of the combined level) is moved to the events
    file, at `$.events[joining[j]]` there."""
    out = []
    for p in problems:
        head, _, rest = p.where.removeprefix("$.events[").partition("]")
        if joining and p.where.startswith("$.events[") and head.isdigit() and int(head) >= own:
            out.append(Problem(events_file, f"$.events[{joining[int(head) - own]}]{rest}",
                               f"{p.message} (in level {p.file})", p.hint))
        else:
            out.append(p)
    return out


def check_level_json(jf: JsonFile, context: LevelContext = LevelContext()) -> tuple[Level | None, list[Problem]]:
    """(the level if it has no problem, every problem) for parsed level JSON."""
    if isinstance(jf.data, dict):
        expand_patrol_kinds(jf.data, context.patrol_kinds)
    parsed = parse_model(jf, Level)
    problems = parsed.problems
    level: Level | None = parsed.model
    gaps: Gaps = NO_GAPS
    if level is None:
        if not isinstance(parsed.data, dict) or not parsed.errors:
            return None, problems
        salvaged = salvage(parsed.data, parsed.errors, Level)
        if salvaged is None:
            return None, problems
        level, gaps = salvaged
    combined, joining = _with_mod_events(level, context)
    semantic = level_problems(jf.path, combined, context.the_catalog(), list(context.music_dirs), gaps)
    problems = problems + _placed_event_problems(semantic, len(level.events), joining, context.events_file)
    return (combined if not problems else None), problems


def check_level(path: str | Path, context: LevelContext = LevelContext()) -> tuple[Level | None, list[Problem]]:
    """(the level if it has no problem, every problem) for a level file."""
    try:
        jf = read_json(path, MAX_JSON_BYTES["level"], WHAT["level"])
    except ContentError as exc:
        return None, exc.problems
    return check_level_json(jf, context)


def level_from_bytes(name: str, raw: bytes, context: LevelContext = LevelContext()) -> Level:
    """A level sent as bytes (a LAN host's content), checked exactly like a file; ContentError otherwise."""
    limit = MAX_JSON_BYTES["level"]
    if len(raw) > limit:
        raise ContentError.single(name, "-", f"{len(raw)} bytes; a level may be at most {limit}")
    level, problems = check_level_json(parse_text(name, decode(name, raw)), context)
    if level is None:
        raise ContentError(problems)
    return level


def load_level(path: str | Path, catalog: Catalog | None = None, music_dirs: Sequence[Path] = ()) -> Level:
    """The level at `path`, checked against `catalog` (default: levels/catalog.json) and the tracks in
    assets/music plus `music_dirs` (a mod's music folders). Raises ContentError with every problem found."""
    level, problems = check_level(path, LevelContext(catalog, tuple(Path(d) for d in music_dirs)))
    if level is None:
        raise ContentError(problems)
    return level


def level_content_hash(level: Level) -> str:
    """A stable hex digest of a level's content (canonical JSON), for replays and LAN games to agree on."""
    canonical = json.dumps(level.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.blake2b(canonical.encode("utf-8"), digest_size=16).hexdigest()


def level_files(folder: str | Path) -> list[Path]:
    """The level files in a folder: every *.json but schemas, catalogs and manifests, sorted by name."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json")
                  if p.name not in NOT_LEVELS and not p.name.endswith(".schema.json") and p.is_file())


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


__all__ = ["ContentError", "Problem", "LevelInfo", "LevelContext", "Parsed", "load_level", "load_catalog",
           "check_level", "check_level_json", "level_from_bytes", "list_levels", "level_infos",
           "level_content_hash", "level_files", "parse_model", "read_model"]
