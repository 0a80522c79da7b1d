"""What a host sends a seat so the client needs nothing installed by hand, and the client's checks of it.

The host sends the seat's *public* level (`game.core.world.public_level`: no patrols, informer posts, other
workshops or future events), the catalog, and the scores of the level's tracks (score JSON from assets/music or
the host's music folders; WAV recordings are not sent and play silent on the client). The client treats all of
it as hostile input: pydantic models, size limits, the content checks that make sense for a public level, every
score parsed, and a hash over exactly what it received.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game.content.checks import MUSIC_DIR, level_problems
from game.content.models import Catalog, Level
from game.core.world import World

MAX_MAP_SIDE = 256
MAX_SCORE_SECONDS = 900.0
TRACK_ID = re.compile(r"^[a-z0-9_]{1,48}$")
NOT_FOR_PUBLIC = ("workshop site(s) for up to",)  # a public level holds one workshop by design


class ContentRefused(Exception):
    """The host's level, catalog or scores cannot be used; the message says what is wrong."""


def content_hash(level: dict[str, Any], catalog: dict[str, Any], scores: dict[str, Any]) -> str:
    """blake2b-128 of the canonical JSON (sorted keys, no spaces, UTF-8) of [level, catalog, scores]."""
    text = json.dumps([level, catalog, scores], sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def score_files(level: Level, music_dirs: Sequence[Path] = ()) -> dict[str, dict[str, Any]]:
    """The score JSON of every track the level's masters use, found in assets/music or `music_dirs` (later
    folders win, as in the music library); tracks without a score file are left out."""
    scores: dict[str, dict[str, Any]] = {}
    for track in sorted({m.track for m in level.masters}):
        if not TRACK_ID.match(track):
            continue
        for folder in reversed([MUSIC_DIR, *music_dirs]):
            path = Path(folder) / f"{track}.json"
            if path.is_file():
                scores[track] = json.loads(path.read_text(encoding="utf-8"))
                break
    return scores


def _finite(value: Any, where: str = "$") -> None:
    """Refuse NaN and infinities anywhere in parsed JSON (pydantic's parser accepts them)."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ContentRefused(f"{where}: {value} is not a finite number")
    if isinstance(value, dict):
        for k, v in value.items():
            _finite(v, f"{where}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _finite(v, f"{where}[{i}]")


def check_public_level(level: Level, catalog: Catalog) -> World:
    """The client's world, after every check that applies to a public level; raises ContentRefused."""
    rows = level.map.rows
    if len(rows) > MAX_MAP_SIDE or any(len(r) > MAX_MAP_SIDE for r in rows):
        raise ContentRefused(f"the map is larger than {MAX_MAP_SIDE}x{MAX_MAP_SIDE} tiles")
    _finite(level.model_dump(mode="json"), "level")
    _finite(catalog.model_dump(mode="json"), "catalog")
    problems = [p for p in level_problems("level from the host", level, catalog)
                if not any(s in p.message for s in NOT_FOR_PUBLIC) and not p.where.endswith(".track")]  # scores: see check_scores
    if sum(1 for s in level.sites if s.kind == "workshop") != 1:
        raise ContentRefused("the level from the host must hold exactly your own workshop")
    if problems:
        first = problems[0]
        raise ContentRefused(f"{first.where}: {first.message}")
    return World(level, catalog)


def check_scores(scores: dict[str, dict[str, Any]]) -> None:
    """Every score parses and is of a sane length; raises ContentRefused naming the track."""
    from game.audio.score import Score

    for track, data in scores.items():
        if not TRACK_ID.match(track):
            raise ContentRefused(f"track id {track!r} is not lower_snake_case")
        try:
            _finite(data, f"scores.{track}")
            score = Score.from_dict(data)
            seconds = score.duration_s
        except ContentRefused:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure of a hostile score is a refusal, not a crash
            raise ContentRefused(f"the score of track '{track}' is not valid: {exc}") from None
        if score.id != track:
            raise ContentRefused(f"the score sent as '{track}' is '{score.id}'")
        if not 0 < seconds <= MAX_SCORE_SECONDS:
            raise ContentRefused(f"the score of track '{track}' lasts {seconds:.0f} s")


def store_scores(scores: dict[str, dict[str, Any]], folder: Path) -> Path:
    """Write checked scores as `<track>.json` into `folder` (created) and return it, for the music library."""
    folder.mkdir(parents=True, exist_ok=True)
    for track, data in scores.items():
        (folder / f"{track}.json").write_text(json.dumps(data), encoding="utf-8")
    return folder
