"""Measures of what the chain made, each from a test signal rendered through a `LatheChain`:

- bandwidth_hz: the -20 dB roll-off: white noise (RMS 0.05) through the chain, minus the same chain's
  render of silence (same seed, so hiss, hum and clicks cancel); the first frequency above 1 kHz where the
  power ratio falls 20 dB below its 300-1000 Hz median.
- noise_floor_db: RMS of the render of silence, dB re full scale.
- snr_db: 20 log10(rms(tone part) / rms(noise)) for a 1 kHz tone at 0.5 peak.
- wow_flutter: peak fractional speed deviation, from the instantaneous frequency of a 1 kHz tone
  (band-pass, analytic signal, 5 ms smoothing; half the 0.5-99.5 percentile span over the median),
  and the mean speed error (median / 1 kHz - 1).
- crackle_per_s: clicks per second in the render of silence: the energy of the first difference over
  8 samples above 8 times its median (hiss alone: p < 1e-9), events at least 15 ms apart.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.signal as sps

from game.audio.chain import RATE, LatheChain
from game.audio.dsp import F32
from game.core.profile import CutProfile


def _render(x: np.ndarray, profile: CutProfile, plays: int, seed: int) -> np.ndarray:
    chain = LatheChain(profile, plays, seed, music_s=len(x) / RATE, lead_in_s=0.0, run_out_s=0.0)
    return chain.render(x)[: len(x)]


def bandwidth_hz(profile: CutProfile, plays: int = 0, seed: int = 0, seconds: float = 4.0) -> float:
    n = int(seconds * RATE)
    x = (np.random.default_rng([seed, 99]).standard_normal(n) * 0.05).astype(F32)
    y = _render(x, profile, plays, seed) - _render(np.zeros(n, F32), profile, plays, seed)
    f, pxx = sps.welch(x[: len(y)], RATE, nperseg=4096)
    _, pyy = sps.welch(y, RATE, nperseg=4096)
    h = 10 * np.log10(pyy / np.maximum(pxx, 1e-20) + 1e-20)
    ref = np.median(h[(f >= 300) & (f <= 1000)])
    idx = np.nonzero((f > 1000) & (h < ref - 20.0))[0]
    return float(f[idx[0]]) if len(idx) else float(f[-1])


def noise_floor_db(profile: CutProfile, plays: int = 0, seed: int = 0, seconds: float = 4.0) -> float:
    y = _render(np.zeros(int(seconds * RATE), F32), profile, plays, seed)
    return float(20 * np.log10(np.sqrt(np.mean(y.astype(np.float64) ** 2)) + 1e-12))


def snr_db(profile: CutProfile, plays: int = 0, seed: int = 0, seconds: float = 4.0) -> float:
    n = int(seconds * RATE)
    tone = (0.5 * np.sin(2 * np.pi * 1000.0 * np.arange(n) / RATE)).astype(F32)
    t = _render(tone, profile, plays, seed).astype(np.float64)
    z = _render(np.zeros(n, F32), profile, plays, seed).astype(np.float64)
    m = min(len(t), len(z))
    p_noise = np.mean(z[:m] ** 2)
    p_sig = max(np.mean(t[:m] ** 2) - p_noise, 1e-12)
    return float(10 * np.log10(p_sig / max(p_noise, 1e-20)))


@dataclass(frozen=True)
class WowFlutter:
    peak: float  # peak fractional speed deviation
    speed_error: float  # mean fractional speed error


def wow_flutter(profile: CutProfile, seed: int = 0, seconds: float = 8.0, f0: float = 1000.0) -> WowFlutter:
    n = int(seconds * RATE)
    tone = (0.4 * np.sin(2 * np.pi * f0 * np.arange(n) / RATE)).astype(F32)
    y = _render(tone, profile, 0, seed).astype(np.float64)
    fc = f0 * (1 + profile.speed_error)
    sos = sps.butter(4, [fc * 0.75, fc * 1.3], "bandpass", fs=RATE, output="sos")
    z = sps.hilbert(sps.sosfiltfilt(sos, y))
    inst = np.diff(np.unwrap(np.angle(z))) * RATE / (2 * np.pi)
    k = int(0.005 * RATE)
    inst = np.convolve(inst, np.ones(k) / k, mode="valid")
    inst = inst[int(0.3 * RATE) : -int(0.3 * RATE)]
    med = float(np.median(inst))
    lo, hi = np.percentile(inst, [0.5, 99.5])
    return WowFlutter(float((hi - lo) / 2 / med), med / f0 - 1.0)


def crackle_per_s(profile: CutProfile, plays: int = 0, seed: int = 0, seconds: float = 10.0) -> float:
    y = _render(np.zeros(int(seconds * RATE), F32), profile, plays, seed).astype(np.float64)
    e = np.convolve(np.diff(y) ** 2, np.ones(8), mode="same")  # energy of the slope over 0.2 ms
    above = np.nonzero(e > max(8 * np.median(e), 1e-4))[0]
    if len(above) == 0:
        return 0.0
    events = 1 + int(np.sum(np.diff(above) > int(0.015 * RATE)))
    return events / seconds


@dataclass(frozen=True)
class Measures:
    bandwidth_hz: float
    noise_floor_db: float
    snr_db: float
    wow_flutter: float
    speed_error: float
    crackle_per_s: float


def measure_all(profile: CutProfile, plays: int = 0, seed: int = 0) -> Measures:
    """Every measure of a profile after `plays` plays (about 0.3 s of work)."""
    wf = wow_flutter(profile, seed)
    return Measures(bandwidth_hz(profile, plays, seed), noise_floor_db(profile, plays, seed),
                    snr_db(profile, plays, seed), wf.peak, wf.speed_error, crackle_per_s(profile, plays, seed))
