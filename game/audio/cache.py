"""Disk cache of rendered music: `$XDG_CACHE_HOME/bone-music` (or `~/.cache/bone-music`), one int16 .npy
per score, named by the track id and the SHA-256 of the score file's bytes and the synth version, so an
edited score is re-rendered and an unchanged one never is. `BONE_MUSIC_CACHE` overrides the folder."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

from game.audio.dsp import F32
from game.audio.score import Score
from game.audio.synth import SYNTH_VERSION, render_score


def cache_dir() -> Path:
    env = os.environ.get("BONE_MUSIC_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bone-music"


def score_key(score: Score) -> str:
    """sha256(synth version + score bytes), first 16 hex digits."""
    return hashlib.sha256(f"v{SYNTH_VERSION}:".encode() + score.raw).hexdigest()[:16]


def cache_path(score: Score) -> Path:
    return cache_dir() / f"{score.id}-{score_key(score)}.npy"


def cached_render(score: Score, progress: Callable[[float], None] | None = None) -> np.ndarray:
    """The rendered score (mono float32, 44.1 kHz) from the cache, rendering and storing it on a miss."""
    path = cache_path(score)
    if path.exists():
        try:
            data = np.load(path)
            if progress:
                progress(1.0)
            return data.astype(F32) / F32(32767.0)
        except (OSError, ValueError):
            pass  # a damaged file: render again
    x = render_score(score, progress=progress)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
    np.save(tmp, np.round(x * 32767.0).astype(np.int16))
    os.replace(tmp, path)
    return x
