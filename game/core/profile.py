"""The cut profile: everything about one bone record that decides how it sounds and what it is worth.

This is the contract between the simulation (`game.core.lathe` builds profiles from parts, film and master)
and the audio engine (`game.audio` renders music through a chain parameterised by a profile). Both the
price (`quality_grade`) and the sound come from the same numbers, so a worse lathe sounds worse *and*
sells for less.

Units: fractions are of nominal speed (0.01 = 1 %), frequencies in Hz, lengths in mm or inches, noise and
hum amplitudes relative to full-scale music (1.0 = as loud as the music's peak).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

NOMINAL_RPM = 78.0
#: Inner radius of the groove at the end of a side, mm (a 7" disc's music ends about 45 mm from the centre).
INNER_GROOVE_RADIUS_MM = 45.0


@dataclass(frozen=True)
class CutProfile:
    """How one record was cut. Frozen and hashable; `parent` is the bone record it was copied from, if any."""

    # turntable: motor and platter
    speed_error: float = 0.0  # constant fractional speed error; +0.02 plays 2 % fast (about +34 cents)
    wow: float = 0.0  # peak fractional speed deviation of slow drift, 0.5-6 Hz
    flutter: float = 0.0  # peak fractional speed deviation, 6-20 Hz
    spindle_offset_mm: float = 0.0  # off-centre hole; once-per-revolution wobble depth = offset / groove radius
    rpm: float = NOMINAL_RPM
    # cutter and stylus
    bandwidth_hz: float = 10_000.0  # upper -3 dB limit of the cut groove
    low_cut_hz: float = 60.0  # lower -3 dB limit (a light lathe cannot cut deep bass)
    groove_noise: float = 0.0  # stylus roughness noise in the groove, amplitude
    tracing_distortion: float = 0.0  # 0-1; the stylus mis-tracing the groove, worst at the inner radius
    # amplifier
    gain: float = 1.0  # linear gain into the cutter
    hum: float = 0.0  # 50 Hz mains hum and its harmonics, amplitude
    distortion: float = 0.0  # 0-1 soft-saturation drive of an overdriven valve stage
    # film
    film_kind: str = "chest"
    diameter_in: float = 10.0  # the disc as cut from the film
    film_noise: float = 0.0  # surface hiss, amplitude
    crackle_rate: float = 0.0  # random clicks and pops per second (Poisson)
    scratch_click: float = 0.0  # amplitude of the click once per revolution from a scratch or splice
    max_plays: int = 30  # plays before the record is worn out
    # master
    source_quality: float = 1.0  # 0-1: the master's own quality (a sailor's pristine disc 1.0, a radio tape 0.6)
    generation: int = 1  # 1 = cut from a master; 2 = cut from a bone record; ...
    parent: CutProfile | None = field(default=None, compare=True)

    @property
    def revolution_hz(self) -> float:
        """Rotation rate: 78 rpm = 1.3 Hz, the rate of the off-centre wobble and the scratch click."""
        return self.rpm / 60.0

    @property
    def outer_groove_radius_mm(self) -> float:
        """Radius where the music starts: the disc's edge less a 6 mm rim."""
        return self.diameter_in * 25.4 / 2.0 - 6.0

    def wobble_depth(self, radius_mm: float) -> float:
        """Peak fractional speed deviation from the off-centre hole at groove radius `radius_mm`: offset / radius."""
        return self.spindle_offset_mm / max(radius_mm, 1.0)

    def after_plays(self, plays: int) -> CutProfile:
        """The profile as heard after `plays` plays: each play takes 3 % off the treble limit, and adds hiss
        (+0.002) and crackle (+0.4 clicks/s). The audio engine's wear stage and the price both use this."""
        if plays <= 0:
            return self
        return replace(
            self,
            bandwidth_hz=max(1_500.0, self.bandwidth_hz * 0.97**plays),
            film_noise=self.film_noise + 0.002 * plays,
            crackle_rate=self.crackle_rate + 0.4 * plays,
        )


def _clamp01(x: float) -> float:
    return min(1.0, max(0.0, x))


def own_quality(p: CutProfile) -> float:
    """Quality 0-1 of one generation's cut, ignoring the parent. A product of factors, each 1.0 for a perfect cut:

    - bandwidth: 0.3 + 0.7 * clamp((ln bw - ln 2500) / (ln 11000 - ln 2500))
    - noise: 1 / (1 + 6 * (groove_noise + film_noise + hum))
    - speed stability: 1 / (1 + 40 * (wow + flutter + offset / 60 mm) + 8 * |speed_error|)
    - distortion: 1 - 0.35 * distortion - 0.25 * tracing_distortion
    - crackle: 1 / (1 + crackle_rate / 25)
    - the master's source_quality.
    """
    bw = 0.3 + 0.7 * _clamp01(
        (math.log(max(p.bandwidth_hz, 1.0)) - math.log(2_500.0)) / (math.log(11_000.0) - math.log(2_500.0))
    )
    noise = 1.0 / (1.0 + 6.0 * (p.groove_noise + p.film_noise + p.hum))
    speed = 1.0 / (1.0 + 40.0 * (p.wow + p.flutter + p.spindle_offset_mm / 60.0) + 8.0 * abs(p.speed_error))
    dist = _clamp01(1.0 - 0.35 * p.distortion - 0.25 * p.tracing_distortion)
    crackle = 1.0 / (1.0 + p.crackle_rate / 25.0)
    return _clamp01(bw * noise * speed * dist * crackle * p.source_quality)


def quality_grade(profile: CutProfile, plays: int = 0) -> float:
    """Quality 0-1 that prices use: own_quality of the profile after `plays` plays, times the parent's grade
    (a copy of a copy carries both generations' damage). A worn-out record is worth 0."""
    if plays >= profile.max_plays:
        return 0.0
    grade = own_quality(profile.after_plays(plays))
    if profile.parent is not None:
        grade *= quality_grade(profile.parent)
    return grade


def grade_label(grade: float) -> str:
    """Words a buyer would use for a grade."""
    for floor, label in ((0.6, "clean"), (0.4, "good"), (0.25, "fair"), (0.12, "poor")):
        if grade >= floor:
            return label
    return "barely music"
