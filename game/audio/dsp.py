"""Small streaming DSP blocks with carried state: half-band resamplers, looped tables, event kernels.

Every block here gives the same output whether a signal is fed whole or in blocks of any size, because
each output sample is computed from absolute sample indices and carried history only.
"""

from __future__ import annotations

import numpy as np

F32 = np.float32


class HalfbandDecimator:
    """Halve the sample rate: y[k] = (16 x[2k] + 9 (x[2k-1] + x[2k+1]) - (x[2k-3] + x[2k+3])) / 32.

    A 7-tap half-band FIR (-6 dB at fs/4, -34 dB at 0.41 fs). Latency: 3 input samples."""

    def __init__(self) -> None:
        self.hist = np.zeros(3, F32)  # input from x[2k-3] on, where x[2k] is the next centre

    def process(self, x: np.ndarray) -> np.ndarray:
        buf = np.concatenate((self.hist, x.astype(F32, copy=False)))
        n_out = (len(buf) - 7) // 2 + 1 if len(buf) >= 7 else 0
        e = 3 + 2 * n_out
        y = buf[3:e:2] * F32(0.5)
        y += (buf[2 : e - 1 : 2] + buf[4 : e + 1 : 2]) * F32(9.0 / 32.0)
        y -= (buf[0 : e - 3 : 2] + buf[6 : e + 3 : 2]) * F32(1.0 / 32.0)
        self.hist = buf[2 * n_out :].copy()
        return y


class HalfbandInterpolator:
    """Double the sample rate: y[2k] = x[k], y[2k+1] = (9 (x[k] + x[k+1]) - (x[k-1] + x[k+2])) / 16.

    The same half-band kernel as `HalfbandDecimator` (4-point Lagrange midpoint). Latency: 2 input samples."""

    def __init__(self) -> None:
        self.hist = np.zeros(1, F32)  # input from x[k-1] on, where x[k] is the next sample to emit

    def process(self, x: np.ndarray) -> np.ndarray:
        buf = np.concatenate((self.hist, x.astype(F32, copy=False)))
        m = max(0, len(buf) - 3)
        out = np.empty(2 * m, F32)
        if m:
            out[0::2] = buf[1 : 1 + m]
            mid = (buf[1 : 1 + m] + buf[2 : 2 + m]) * F32(9.0 / 16.0)
            mid -= (buf[0:m] + buf[3 : 3 + m]) * F32(1.0 / 16.0)
            out[1::2] = mid
        self.hist = buf[m:].copy()
        return out


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


def shaped_noise(length: int, rate: float, lowpass_hz: float, seed: int | list[int], order: int = 4) -> np.ndarray:
    """Seeded Gaussian noise of unit RMS, low-passed circularly (so it loops without a seam) with the
    magnitude of an `order`-th order Butterworth: |H| = 1 / sqrt(1 + (f / lowpass_hz)^(2 order))."""
    rng = np.random.default_rng(seed)
    spec = np.fft.rfft(rng.standard_normal(length))
    f = np.fft.rfftfreq(length, 1.0 / rate)
    spec *= 1.0 / np.sqrt(1.0 + (f / max(lowpass_hz, 1.0)) ** (2 * order))
    x = np.fft.irfft(spec, length)
    return (x / (np.sqrt(np.mean(x * x)) + 1e-12)).astype(F32)


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
