"""What a host sends a seat so the client needs nothing installed by hand, and the client's checks of it.

The host sends the seat's *public* level (`game.core.world.public_level`: no patrols, informer posts, other
workshops or future events), the catalog, the scores of the level's tracks (score JSON from assets/music or the
host's music folders) and, for tracks that are recordings (a mod's WAV), the WAV itself (base64, up to
`MAX_RECORDINGS` bytes in all). The client treats all of it as hostile input: pydantic models, size limits, the
content checks that make sense for a public level, every score parsed, every recording through the mod music
checks, and a hash over exactly what it received.
"""

from __future__ import annotations

import base64
import binascii
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
MAX_RECORDINGS = 8 * 1024 * 1024  # bytes of WAV a host sends a seat in all (base64 makes it 4/3 on the wire)
TRACK_ID = re.compile(r"^[a-z0-9_]{1,48}$")
NOT_FOR_PUBLIC = ("workshop site(s) for up to",)  # a public level holds one workshop by design


class ContentRefused(Exception):
    """The host's level, catalog or scores cannot be used; the message says what is wrong."""


def content_hash(level: dict[str, Any], catalog: dict[str, Any], scores: dict[str, Any],
                 recordings: dict[str, Any]) -> str:
    """blake2b-128 of the canonical JSON (sorted keys, no spaces, UTF-8) of [level, catalog, scores, recordings]."""
    text = json.dumps([level, catalog, scores, recordings], sort_keys=True, separators=(",", ":"), ensure_ascii=False,
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


def recording_files(level: Level, music_dirs: Sequence[Path] = ()) -> dict[str, dict[str, Any]]:
    """{track: {"wav": base64, "meta": {...}}} for the level's tracks that are WAV recordings in `music_dirs` and
    have no score anywhere; recordings past MAX_RECORDINGS in all are left out (they play silent there)."""
    scored = set(score_files(level, music_dirs))
    found: dict[str, dict[str, Any]] = {}
    total = 0
    for track in sorted({m.track for m in level.masters} - scored):
        for folder in reversed(list(music_dirs)):
            wav = Path(folder) / f"{track}.wav"
            if TRACK_ID.match(track) and wav.is_file():
                data = wav.read_bytes()
                total += len(data)
                if total <= MAX_RECORDINGS:
                    meta = wav.with_name(f"{track}.meta.json")
                    found[track] = {"wav": base64.b64encode(data).decode("ascii"),
                                    "meta": json.loads(meta.read_text(encoding="utf-8")) if meta.is_file() else {}}
                break
    return found


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


def store_recordings(recordings: dict[str, dict[str, Any]], folder: Path) -> Path:
    """Decode, size-check and write the recordings as `<track>.wav` (+ `.meta.json`) into `folder`, then check
    them as mod music; raises ContentRefused naming the track. Returns the folder."""
    from game.content.music import check_music_folder

    total = 0
    decoded: dict[str, tuple[bytes, dict[str, Any]]] = {}
    for track, item in recordings.items():
        if not TRACK_ID.match(track):
            raise ContentRefused(f"track id {track!r} is not lower_snake_case")
        try:
            data = base64.b64decode(item["wav"], validate=True)
        except (KeyError, TypeError, binascii.Error):
            raise ContentRefused(f"the recording of track '{track}' is not base64 WAV data") from None
        total += len(data)
        if total > MAX_RECORDINGS:
            raise ContentRefused(f"the recordings are larger than {MAX_RECORDINGS} bytes")
        meta = item.get("meta", {})
        if not isinstance(meta, dict):
            raise ContentRefused(f"the metadata of track '{track}' is not an object")
        _finite(meta, f"recordings.{track}.meta")
        decoded[track] = (data, meta)
    folder.mkdir(parents=True, exist_ok=True)
    for track, (data, meta) in decoded.items():
        (folder / f"{track}.wav").write_bytes(data)
        if meta:
            (folder / f"{track}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    checked = check_music_folder(folder)
    if checked.problems:
        first = checked.problems[0]
        raise ContentRefused(f"{Path(first.file).name}: {first.message}")
    return folder
