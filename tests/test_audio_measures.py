"""Measures: each worse part makes its own measure worse, plays make it worse, and core's quality_grade
orders the presets as the measures do."""

from __future__ import annotations

from dataclasses import replace

import pytest

from game.audio.measure import bandwidth_hz, crackle_per_s, snr_db, wow_flutter
from game.content.catalog import base_catalog
from game.core.lathe import cut_profile, preset_lathe
from game.core.presets import preset_profile
from game.core.profile import quality_grade


def _profile(swap: dict[str, str] | None = None, film: str = "chest"):  # noqa: ANN202
    """The telefunken preset with some parts swapped for worse ones."""
    cat = base_catalog()
    parts = dict(next(p for p in cat.presets if p.id == "telefunken").parts)
    parts.update(swap or {})
    return cut_profile(preset_lathe(parts), {p.id: p for p in cat.parts}, next(f for f in cat.films if f.id == film))


GOOD = _profile()


def test_worse_cutter_narrows_bandwidth() -> None:
    assert bandwidth_hz(_profile({"cutter": "sewing_needle"})) < 0.7 * bandwidth_hz(GOOD)


def test_worse_motor_and_platter_raise_wow_flutter() -> None:
    base = wow_flutter(GOOD).peak
    assert wow_flutter(_profile({"motor": "spring_gramophone"})).peak > 3 * base
    assert wow_flutter(_profile({"platter": "burned_hole"})).peak > 3 * base


def test_off_centre_hole_wobbles_by_offset_over_radius() -> None:
    """Only the spindle offset: the measured peak deviation lies between offset/r_outer and offset/r_inner."""
    p = replace(GOOD, speed_error=0.0, wow=0.0, flutter=0.0, spindle_offset_mm=1.6)
    dev = wow_flutter(p).peak
    assert p.wobble_depth(p.outer_groove_radius_mm) * 0.8 < dev < p.wobble_depth(45.0) * 1.2


def test_speed_error_is_measured() -> None:
    p = _profile({"motor": "spring_gramophone"})
    assert wow_flutter(p).speed_error == pytest.approx(p.speed_error, abs=0.004)


def test_worse_amplifier_lowers_snr() -> None:
    assert snr_db(_profile({"amplifier": "radio_set_amp"})) < snr_db(GOOD) - 3


def test_noisier_film_lowers_snr_and_crackles_more() -> None:
    spine = _profile(film="spine")
    assert snr_db(spine) < snr_db(GOOD) - 2
    assert crackle_per_s(spine) > crackle_per_s(GOOD)


def test_more_plays_are_worse() -> None:
    p = preset_profile("workshop")
    assert bandwidth_hz(p, plays=20) < bandwidth_hz(p, plays=0)
    assert snr_db(p, plays=20) < snr_db(p, plays=0) - 3
    assert crackle_per_s(p, plays=20) > crackle_per_s(p, plays=0)


def test_quality_grade_orders_presets_like_the_measures() -> None:
    presets = [p.id for p in base_catalog().presets]  # worst first
    profiles = [preset_profile(pid) for pid in presets]
    grades = [quality_grade(p) for p in profiles]
    bw = [bandwidth_hz(p) for p in profiles]
    snr = [snr_db(p) for p in profiles]
    wf = [wow_flutter(p).peak for p in profiles]
    by = lambda vals: sorted(range(len(vals)), key=lambda i: vals[i])  # noqa: E731
    assert by(grades) == list(range(len(presets)))
    assert by(bw) == by(grades)
    assert by(snr) == by(grades)
    assert by([-w for w in wf]) == by(grades)
