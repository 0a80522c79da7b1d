"""The quality grade (game.core): pure, cached, calibrated to the anchors the economy is tuned to, and
monotone along every axis a player can change. (That it follows the *measured* sound is
tests/test_audio_measures.py.)"""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.content.catalog import base_catalog
from game.core.figures import master_bandwidth_hz, master_snr_db
from game.core.lathe import PartInstance, cut_profile, preset_lathe
from game.core.presets import preset_profile
from game.core.profile import CutProfile, grade_label, master_quality, predicted_figures, quality_grade

CAT = base_catalog()
PARTS = {p.id: p for p in CAT.parts}
FILMS = {f.id: f for f in CAT.films}
PRESETS = {p.id: p for p in CAT.presets}


def copy_of(parent: CutProfile, preset: str = "workshop", film: str = "chest") -> CutProfile:
    return cut_profile(preset_lathe(PRESETS[preset].parts), PARTS, FILMS[film], parent=parent)


@pytest.mark.parametrize(("preset", "lo", "hi"), [("gramophone", 0.08, 0.14), ("kitchen_table", 0.22, 0.30),
                                                  ("workshop", 0.45, 0.55), ("telefunken", 0.80, 0.90)])
def test_preset_anchors(preset: str, lo: float, hi: float) -> None:
    assert lo <= quality_grade(preset_profile(preset)) <= hi


def test_a_pricier_part_never_lowers_the_grade() -> None:
    for preset in CAT.presets:
        base = quality_grade(preset_profile(preset.id))
        for slot, pid in preset.parts.items():
            for part in CAT.parts:
                if part.slot == slot and part.price > PARTS[pid].price:
                    lathe = preset_lathe({**preset.parts, slot: part.id})
                    assert quality_grade(cut_profile(lathe, PARTS, FILMS["chest"])) >= base, (preset.id, part.id)


def test_films_span_a_tenth_on_the_workshop_lathe() -> None:
    grades = [quality_grade(preset_profile("workshop", f)) for f in FILMS]
    assert 0.05 <= max(grades) - min(grades) <= 0.15


@pytest.mark.parametrize("preset", [p.id for p in CAT.presets])
def test_half_worn_keeps_most_of_its_grade(preset: str) -> None:
    p = preset_profile(preset)
    assert 0.55 <= quality_grade(p, p.max_plays // 2) / quality_grade(p) <= 0.80
    assert quality_grade(p, p.max_plays) == 0.0  # worn out


@pytest.mark.parametrize("preset", ["workshop", "telefunken"])
def test_a_copy_keeps_roughly_two_thirds(preset: str) -> None:
    """On the lathes copies are made on; a junk lathe's copy loses more (it sounds that much worse)."""
    parent = preset_profile(preset)
    assert 0.55 <= quality_grade(copy_of(parent, preset)) / quality_grade(parent) <= 0.92


def test_grade_scales_with_the_master() -> None:
    for preset in PRESETS:
        full = quality_grade(preset_profile(preset))
        assert quality_grade(preset_profile(preset, source_quality=0.7)) / full == pytest.approx(0.7, abs=0.02)
    assert master_quality(1.0) == 1.0
    # a worse master sounds worse: narrower and noisier
    assert master_bandwidth_hz(0.5) < master_bandwidth_hz(0.7) < master_bandwidth_hz(0.9)
    assert master_snr_db(0.5) < master_snr_db(0.7) < master_snr_db(0.9)


@settings(max_examples=60, deadline=None)
@given(preset=st.sampled_from(sorted(PRESETS)), film=st.sampled_from(sorted(FILMS)),
       plays=st.integers(0, 60), q=st.floats(0.2, 1.0), wear=st.floats(0.0, 1.0))
def test_grade_is_monotone_in_plays_generations_and_master(preset: str, film: str, plays: int, q: float,
                                                           wear: float) -> None:
    lathe = {slot: PartInstance(pid, 1.0 - wear) for slot, pid in PRESETS[preset].parts.items()}
    p = cut_profile(lathe, PARTS, FILMS[film], q)
    g = quality_grade(p, plays)
    assert 0.0 <= g <= 1.0
    assert quality_grade(p, plays + 1) <= g
    assert quality_grade(cut_profile(lathe, PARTS, FILMS[film], min(1.0, q + 0.05)), plays) >= g
    if plays < p.max_plays:
        assert quality_grade(copy_of(p.after_plays(plays), preset, film)) < g
    # a more worn lathe cuts worse records
    worse = {slot: PartInstance(pid, max(0.0, 0.9 - wear)) for slot, pid in PRESETS[preset].parts.items()}
    assert quality_grade(cut_profile(worse, PARTS, FILMS[film], q), plays) <= g + 1e-12


def test_grade_is_deterministic_and_cached() -> None:
    p = preset_profile("kitchen_table", "spine")
    q = replace(p)  # equal, not identical
    assert quality_grade(p, 3) == quality_grade(q, 3) == quality_grade.__wrapped__(p, 3)
    f = predicted_figures(p, 3)
    assert f.treble_hz < p.bandwidth_hz and f.pitch_start < 0  # cut 2 % fast: plays flat


def test_core_grade_stays_pure() -> None:
    """The grade is analytic: the modules behind it import neither numpy nor anything with a clock."""
    for name in ("figures.py", "profile.py"):
        tree = ast.parse((Path(__file__).resolve().parents[1] / "game" / "core" / name).read_text())
        mods = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        mods |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert not mods & {"numpy", "time", "random", "scipy", "pygame"}, (name, mods)


def test_labels_follow_the_grade() -> None:
    labels = [grade_label(quality_grade(preset_profile(p))) for p in PRESETS]
    assert labels == ["fair", "good", "clean", "studio clean"]
    assert grade_label(0.0) == "barely music"
