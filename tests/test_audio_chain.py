"""The lathe chain: block-wise equals whole-buffer, determinism, levels, lead-in / run-out, generations."""

from __future__ import annotations

import numpy as np
import pytest

from game.audio.chain import RATE, LatheChain, render_record
from game.audio.dsp import HalfbandDecimator, HalfbandInterpolator
from game.core.presets import preset_profile


def _music(seconds: float = 3.0) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    x = 0.4 * np.sin(2 * np.pi * 440 * t) + 0.2 * np.sin(2 * np.pi * 1320 * t) + 0.2 * np.sin(2 * np.pi * 110 * t)
    return (x * (0.6 + 0.4 * np.sin(2 * np.pi * 0.5 * t))).astype(np.float32)


@pytest.mark.parametrize("cls", [HalfbandDecimator, HalfbandInterpolator])
def test_resamplers_blockwise_exact(cls: type) -> None:
    x = np.random.default_rng(0).standard_normal(2001).astype(np.float32)
    whole = cls().process(x)
    for bs in (1, 2, 5, 64, 1000):
        r = cls()
        parts = np.concatenate([r.process(x[i : i + bs]) for i in range(0, len(x), bs)])
        assert np.array_equal(parts, whole)


@pytest.mark.parametrize("preset", ["gramophone", "telefunken"])
def test_blockwise_equals_whole_buffer(preset: str) -> None:
    x = _music(3.0)
    p = preset_profile(preset)
    whole = LatheChain(p, plays=4, seed=3, music_s=3.0, lead_in_s=0.5, run_out_s=0.5).process(x)
    assert len(whole) > 0.9 * len(x)
    for bs in (1024, 333, 4096, 17):
        c = LatheChain(p, plays=4, seed=3, music_s=3.0, lead_in_s=0.5, run_out_s=0.5)
        out = np.concatenate([c.process(x[i : i + bs]) for i in range(0, len(x), bs)])
        assert len(out) == len(whole), bs
        np.testing.assert_allclose(out, whole, rtol=0, atol=1e-6)


def test_chain_changes_the_signal_by_its_profile() -> None:
    """Sanity against a pass-through: the bad lathe's output differs from the good one's and the input."""
    x = _music(2.0)
    bad = render_record(x, preset_profile("gramophone"), seed=1)
    good = render_record(x, preset_profile("telefunken"), seed=1)
    assert not np.allclose(bad[: len(good)], good[: len(bad)], atol=1e-2)
    assert np.max(np.abs(bad)) <= 0.99 and np.max(np.abs(good)) <= 0.99


def test_seeded_and_deterministic() -> None:
    x = _music(1.5)
    p = preset_profile("kitchen_table")
    a = render_record(x, p, plays=2, seed=5)
    b = render_record(x, p, plays=2, seed=5)
    c = render_record(x, p, plays=2, seed=6)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)


def test_speed_error_sets_side_length() -> None:
    """Spring motor 3.5 % fast: the side is (lead + music + run-out) / 1.035 long."""
    x = _music(4.0)
    p = preset_profile("gramophone")
    y = render_record(x, p, seed=0, lead_in_s=1.0, run_out_s=2.5)
    expect = (1.0 + 4.0 + 2.5) / (1 + p.speed_error) * RATE
    assert abs(len(y) - expect) < 0.01 * RATE


def test_lead_in_has_surface_noise_and_run_out_clicks() -> None:
    x = _music(2.0)
    p = preset_profile("workshop")
    y = render_record(x, p, seed=2, lead_in_s=1.0, run_out_s=2.5)
    speed = 1 + p.speed_error
    lead = y[int(0.1 * RATE) : int(0.9 * RATE / speed)]
    music = y[int(1.2 * RATE) : int(2.8 * RATE)]
    run_out = y[int(3.2 * RATE / speed) :]
    rms = lambda a: float(np.sqrt(np.mean(a.astype(np.float64) ** 2)))  # noqa: E731
    assert 0.002 < rms(lead) < 0.2 * rms(music)  # surface noise, not silence, well below the music
    # the run-out groove's click once per revolution (1.3 Hz): at least 2 peaks far above its noise
    peaks = np.abs(run_out) > 8 * np.median(np.abs(run_out))
    idx = np.nonzero(peaks)[0]
    groups = 1 + int(np.sum(np.diff(idx) > 0.3 * RATE)) if len(idx) else 0
    assert groups >= 2


def test_copy_generation_is_worse_than_first() -> None:
    from dataclasses import replace

    from game.audio.measure import snr_db

    p1 = preset_profile("workshop")
    p2 = replace(preset_profile("workshop"), parent=p1, generation=2)
    x = _music(2.0)
    a = render_record(x, p1, seed=1)
    b = render_record(x, p2, seed=1)
    assert not np.allclose(a[: min(len(a), len(b))], b[: min(len(a), len(b))], atol=1e-3)
    # the copy carries the parent's noise too
    lead_a, lead_b = a[int(0.1 * RATE) : int(0.9 * RATE)], b[int(0.1 * RATE) : int(0.9 * RATE)]
    assert np.std(lead_b) >= np.std(lead_a) * 0.9
    assert snr_db(p1) > 0  # measure sanity


def test_worn_out_record_loses_the_music() -> None:
    x = _music(2.0)
    p = preset_profile("telefunken")
    fresh = render_record(x, p, plays=0, seed=1, lead_in_s=0, run_out_s=0)
    dead = render_record(x, p, plays=p.max_plays, seed=1, lead_in_s=0, run_out_s=0)
    def tone(y: np.ndarray) -> float:
        n = 2 * RATE - 2000
        spec = np.abs(np.fft.rfft(y[:n]))
        f = np.fft.rfftfreq(n, 1 / RATE)
        return float(spec[(f > 430) & (f < 450)].max())

    assert tone(dead) < 0.35 * tone(fresh)
