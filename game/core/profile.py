"""The cut profile: everything about one bone record that decides how it sounds and what it is worth.

This is the contract between the simulation (`game.core.lathe` builds profiles from parts, film and master)
and the audio engine (`game.audio` renders music through a chain parameterised by a profile). Both the
price (`quality_grade`) and the sound come from the same numbers: the grade is a function of the figures
the audio measures report (`game.core.figures`), so a worse-sounding record always sells for less.

Units: fractions are of nominal speed (0.01 = 1 %), frequencies in Hz, lengths in mm or inches, noise and
hum amplitudes are RMS relative to full scale as heard (a -6 dBFS sine has RMS 0.354).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import lru_cache

from game.core.figures import (
    BW_HALF_HZ,
    BW_POWER,
    INNER_GROOVE_RADIUS_MM,
    SNR_HALF_DB,
    SNR_SLOPE_DB,
    Figures,
    master_bandwidth_hz,
    master_snr_db,
    predicted_figures,
    worn,
)

__all__ = ["INNER_GROOVE_RADIUS_MM", "NOMINAL_RPM", "CutProfile", "Figures", "grade_label", "own_quality",
           "quality_grade", "quality_of", "predicted_figures"]

NOMINAL_RPM = 78.0


@dataclass(frozen=True)
class CutProfile:
    """How one record was cut. Frozen and hashable; `parent` is the bone record it was copied from, if any."""

    # turntable: motor and platter
    # Speeds are the *cutting* lathe's: a lathe turning 2 % fast cuts a record that plays 2 % slow (pitch =
    # playback speed / cutting speed) on the listener's correct 78 rpm turntable.
    speed_error: float = 0.0  # mean fractional speed error of the cutting platter over the side
    speed_drift: float = 0.0  # speed at the start minus at the end of a 3-minute side (a spring unwinding)
    wow: float = 0.0  # peak fractional speed deviation of the slow random drift, 0.3-6 Hz
    flutter: float = 0.0  # peak fractional speed deviation of the faster components, 6-20 Hz
    spindle_offset_mm: float = 0.0  # off-centre hole: the playback wobble's depth is offset / groove radius
    rpm: float = NOMINAL_RPM
    # cutter and stylus
    bandwidth_hz: float = 10_000.0  # upper -3 dB limit of the cut groove
    low_cut_hz: float = 60.0  # lower -3 dB limit (a light lathe cannot cut deep bass)
    groove_noise: float = 0.0  # roughness the cutting stylus leaves in the groove, RMS as heard
    tracing_distortion: float = 0.0  # 0-1; the stylus failing to follow the groove, worst at the inner radius
    # amplifier
    gain: float = 1.0  # linear gain into the cutter
    hum: float = 0.0  # 50 Hz mains hum and its harmonics, RMS (before the cutter's high-pass)
    distortion: float = 0.0  # 0-1 soft saturation of an overdriven valve stage
    # film
    film_kind: str = "chest"
    diameter_in: float = 10.0  # the disc as cut from the film
    film_noise: float = 0.0  # surface hiss, RMS as heard
    crackle_rate: float = 0.0  # random clicks and pops per second (Poisson)
    scratch_click: float = 0.0  # amplitude of the click once per playback revolution from a scratch
    max_plays: int = 30  # plays before the record is worn out
    # master
    source_quality: float = 1.0  # 0-1: the master's own quality (a sailor's pristine disc 1.0, a radio tape 0.6)
    generation: int = 1  # 1 = cut from a master; 2 = cut from a bone record; ...
    parent: CutProfile | None = field(default=None, compare=True)

    def __deepcopy__(self, memo: dict) -> CutProfile:
        return self  # frozen: copies of the records that carry it may share it

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
        """The profile as heard after `plays` plays. With u = plays / max_plays (the share of its life used):
        treble limit x (1 - 0.35 u), hiss + 0.04 u, crackle + 10 u clicks per second. The audio engine's wear
        and the price both use this."""
        if plays <= 0:
            return self
        bandwidth, hiss, crackle = worn(self, plays)
        return replace(self, bandwidth_hz=bandwidth, film_noise=hiss, crackle_rate=crackle)


# The grade's other curves (bandwidth and noise live in `figures`, whose master model inverts them).
#: wobble factor 1 / (1 + (W / WOBBLE_HALF)^WOBBLE_POWER)
WOBBLE_HALF = 0.030
WOBBLE_POWER = 1.0
#: pitch factor 1 / (1 + (|pitch error| / PITCH_HALF)^2)
PITCH_HALF = 0.13
#: distortion factor 1 / (1 + (THD / THD_HALF)^THD_POWER)
THD_HALF = 0.10
THD_POWER = 1.2
#: crackle factor 1 / (1 + (clicks per second / CRACKLE_HALF)^CRACKLE_POWER)
CRACKLE_HALF = 14.0
CRACKLE_POWER = 2.3


def _half(x: float, half: float, power: float) -> float:
    """1 / (1 + (x / half)^power): 1 for x = 0, 1/2 at x = half, falling toward 0."""
    return 1.0 / (1.0 + (max(x, 0.0) / half) ** power)


def treble_factor(treble_hz: float) -> float:
    """1 / (1 + (2470 Hz / B)^2.55): 0.66 at 3.2 kHz, 0.97 at 10 kHz."""
    return 1.0 / (1.0 + (BW_HALF_HZ / max(treble_hz, 1.0)) ** BW_POWER)


def noise_factor(snr_db: float) -> float:
    """1 / (1 + 10^(-(SNR - 16.7 dB) / 12 dB)): 0.5 at 16.7 dB, 0.95 at 32 dB."""
    if math.isinf(snr_db):
        return 1.0
    return 1.0 / (1.0 + 10.0 ** (-(snr_db - SNR_HALF_DB) / SNR_SLOPE_DB))


def quality_of(f: Figures) -> float:
    """The quality 0-1 a listener hears in a record's figures: the product of one factor per figure,
    each 1.0 for a perfect record and 1/2 at its `half` value:
    treble (half at 2.47 kHz), noise (SNR, half at 16.7 dB), wobble (half at 3 %), pitch (half at 13 %),
    distortion (THD, half at 10 %), crackle (half at 14 clicks/s)."""
    return (treble_factor(f.treble_hz) * noise_factor(f.snr_db)
            * _half(f.wobble_side, WOBBLE_HALF, WOBBLE_POWER) * _half(f.pitch_error, PITCH_HALF, 2.0)
            * _half(f.thd, THD_HALF, THD_POWER) * _half(f.crackle_per_s, CRACKLE_HALF, CRACKLE_POWER))


def master_quality(source_quality: float) -> float:
    """The master's own factor: treble x noise factors of its figures (`figures.master_bandwidth_hz` and
    `master_snr_db` are chosen so that this equals the source quality q)."""
    return treble_factor(master_bandwidth_hz(source_quality)) * noise_factor(master_snr_db(source_quality))


def _root(profile: CutProfile) -> CutProfile:
    while profile.parent is not None:
        profile = profile.parent
    return profile


def own_quality(p: CutProfile) -> float:
    """Quality 0-1 of one generation's cut, ignoring any parent: the master's factor times the quality of
    the figures this lathe, film and master give a fresh record."""
    return master_quality(p.source_quality) * quality_of(predicted_figures(replace(p, parent=None)))


@lru_cache(maxsize=8192)
def quality_grade(profile: CutProfile, plays: int = 0) -> float:
    """Quality 0-1 that prices use: what a listener hears.

    grade = master_quality(source quality of the first cut) x quality_of(predicted_figures(profile, plays)).
    The figures are those the booth measures from the sound (treble limit, SNR, wobble, pitch, distortion,
    crackle) with a copy's generations all in them (see `game.core.figures`). A record played `max_plays`
    times or more is worn out and worth 0. Pure and cached: the same profile always gives the same grade."""
    if plays >= profile.max_plays:
        return 0.0
    return master_quality(_root(profile).source_quality) * quality_of(predicted_figures(profile, plays))


def grade_rules() -> str:
    """The grade in words for the Help, with the formula's own numbers."""
    return (
        "Quality is what a buyer hears, as the booth measures it: factors that multiply, each halving it at "
        f"{BW_HALF_HZ / 1000:.1f} kHz treble, {SNR_HALF_DB:.0f} dB signal to noise, {WOBBLE_HALF * 100:.0f} % "
        f"wobble, {PITCH_HALF * 100:.0f} % pitch error, {THD_HALF * 100:.0f} % distortion or {CRACKLE_HALF:.0f} "
        "clicks a second; times the master's quality. Plays and copies add their damage."
    )


def grade_label(grade: float) -> str:
    """Words a buyer would use for a grade."""
    for floor, label in ((0.75, "studio clean"), (0.45, "clean"), (0.22, "good"), (0.09, "fair"), (0.04, "poor")):
        if grade >= floor:
            return label
    return "barely music"
