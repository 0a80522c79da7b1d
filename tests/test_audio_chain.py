"""The lathe chain as physics: where each effect sits shows in what comes out. Block-wise equals whole,
seek continuity, the stream ends with the export's last sample, pitch moves against the cutting speed,
clicks and wobble follow the playback platter, no alias or image, no limiter on a signal that does not
need it, THD of the studio chain. Renders are short and cached per module."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import numpy as np
import pytest
import scipy.signal as sps

from game.audio.chain import RATE, LatheChain, SideStream, record_seed, render_record
from game.audio.measure import _Record, speed
from game.core.presets import preset_profile
from game.core.profile import CutProfile


def _music(seconds: float = 3.0) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    x = 0.4 * np.sin(2 * np.pi * 440 * t) + 0.2 * np.sin(2 * np.pi * 1320 * t) + 0.2 * np.sin(2 * np.pi * 110 * t)
    return (x * (0.6 + 0.4 * np.sin(2 * np.pi * 0.5 * t))).astype(np.float32)


def quiet(p: CutProfile, **keep: float) -> CutProfile:
    """`p` with no noise, clicks, wobble or distortion, except what `keep` sets: the filters alone."""
    zero = dict(groove_noise=0.0, film_noise=0.0, hum=0.0, crackle_rate=0.0, scratch_click=0.0, wow=0.0,
                flutter=0.0, speed_drift=0.0, spindle_offset_mm=0.0, distortion=0.0, tracing_distortion=0.0,
                speed_error=0.0)
    zero.update(keep)
    return replace(p, **zero)


def tone(hz: float, seconds: float, peak: float = 0.5) -> np.ndarray:
    return (peak * np.sin(2 * np.pi * hz * np.arange(int(seconds * RATE)) / RATE)).astype(np.float32)


def spectrum_db(y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Peak-calibrated spectrum (a full-scale sine reads 0 dB), Blackman-Harris window."""
    w = sps.windows.blackmanharris(len(y))
    s = np.abs(np.fft.rfft(y * w)) / (np.sum(w) / 2)
    return np.fft.rfftfreq(len(y), 1 / RATE), 20 * np.log10(s + 1e-12)


@cache
def side(preset: str, kind: str = "music", plays: int = 0, seed: int = 3) -> np.ndarray:
    x = _music(3.0) if kind == "music" else np.zeros(int(6 * RATE), np.float32)
    return render_record(x, preset_profile(preset), plays, seed, lead_in_s=1.0, run_out_s=2.5)


@pytest.mark.parametrize("preset", ["gramophone", "telefunken"])
def test_blockwise_equals_whole_buffer(preset: str) -> None:
    x = _music(2.0)
    p = preset_profile(preset)
    whole = LatheChain(p, plays=4, seed=3, music_s=2.0, lead_in_s=0.3, run_out_s=0.3).process(
        np.concatenate((np.zeros(int(0.3 * RATE), np.float32), x, np.zeros(int(0.4 * RATE), np.float32))))
    assert len(whole) > 0.9 * len(x)
    for bs in (1024, 333, 4096, 97):
        c = LatheChain(p, plays=4, seed=3, music_s=2.0, lead_in_s=0.3, run_out_s=0.3)
        full = np.concatenate((np.zeros(int(0.3 * RATE), np.float32), x, np.zeros(int(0.4 * RATE), np.float32)))
        out = np.concatenate([c.process(full[i : i + bs]) for i in range(0, len(full), bs)])
        assert len(out) == len(whole), bs
        np.testing.assert_allclose(out, whole, rtol=0, atol=2e-6)


def test_seeded_and_deterministic() -> None:
    x = _music(1.5)
    p = preset_profile("kitchen_table")
    a = render_record(x, p, plays=2, seed=5)
    assert np.array_equal(a, render_record(x, p, plays=2, seed=5))
    assert not np.array_equal(a, render_record(x, p, plays=2, seed=6))
    # a record's own seed comes from its profile, never from global randomness
    assert record_seed(p) == record_seed(replace(p)) != record_seed(replace(p, film_noise=p.film_noise + 1e-9))
    assert np.array_equal(render_record(x, p), render_record(x, p, seed=record_seed(p)))


@pytest.mark.parametrize("preset", ["gramophone", "workshop"])
def test_stream_ends_with_the_exports_last_sample(preset: str) -> None:
    """The booth pulls 1024-sample blocks; the export pulls big chunks: the same samples, the same end."""
    x = _music(2.5)
    p = copy_of = preset_profile(preset)
    if preset == "workshop":
        copy_of = replace(p, parent=preset_profile("kitchen_table"), generation=2)
    offline = render_record(x, copy_of, plays=1, seed=4)
    s = SideStream(x, copy_of, plays=1, seed=4, block=1024)
    live = np.concatenate([s.read(1000) for _ in range(-(-s.length // 1000))])
    assert s.length == len(offline) and s.finished
    np.testing.assert_allclose(live[: len(offline)], offline, atol=2e-6)
    assert not np.any(live[len(offline) :])
    assert np.max(np.abs(offline[-int(0.3 * RATE) :])) > 0.01  # the run-out groove is still sounding at the end
    del p


@pytest.mark.parametrize("preset", ["gramophone", "telefunken"])
def test_seek_continues_the_continuous_render(preset: str) -> None:
    x = _music(4.0)
    p = preset_profile(preset)
    copy = replace(p, parent=preset_profile("workshop"), generation=2)
    for prof in (p, copy):
        whole = render_record(x, prof, seed=7)
        s = SideStream(x, prof, seed=7, block=1024)
        for t in (2.3, 0.4, 3.9):
            at = int(t * RATE)
            s.seek(at)
            np.testing.assert_allclose(s.read(4096), whole[at : at + 4096], atol=3e-5)  # -90 dBFS


def test_pitch_moves_against_the_cutting_speed() -> None:
    """A lathe turning 3 % fast cuts a record that plays 3 % flat (and longer); 3 % slow plays sharp."""
    base = quiet(preset_profile("telefunken"))
    for err in (0.03, -0.03):
        p = replace(base, speed_error=err)
        y = render_record(tone(1000.0, 4.0), p, seed=1, lead_in_s=0.0, run_out_s=0.0)
        assert len(y) / RATE == pytest.approx(4.0 * (1 + err), rel=2e-3)
        assert speed(y[int(0.5 * RATE) : int(3.5 * RATE)].astype(np.float64)).pitch == pytest.approx(
            1 / (1 + err) - 1, abs=5e-4)


def test_spring_motor_pitch_rises_as_it_unwinds() -> None:
    """3.5 % fast on average, 3 % slower at the end of a 3-minute side than at its start: the pitch starts
    4.8 % flat and ends 2 % flat."""
    p = quiet(preset_profile("gramophone"), speed_error=0.035, speed_drift=0.03)
    r = _Record("tone", p, 0, 1, music_s=180.0)
    start, end = speed(r.at(0.0, 3.0)).pitch, speed(r.at(1.0, -3.0)).pitch
    assert start == pytest.approx(1 / 1.05 - 1, abs=1.5e-3)
    assert end == pytest.approx(1 / 1.02 - 1, abs=1.5e-3)


def _click_times(y: np.ndarray, level: float = 0.01) -> np.ndarray:
    """Onsets of clicks in a render with no other sound."""
    above = np.nonzero(np.abs(y) > level)[0]
    starts = above[np.concatenate(([True], np.diff(above) > 200))]
    return starts / RATE


def test_scratch_clicks_once_per_turn_of_the_playback_platter() -> None:
    """Cut 5 % fast, played at 78 rpm: the scratch still clicks every 1/1.3 s, not every 1/(1.3 x 1.05)."""
    p = quiet(preset_profile("workshop"), scratch_click=0.3, speed_error=0.05)
    y = render_record(np.zeros(8 * RATE, np.float32), p, seed=2, lead_in_s=0.0, run_out_s=0.0)
    period = float(np.median(np.diff(_click_times(y))))
    assert period == pytest.approx(60.0 / 78.0, abs=2e-3)
    assert abs(period - 60.0 / 78.0 / 1.05) > 0.02


def test_wobble_grows_toward_the_centre_as_offset_over_radius() -> None:
    p = quiet(preset_profile("telefunken"), spindle_offset_mm=1.2)
    r = _Record("tone", p, 0, 1, music_s=60.0)
    start, end = speed(r.at(0.0, 4.0)).wobble, speed(r.at(1.0, -4.0)).wobble
    assert start == pytest.approx(1.2 / p.outer_groove_radius_mm, rel=0.1)
    assert end == pytest.approx(1.2 / 45.0, rel=0.1)
    assert end / start == pytest.approx(p.outer_groove_radius_mm / 45.0, rel=0.15)


@pytest.mark.parametrize("preset", ["gramophone", "telefunken"])
def test_no_alias_or_image_within_60_db(preset: str) -> None:
    """Tones at -6 dBFS (including 16 kHz, which once aliased to 6.05 kHz, and 8 kHz, which left an image at
    14.05 kHz), through the chain with its speed error and filters but no noise or distortion: nothing comes
    out more than -66 dBFS except the tone itself."""
    p = quiet(preset_profile(preset), speed_error=0.02)
    for hz in (1000.0, 5000.0, 8000.0, 10_000.0, 12_500.0, 16_000.0, 20_000.0):
        y = render_record(tone(hz, 1.5), p, seed=1, lead_in_s=0.0, run_out_s=0.0)[int(0.2 * RATE) : int(1.4 * RATE)]
        f, s = spectrum_db(y)
        heard = hz / 1.02
        spur = s[np.abs(f - heard) > 30.0]
        assert np.max(spur) < -66.0, (preset, hz, f[np.abs(f - heard) > 30.0][np.argmax(spur)], np.max(spur))


def test_no_limiter_on_a_signal_that_does_not_need_it() -> None:
    """The studio chain gives a -6 dBFS tone back at -6 dBFS and a 0.97 peak within 0.3 dB of 0.97 (the
    listener's volume undoes the amplifier's gain; only its valves' own gentle curve remains)."""
    p = quiet(preset_profile("telefunken"), distortion=preset_profile("telefunken").distortion,
              tracing_distortion=preset_profile("telefunken").tracing_distortion)
    for peak in (0.5, 0.97):
        y = render_record(tone(1000.0, 1.0, peak), p, seed=1, lead_in_s=0.0, run_out_s=0.0)
        out = np.percentile(np.abs(y[RATE // 4 : 3 * RATE // 4]), 99.9)
        assert 20 * np.log10(out / peak) == pytest.approx(0.0, abs=0.5)


def test_lead_in_has_surface_noise_and_run_out_clicks() -> None:
    y = side("workshop")
    p = preset_profile("workshop")
    s = 1 + p.speed_error
    lead = y[int(0.1 * RATE) : int(0.9 * RATE * s)]
    music = y[int(1.2 * RATE * s) : int(3.8 * RATE * s)]
    rms = lambda a: float(np.sqrt(np.mean(a.astype(np.float64) ** 2)))  # noqa: E731
    assert 0.002 < rms(lead) < 0.2 * rms(music)
    # the locked groove after the music clicks once per turn of the playback platter
    run = render_record(_music(1.0), quiet(p, speed_error=0.03), seed=3, lead_in_s=0.5, run_out_s=4.0)
    clicks = _click_times(run[int(2.0 * RATE) :])
    assert len(clicks) >= 3 and float(np.median(np.diff(clicks))) == pytest.approx(60 / 78, abs=0.005)


def test_copy_generation_is_worse_than_first() -> None:
    p1 = preset_profile("workshop")
    p2 = replace(p1, parent=p1, generation=2)
    silence = np.zeros(2 * RATE, np.float32)
    a = render_record(silence, p1, seed=1, lead_in_s=0.5, run_out_s=0.0)
    b = render_record(silence, p2, seed=1, lead_in_s=0.5, run_out_s=0.0)
    music_a, music_b = a[int(0.7 * RATE) : int(2.3 * RATE)], b[int(0.7 * RATE) : int(2.3 * RATE)]
    assert np.std(music_b) > 1.2 * np.std(music_a)  # the copy carries the parent's hiss under its music
    lead_a, lead_b = a[: int(0.4 * RATE)], b[: int(0.4 * RATE)]
    assert np.std(lead_b) == pytest.approx(np.std(lead_a), rel=0.05)  # but its lead-in groove is its own
    assert len(b) > len(a)  # and both generations' slow cutting


def test_worn_out_record_loses_the_music() -> None:
    x = _music(2.0)
    p = preset_profile("telefunken")
    fresh = render_record(x, p, plays=0, seed=1, lead_in_s=0, run_out_s=0)
    dead = render_record(x, p, plays=p.max_plays, seed=1, lead_in_s=0, run_out_s=0)

    def level(y: np.ndarray) -> float:
        f, s = spectrum_db(y[: 2 * RATE - 2000].astype(np.float64))
        return float(s[(f > 430) & (f < 450)].max())

    assert level(dead) < level(fresh) - 10
