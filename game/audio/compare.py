"""The booth's A/B: the clean master and the record side by side on the same stretch of music.

`compare(music, profile, plays, seed)` renders an excerpt of the record (from the middle of the music) and
takes the same music from the master, then reports:
- their loudness (BS.1770 LUFS, `game.audio.loudness`) and the gain that brings the master to the record's
  loudness, so switching A/B changes the sound and not the level;
- their spectra on 48 log-spaced bands from 50 Hz to 16 kHz (Welch power, dB re full scale) for the
  booth's picture: where the record's treble stops, its hiss floor, its hum.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import scipy.signal as sps

from game.audio.chain import SideStream, mono, record_seed
from game.audio.dsp import RATE
from game.audio.loudness import loudness_lufs
from game.audio.stages import MasterStage
from game.core.profile import CutProfile

BANDS = np.geomspace(50.0, 16_000.0, 49)  # band edges, Hz


@dataclass(frozen=True)
class Comparison:
    master_lufs: float
    record_lufs: float
    centres: tuple[float, ...]  # band centres, Hz
    master_db: tuple[float, ...]  # band power, dB
    record_db: tuple[float, ...]

    @property
    def master_gain(self) -> float:
        """Linear gain for the master so that it plays as loud as the record."""
        if not (math.isfinite(self.master_lufs) and math.isfinite(self.record_lufs)):
            return 1.0
        return 10.0 ** ((self.record_lufs - self.master_lufs) / 20.0)


def band_spectrum(x: np.ndarray) -> np.ndarray:
    """Mean power per band (dB re a full-scale sine) of `x`, on the BANDS edges."""
    f, p = sps.welch(np.asarray(x, np.float64), RATE, nperseg=4096)
    p = p * (RATE / 4096) * 2  # power per bin, a full-scale sine's peak bin ~ 1
    out = []
    for lo, hi in zip(BANDS[:-1], BANDS[1:], strict=True):
        sel = (f >= lo) & (f < hi)
        out.append(10 * math.log10(max(float(np.mean(p[sel])) if sel.any() else 1e-20, 1e-20)))
    return np.array(out)


def master_excerpt(music: np.ndarray, start: int, n: int, source_quality: float = 1.0, seed: int = 0) -> np.ndarray:
    """The master from `start`, `n` samples, as the booth plays it (through its own band and hiss if q < 1)."""
    x = mono(music)
    if source_quality >= 1.0:
        return x[start : start + n]
    stage = MasterStage(source_quality, seed)
    pre = max(0, start - 8192)
    return stage.process(x[pre : start + n], pre)[start - pre :]


def compare(music: np.ndarray, profile: CutProfile, plays: int = 0, seed: int | None = None,
            seconds: float = 12.0) -> Comparison:
    """The record and its master over `seconds` from the middle of the music."""
    x = mono(music)
    seed = record_seed(profile) if seed is None else seed
    n = min(int(seconds * RATE), len(x))
    start = max(0, (len(x) - n) // 2)
    side = SideStream(x, profile, plays, seed, block=16384)
    side.seek(side.out_at_music(start))
    record = side.read(int(n * (1.0 + profile.speed_error)))
    root = profile
    while root.parent is not None:
        root = root.parent
    master = master_excerpt(x, start, n, root.source_quality, seed)
    centres = np.sqrt(BANDS[:-1] * BANDS[1:])
    return Comparison(loudness_lufs(master), loudness_lufs(record), tuple(float(c) for c in centres),
                      tuple(float(v) for v in band_spectrum(master)), tuple(float(v) for v in band_spectrum(record)))
