"""Programme loudness in LUFS, as ITU-R BS.1770-4 measures it (mono):

1. K-weighting: a high shelf (+4 dB above ~1.7 kHz, the head's acoustic effect) then a high-pass at 38 Hz
   (RLB), biquads from the standard's analog parameters at our sample rate;
2. mean square z of each 400 ms block, blocks overlapping by 75 %;
3. gating: drop blocks below -70 LUFS, then blocks more than 10 LU below the mean of the rest;
4. L = -0.691 + 10 log10(mean z of the kept blocks).

The booth matches the clean master's loudness to the record's with this, so A/B changes the sound, not the level.
"""

from __future__ import annotations

import math

import numpy as np
import scipy.signal as sps

from game.audio.dsp import RATE


def _biquad(kind: str, f0: float, q: float, gain_db: float, rate: float) -> tuple[np.ndarray, np.ndarray]:
    """RBJ-cookbook high shelf or high-pass with BS.1770's parameters."""
    k = math.tan(math.pi * f0 / rate)
    if kind == "shelf":
        vh = 10.0 ** (gain_db / 20.0)
        vb = vh**0.4996667741545416
        a0 = 1.0 + k / q + k * k
        b = np.array([vh + vb * k / q + k * k, 2.0 * (k * k - vh), vh - vb * k / q + k * k]) / a0
        a = np.array([1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0])
        return b, a
    a0 = 1.0 + k / q + k * k
    return np.array([1.0, -2.0, 1.0]), np.array([1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0])


def k_weighted(x: np.ndarray, rate: float = RATE) -> np.ndarray:
    b1, a1 = _biquad("shelf", 1681.974450955533, 0.7071752369554196, 3.999843853973347, rate)
    b2, a2 = _biquad("highpass", 38.13547087602444, 0.5003270373238773, 0.0, rate)
    return sps.lfilter(b2, a2, sps.lfilter(b1, a1, np.asarray(x, np.float64)))


def loudness_lufs(x: np.ndarray, rate: float = RATE) -> float:
    """Integrated loudness of mono `x`, LUFS (-inf for silence or less than one 400 ms block)."""
    y = k_weighted(x, rate)
    block, hop = int(0.4 * rate), int(0.1 * rate)
    if len(y) < block:
        return -math.inf
    sq = np.concatenate(([0.0], np.cumsum(y * y)))
    starts = np.arange(0, len(y) - block + 1, hop)
    z = (sq[starts + block] - sq[starts]) / block
    lk = -0.691 + 10.0 * np.log10(np.maximum(z, 1e-30))
    z = z[lk > -70.0]
    if len(z) == 0:
        return -math.inf
    rel = -0.691 + 10.0 * math.log10(float(np.mean(z))) - 10.0
    z = z[-0.691 + 10.0 * np.log10(z) > rel]
    return -0.691 + 10.0 * math.log10(float(np.mean(z)))
