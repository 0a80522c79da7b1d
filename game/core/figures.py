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
- playback: the pickup's 4th-order low-pass at `pickup_hz`, chosen so that cutter x pickup is -3 dB
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
#: The engine's sample rate; its Butterworth filters are digital (bilinear), so frequencies are warped by
#: tan(pi f / RATE) in every response below.
RATE = 44_100.0
#: The lathe's input filter passes up to 10.4 kHz: a cutter's bandwidth counts up to this.
MAX_CUT_HZ = 10_400.0
CUT_ORDER = 4
PICKUP_ORDER = 4
HIGHPASS_ORDER = 2
MAINS_HZ = 50.0
#: Mains hum: (harmonic number, relative amplitude).
HUM_HARMONICS = ((1, 1.0), (2, 0.6), (3, 0.45), (5, 0.25), (7, 0.15))
#: Surface clicks: peak (as delivered by the pickup, at unit cutting gain) CLICK_AMP x lognormal(0, CLICK_SIGMA),
#: at most CLICK_MAX. A click is heard (and counted) when its peak reaches CLICK_AUDIBLE x the hiss's RMS.
CLICK_AMP = 0.3
CLICK_SIGMA = 0.5
CLICK_MAX = 0.9
CLICK_AUDIBLE = 5.0
#: Surface character by film kind: hiss corner as a multiple of the pickup's, and the share of clicks that are
#: low pops (a crack through the emulsion, peak POP_PEAK of a tick's above the hum) rather than sharp ticks.
FILM_SURFACE: dict[str, tuple[float, float]] = {
    "chest": (1.0, 0.15),
    "skull": (1.2, 0.10),
    "hand": (1.0, 0.20),
    "spine": (1.4, 0.35),  # brittle: more pops, brighter hiss
    "pelvis": (0.6, 0.20),  # thick old emulsion: warm hiss
}
POP_PEAK = 0.6


#: Wear over a record's life u = plays / max_plays: treble x (1 - WEAR_TREBLE u) (never below 20 %),
#: hiss + WEAR_HISS u, crackle + WEAR_CRACKLE u clicks per second.
WEAR_TREBLE = 0.35
WEAR_HISS = 0.04
WEAR_CRACKLE = 10.0


def worn(p: CutProfile, plays: int) -> tuple[float, float, float]:
    """(treble limit Hz, hiss RMS, crackle per second) of `p` after `plays` plays."""
    if plays <= 0:
        return p.bandwidth_hz, p.film_noise, p.crackle_rate
    u = plays / max(p.max_plays, 1)
    return (p.bandwidth_hz * max(0.2, 1.0 - WEAR_TREBLE * u), p.film_noise + WEAR_HISS * u,
            p.crackle_rate + WEAR_CRACKLE * u)


def _warp(f: float) -> float:
    """The bilinear transform's frequency warp: tan(pi f / RATE) (capped just below Nyquist)."""
    return math.tan(math.pi * min(f, 0.4999 * RATE) / RATE)


def butter_sq(f: float, fc: float, order: int) -> float:
    """|H(f)|^2 of a digital Butterworth low-pass: 1 / (1 + (W(f) / W(fc))^(2 order)), W the warp."""
    return 1.0 / (1.0 + (_warp(f) / _warp(fc)) ** (2 * order))


def highpass_sq(f: float, fc: float, order: int = HIGHPASS_ORDER) -> float:
    """|H(f)|^2 of a digital Butterworth high-pass: 1 / (1 + (W(fc) / W(f))^(2 order))."""
    return 1.0 / (1.0 + (_warp(fc) / max(_warp(f), 1e-12)) ** (2 * order))


def cutter_sq(f: float, cut_bandwidth_hz: float, pitch: float = 1.0) -> float:
    """|H|^2 of the cutter's low-pass as heard at f: it was cut at f / pitch (pitch = 1 / cutting speed)."""
    return butter_sq(f / pitch, CUT_ALPHA * min(cut_bandwidth_hz, MAX_CUT_HZ), CUT_ORDER)


def pickup_hz(cut_bandwidth_hz: float, heard_bandwidth_hz: float, pitch: float = 1.0) -> float:
    """The pickup low-pass corner F that puts cutter x pickup at -3 dB exactly at the heard bandwidth B:
    cutter(B) butter(B, F, 4) = 1/2  =>  W(F) = W(B) / (2 cutter(B) - 1)^(1/8). (B is capped where the cutter
    alone is already 2 dB down, for a fast-cut record whose cutter corner is heard low.)"""
    bc = min(cut_bandwidth_hz, MAX_CUT_HZ)
    b = min(heard_bandwidth_hz, bc)
    h = max(cutter_sq(b, bc, pitch), 0.63)
    w = _warp(b) / (2.0 * h - 1.0) ** (1.0 / (2 * PICKUP_ORDER))
    return RATE / math.pi * math.atan(w)


def response_sq(f: float, cut_bandwidth_hz: float, heard_bandwidth_hz: float, pitch: float = 1.0) -> float:
    """|H(f)|^2 of one generation's treble path as heard: cutter low-pass times pickup low-pass."""
    return cutter_sq(f, cut_bandwidth_hz, pitch) * butter_sq(
        f, pickup_hz(cut_bandwidth_hz, heard_bandwidth_hz, pitch), PICKUP_ORDER)


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
    groove noise, hum); wobble_start / wobble_end / wobble_side: peak fractional speed deviation (wow, flutter and the
    off-centre hole) at the outer and inner groove; pitch_start / pitch_end: heard pitch / true pitch - 1;
    thd: total harmonic distortion of the reference tone at the middle of the side; crackle_per_s: clicks
    per second of the surface (random clicks plus a scratch once per revolution)."""

    treble_hz: float
    snr_db: float
    wobble_start: float
    wobble_end: float
    wobble_side: float
    pitch_start: float
    pitch_end: float
    thd: float
    crackle_per_s: float


    @property
    def pitch_error(self) -> float:
        """Mean absolute pitch error over the side."""
        return 0.5 * (abs(self.pitch_start) + abs(self.pitch_end))


@dataclass(frozen=True)
class _Generation:
    """One cut-and-play of a lineage, reduced to what the figures need. Levels are as heard: the listener's
    volume 1 / gain brings the record back to the master's level."""

    cut_hz: float
    heard_hz: float
    pitch: float  # mean heard pitch / true pitch = 1 / mean cutting speed
    signal: float  # fundamental amplitude of the reference tone, heard
    volume: float  # the listener's volume 1 / gain: what a click on the disc is heard at
    hiss: float  # RMS of broadband noise (film hiss and groove noise), heard
    hum: float  # RMS of hum, heard
    wow_flutter: float  # peak of the random wow and flutter (their 0.5-99.5 % span)
    hole_start: float  # depth of the off-centre hole's sinusoidal wobble at the start and end of the side
    hole_end: float
    hole_mean: float  # and its mean over the side: offset x mean(1 / r), r falling linearly
    speed_start: float  # cutting speed / nominal at the start of the side
    speed_end: float
    h2: float  # harmonic amplitudes relative to the fundamental, before the cutter's filters
    h3: float
    crackle_rate: float  # random surface clicks per second
    scratch: float  # peak of the once-per-revolution scratch click, heard (0: none)
    revolution_hz: float
    pop_share: float

    def clicks_heard(self, noise_rms: float) -> float:
        """Clicks per second that stand CLICK_AUDIBLE x `noise_rms` above the hiss: random clicks whose
        lognormal peak reaches it (a pop counts with POP_PEAK of its peak), and the scratch's clicks (each
        revolution's peak is the scratch's amplitude x lognormal(0, CLICK_SIGMA)) that do."""
        if noise_rms <= 0:
            return self.crackle_rate + (self.revolution_hz if self.scratch > 0 else 0.0)
        if self.scratch <= 0 and self.crackle_rate <= 0:
            return 0.0
        level = CLICK_AUDIBLE * noise_rms

        def share(peak_scale: float) -> float:
            """P(CLICK_AMP x lognormal x scale x volume >= level), the peak capped at CLICK_MAX."""
            a = CLICK_AMP * peak_scale * self.volume
            if a <= 0 or level >= CLICK_MAX * peak_scale * self.volume:
                return 0.0
            return 0.5 * math.erfc(math.log(level / a) / CLICK_SIGMA / math.sqrt(2.0))

        random = self.crackle_rate * ((1 - self.pop_share) * share(1.0) + self.pop_share * share(POP_PEAK))
        return random + self.revolution_hz * share(self.scratch / (CLICK_AMP * self.volume))


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
    vol = 1.0 / p.gain
    wf = math.hypot(p.wow, p.flutter)
    return _Generation(
        cut_hz=p.bandwidth_hz, heard_hz=heard_hz, pitch=1.0 / speed, signal=fund * vol, volume=vol,
        hiss=math.hypot(p.groove_noise, hiss) * vol, hum=hum_heard_rms(p.hum, p.low_cut_hz, speed) * vol,
        wow_flutter=wf, hole_start=p.wobble_depth(r_out), hole_end=p.wobble_depth(INNER_GROOVE_RADIUS_MM),
        hole_mean=p.spindle_offset_mm * math.log(r_out / INNER_GROOVE_RADIUS_MM) / max(r_out - INNER_GROOVE_RADIUS_MM, 1e-9),
        speed_start=speed + 0.5 * p.speed_drift, speed_end=speed - 0.5 * p.speed_drift,
        h2=h2, h3=h3, crackle_rate=crackle_rate, scratch=p.scratch_click * vol, revolution_hz=p.revolution_hz,
        pop_share=FILM_SURFACE.get(p.film_kind, (1.0, 0.2))[1])


def _treble(gens: list[_Generation]) -> float:
    """The -3 dB point of the cascade of all generations' responses. One generation: its heard bandwidth
    (the pickup is chosen for that); more: bisection on log f of sum log|H_g|^2 = log 1/2."""
    if len(gens) == 1:
        return min(gens[0].heard_hz, gens[0].cut_hz, MAX_CUT_HZ)
    # a parent's response is heard shifted by every later generation's pitch
    shifts, later = [], 1.0
    for g in reversed(gens):
        shifts.append(later)
        later *= g.pitch
    shifts.reverse()
    corners = [(CUT_ALPHA * min(g.cut_hz, MAX_CUT_HZ), pickup_hz(g.cut_hz, g.heard_hz, g.pitch), g.pitch * s)
               for g, s in zip(gens, shifts, strict=True)]

    def loss(f: float) -> float:
        total = 0.0
        for (cut, pick, pitch), s in zip(corners, shifts, strict=True):
            total += math.log(butter_sq(f / pitch, cut, CUT_ORDER) * butter_sq(f / s, pick, PICKUP_ORDER))
        return total - math.log(0.5)

    lo, hi = 50.0, MAX_CUT_HZ
    for _ in range(32):
        mid = math.sqrt(lo * hi)
        if loss(mid) > 0:
            lo = mid
        else:
            hi = mid
    return math.sqrt(lo * hi)


def _thd(gens: list[_Generation]) -> float:
    """THD of the record: each generation's harmonics pass its own treble path and every later generation's;
    generations' harmonics have unrelated phases after those filters, so their powers add."""
    total = 0.0
    for i, g in enumerate(gens):
        power = 0.0
        for k, h in ((2, g.h2), (3, g.h3)):
            gain = 1.0
            for later in gens[i:]:
                f0 = REF_HZ * later.pitch
                gain *= response_sq(k * f0, later.cut_hz, later.heard_hz, later.pitch) / response_sq(
                    f0, later.cut_hz, later.heard_hz, later.pitch)
            power += h * h * gain
        total += power
    return math.sqrt(total)


#: The peak of a sinusoid plus a random drift, as the 0.5-99.5 % span measures it: (a^p + w^p)^(1/p).
WOBBLE_NORM = 1.4


def _wobble(random_peak: float, sine_peak: float) -> float:
    """Peak deviation of wow and flutter (random, `random_peak`) plus the off-centre hole (a sinusoid)."""
    return (random_peak**WOBBLE_NORM + sine_peak**WOBBLE_NORM) ** (1.0 / WOBBLE_NORM)


def _mean_resultant(depths: list[float]) -> float:
    """The mean depth of sinusoids of the same rate whose relative phases drift through every value (a copy's
    holes: the parent's wobble comes back at 1.3 Hz / cutting speed): E|a + b e^(i theta)| =
    (2/pi)(a + b) E(4ab / (a + b)^2), E the complete elliptic integral of the second kind (by the AGM),
    folded in one generation at a time."""
    total = 0.0
    for b in depths:
        a, total = total, 0.0
        if a + b <= 0:
            continue
        m = 4 * a * b / (a + b) ** 2
        total = 2 / math.pi * (a + b) * _ellipe(m)
    return total


def _ellipe(m: float) -> float:
    """Complete elliptic integral of the second kind E(m), by the arithmetic-geometric mean."""
    if m >= 1.0:
        return 1.0
    a, g, c_sum, power = 1.0, math.sqrt(1.0 - m), m / 2.0, 0.5
    while abs(a - g) > 1e-12:
        a, g, c = 0.5 * (a + g), math.sqrt(a * g), 0.5 * (a - g)
        power *= 2.0
        c_sum += power * c * c
    return math.pi / (2.0 * a) * (1.0 - c_sum)


def predicted_figures(profile: CutProfile, plays: int = 0) -> Figures:
    """The figures of `profile` heard after `plays` plays, its parents (copies) included.

    A copy carries each generation's damage: responses multiply (treble of the cascade), noise powers
    add relative to each generation's signal (1/SNR^2 = sum 1/SNR_g^2), wobble adds in quadrature,
    pitch ratios multiply, harmonic powers add (`_thd`), and each generation's clicks are counted against the
    record's total hiss. Wobble: the random parts add in quadrature; the holes' sinusoids (at slightly
    different rates once the cutting speed has moved a parent's) beat, so they count by `_mean_resultant`;
    the two combine as `_wobble`."""
    lineage = [profile]
    while lineage[-1].parent is not None:
        lineage.append(lineage[-1].parent)
    lineage.reverse()
    gens = [_generation(p, 0) for p in lineage[:-1]]
    gens.append(_generation(profile, plays))
    inv_snr = sum(((g.hiss**2 + g.hum**2) / (g.signal**2 / 2.0)) for g in gens)
    hiss = math.sqrt(sum(g.hiss**2 for g in gens))  # each generation's volume restores its input's level
    wf = math.sqrt(sum(g.wow_flutter**2 for g in gens))
    pitch_start = pitch_end = 1.0
    for g in gens:
        pitch_start /= g.speed_start
        pitch_end /= g.speed_end
    return Figures(
        treble_hz=_treble(gens),
        snr_db=-10.0 * math.log10(max(inv_snr, 1e-30)),
        wobble_start=_wobble(wf, _mean_resultant([g.hole_start for g in gens])),
        wobble_end=_wobble(wf, _mean_resultant([g.hole_end for g in gens])),
        wobble_side=_wobble(wf, _mean_resultant([g.hole_mean for g in gens])),
        pitch_start=pitch_start - 1.0,
        pitch_end=pitch_end - 1.0,
        thd=_thd(gens),
        crackle_per_s=sum(g.clicks_heard(hiss) for g in gens),
    )
