"""The music library: the shipped scores in `assets/music/` plus any a mod adds (a score JSON or a WAV).

    list_tracks() -> [TrackInfo(id, title, genre, duration_s, ...)]   (sorted by id)
    track_path(track_id) -> Path
    load_track(track_id, progress=None) -> mono float32 at 44.1 kHz (scores via the disk cache)
"""

from __future__ import annotations

import json
import wave
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MUSIC_DIR = Path(__file__).resolve().parents[2] / "assets" / "music"
_extra_dirs: list[Path] = []


@dataclass(frozen=True)
class TrackInfo:
    id: str
    title: str
    genre: str
    duration_s: float
    composer: str
    year: int
    path: Path
    kind: str  # "score" or "wav"


def add_music_dir(path: str | Path) -> None:
    """Let a mod's folder of scores / WAVs join the library (later folders override earlier ids)."""
    p = Path(path)
    if p not in _extra_dirs:
        _extra_dirs.append(p)


def _dirs(extra: Iterable[str | Path] = ()) -> list[Path]:
    return [MUSIC_DIR, *_extra_dirs, *(Path(e) for e in extra)]


def _info(path: Path) -> TrackInfo | None:
    if path.suffix == ".json":
        d = json.loads(path.read_text(encoding="utf-8"))
        from game.audio.score import Score

        s = Score.from_dict(d)
        return TrackInfo(s.id, s.title, s.genre, round(s.duration_s, 1), s.composer, s.year, path, "score")
    if path.suffix == ".wav":
        meta_path = path.with_suffix(".meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        with wave.open(str(path), "rb") as w:
            dur = w.getnframes() / w.getframerate()
        return TrackInfo(meta.get("id", path.stem), meta.get("title", path.stem.replace("_", " ").title()),
                         meta.get("genre", "jazz"), round(dur, 1), meta.get("composer", "unknown"),
                         int(meta.get("year", 1950)), path, "wav")
    return None


_infos: dict[tuple[Path, int, int, int], TrackInfo | None] = {}


def _cached_info(path: Path) -> TrackInfo | None:
    """`_info` once per file version (path, size, modification time, and its .meta.json's): the booth asks
    often."""
    st = path.stat()
    meta = path.with_suffix(".meta.json")
    key = (path, st.st_size, st.st_mtime_ns, meta.stat().st_mtime_ns if meta.exists() else 0)
    if key not in _infos:
        _infos[key] = _info(path)
    return _infos[key]


def list_tracks(extra_dirs: Iterable[str | Path] = ()) -> list[TrackInfo]:
    """Every track: id, title, genre, duration (s), composer, year, path, kind; sorted by id."""
    found: dict[str, TrackInfo] = {}
    for d in _dirs(extra_dirs):
        if not d.is_dir():
            continue
        for p in sorted(d.iterdir()):
            if p.suffix in (".json", ".wav") and not p.name.endswith(".meta.json"):
                info = _cached_info(p)
                if info:
                    found[info.id] = info
    return sorted(found.values(), key=lambda t: t.id)


def track_path(track_id: str, extra_dirs: Iterable[str | Path] = ()) -> Path:
    """The file of a track (score JSON or WAV); KeyError for an unknown id."""
    for t in list_tracks(extra_dirs):
        if t.id == track_id:
            return t.path
    raise KeyError(f"unknown track {track_id!r}")


def load_track(track_id: str, progress: Callable[[float], None] | None = None,
               extra_dirs: Iterable[str | Path] = ()) -> np.ndarray:
    """The clean master: mono float32 at 44.1 kHz. Scores render through the disk cache; WAVs are read
    and resampled."""
    path = track_path(track_id, extra_dirs)
    if path.suffix == ".wav":
        from game.audio.wav import read_wav, resample_to

        x, rate = read_wav(path)
        if progress:
            progress(1.0)
        return resample_to(x, rate)
    from game.audio.cache import cached_render
    from game.audio.score import Score

    return cached_render(Score.load(path), progress)


def uncached_scores() -> list[str]:
    """Ids of the score tracks whose rendering is not in the disk cache yet."""
    from game.audio.cache import cache_path
    from game.audio.score import Score

    return [t.id for t in list_tracks() if t.kind == "score" and not cache_path(Score.load(t.path)).exists()]


def build_cache(progress: Callable[[str, float], None] | None = None) -> None:
    """Render every score track into the disk cache (progress(track_id, fraction))."""
    for t in list_tracks():
        if t.kind == "score":
            load_track(t.id, (lambda f, tid=t.id: progress(tid, f)) if progress else None)
