"""Loudness and the A/B match, the game's sound effects, the menu's sound board and the first-start warm-up."""

from __future__ import annotations

import os

import numpy as np
import pytest

os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

from game.audio.chain import RATE, SideStream, record_seed  # noqa: E402
from game.audio.compare import compare, master_excerpt  # noqa: E402
from game.audio.effects import EFFECTS, effect  # noqa: E402
from game.audio.library import load_track  # noqa: E402
from game.audio.loudness import loudness_lufs  # noqa: E402
from game.core.presets import preset_profile  # noqa: E402


def test_loudness_meter_reads_the_standards_test_tone() -> None:
    """BS.1770: a 997 Hz sine at -20 dBFS reads -23.0 LUFS (mono); silence is -inf; gating ignores pauses."""
    t = np.arange(10 * RATE) / RATE
    tone = 0.1 * np.sin(2 * np.pi * 997 * t)
    assert loudness_lufs(tone) == pytest.approx(-23.0, abs=0.1)
    assert loudness_lufs(np.zeros(RATE)) == -np.inf
    with_pause = np.concatenate((tone, np.zeros(10 * RATE)))
    assert loudness_lufs(with_pause) == pytest.approx(-23.0, abs=0.1)


@pytest.mark.parametrize("preset", ["gramophone", "telefunken"])
def test_ab_is_loudness_matched_within_1_db(preset: str) -> None:
    """The gain found on 12 s from the middle of the music holds elsewhere in the side: the master times the
    gain and the record, both measured in LUFS over 20 s from 30 s in, differ by less than 1 dB."""
    music = load_track("la_cumparsita")
    p = preset_profile(preset)
    gain = compare(music, p).master_gain
    side = SideStream(music, p, 0, record_seed(p))
    start, n = 30 * RATE, 20 * RATE
    side.seek(side.out_at_music(start))
    record = side.read(int(n * (1 + p.speed_error)))
    master = master_excerpt(music, start, n) * gain
    assert abs(loudness_lufs(master) - loudness_lufs(record)) < 1.0
    assert abs(loudness_lufs(master / gain) - loudness_lufs(record)) < 3.0  # and unmatched it was not far off


def _peak_hz(x: np.ndarray) -> float:
    spec = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.fft.rfftfreq(len(x), 1 / RATE)[np.argmax(spec)])


def test_effects_are_what_they_say() -> None:
    for name in EFFECTS:
        x = effect(name)
        assert x.dtype == np.float32 and 0.3 * RATE < len(x) < 4 * RATE, name
        assert np.max(np.abs(x)) == pytest.approx(0.9, abs=1e-3) and abs(x[-1]) < 0.02, name
    assert 2700 < _peak_hz(effect("militia_whistle")) < 3100  # a pea whistle near 2.9 kHz
    assert _peak_hz(effect("lathe_cutting")) == pytest.approx(50.0, abs=2.0)  # the motor's mains hum
    assert _peak_hz(effect("coins")) > 2500  # metal rings high
    clicks = np.abs(effect("run_out"))
    above = np.nonzero(clicks > 0.5)[0]
    onsets = above[np.concatenate(([True], np.diff(above) > 2000))] / RATE
    assert np.median(np.diff(onsets)) == pytest.approx(60 / 78, abs=0.01)  # the locked groove, once a turn


def test_sound_board_follows_the_settings_volumes(tmp_path) -> None:  # noqa: ANN001
    from dataclasses import replace
    from pathlib import Path

    from game.ui.frame.app import App
    from game.ui.sound import sfx

    app = App(size=(1024, 576), fullscreen=False, settings_file=Path(tmp_path) / "s.json", save_settings=False)
    board = sfx.board(app)
    assert board is not None and board is sfx.board(app)
    app.apply_settings(replace(app.settings, effects_volume=0.3, music_volume=0.6), persist=False)
    assert (board.effects_volume, board.music_volume) == (0.3, 0.6)
    if board.mixer is not None:
        sfx.play(app, "coins")
        assert any(board.mixer.Channel(i).get_busy() for i in range(board.mixer.get_num_channels()))
    app.apply_settings(replace(app.settings, effects_volume=0.0), persist=False)
    sfx.play(app, "newspaper")  # muted: nothing to play, nothing breaks
    assert sfx.warm_up(app) is not None and sfx.board(None) is None


def test_uncached_scores_are_what_the_warm_up_renders(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from game.audio import library

    monkeypatch.setenv("BONE_MUSIC_CACHE", str(tmp_path))
    todo = library.uncached_scores()
    assert "harbin_evening" in todo and len(todo) == sum(t.kind == "score" for t in library.list_tracks())
    from game.audio.cache import cache_path
    from game.audio.score import Score

    score = Score.load(library.track_path("harbin_evening"))
    cache_path(score).parent.mkdir(parents=True, exist_ok=True)
    np.save(cache_path(score), np.zeros(10, np.int16))
    assert "harbin_evening" not in library.uncached_scores()
