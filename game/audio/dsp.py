"""Small streaming DSP blocks with carried state: IIR sections, a fractional-delay reader, looped tables,
event kernels.

Every block here gives the same output whether a signal is fed whole or in blocks of any size, because
each output sample is computed from absolute sample indices and carried history only.
"""

from __future__ import annotations

import math

import numpy as np
import scipy.signal as sps

try:  # the C kernel behind scipy.signal.sosfilt, without its per-call argument juggling (~100 us a block)
    from scipy.signal._sosfilt import _sosfilt as _sosfilt_inplace
except ImportError:  # pragma: no cover - other scipy layouts
    _sosfilt_inplace = None
try:  # the C kernel behind np.correlate / np.convolve, without the wrapper (~2 us a call)
    from numpy._core._multiarray_umath import correlate as _correlate_valid
except ImportError:  # pragma: no cover - other numpy layouts
    def _correlate_valid(a: np.ndarray, v: np.ndarray, mode: int = 0) -> np.ndarray:
        return np.correlate(a, v, "valid")

F32 = np.float32  # what the chain takes in and gives out
F64 = np.float64  # what it computes in (a 50 Hz high-pass in float32 leaves history-dependent rounding near 1e-4)
RATE = 44_100


class Sos:
    """A cascade of second-order sections with carried state: `process(x)` filters a float64 block."""

    def __init__(self, sos: np.ndarray) -> None:
        self.sos = np.ascontiguousarray(sos, np.float64)
        self.zi = np.zeros((1, len(self.sos), 2), np.float64)

    def reset(self) -> None:
        self.zi[:] = 0

    def process(self, x: np.ndarray, inplace: bool = False) -> np.ndarray:
        """Filter `x`; with `inplace` a contiguous float64 `x` (the caller's own temporary) is overwritten."""
        if inplace and x.dtype == F64 and x.flags.c_contiguous:
            y = x.reshape(1, -1)
        else:
            y = np.array(x, F64, order="C").reshape(1, -1)  # a copy: the caller's block stays as it was
        if _sosfilt_inplace is not None:
            _sosfilt_inplace(self.sos, y, self.zi)
            return y[0]
        out, self.zi[0] = sps.sosfilt(self.sos, y[0], zi=self.zi[0])  # pragma: no cover
        return out


def butter_sos(order: int, corner_hz: float, kind: str, rate: float = RATE) -> np.ndarray:
    """A digital Butterworth (bilinear transform, exact -3 dB at the corner): |H(f)|^2 =
    1 / (1 + (tan(pi f / fs) / tan(pi fc / fs))^(2 order)) for the low-pass."""
    return sps.butter(order, corner_hz, kind, fs=rate, output="sos")


#: The lathe's input: an elliptic low-pass (order 8, 0.01 dB ripple to 10.4 kHz, 34 dB down at 12 kHz and
#: >= 70 dB from 12.8 kHz), so the valve stage and the cutter see nothing whose harmonics could fold back
#: into the band (a harmonic falls by three times what its fundamental was cut).
INPUT_PASS_HZ = 10_400.0


def input_sos(rate: float = RATE) -> np.ndarray:
    return sps.ellip(8, 0.01, 70.0, INPUT_PASS_HZ, fs=rate, output="sos")


def _farrow_coefficients(taps: int = 8, degree: int = 4, beta: float = 6.5, cutoff: float = 0.41) -> np.ndarray:
    """B[j, k]: the weight of tap k (offset k - taps/2 + 1 from floor(p)) is sum_j B[j, k] fr^j, a degree-4
    fit of a Kaiser-windowed sinc (cutoff 0.41 fs, beta 6.5) normalised to unit DC gain at each fraction."""
    k = np.arange(taps) - (taps // 2 - 1)
    fr = np.linspace(0.0, 1.0, 513)
    t = k[None, :] - fr[:, None]
    win = np.i0(beta * np.sqrt(np.clip(1.0 - (2.0 * t / taps) ** 2, 0.0, None))) / np.i0(beta)
    h = 2.0 * cutoff * np.sinc(2.0 * cutoff * t) * win
    h /= h.sum(axis=1, keepdims=True)
    coef, *_ = np.linalg.lstsq(np.vander(fr, degree + 1, increasing=True), h, rcond=None)
    return coef


class FractionalReader:
    """Reads a signal at fractional positions with an 8-tap windowed-sinc kernel in Farrow form:
    y(p) = sum_j fr^j sum_k B[j, k] x[floor(p) - 3 + k], fr = p - floor(p). Spurious components stay
    >= 60 dB down for content up to 11 kHz at 44.1 kHz (a cubic Hermite reader leaves them 31 dB down at
    8 kHz). Each branch is one `np.convolve` over the block, then one gather per branch."""

    TAPS = 8
    BEFORE = TAPS // 2 - 1  # taps before floor(p)
    AFTER = TAPS // 2  # taps after it
    _coef = _farrow_coefficients()
    _kernels = [np.ascontiguousarray(row, F64) for row in _coef]

    @classmethod
    def read(cls, buf: np.ndarray, base: int, p: np.ndarray) -> np.ndarray:
        """Values at absolute positions `p` (float64, increasing) of a signal whose samples base.. are `buf`;
        needs floor(p[0]) - 3 >= base and floor(p[-1]) + 4 < base + len(buf)."""
        ii = p.astype(np.int64)
        fr = p - ii
        m0 = int(ii[0]) - cls.BEFORE - base
        m1 = int(ii[-1]) - cls.BEFORE - base
        seg = buf[m0 : m1 + cls.TAPS]
        idx = ii - (ii[0])
        branches = [_correlate_valid(seg, k, 0) for k in cls._kernels]  # sum_k B[j, k] seg[m + k]
        y = branches[-1].take(idx)
        for br in branches[-2::-1]:
            y *= fr
            y += br.take(idx)
        return y


def reader_power(freqs: np.ndarray) -> np.ndarray:
    """The `FractionalReader`'s |H(f)|^2 averaged over the fraction (a record's fraction sweeps all values)."""
    fr = (np.arange(64) + 0.5) / 64
    coef = FractionalReader._coef
    taps = np.vander(fr, coef.shape[0], increasing=True) @ coef  # (fractions, taps)
    k = np.arange(coef.shape[1]) - FractionalReader.BEFORE
    phase = np.exp(-2j * np.pi * np.outer(np.asarray(freqs, np.float64) / RATE, k))  # (freqs, taps)
    return np.mean(np.abs(phase @ taps.T) ** 2, axis=1)


class LoopTable:
    """A periodic signal read by absolute sample index: value(n) = table[n mod len(table)]."""

    MIN_PERIOD = 1 << 16  # short tables (one mains cycle) are repeated to this length, so a block is one slice

    def __init__(self, table: np.ndarray) -> None:
        reps = -(-self.MIN_PERIOD // len(table))
        table = np.tile(np.asarray(table, F32), reps)
        self.period = len(table)
        self.tiled = np.concatenate((table, table))

    def add_to(self, out: np.ndarray, start: int, gain: float) -> None:
        """out[i] += gain * value(start + i)."""
        n, i = len(out), 0
        g = F32(gain)
        while i < n:
            s = (start + i) % self.period
            m = min(n - i, self.period)
            out[i : i + m] += self.tiled[s : s + m] * g
            i += m


def colored_noise(length: int, seed: int | list[int], power: np.ndarray) -> np.ndarray:
    """Seeded Gaussian noise of unit RMS with power spectrum proportional to `power` (one value per rfft bin
    of `length`), shaped circularly so that it loops without a seam."""
    rng = np.random.default_rng(seed)
    spec = np.fft.rfft(rng.standard_normal(length))
    spec *= np.sqrt(np.maximum(power, 0.0))
    x = np.fft.irfft(spec, length)
    return (x / (np.sqrt(np.mean(x * x)) + 1e-12)).astype(F32)


def sos_power(sos: np.ndarray, freqs: np.ndarray, rate: float = RATE) -> np.ndarray:
    """|H(f)|^2 of second-order sections at `freqs` (Hz)."""
    if len(sos) == 0:
        return np.ones_like(freqs, dtype=np.float64)
    _, h = sps.sosfreqz(sos, worN=np.asarray(freqs, np.float64), fs=rate)
    return np.abs(h) ** 2


class EventKernels:
    """Short waveforms (clicks, pops) added at absolute positions; events that straddle blocks carry over
    because every block re-adds the part of each event that falls inside it."""

    @staticmethod
    def add(out: np.ndarray, start: int, pos: np.ndarray, amp: np.ndarray, kernel: np.ndarray) -> None:
        """out[p - start + i] += amp * kernel[i] for each event at absolute position p, clipped to the block."""
        if len(pos) == 0:
            return
        idx = (pos - start)[:, None] + np.arange(len(kernel))[None, :]
        vals = amp[:, None].astype(F32) * kernel[None, :]
        mask = (idx >= 0) & (idx < len(out))
        np.add.at(out, idx[mask], vals[mask])


def db(x: float) -> float:
    """20 log10(x) with a floor at -300 dB."""
    return 20.0 * math.log10(max(x, 1e-15))
