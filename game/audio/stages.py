"""The lathe chain's stages, one physical cause each. All run at the chain's internal rate (44.1 kHz / 2:
after the cutter nothing is left above ~10 kHz) and carry their state between blocks.

Each `process(x, start)` takes a block and the absolute index of its first sample, so the output depends
only on absolute positions, never on how the signal was cut into blocks.
"""

from __future__ import annotations

import math

import numpy as np
import scipy.signal as sps

try:  # the C kernel behind scipy.signal.sosfilt, without its per-call argument juggling (~100 us a block)
    from scipy.signal._sosfilt import _sosfilt as _sosfilt_inplace
except ImportError:  # pragma: no cover - other scipy layouts
    _sosfilt_inplace = None

from game.audio.dsp import F32, EventKernels, LoopTable, shaped_noise
from game.audio.geometry import SideGeometry
from game.core.profile import INNER_GROOVE_RADIUS_MM, CutProfile

MAINS_HZ = 50.0


SEGMENT = 512  # samples over which slowly varying parameters (radius) are held constant


def piecewise(start: int, n: int, f) -> np.ndarray:
    """f evaluated at the start of each absolute SEGMENT-sample segment, held for the segment: f(floor(i/S) S)."""
    s0, s1 = start // SEGMENT, (start + n - 1) // SEGMENT + 1
    vals = np.asarray(f(np.arange(s0, s1) * SEGMENT), dtype=F32)
    return np.repeat(vals, SEGMENT)[start - s0 * SEGMENT : start - s0 * SEGMENT + n]


def sosfilt_state(sos: np.ndarray, x: np.ndarray, zi: np.ndarray) -> np.ndarray:
    """Second-order sections over float32 `x`, updating the carried state `zi` (1, sections, 2) in place."""
    y = np.array(x, F32, order="C").reshape(1, -1)
    if _sosfilt_inplace is not None:
        _sosfilt_inplace(sos, y, zi)
        return y[0]
    out, zi[0] = sps.sosfilt(sos, y[0], zi=zi[0])
    return out.astype(F32, copy=False)


class AmplifierStage:
    """Valve amplifier into the cutter: y = tanh(k g x) / k with drive k = 1 + 3 distortion, plus mains hum
    h (sin 50 Hz + 0.6 sin 100 + 0.45 sin 150 + 0.25 sin 250 + 0.15 sin 350, peak-normalised) of amplitude `hum`."""

    def __init__(self, profile: CutProfile, rate: float) -> None:
        self.gain = F32(profile.gain)
        self.drive = F32(1.0 + 3.0 * profile.distortion)
        self.hum_amp = profile.hum
        period = round(rate / MAINS_HZ)
        t = np.arange(period) / rate
        h = sum(a * np.sin(2 * math.pi * MAINS_HZ * k * t + 0.4 * k) for k, a in
                ((1, 1.0), (2, 0.6), (3, 0.45), (5, 0.25), (7, 0.15)))
        self.hum = LoopTable(h / np.max(np.abs(h)))

    def process(self, x: np.ndarray, start: int) -> np.ndarray:
        y = x * (self.gain * self.drive)
        np.tanh(y, out=y)
        y *= F32(1.0) / self.drive
        if self.hum_amp > 0:
            self.hum.add_to(y, start, self.hum_amp)
        return y


class CutterStage:
    """Cutter and stylus. Tracing distortion y = x + k (0.6 x^2 - 0.4 x^3) with k = tracing * r_in / r (worst at
    the inner radius); groove noise (white, RMS `groove_noise`); then the groove's band limits: 2nd-order
    Butterworth high-pass at `low_cut_hz` and 4th-order low-pass at `bandwidth_hz` (the worn value)."""

    def __init__(self, profile: CutProfile, rate: float, side: SideGeometry, seed: int) -> None:
        self.side = side
        self.tracing = profile.tracing_distortion
        self.noise_amp = profile.groove_noise
        self.noise = LoopTable(np.random.default_rng([seed, 1]).standard_normal(65_521).astype(F32))
        nyq = rate / 2.0
        lo = min(max(profile.low_cut_hz, 10.0), 0.3 * nyq)
        hi = min(profile.bandwidth_hz, 0.93 * nyq)
        sos = np.vstack((sps.butter(2, lo, "highpass", fs=rate, output="sos"),
                         sps.butter(4, hi, "lowpass", fs=rate, output="sos")))
        self.sos = sos.astype(F32)
        self.zi = np.zeros((1, len(sos), 2), F32)

    def process(self, x: np.ndarray, start: int) -> np.ndarray:
        if self.tracing > 0:
            k = piecewise(start, len(x), lambda n: self.tracing * INNER_GROOVE_RADIUS_MM / self.side.radius(n))
            x2 = x * x
            x = x + k * (F32(0.6) * x2 - F32(0.4) * x2 * x)
        if self.noise_amp > 0:
            x = x.copy() if not self.tracing else x
            self.noise.add_to(x, start, self.noise_amp)
        return sosfilt_state(self.sos, x, self.zi)


class TurntableStage:
    """Speed of the turntable. Output sample j reads the groove at position
    p(j) = j (1 + e) + sum_k (A_k / w_k) (cos phi_k - cos(w_k j + phi_k)) + (D(j) / w_r) (cos phi_r - cos(w_r j + phi_r)),
    the integral of the speed 1 + e + sum_k A_k sin(w_k j + phi_k) + D(j) sin(w_r j + phi_r):
    e the constant speed error, three wow components (0.5-6 Hz) whose peaks add to `wow`, three flutter
    components (6-20 Hz) adding to `flutter`, and the off-centre spindle at the revolution rate with depth
    D = offset / radius. The wobble term is evaluated every 32 samples and linearly interpolated; reading
    is 4-point cubic Hermite interpolation."""

    GRID = 32

    def __init__(self, profile: CutProfile, rate: float, side: SideGeometry, seed: int) -> None:
        rng = np.random.default_rng([seed, 2])
        self.side = side
        self.speed = 1.0 + profile.speed_error
        comps = []
        for total, lo, hi in ((profile.wow, 0.5, 6.0), (profile.flutter, 6.0, 20.0)):
            if total <= 0:
                continue
            w = rng.uniform(0.5, 1.0, 3)
            w *= total / w.sum()
            f = np.sort(rng.uniform(lo, hi, 3))
            for a, fk in zip(w, f, strict=True):
                comps.append((a, 2 * math.pi * fk / rate, rng.uniform(0, 2 * math.pi)))
        self.comps = comps
        self.offset = profile.spindle_offset_mm
        self.w_rev = 2 * math.pi * profile.revolution_hz / rate
        self.phi_rev = float(rng.uniform(0, 2 * math.pi))
        self.max_dev = sum(c[0] for c in comps) + self.offset / 30.0 + 0.01
        # W(t) = const + sum_k coef_k cos(om_k t + ph_k) (+ the wobble, whose depth varies with the radius)
        self.omegas = np.array([c[1] for c in comps] + [self.w_rev])
        self.phases = np.array([c[2] for c in comps] + [self.phi_rev])
        self.coef = np.array([-c[0] / c[1] for c in comps] + [0.0])
        self.const = sum(c[0] / c[1] * math.cos(c[2]) for c in comps)
        self.wob_coef = (1.0 / self.w_rev, math.cos(self.phi_rev))
        self.p_next = 0.0  # p(self.j)
        self.buf = np.zeros(1, F32)
        self.base = -1  # absolute input index of buf[0]
        self.j = 0  # next output index

    def start_at(self, j: int) -> int:
        """Restart output at index j; returns the input index the caller must feed from."""
        self.j = j
        self.p_next = float(self.positions(j, 1)[0])
        first = int(math.floor(self.p_next)) - 1
        self.buf = np.zeros(0, F32)
        self.base = first
        return first

    def _wander(self, t: np.ndarray) -> np.ndarray:
        """The position offset W(t) at output indices t (float64), exact: all sinusoids in one matrix product."""
        r = self.side.radius(t)
        ph = np.multiply.outer(t, self.omegas)
        ph += self.phases
        w = np.cos(ph) @ self.coef
        w += self.const
        if self.offset > 0:
            w += self.wob_coef[0] * (self.offset / r) * (self.wob_coef[1] - np.cos(ph[:, -1]))
        return w

    def positions(self, j0: int, m: int) -> np.ndarray:
        """p(j) for j = j0 .. j0 + m - 1: W on the 32-sample grid, linear in between, plus j (1 + e)."""
        g = self.GRID
        g0 = j0 // g
        ng = (j0 + m - 1) // g - g0 + 1
        wg = self._wander(np.arange(g0, g0 + ng + 1) * float(g))
        ramp = self._ramp(ng)
        w = np.repeat(wg[:-1], g)
        w += np.repeat(np.diff(wg), g) * ramp
        off = j0 - g0 * g
        p = np.arange(j0, j0 + m, dtype=np.float64)
        p *= self.speed
        p += w[off : off + m]
        return p

    def _ramp(self, ng: int) -> np.ndarray:
        """r / 32 for r = 0..31, tiled ng times (cached)."""
        if len(getattr(self, "_ramp_cache", ())) < ng * self.GRID:
            self._ramp_cache = np.tile(np.arange(self.GRID) / self.GRID, 2 * ng)
        return self._ramp_cache[: ng * self.GRID]

    def process(self, x: np.ndarray) -> np.ndarray:
        buf = np.concatenate((self.buf, x.astype(F32, copy=False)))
        limit = self.base + len(buf) - 2  # need floor(p) + 2 <= last index
        p0 = self.p_next
        m = int((limit - p0) / (self.speed - self.max_dev)) + 2
        if m <= 0:
            self.buf = buf
            return np.zeros(0, F32)
        pa = self.positions(self.j, m)
        cnt = int(np.searchsorted(pa, limit, side="left"))
        p = pa[:cnt]
        ii = np.floor(p).astype(np.int64)
        fr = (p - ii).astype(F32)
        ii -= self.base
        x0, x1 = buf.take(ii), buf.take(ii + 1)
        xm1, x2 = buf.take(ii - 1), buf.take(ii + 2)
        c1 = F32(0.5) * (x1 - xm1)
        c2 = xm1 - F32(2.5) * x0 + F32(2.0) * x1 - F32(0.5) * x2
        c3 = F32(0.5) * (x2 - xm1) + F32(1.5) * (x0 - x1)
        y = ((c3 * fr + c2) * fr + c1) * fr + x0
        self.j += cnt
        self.p_next = float(pa[cnt])  # m > cnt by the choice of m
        nxt = int(math.floor(self.p_next)) - 1
        self.buf = buf[max(0, nxt - self.base) :].copy()
        self.base += max(0, nxt - self.base)
        return y


#: Surface character by film kind: (hiss low-pass as a fraction of the playback bandwidth, share of pops).
FILM_SURFACE: dict[str, tuple[float, float]] = {
    "chest": (1.0, 0.15),
    "skull": (1.1, 0.10),
    "hand": (1.0, 0.20),
    "spine": (1.2, 0.35),  # brittle: more pops
    "pelvis": (0.7, 0.20),  # thick old emulsion: warm hiss
}


class FilmStage:
    """The film surface and the disc: hiss (RMS `film_noise`, low-passed by the playback stylus), crackle
    (Poisson, `crackle_rate` per second, clicks and some low pops), a click once per revolution from a scratch
    (`scratch_click`), and the run-out groove's louder once-per-revolution click after the music. A record
    played past `max_plays` is worn out: the groove's signal drops to 20 %."""

    FRAME_S = 1.0

    def __init__(self, profile: CutProfile, rate: float, side: SideGeometry, seed: int, worn_out: bool) -> None:
        self.side = side
        self.seed = seed
        self.rate = rate
        color, self.pop_share = FILM_SURFACE.get(profile.film_kind, (1.0, 0.2))
        lp = min(profile.bandwidth_hz * color * 1.3, 0.45 * rate)
        self.hiss_amp = profile.film_noise
        self.hiss = LoopTable(shaped_noise(1 << 18, rate, lp, [seed, 3], order=2))  # 11.9 s loop
        self.crackle_rate = profile.crackle_rate
        self.scratch = profile.scratch_click
        self.period = rate / profile.revolution_hz
        self.scratch_phase = float(np.random.default_rng([seed, 4]).uniform(0, self.period))
        self.level = F32(0.2 if worn_out else 1.0)
        self.frame = int(rate * self.FRAME_S)
        self._frames: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        t = np.arange(int(0.012 * rate)) / rate
        self.click = np.array([0.0, 1.0, -0.75, 0.4, -0.2, 0.08], F32)
        pop = np.sin(2 * math.pi * 110 * t) * np.exp(-t / 0.003)
        pop[:3] += (0.6, -0.3, 0.1)
        self.pop = (pop / np.max(np.abs(pop))).astype(F32)
        self.kmax = max(len(self.click), len(self.pop))

    def _crackle(self, f: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Events of frame f: positions, signed amplitudes, and whether each is a pop. Seeded by (seed, f)."""
        ev = self._frames.get(f)
        if ev is None:
            rng = np.random.default_rng([self.seed, 5, f])
            n = rng.poisson(self.crackle_rate * self.FRAME_S)
            pos = np.sort(rng.integers(0, self.frame, n)) + f * self.frame
            amp = np.minimum(0.15 * rng.lognormal(0.0, 0.6, n), 0.8) * rng.choice((-1.0, 1.0), n)
            pop = rng.random(n) < self.pop_share
            ev = (pos, amp, pop)
            if len(self._frames) > 8:
                del self._frames[min(self._frames)]
            self._frames[f] = ev
        return ev

    def process(self, x: np.ndarray, start: int) -> np.ndarray:
        y = x * self.level
        n = len(y)
        if n == 0:
            return y
        if self.hiss_amp > 0:
            self.hiss.add_to(y, start, self.hiss_amp)
        lo = start - self.kmax
        cpos, camp, ppos, pamp = [], [], [], []  # click and pop events touching this block
        if self.crackle_rate > 0:
            for f in range(max(0, lo // self.frame), (start + n - 1) // self.frame + 1):
                pos, amp, pop = self._crackle(f)
                sel = (pos >= lo) & (pos < start + n)
                cpos.append(pos[sel & ~pop])
                camp.append(amp[sel & ~pop])
                ppos.append(pos[sel & pop])
                pamp.append(1.5 * amp[sel & pop])
        k0 = math.ceil((lo - self.scratch_phase) / self.period)
        k1 = math.floor((start + n - 1 - self.scratch_phase) / self.period)
        if k1 >= k0:
            pos = np.round(self.scratch_phase + np.arange(k0, k1 + 1) * self.period).astype(np.int64)
            if self.scratch > 0:
                cpos.append(pos)
                camp.append(np.full(len(pos), self.scratch))
            if self.side.run_out:
                run = pos[pos >= self.side.music_end]
                cpos.append(run)
                camp.append(np.full(len(run), 0.25))
                ppos.append(run)
                pamp.append(np.full(len(run), 0.3))
        if cpos:
            EventKernels.add(y, start, np.concatenate(cpos), np.concatenate(camp), self.click)
        if ppos:
            EventKernels.add(y, start, np.concatenate(ppos), np.concatenate(pamp), self.pop)
        return y


class LimiterStage:
    """The playback amplifier's ceiling: y = 0.85 tanh(x / 0.85), so the interpolated output stays below 0.99."""

    CEIL = F32(0.85)

    def process(self, x: np.ndarray) -> np.ndarray:
        y = x * (F32(1.0) / self.CEIL)
        np.tanh(y, out=y)
        y *= self.CEIL
        return y
