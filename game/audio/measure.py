"""Measures of a record, read off the sound of test signals cut and played on the record's own chain (same
profile, plays, seed and side length; copies through their parents' chains too), at the place on the side
where each belongs. What the booth shows, and what `game.core.figures` predicts:

- treble_hz: flat-spectrum periodic noise (RMS 0.05) through the chain minus the same chain's render of
  silence (same seed, so hiss, hum and clicks cancel), at the middle of the side; Welch spectrum, smoothed
  over 65 Hz; the first frequency above 1 kHz where the response falls 3 dB below its 300-1000 Hz median
  (interpolated).
- snr_db: a 1 kHz tone at -6 dBFS (peak 0.5) at mid-side: its power over the steady noise of the silence
  render, the median power of 40 ms frames (clicks do not count; hum and hiss do).
- wobble_start / wobble_end / wobble_side: peak fractional speed deviation of a 1 kHz tone in 3 s windows at
  the start and end of the music, and their mean over six windows evenly along it (band-pass, analytic
  signal, 5 ms smoothing; half the 0.5-99.5 percentile span over the median); pitch_start / pitch_end: the
  median frequency / 1 kHz - 1 at the start and the end.
- thd: the tone's harmonics 2-5 over its fundamental (Blackman-Harris spectrum, each band widened by the
  wobble, less the silence render's noise in the same band).
- crackle_per_s: clicks per second in 8 s of the silence render: samples of the 400 Hz high-passed render
  beyond CLICK_AUDIBLE x its robust RMS (1.4826 x median absolute value), events 5 ms apart.

`measure_record` runs them all (about 30 s of audio, a few tenths of a second) and caches the result.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import scipy.fft
import scipy.signal as sps

from game.audio.chain import LEAD_IN_S, RUN_OUT_S, SideStream, record_seed
from game.audio.dsp import F32, RATE, LoopTable
from game.audio.stages import MasterStage
from game.core.figures import CLICK_AUDIBLE, REF_HZ, REF_PEAK, Figures
from game.core.profile import CutProfile

MUSIC_S = 180.0  # the side length measures assume (a typical track)


def _flat_noise(seed: int, length: int = 1 << 17) -> np.ndarray:
    """Periodic noise of RMS 0.05 whose spectrum is exactly flat: every rfft bin up to 20 kHz has magnitude 1
    and a random phase (so a response measured with it has no scatter from the input's own spectrum)."""
    rng = np.random.default_rng([seed, 99])
    f = np.fft.rfftfreq(length, 1.0 / RATE)
    spec = np.exp(2j * np.pi * rng.random(len(f))) * ((f > 20.0) & (f < 20_000.0))
    x = np.fft.irfft(spec, length)
    return (0.05 * x / np.sqrt(np.mean(x * x))).astype(F32)


class _Signal:
    """A test signal as a source a `SideStream` can pull from: value(n) at absolute sample n, `length` long."""

    def __init__(self, kind: str, length: int, seed: int = 0) -> None:
        self.kind, self.length, self.pos = kind, length, 0
        if kind == "noise":
            self.table = LoopTable(_flat_noise(seed))

    def read(self, n: int) -> np.ndarray:
        start, self.pos = self.pos, self.pos + n
        out = np.zeros(n, F32)
        m = max(0, min(n, self.length - start))
        if m and self.kind == "tone":
            t = np.arange(start, start + m, dtype=np.float64)
            out[:m] = REF_PEAK * np.sin(2 * np.pi * REF_HZ / RATE * t)
        elif m and self.kind == "noise":
            self.table.add_to(out[:m], start, 1.0)
        return out

    def seek(self, pos: int) -> None:
        self.pos = pos


class _Record:
    """One record's chain fed a test signal, read at places on the side."""

    def __init__(self, kind: str, profile: CutProfile, plays: int, seed: int, music_s: float = MUSIC_S) -> None:
        self.stream = SideStream(_Signal(kind, round(music_s * RATE), seed), profile, plays, seed, LEAD_IN_S,
                                 RUN_OUT_S, block=16384)
        self.music_s = music_s

    def at(self, where: float, seconds: float) -> np.ndarray:
        """`seconds` from the fraction `where` of the music (0 = its start, 1 = its end; negative seconds
        count back from `where`)."""
        chain = self.stream.chain
        cut = chain.side.lead_in + where * chain.side.music
        start = chain.speed.first_output_at(cut)
        n = int(abs(seconds) * RATE)
        self.stream.seek(start - n if seconds < 0 else start)
        return self.stream.read(n).astype(np.float64)


def render_at(kind: str, profile: CutProfile, plays: int, seed: int, where: float, seconds: float,
              music_s: float = MUSIC_S) -> np.ndarray:
    """`seconds` of a test signal ("tone", "noise" or "silence") on the record, starting at the fraction
    `where` (0 = music start, 1 = music end) of a side with `music_s` of music."""
    return _Record(kind, profile, plays, seed, music_s).at(where, seconds)


def _steady_noise_power(silence: np.ndarray) -> float:
    """Median power of 40 ms frames: hiss and hum, not the clicks."""
    frame = int(0.04 * RATE)
    n = len(silence) // frame
    p = np.mean(silence[: n * frame].reshape(n, frame) ** 2, axis=1)
    return float(np.median(p))


def treble_hz(noise: np.ndarray, silence: np.ndarray) -> float:
    y = noise - silence
    f, pyy = sps.welch(y, RATE, nperseg=2048)
    h = 10 * np.log10(np.convolve(pyy, np.ones(3) / 3, mode="same") + 1e-30)
    ref = float(np.median(h[(f >= 300) & (f <= 1000)]))
    idx = np.nonzero((f > 1000) & (h < ref - 3.0))[0]
    if not len(idx):
        return float(f[-1])
    i = int(idx[0])
    f0, f1, h0, h1 = f[i - 1], f[i], h[i - 1] - ref, h[i] - ref
    return float(f0 + (f1 - f0) * (-3.0 - h0) / (h1 - h0))


def snr_db(tone: np.ndarray, silence: np.ndarray) -> float:
    p_noise = _steady_noise_power(silence)
    p_sig = max(float(np.mean(tone**2)) - p_noise, 1e-20)
    return 10 * math.log10(p_sig / max(p_noise, 1e-30))


@dataclass(frozen=True)
class Speed:
    wobble: float  # peak fractional speed deviation
    pitch: float  # median heard frequency / true - 1


def speed(tone: np.ndarray) -> Speed:
    spec = np.abs(np.fft.rfft(tone * np.hanning(len(tone))))
    f = np.fft.rfftfreq(len(tone), 1 / RATE)
    band = (f > 0.8 * REF_HZ) & (f < 1.25 * REF_HZ)
    fc = float(f[band][np.argmax(spec[band])])
    sos = sps.butter(4, [fc * 0.8, fc * 1.25], "bandpass", fs=RATE, output="sos")
    z = sps.hilbert(sps.sosfiltfilt(sos, tone), scipy.fft.next_fast_len(len(tone)))[: len(tone)]
    inst = np.diff(np.unwrap(np.angle(z))) * RATE / (2 * np.pi)
    k = int(0.005 * RATE)
    inst = np.convolve(inst, np.ones(k) / k, mode="valid")
    inst = inst[int(0.3 * RATE) : -int(0.3 * RATE)]
    med = float(np.median(inst))
    lo, hi = np.percentile(inst, [0.5, 99.5])
    return Speed(float((hi - lo) / 2 / med), med / REF_HZ - 1.0)


def thd(tone: np.ndarray, silence: np.ndarray, wobble: float) -> float:
    win = sps.windows.blackmanharris(len(tone))
    pt = np.abs(np.fft.rfft(tone * win)) ** 2
    pn = np.abs(np.fft.rfft(silence[: len(tone)] * win)) ** 2
    f = np.fft.rfftfreq(len(tone), 1 / RATE)
    band = (f > 0.8 * REF_HZ) & (f < 1.25 * REF_HZ)
    f1 = float(f[band][np.argmax(pt[band])])
    w = 2.5 * wobble + 0.01

    def power(k: int) -> float:
        sel = (f > k * f1 * (1 - w) - 15) & (f < k * f1 * (1 + w) + 15)
        return max(float(np.sum(pt[sel]) - np.sum(pn[sel])), 0.0)

    fund = power(1)
    return math.sqrt(sum(power(k) for k in range(2, 6)) / max(fund, 1e-30))


def crackle_per_s(silence: np.ndarray) -> float:
    sos = sps.butter(4, 400.0, "highpass", fs=RATE, output="sos")
    y = sps.sosfiltfilt(sos, silence)
    sigma = 1.4826 * float(np.median(np.abs(y)))
    above = np.nonzero(np.abs(y) > CLICK_AUDIBLE * max(sigma, 1e-9))[0]
    if len(above) == 0:
        return 0.0
    events = 1 + int(np.sum(np.diff(above) > int(0.005 * RATE)))
    return events / (len(silence) / RATE)


@dataclass(frozen=True)
class RecordMeasures:
    """Every figure the booth shows, measured from the record's sound."""

    treble_hz: float
    snr_db: float
    wobble_start: float
    wobble_end: float
    wobble_side: float
    pitch_start: float
    pitch_end: float
    thd: float
    crackle_per_s: float
    noise_floor_db: float  # RMS of the silent groove at mid-side, dBFS

    def figures(self) -> Figures:
        """The same quantities as `game.core.figures.Figures`, for `quality_of`."""
        return Figures(self.treble_hz, self.snr_db, self.wobble_start, self.wobble_end, self.wobble_side,
                       self.pitch_start, self.pitch_end, self.thd, self.crackle_per_s)


@lru_cache(maxsize=64)
def measure_record(profile: CutProfile, plays: int = 0, seed: int | None = None,
                   music_s: float = MUSIC_S) -> RecordMeasures:
    """Measure `profile` after `plays` plays (seed: the record's, by default `record_seed(profile)`)."""
    seed = record_seed(profile) if seed is None else seed
    silence = _Record("silence", profile, plays, seed, music_s).at(0.5, 8.0)
    noise = _Record("noise", profile, plays, seed, music_s).at(0.5, 3.0)
    tones = _Record("tone", profile, plays, seed, music_s)
    tone = tones.at(0.5, 2.0)
    windows = [speed(tones.at(where, 3.0)) for where in (0.0, 0.2, 0.4, 0.6, 0.8)]
    windows.append(speed(tones.at(1.0, -3.0)))
    first, last = windows[0], windows[-1]
    return RecordMeasures(
        treble_hz=treble_hz(noise, silence[: len(noise)]),
        snr_db=snr_db(tone, silence),
        wobble_start=first.wobble, wobble_end=last.wobble, pitch_start=first.pitch, pitch_end=last.pitch,
        wobble_side=float(np.mean([w.wobble for w in windows])),
        thd=thd(tone, silence, max(w.wobble for w in windows)),
        crackle_per_s=crackle_per_s(silence),
        noise_floor_db=10 * math.log10(max(float(np.mean(silence**2)), 1e-30)),
    )


@dataclass(frozen=True)
class MasterMeasures:
    treble_hz: float
    snr_db: float


def measure_master(source_quality: float, seed: int = 0) -> MasterMeasures:
    """The master's own treble limit and SNR (its stage alone, before any lathe)."""
    n = 4 * RATE

    def run(kind: str) -> np.ndarray:
        stage = MasterStage(source_quality, seed)
        return stage.process(_Signal(kind, n, seed).read(n), 0).astype(np.float64)

    silence = run("silence")
    return MasterMeasures(treble_hz(run("noise"), silence), snr_db(run("tone"), silence))
