"""The content one game needs, packed for a LAN host to send and checked again on the receiving side.

A bundle is plain JSON-able data (`manifest`) plus named file bytes (`files`): the level as played (patrol
kinds resolved, mod events joined), the catalog it plays with, and the mod tracks its masters use (the game's
own tracks are on every machine). The receiver trusts nothing: file names, counts and sizes are bounded, the
catalog and level go through the same checks as files on disk, each track through the music checks, and the
level's content hash must match the one announced.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.content.checks import MUSIC_DIR, catalog_problems
from game.content.errors import ContentError, Problem
from game.content.jsonerrors import validation_problems
from game.content.limits import MAX_JSON_BYTES, MAX_LIST, MAX_WAV_BYTES
from game.content.loader import LevelContext, level_content_hash, level_from_bytes
from game.content.models import Catalog
from game.content.modload import ModLevel
from game.content.music import check_music_folder

LEVEL_FILE = "level.json"
TRACK_FILE = re.compile(r"^music/([a-z0-9_]{1,48})(\.json|\.wav|\.meta\.json)$")


class BundleManifest(BaseModel):
    """What a bundle says about itself."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)
    format: Literal["bone-music-content"] = "bone-music-content"
    version: Literal[1] = 1
    level_hash: str = Field(pattern=r"^[0-9a-f]{32}$")
    catalog: Catalog
    tracks: list[str] = Field(default_factory=list, max_length=MAX_LIST)
    mod: str = Field("", max_length=48, description="the mod the level comes from, for display")


@dataclass
class Bundle:
    manifest: dict = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)


def gather(found: ModLevel) -> Bundle:
    """Pack a playable level (see `modset.playable_level`) with its catalog and its mod tracks."""
    level = found.level
    files = {LEVEL_FILE: json.dumps(level.model_dump(mode="json"), ensure_ascii=False).encode("utf-8")}
    tracks = []
    for track in sorted({m.track for m in level.masters}):
        if any((MUSIC_DIR / f"{track}{s}").is_file() for s in (".json", ".wav")):
            continue
        for folder in found.music_dirs:
            sources = [folder / f"{track}{s}" for s in (".json", ".wav", ".meta.json")]
            if any(p.is_file() for p in sources[:2]):
                files.update({f"music/{p.name}": p.read_bytes() for p in sources if p.is_file()})
                tracks.append(track)
                break
    manifest = BundleManifest(level_hash=level_content_hash(level), catalog=found.catalog, tracks=tracks,
                              mod=found.mod_id)
    return Bundle(manifest.model_dump(mode="json"), files)


def receive(manifest: object, files: dict[str, bytes], into: Path, sender: str = "host") -> ModLevel:
    """Check a received bundle and unpack its tracks into the new folder `into/music`; the level ready to play.
    Raises ContentError (files named `<sender>:<name>`) for anything wrong, and writes nothing then."""
    where = f"{sender}:bundle"
    try:
        head = BundleManifest.model_validate(manifest)
    except ValidationError as exc:
        raise ContentError(validation_problems(where, exc, manifest)) from None
    problems = [Problem(where, f"$.catalog{p.where[1:]}", p.message) for p in catalog_problems(where, head.catalog)]
    names = set(files)
    if LEVEL_FILE not in names:
        problems.append(Problem(where, "-", f"no {LEVEL_FILE} in the bundle"))
    tracks: set[str] = set()
    for name in sorted(names - {LEVEL_FILE}):
        match = TRACK_FILE.match(name)
        limit = MAX_WAV_BYTES if name.endswith(".wav") else MAX_JSON_BYTES["score"]
        if match is None:
            problems.append(Problem(f"{sender}:{name}", "-", "not a file a bundle may hold"))
        elif len(files[name]) > limit:
            problems.append(Problem(f"{sender}:{name}", "-", f"{len(files[name])} bytes; at most {limit}"))
        elif match.group(2) != ".meta.json":
            tracks.add(match.group(1))
    if tracks != set(head.tracks):
        problems.append(Problem(where, "$.tracks", f"lists tracks {sorted(head.tracks)} but holds {sorted(tracks)}"))
    if problems:
        raise ContentError(problems)
    music = into / "music"
    music.mkdir(parents=True, exist_ok=False)
    for name in names - {LEVEL_FILE}:
        (into / name).write_bytes(files[name])
    checked = check_music_folder(music)
    if checked.problems:
        raise ContentError([Problem(f"{sender}:{Path(p.file).relative_to(into).as_posix()}", p.where, p.message, p.hint)
                            for p in checked.problems])
    level = level_from_bytes(f"{sender}:{LEVEL_FILE}", files[LEVEL_FILE], LevelContext(head.catalog, (music,)))
    if level_content_hash(level) != head.level_hash:
        raise ContentError.single(f"{sender}:{LEVEL_FILE}", "-", "the level's content does not match the hash "
                                                                  "the host announced")
    return ModLevel(into / LEVEL_FILE, level, head.catalog, (music,), head.mod)
