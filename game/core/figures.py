"""What a bone record's measures will report, predicted from its cut profile with pure-Python formulas.

The audio engine (`game.audio.chain`) is built from the same constants, so each prediction here is what
`game.audio.measure` reads off the rendered sound (the tests hold them together). The quality grade that
sets prices (`game.core.profile.quality_grade`) is a function of these figures only.

The chain, and the figure each part sets (units: Hz, fractions of nominal speed, amplitudes of full scale):
- master: a master of source quality q < 1 is a dubbed tape or disc: a 2nd-order low-pass at
  `master_bandwidth_hz(q)` and hiss giving `master_snr_db(q)`.
- amplifier: gain g, then soft saturation y = u - c u^3 (u = g x, c = AMP_CUBIC * distortion) with a
  smooth ceiling at the turning point; mains hum of RMS `hum` (harmonics `HUM_HARMONICS`).
- cutter: distortion y = x - k (A2 x^2 + A3 x^3), k = tracing * r_in / r (worst at the inner radius);
  2nd-order high-pass at `low_cut_hz`; 4th-order low-pass at CUT_ALPHA * bandwidth.
- groove and disc: groove noise (RMS as heard), film hiss (RMS as heard), crackle (Poisson clicks per
  second), a scratch that clicks once per revolution of the playback platter.
- playback: the pickup's 2nd-order low-pass at `pickup_hz`, chosen so that cutter x pickup is -3 dB
  exactly at the (worn) bandwidth; music, hiss and clicks all pass through it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from game.core.profile import CutProfile

#: Inner radius of the groove at the end of a side, mm (the music ends about 45 mm from the centre).
INNER_GROOVE_RADIUS_MM = 45.0
#: The reference signal of SNR and distortion: a 1 kHz tone at -6 dBFS (peak 0.5).
REF_PEAK = 0.5
REF_HZ = 1000.0
#: Amplifier: cubic coefficient per unit of `distortion`.
AMP_CUBIC = 0.7
#: Cutter distortion: second- and third-order coefficients per unit of k.
TRACE_A2 = 0.4
TRACE_A3 = 0.3
#: The cutter's low-pass sits at CUT_ALPHA x its stated bandwidth (4th-order Butterworth).
CUT_ALPHA = 1.25
CUT_ORDER = 4
PICKUP_ORDER = 2
HIGHPASS_ORDER = 2
MAINS_HZ = 50.0
#: Mains hum: (harmonic number, relative amplitude).
HUM_HARMONICS = ((1, 1.0), (2, 0.6), (3, 0.45), (5, 0.25), (7, 0.15))
#: A scratch click counts as crackle (it is as loud as a surface click) once its amplitude reaches this.
SCRATCH_AUDIBLE = 0.02


#: Wear over a record's life u = plays / max_plays: treble x (1 - WEAR_TREBLE u) (never below 20 %),
#: hiss + WEAR_HISS u, crackle + WEAR_CRACKLE u clicks per second.
WEAR_TREBLE = 0.3
WEAR_HISS = 0.03
WEAR_CRACKLE = 8.0


def worn(p: CutProfile, plays: int) -> tuple[float, float, float]:
    """(treble limit Hz, hiss RMS, crackle per second) of `p` after `plays` plays."""
    if plays <= 0:
        return p.bandwidth_hz, p.film_noise, p.crackle_rate
    u = plays / max(p.max_plays, 1)
    return (p.bandwidth_hz * max(0.2, 1.0 - WEAR_TREBLE * u), p.film_noise + WEAR_HISS * u,
            p.crackle_rate + WEAR_CRACKLE * u)


def butter_sq(f: float, fc: float, order: int) -> float:
    """|H(f)|^2 of an analog Butterworth low-pass: 1 / (1 + (f / fc)^(2 order))."""
    return 1.0 / (1.0 + (f / fc) ** (2 * order))


def highpass_sq(f: float, fc: float, order: int = HIGHPASS_ORDER) -> float:
    """|H(f)|^2 of an analog Butterworth high-pass: 1 / (1 + (fc / f)^(2 order))."""
    return 1.0 / (1.0 + (fc / max(f, 1e-9)) ** (2 * order))


def pickup_hz(cut_bandwidth_hz: float, heard_bandwidth_hz: float) -> float:
    """The pickup low-pass corner F that puts cutter x pickup at -3 dB exactly at `heard_bandwidth_hz`:
    butter(B, alpha Bc, 4) * butter(B, F, 2) = 1/2  =>  F = B / (2 butter(B, alpha Bc, 4) - 1)^(1/4)."""
    b = min(heard_bandwidth_hz, cut_bandwidth_hz)
    h = butter_sq(b, CUT_ALPHA * cut_bandwidth_hz, CUT_ORDER)
    return b / (2.0 * h - 1.0) ** (1.0 / (2 * PICKUP_ORDER))


def response_sq(f: float, cut_bandwidth_hz: float, heard_bandwidth_hz: float) -> float:
    """|H(f)|^2 of one generation's treble path: cutter low-pass times pickup low-pass."""
    return butter_sq(f, CUT_ALPHA * cut_bandwidth_hz, CUT_ORDER) * butter_sq(
        f, pickup_hz(cut_bandwidth_hz, heard_bandwidth_hz), PICKUP_ORDER)


def amp_fundamental(gain: float, distortion: float, peak: float = REF_PEAK) -> tuple[float, float]:
    """(fundamental amplitude out, third-harmonic amplitude out) of the amplifier for a sine of `peak`:
    u = g peak, y = u - c u^3 gives u - 3/4 c u^3 and c u^3 / 4 (the ceiling is not reached at -6 dBFS
    for any catalog amplifier; above it the stage clips smoothly)."""
    u = gain * peak
    c = AMP_CUBIC * distortion
    u = min(u, amp_turning_point(distortion))
    return u - 0.75 * c * u**3, 0.25 * c * u**3


def amp_turning_point(distortion: float) -> float:
    """Where y = u - c u^3 stops rising: u* = 1 / sqrt(3 c) (infinite for a clean stage)."""
    c = AMP_CUBIC * distortion
    return 1.0 / math.sqrt(3.0 * c) if c > 0 else math.inf


def hum_heard_rms(hum: float, low_cut_hz: float, speed: float = 1.0) -> float:
    """RMS of the hum after the cutter's high-pass: hum x sqrt(sum_k w_k |H_hp(50 k / speed)|^2), where
    w_k = a_k^2 / sum a^2 (the hum's RMS is `hum` before the filter; it plays back at 50 / speed Hz)."""
    total = sum(a * a for _, a in HUM_HARMONICS)
    s = sum(a * a * highpass_sq(MAINS_HZ * k / speed, low_cut_hz) for k, a in HUM_HARMONICS)
    return hum * math.sqrt(s / total)


def master_bandwidth_hz(source_quality: float) -> float:
    """Treble limit of a master of quality q: MASTER_B0 (1 / sqrt(q) - 1)^(-1 / BW_POWER); q = 1 has none."""
    q = min(max(source_quality, 0.01), 1.0)
    if q >= 1.0:
        return math.inf
    return BW_HALF_HZ * (1.0 / math.sqrt(q) - 1.0) ** (-1.0 / BW_POWER)


def master_snr_db(source_quality: float) -> float:
    """SNR of a master of quality q, dB re the reference tone: SNR_HALF + SNR_SLOPE log10(1 / (1/sqrt(q) - 1))."""
    q = min(max(source_quality, 0.01), 1.0)
    if q >= 1.0:
        return math.inf
    return SNR_HALF_DB + SNR_SLOPE_DB * math.log10(1.0 / (1.0 / math.sqrt(q) - 1.0))


# The grade's curves (defined here because the master's figures are chosen to invert them).
#: bandwidth factor 1 / (1 + (BW_HALF / B)^BW_POWER)
BW_HALF_HZ = 2_470.0
BW_POWER = 2.55
#: noise factor 1 / (1 + 10^(-(SNR - SNR_HALF) / SNR_SLOPE))
SNR_HALF_DB = 16.7
SNR_SLOPE_DB = 12.0


@dataclass(frozen=True)
class Figures:
    """What the measures report about a record (see `game.audio.measure`), relative to its master.

    treble_hz: -3 dB point of the response; snr_db: the -6 dBFS 1 kHz tone over all steady noise (hiss,
    groove noise, hum); wobble_start / wobble_end: peak fractional speed deviation (wow, flutter and the
    off-centre hole) at the outer and inner groove; pitch_start / pitch_end: heard pitch / true pitch - 1;
    thd: total harmonic distortion of the reference tone at the middle of the side; crackle_per_s: clicks
    per second of the surface (random clicks plus a scratch once per revolution)."""

    treble_hz: float
    snr_db: float
    wobble_start: float
    wobble_end: float
    pitch_start: float
    pitch_end: float
    thd: float
    crackle_per_s: float

    @property
    def wobble(self) -> float:
        """Mean of the start and end wobble: what a listener hears over the side."""
        return 0.5 * (self.wobble_start + self.wobble_end)

    @property
    def pitch_error(self) -> float:
        """Mean absolute pitch error over the side."""
        return 0.5 * (abs(self.pitch_start) + abs(self.pitch_end))


@dataclass(frozen=True)
class _Generation:
    """One cut-and-play of a lineage, reduced to what the figures need."""

    cut_hz: float
    heard_hz: float
    signal: float  # fundamental amplitude of the reference tone out of the amplifier
    noise: float  # RMS of steady noise as heard
    wobble_start: float
    wobble_end: float
    speed_start: float  # cutting speed / nominal at the start of the side
    speed_end: float
    h2: float  # harmonic amplitudes relative to the fundamental, before the cutter's filters
    h3: float
    crackle: float


def _generation(p: CutProfile, plays: int) -> _Generation:
    """`p` as cut, heard after `plays` plays."""
    heard_hz, hiss, crackle_rate = worn(p, plays)
    fund, amp3 = amp_fundamental(p.gain, p.distortion)
    r_out = p.outer_groove_radius_mm
    r_mid = 0.5 * (r_out + INNER_GROOVE_RADIUS_MM)
    k = p.tracing_distortion * INNER_GROOVE_RADIUS_MM / r_mid
    h2 = k * TRACE_A2 * fund / 2.0
    h3 = amp3 / fund + k * TRACE_A3 * fund**2 / 4.0
    speed = 1.0 + p.speed_error
    noise = math.sqrt(p.groove_noise**2 + hiss**2 + hum_heard_rms(p.hum, p.low_cut_hz, speed) ** 2)
    wf = p.wow**2 + p.flutter**2
    crackle = crackle_rate + (p.revolution_hz if p.scratch_click >= SCRATCH_AUDIBLE else 0.0)
    return _Generation(
        cut_hz=p.bandwidth_hz, heard_hz=heard_hz, signal=fund, noise=noise,
        wobble_start=math.sqrt(wf + p.wobble_depth(r_out) ** 2),
        wobble_end=math.sqrt(wf + p.wobble_depth(INNER_GROOVE_RADIUS_MM) ** 2),
        speed_start=speed + 0.5 * p.speed_drift, speed_end=speed - 0.5 * p.speed_drift,
        h2=h2, h3=h3, crackle=crackle)


def _treble(gens: list[_Generation]) -> float:
    """The -3 dB point of the cascade of all generations' responses. One generation: its heard bandwidth
    (the pickup is chosen for that); more: bisection on log f of sum log|H_g|^2 = log 1/2."""
    if len(gens) == 1:
        return min(gens[0].heard_hz, gens[0].cut_hz)
    corners = [(CUT_ALPHA * g.cut_hz, pickup_hz(g.cut_hz, g.heard_hz)) for g in gens]

    def loss(f: float) -> float:
        return sum(math.log(butter_sq(f, a, CUT_ORDER) * butter_sq(f, b, PICKUP_ORDER)) for a, b in corners) \
            - math.log(0.5)

    lo, hi = 50.0, min(g.heard_hz for g in gens)
    for _ in range(32):
        mid = math.sqrt(lo * hi)
        if loss(mid) > 0:
            lo = mid
        else:
            hi = mid
    return math.sqrt(lo * hi)


def _thd(g: _Generation) -> float:
    """THD of one generation: its harmonics through its own treble path, relative to the fundamental."""
    ref = response_sq(REF_HZ, g.cut_hz, g.heard_hz)
    r2 = math.sqrt(response_sq(2 * REF_HZ, g.cut_hz, g.heard_hz) / ref)
    r3 = math.sqrt(response_sq(3 * REF_HZ, g.cut_hz, g.heard_hz) / ref)
    return math.hypot(g.h2 * r2, g.h3 * r3)


def predicted_figures(profile: CutProfile, plays: int = 0) -> Figures:
    """The figures of `profile` heard after `plays` plays, its parents (copies) included.

    A copy carries each generation's damage: responses multiply (treble of the cascade), noise powers
    add relative to each generation's signal (1/SNR^2 = sum 1/SNR_g^2), wobble adds in quadrature,
    pitch ratios multiply, distortion and crackle add."""
    lineage = [profile]
    while lineage[-1].parent is not None:
        lineage.append(lineage[-1].parent)
    lineage.reverse()
    gens = [_generation(p, 0) for p in lineage[:-1]]
    gens.append(_generation(profile, plays))
    inv_snr = sum((g.noise / (g.signal / math.sqrt(2.0))) ** 2 for g in gens)
    pitch_start = pitch_end = 1.0
    for g in gens:
        pitch_start /= g.speed_start
        pitch_end /= g.speed_end
    return Figures(
        treble_hz=_treble(gens),
        snr_db=-10.0 * math.log10(max(inv_snr, 1e-30)),
        wobble_start=math.sqrt(sum(g.wobble_start**2 for g in gens)),
        wobble_end=math.sqrt(sum(g.wobble_end**2 for g in gens)),
        pitch_start=pitch_start - 1.0,
        pitch_end=pitch_end - 1.0,
        thd=sum(_thd(g) for g in gens),
        crackle_per_s=sum(g.crackle for g in gens),
    )
