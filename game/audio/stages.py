"""The lathe chain's stages, each where it happens on a real lathe, all at 44.1 kHz with carried state.

Cutting (cut time n): `MasterStage` (the master's own band and hiss, then the lathe's input filter),
`AmplifierStage` (gain, valve saturation, mains hum), `CutterStage` (distortion at the inner groove, the
cutter's high- and low-pass). Then `TurntableStage` reads the cut groove at the playback positions of
`SpeedMap`. Playback (output time j): `DiscStage` (wear, surface clicks, the pickup's low-pass that music
and clicks pass through, hiss and groove noise as the pickup delivers them, the listener's volume).

Each `process(x, start)` takes a block and the absolute index of its first sample, so the output depends only
on absolute positions, never on how the signal was cut into blocks. Formulas and constants are those of
`game.core.figures`, which predicts what the measures read.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import scipy.signal as sps

from game.audio.dsp import (
    F32,
    F64,
    RATE,
    EventKernels,
    FractionalReader,
    LoopTable,
    Sos,
    butter_sos,
    colored_noise,
    input_sos,
    reader_power,
    sos_power,
)
from game.audio.geometry import SideGeometry
from game.audio.speed import SpeedMap
from game.core.figures import (
    AMP_CUBIC,
    CLICK_AMP,
    CLICK_MAX,
    CLICK_SIGMA,
    CUT_ALPHA,
    CUT_ORDER,
    FILM_SURFACE,
    HIGHPASS_ORDER,
    HUM_HARMONICS,
    INNER_GROOVE_RADIUS_MM,
    MAINS_HZ,
    MAX_CUT_HZ,
    PICKUP_ORDER,
    POP_PEAK,
    REF_PEAK,
    TRACE_A2,
    TRACE_A3,
    master_bandwidth_hz,
    master_snr_db,
    pickup_hz,
    worn,
)
from game.core.profile import CutProfile

SEGMENT = 512  # samples over which slowly varying parameters (radius) are held constant
NOISE_LOOP = 1 << 19  # 11.9 s of hiss before it repeats
WORN_OUT_LEVEL = 0.2  # what is left of the music in a groove played past max_plays


def piecewise(start: int, n: int, f) -> np.ndarray:  # noqa: ANN001
    """f evaluated at the start of each absolute SEGMENT-sample segment, held for the segment: f(floor(i/S) S)."""
    s0, s1 = start // SEGMENT, (start + n - 1) // SEGMENT + 1
    vals = np.asarray(f(np.arange(s0, s1) * SEGMENT), dtype=F64)
    return np.repeat(vals, SEGMENT)[start - s0 * SEGMENT : start - s0 * SEGMENT + n]


@lru_cache(maxsize=16)
def shaped_hiss(seed: tuple[int, ...], corners: tuple[tuple[float, int, float], ...]) -> LoopTable:
    """A looped table of unit-RMS noise whose power spectrum is the sum over `corners` (corner Hz, order,
    weight) of weight x |Butterworth low-pass|^2 normalised to unit mean; cached (a record's measures and
    its playback share one)."""
    f = np.fft.rfftfreq(NOISE_LOOP, 1.0 / RATE)
    w = np.tan(np.pi * np.minimum(f, 0.4999 * RATE) / RATE)
    power = np.zeros_like(f)
    for corner, order, weight in corners:
        h = 1.0 / (1.0 + (w / math.tan(math.pi * corner / RATE)) ** (2 * order))
        power += weight * h / h.mean()
    return LoopTable(colored_noise(NOISE_LOOP, list(seed), power))


class MasterStage:
    """The master as the lathe hears it, then the lathe's input filter. A master of source quality q < 1
    (a dubbed tape or disc) is a 2nd-order low-pass at `master_bandwidth_hz(q)` with hiss of that band at
    `master_snr_db(q)` below the reference tone. The input filter (elliptic, flat to 10.4 kHz, >= 72 dB down
    from 11.6 kHz) keeps everything the saturating stages could fold back out of the band."""

    def __init__(self, source_quality: float, seed: int) -> None:
        self.filters = [Sos(input_sos())]
        self.hiss: LoopTable | None = None
        if source_quality < 1.0:
            band = master_bandwidth_hz(source_quality)
            corner = min(band, 0.45 * RATE)
            self.filters.insert(0, Sos(butter_sos(2, corner, "lowpass")))
            self.hiss = shaped_hiss((seed, 7), ((corner, 2, 1.0),))
            self.hiss_rms = REF_PEAK / math.sqrt(2.0) * 10.0 ** (-master_snr_db(source_quality) / 20.0)

    def reset(self) -> None:
        for f in self.filters:
            f.reset()

    def process(self, x: np.ndarray, start: int) -> np.ndarray:
        y = self.filters[0].process(x)
        if self.hiss is not None:
            self.hiss.add_to(y, start, self.hiss_rms)
        for f in self.filters[1:]:
            y = f.process(y, inplace=True)
        return y


class AmplifierStage:
    """The valve amplifier into the cutter: u = g x, y = u - c u^3 (c = AMP_CUBIC distortion) up to the
    turning point u* = 1 / sqrt(3 c), flat at +/- 2/3 u* beyond it (a smooth ceiling, reached only by an
    overdriven stage); then mains hum of RMS `hum` (50 Hz and the harmonics `HUM_HARMONICS`)."""

    def __init__(self, profile: CutProfile) -> None:
        self.gain = profile.gain
        self.cubic = AMP_CUBIC * profile.distortion
        self.limit = 1.0 / math.sqrt(3.0 * self.cubic) if self.cubic > 0 else None
        self.hum_amp = profile.hum
        period = round(RATE / MAINS_HZ)
        t = np.arange(period) / RATE
        h = sum(a * np.sin(2 * math.pi * MAINS_HZ * k * t + 0.4 * k) for k, a in HUM_HARMONICS)
        self.hum = LoopTable(h / np.sqrt(np.mean(h * h)))

    def process(self, x: np.ndarray, start: int) -> np.ndarray:
        u = x * self.gain  # x is the input stage's own temporary
        if self.limit is not None:
            np.minimum(u, self.limit, out=u)  # ufuncs: np.clip's wrapper costs more than the clipping
            np.maximum(u, -self.limit, out=u)
            cube = u * u
            cube *= u
            cube *= self.cubic
            u -= cube
        if self.hum_amp > 0:
            self.hum.add_to(u, start, self.hum_amp)
        return u


class CutterStage:
    """Cutter and stylus: distortion y = x - k (A2 x^2 + A3 x^3) with k = tracing r_in / r (worst where the
    groove is slowest, at the inner radius); then the groove's band: 2nd-order Butterworth high-pass at
    `low_cut_hz` and 4th-order low-pass at CUT_ALPHA x bandwidth."""

    def __init__(self, profile: CutProfile, side: SideGeometry) -> None:
        self.side = side
        self.tracing = profile.tracing_distortion
        # k at the start of every SEGMENT of the side (and a little beyond, for the drain)
        starts = np.arange((side.total + 8 * SEGMENT) // SEGMENT + 1) * SEGMENT
        self.k = self.tracing * INNER_GROOVE_RADIUS_MM / side.radius(starts)
        cut = min(profile.bandwidth_hz, MAX_CUT_HZ)
        self.filter = Sos(np.vstack((butter_sos(HIGHPASS_ORDER, profile.low_cut_hz, "highpass"),
                                     butter_sos(CUT_ORDER, CUT_ALPHA * cut, "lowpass"))))

    def reset(self) -> None:
        self.filter.reset()

    def _k(self, n: np.ndarray) -> np.ndarray:
        idx = n // SEGMENT
        if idx[-1] < len(self.k):
            return self.k[idx]
        return self.tracing * INNER_GROOVE_RADIUS_MM / self.side.radius(n)

    def process(self, x: np.ndarray, start: int) -> np.ndarray:
        if self.tracing > 0:
            k = piecewise(start, len(x), self._k)
            x2 = x * x
            poly = x2 * x
            poly *= TRACE_A3
            x2 *= TRACE_A2
            poly += x2
            poly *= k
            x = x - poly
        return self.filter.process(x, inplace=True)


class TurntableStage:
    """The listener's stylus in the groove: output sample j is the cut signal at p(j) (`SpeedMap`), read with
    the 8-tap `FractionalReader`. Emits output j only once its taps are in; never beyond the cut's end."""

    def __init__(self, speed: SpeedMap, total_in: int) -> None:
        self.map = speed
        self.total_in = total_in
        self.buf = np.zeros(FractionalReader.BEFORE, F64)  # zeros before the first sample
        self.base = -FractionalReader.BEFORE  # absolute input index of buf[0]
        self.j = 0  # next output index
        self.p_next = float(speed.positions(0, 1)[0])

    @property
    def done(self) -> bool:
        return self.p_next >= self.total_in

    def start_at(self, j: int, base: int) -> None:
        """Restart output at index j with input arriving from absolute index `base`."""
        self.j = j
        self.p_next = float(self.map.positions(j, 1)[0])
        self.buf = np.zeros(FractionalReader.BEFORE, F64)
        self.base = base - FractionalReader.BEFORE

    def process(self, x: np.ndarray) -> np.ndarray:
        buf = np.concatenate((self.buf, x)) if len(self.buf) else x
        before, after = FractionalReader.BEFORE, FractionalReader.AFTER
        limit = min(self.base + len(buf) - after - 1, self.total_in - 1e-9)  # p <= limit can be read
        out = np.zeros(0, F64)
        if self.p_next <= limit:
            m = int((limit - self.p_next) / max(self.map.mean_speed - self.map.max_dev, 0.5)) + 4
            pa = self.map.positions(self.j, m)
            cnt = int(np.searchsorted(pa, limit, side="right"))
            if cnt:
                out = FractionalReader.read(buf, self.base, pa[:cnt])
                self.j += cnt
                self.p_next = float(pa[cnt]) if cnt < m else float(self.map.positions(self.j, 1)[0])
        keep = min(len(buf), max(0, int(math.floor(self.p_next)) - before - self.base))
        self.buf = buf[keep:].copy() if keep else buf
        self.base += keep
        return out


RUN_OUT_CLICK = 0.5  # the locked groove's click, as delivered by the pickup


def pickup_corner(profile: CutProfile, heard_hz: float) -> float:
    """The pickup's corner: `figures.pickup_hz` (cutter x pickup at -3 dB at the heard bandwidth), then nudged
    so that the digital chain as built (input filter, cutter, fractional reader, pickup) is -3 dB there."""
    pitch = 1.0 / (1.0 + profile.speed_error)
    corner = min(pickup_hz(profile.bandwidth_hz, heard_hz, pitch), 0.45 * RATE)
    b = min(heard_hz, profile.bandwidth_hz, MAX_CUT_HZ)
    cut = butter_sos(CUT_ORDER, CUT_ALPHA * min(profile.bandwidth_hz, MAX_CUT_HZ), "lowpass")
    rest = float(sos_power(input_sos(), np.array([b / pitch]))[0] * sos_power(cut, np.array([b / pitch]))[0]
                 * reader_power(np.array([b]))[0])
    if rest <= 0.5:
        return corner
    # the pickup's |H(b)|^2 must be 0.5 / rest: W(F) = W(b) / (rest / 0.5 - 1)^(1/4)
    w = math.tan(math.pi * b / RATE) / (2.0 * rest - 1.0) ** (1.0 / (2 * PICKUP_ORDER))
    return min(RATE / math.pi * math.atan(w), 0.45 * RATE)


def pickup_kernel(sos: np.ndarray, wave: np.ndarray) -> np.ndarray:
    """`wave` as the pickup delivers it (through its low-pass), scaled to unit peak: a click is as dull as
    the record it is on."""
    y = sps.sosfilt(sos, np.concatenate((wave, np.zeros(int(0.004 * RATE)))))
    y = y[: int(np.nonzero(np.abs(y) > 1e-3 * np.max(np.abs(y)))[0][-1]) + 1]
    return (y / np.max(np.abs(y))).astype(F32)


class DiscStage:
    """The disc under the listener's stylus (output time j, from `start`):
    - wear: a record played past max_plays keeps WORN_OUT_LEVEL of its music;
    - the pickup: 4th-order low-pass at `pickup_hz(bandwidth, worn bandwidth, pitch)`, so cutter x pickup is
      -3 dB at the worn treble limit;
    - clicks as the pickup delivers them (its impulse response, so as dull as the record): Poisson crackle
      (`crackle_rate` per second, worn; peaks CLICK_AMP x lognormal, some of them low pops), a scratch once per
      revolution of the playback platter (`scratch_click` x lognormal per revolution), and in the run-out
      groove a louder click once per revolution;
    - hiss (film, worn) and groove noise, each of the RMS the profile states as delivered by the pickup (their
      spectra are the pickup's response, the film's hiss coloured by `FILM_SURFACE`);
    - the listener's volume 1 / gain, so a record plays about as loud as its master."""

    def __init__(self, profile: CutProfile, plays: int, seed: int, music_end_out: int, total_out: int,
                 run_out: bool) -> None:
        heard_hz, hiss, crackle_rate = worn(profile, plays)
        corner = pickup_corner(profile, heard_hz)
        sos = butter_sos(PICKUP_ORDER, corner, "lowpass")
        self.pickup = Sos(sos)
        color, pop_share = FILM_SURFACE.get(profile.film_kind, (1.0, 0.2))
        # film hiss: the pickup's response, darker or brighter by the film; groove noise: the pickup's response
        self.noise_rms = math.hypot(hiss, profile.groove_noise)
        film_corner = min(corner * color, 0.45 * RATE)
        self.noise = shaped_hiss((seed, 3), ((film_corner, PICKUP_ORDER, round(hiss**2, 12)),
                                             (corner, PICKUP_ORDER, round(profile.groove_noise**2, 12)))
                                 ) if self.noise_rms > 0 else None
        self.level = WORN_OUT_LEVEL if plays >= profile.max_plays else 1.0
        self.volume = 1.0 / profile.gain
        self.tick = pickup_kernel(sos, np.array([1.0, -0.55, 0.15]))
        t = np.arange(int(0.012 * RATE)) / RATE
        pop = np.sin(2 * math.pi * 110 * t) * np.exp(-t / 0.003)
        pop[:3] += (0.6, -0.3, 0.1)
        self.pop = pickup_kernel(sos, pop)
        self.ticks, self.pops = self._side_events(profile, seed, crackle_rate, pop_share, music_end_out, total_out,
                                                  run_out)

    @staticmethod
    def _side_events(profile: CutProfile, seed: int, rate: float, pop_share: float, music_end: int, total: int,
                     run_out: bool) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
        """Every click of the side, drawn once: ((tick positions, amplitudes), (pop positions, amplitudes)),
        sorted by position."""
        rng = np.random.default_rng([seed, 5])
        n = int(rng.poisson(rate * total / RATE)) if rate > 0 else 0
        pos = np.sort(rng.integers(0, max(total, 1), n))
        amp = np.minimum(CLICK_AMP * rng.lognormal(0.0, CLICK_SIGMA, n), CLICK_MAX) * rng.choice((-1.0, 1.0), n)
        is_pop = rng.random(n) < pop_share
        period = RATE / profile.revolution_hz
        turns = np.round(rng.uniform(0, period) + np.arange(int(total / period) + 2) * period).astype(np.int64)
        spread = np.exp(CLICK_SIGMA * rng.standard_normal(len(turns)))
        tick_pos, tick_amp = [pos[~is_pop]], [amp[~is_pop]]
        if profile.scratch_click > 0:
            tick_pos.append(turns)
            tick_amp.append(np.minimum(profile.scratch_click * spread, 1.0))
        if run_out:
            locked = turns[turns >= music_end]
            tick_pos.append(locked)
            tick_amp.append(np.full(len(locked), RUN_OUT_CLICK))
        tp, ta = np.concatenate(tick_pos), np.concatenate(tick_amp)
        order = np.argsort(tp, kind="stable")
        return (tp[order], ta[order]), (pos[is_pop], amp[is_pop] * POP_PEAK)

    def reset(self) -> None:
        self.pickup.reset()

    def _add(self, y: np.ndarray, start: int, events: tuple[np.ndarray, np.ndarray], kernel: np.ndarray) -> None:
        pos, amp = events
        a = int(np.searchsorted(pos, start - len(kernel) + 1, side="left"))
        b = int(np.searchsorted(pos, start + len(y), side="left"))
        if b > a:
            EventKernels.add(y, start, pos[a:b], amp[a:b], kernel)

    def process(self, x: np.ndarray, start: int) -> np.ndarray:
        n = len(x)
        if n == 0:
            return x.astype(F32)
        y = self.pickup.process(x * self.level if self.level != 1.0 else x, inplace=True)
        self._add(y, start, self.ticks, self.tick)
        self._add(y, start, self.pops, self.pop)
        if self.noise is not None:
            self.noise.add_to(y, start, self.noise_rms)
        y *= self.volume
        return y.astype(F32)
