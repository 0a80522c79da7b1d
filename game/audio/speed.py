"""The two platters: where the listener's stylus reads the groove that the cutting lathe cut.

Cutting: the lathe's platter turns at s_c(n) = 1 + e + d (1/2 - (n - L) / M) + wow(n) + flutter(n) of nominal
speed at cut sample n: e the speed error, d the drift over a full side (M = DRIFT_SIDE_S of music, from its
start at L: a spring motor runs fast when wound and slows as it unwinds, at the same pace whatever the track), wow a slow random drift (WOW_COMPONENTS sinusoids, 0.5-6 Hz, random phases, scaled so
that its 0.5-99.5 % span is +/- `wow`), flutter faster components (6-20 Hz, +/- `flutter`). The groove angle
after n samples is then w (n + E(n)) with E the integral of s_c - 1.

Playback: the listener's turntable turns at exactly 78 rpm, but the hole is off-centre by `offset`, so the
groove passes the stylus at 1 + a cos(w j + phi) of its speed, a = offset / radius (worst at the inner
groove): groove time tau(j) = j + (a / w) (sin(w j + phi) - sin phi).

The stylus at output sample j reads the cut at p(j), the solution of p + E(p) = tau(j) (the drift part exactly,
the wow and flutter by a Newton step). A lathe turning fast cuts a record that plays slow: pitch = playback speed / cutting speed. The
wobble and the once-per-revolution clicks follow the playback platter, whatever the cutting speed.
"""

from __future__ import annotations

import math

import numpy as np

from game.audio.dsp import RATE
from game.audio.geometry import SideGeometry
from game.core.profile import CutProfile

#: Sinusoids summed for the wow and for the flutter random processes.
WOW_COMPONENTS = 6
FLUTTER_COMPONENTS = 4
#: The side length over which a motor's `speed_drift` happens (a full 10-inch side at 78 rpm).
DRIFT_SIDE_S = 180.0
#: A Gaussian's 0.5-99.5 % span is +/- 2.576 sigma.
SPAN_SIGMAS = 2.576


def _process(rng: np.random.Generator, peak: float, lo: float, hi: float, count: int,
             rate: float) -> list[tuple[float, float, float]]:
    """(amplitude, rad/sample, phase) of `count` sinusoids with log-uniform frequencies in [lo, hi] Hz,
    amplitudes ~ f^-1/2 (slower swings are wider), total sigma = peak / 2.576."""
    if peak <= 0:
        return []
    f = np.exp(rng.uniform(math.log(lo), math.log(hi), count))
    a = f**-0.5 * rng.uniform(0.7, 1.3, count)
    a *= (peak / SPAN_SIGMAS) / math.sqrt(float(np.sum(a * a)) / 2.0)
    ph = rng.uniform(0.0, 2 * math.pi, count)
    return [(float(ak), 2 * math.pi * float(fk) / rate, float(pk)) for ak, fk, pk in zip(a, f, ph, strict=True)]


class SpeedMap:
    """p(j): the cut sample read at output sample j, evaluated every GRID samples and linearly in between.
    The map is smooth (flutter is the fastest part, at most 20 Hz): between grid points it errs by at most
    flutter x 44100 / (2 pi 20) x (2 pi 20 x 128 / 44100)^2 / 8, 0.006 samples for the worst motor, which
    only reshapes its flutter by 2 %."""

    GRID = 128

    def __init__(self, profile: CutProfile, side: SideGeometry, seed: int, rate: float = RATE) -> None:
        rng = np.random.default_rng([seed, 2])
        comps = _process(rng, profile.wow, 0.5, 6.0, WOW_COMPONENTS, rate)
        comps += _process(rng, profile.flutter, 6.0, 20.0, FLUTTER_COMPONENTS, rate)
        self.amp = np.array([c[0] for c in comps])
        self.omega = np.array([c[1] for c in comps])
        self.phase = np.array([c[2] for c in comps])
        self.e = profile.speed_error
        self.drift = profile.speed_drift
        self.side = side
        self.music = DRIFT_SIDE_S * rate
        self.lead = side.lead_in
        self.offset = profile.spindle_offset_mm
        self.w_rev = 2 * math.pi * profile.revolution_hz / rate
        self.phi_rev = float(rng.uniform(0.0, 2 * math.pi))
        self.max_dev = float(np.sum(np.abs(self.amp))) + abs(self.drift) + self.offset / 30.0 + 0.01
        self._chunks: dict[int, np.ndarray] = {}  # the grid, computed CHUNK points at a time when first needed
        self._ramp = np.arange(self.GRID, dtype=np.float64) / self.GRID

    @property
    def mean_speed(self) -> float:
        return 1.0 + self.e

    def groove_time(self, j: np.ndarray) -> np.ndarray:
        """tau(j): how far along the groove (in cut samples at nominal speed) the stylus is at output j."""
        if self.offset <= 0:
            return j
        a = self.offset / self.side.radius(j / (1.0 + self.e))
        return j + a / self.w_rev * (np.sin(self.w_rev * j + self.phi_rev) - math.sin(self.phi_rev))

    def _base(self, tau: np.ndarray) -> np.ndarray:
        """The cut sample n with n + e n + d (n/2 - (n^2 - 2 L n) / 2M) = tau (speed error and drift, no wow),
        exactly: n = 2 tau / (b + sqrt(b^2 - 4 a tau)), a = d / 2M, b = 1 + e + d / 2 + d L / M."""
        a = self.drift / (2.0 * self.music)
        b = 1.0 + self.e + 0.5 * self.drift + self.drift * self.lead / self.music
        return 2.0 * tau / (b + np.sqrt(np.maximum(b * b - 4.0 * a * tau, 1e-12)))

    def exact(self, j: np.ndarray) -> np.ndarray:
        """p(j) at output indices j (float64): the drift solved exactly, then one Newton step for the wow and
        flutter (their swing is at most a few hundred samples and changes slowly: the step leaves < 1e-3)."""
        tau = self.groove_time(np.asarray(j, np.float64))
        p = self._base(tau)
        if len(self.amp):
            ph = np.multiply.outer(p, self.omega) + self.phase
            e_wf = (np.cos(self.phase) - np.cos(ph)) @ (self.amp / self.omega)
            s_p = self.e + self.drift * (0.5 - (p - self.lead) / self.music) + np.sin(ph) @ self.amp
            p = p - e_wf / (1.0 + s_p)
        return p

    CHUNK = 2048  # grid points (6 s of output) computed together

    def _chunk(self, c: int) -> np.ndarray:
        ch = self._chunks.get(c)
        if ch is None:
            ch = self.exact(np.arange(c * self.CHUNK, (c + 1) * self.CHUNK, dtype=np.float64) * self.GRID)
            self._chunks[c] = ch
        return ch

    def _grid(self, g0: int, g1: int) -> np.ndarray:
        """Grid values g0..g1 (inclusive), from the cached chunks."""
        c0, c1 = g0 // self.CHUNK, g1 // self.CHUNK
        if c0 == c1:
            return self._chunk(c0)[g0 - c0 * self.CHUNK : g1 - c0 * self.CHUNK + 1]
        parts = np.concatenate([self._chunk(c) for c in range(c0, c1 + 1)])
        return parts[g0 - c0 * self.CHUNK : g1 - c0 * self.CHUNK + 1]

    def positions(self, j0: int, m: int) -> np.ndarray:
        """p(j) for j = j0 .. j0 + m - 1: exact on the GRID, linear in between."""
        g = self.GRID
        g0 = j0 // g
        g1 = (j0 + m - 1) // g + 1
        pg = self._grid(g0, g1)
        p = (pg[:-1, None] + (pg[1:] - pg[:-1])[:, None] * self._ramp[None, :]).ravel()
        off = j0 - g0 * g
        return p[off : off + m]

    def first_output_at(self, n: float) -> int:
        """The first output index j with p(j) >= n: secant steps on the near-linear map, then the exact
        sample within the grid cell."""
        j = max(0, int(n * (1.0 + self.e)))
        for _ in range(8):
            step = int(round((n - float(self.positions(j, 1)[0])) * (1.0 + self.e)))
            if abs(step) <= self.GRID:
                break
            j = max(0, j + step)
        cell = max(0, j // self.GRID - 2)
        span = self.positions(cell * self.GRID, 5 * self.GRID)
        j = cell * self.GRID + int(np.searchsorted(span, n, side="left"))
        while j > 0 and self.positions(j - 1, 1)[0] >= n:
            j -= 1
        while self.positions(j, 1)[0] < n:
            j += 1
        return j
