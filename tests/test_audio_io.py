"""WAV export read back with `wave`, the export command, output backends and the streaming player."""

from __future__ import annotations

import json
import os
import time
import wave

import numpy as np
import pytest

os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.audio.chain import RATE  # noqa: E402
from game.audio.output import SilentBackend, open_backend  # noqa: E402
from game.audio.player import Player, RecordStream  # noqa: E402
from game.core.presets import preset_profile  # noqa: E402


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("BONE_MUSIC_CACHE", str(tmp_path_factory.getbasetemp() / "bm-cache"))


def _read(path) -> tuple[np.ndarray, int, int, int]:  # noqa: ANN001
    with wave.open(str(path), "rb") as w:
        return (np.frombuffer(w.readframes(w.getnframes()), "<i2"), w.getnchannels(), w.getsampwidth(),
                w.getframerate())


def test_export_worst_and_best_as_wav_files(tmp_path) -> None:  # noqa: ANN001
    from game.cli.export import export_record

    out = {}
    for preset in ("gramophone", "telefunken"):
        path = tmp_path / f"{preset}.wav"
        export_record("la_cumparsita", str(path), lathe=preset, seconds=6.0, seed=1)
        data, ch, width, rate = _read(path)
        assert (ch, width, rate) == (1, 2, 44_100)
        x = data.astype(np.float64) / 32768
        assert np.max(np.abs(x)) <= 0.99
        # cut fast, plays slow: the side lasts (lead-in + music + run-out) x the cutting speed, which for a
        # spring motor starts speed_drift / 2 above its mean
        p = preset_profile(preset)
        lo, hi = (1 + 6 + 2.5) * (1 + p.speed_error), (1 + 6 + 2.5) * (1 + p.speed_error + p.speed_drift / 2)
        assert lo - 0.05 < len(x) / rate < hi + 0.05
        out[preset] = x
    # the bad record is band-limited, its hiss and clicks too: far less energy from 6 to 10 kHz
    def hf_share(x: np.ndarray) -> float:
        spec = np.abs(np.fft.rfft(x[RATE : 6 * RATE])) ** 2
        f = np.fft.rfftfreq(5 * RATE, 1 / RATE)
        return spec[(f > 6000) & (f < 10_000)].sum() / spec[(f > 100) & (f < 10_000)].sum()

    assert hf_share(out["gramophone"]) < 0.3 * hf_share(out["telefunken"])


def test_export_command_line(tmp_path, capsys) -> None:  # noqa: ANN001
    from main import main

    assert main(["export", "--list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["id"] for p in data["presets"]] == ["gramophone", "kitchen_table", "workshop", "telefunken"]
    assert {"chest", "spine"} <= {f["id"] for f in data["films"]}
    assert len(data["tracks"]) >= 12
    path = tmp_path / "x.wav"
    assert main(["export", "--track", "harbin_evening", "--lathe", "kitchen_table", "--film", "spine",
                 "--plays", "3", "--generation", "2", "--seconds", "3", "--quiet", "--out", str(path)]) == 0
    data, ch, width, rate = _read(path)
    assert (ch, width, rate) == (1, 2, 44_100) and len(data) > 5 * RATE
    assert main(["export", "--track", "nope", "--out", str(path)]) == 2
    assert main(["export", "--tone", "nan", "--out", str(path)]) == 2
    assert main(["export", "--tone", "1000", "--track", "harbin_evening", "--out", str(path)]) == 2


def test_export_list_json_states_each_presets_figures(capsys) -> None:  # noqa: ANN001
    from main import main

    assert main(["export", "--list", "--json"]) == 0
    presets = json.loads(capsys.readouterr().out)["presets"]
    for p in presets:
        assert {"id", "name", "bandwidth_hz", "speed_error", "wow", "flutter", "spindle_offset_mm"} <= set(p)
        assert p["bandwidth_hz"] == preset_profile(p["id"]).bandwidth_hz
    assert [p["bandwidth_hz"] for p in presets] == sorted(p["bandwidth_hz"] for p in presets)


def test_export_tone_through_the_chain(tmp_path) -> None:  # noqa: ANN001
    """`export --tone 1000 --lathe gramophone`: a -6 dBFS sine cut 3.5 % fast on average plays flat, more
    so at the start of a side while the spring is still wound (5 % fast), give or take its wow."""
    from main import main

    path = tmp_path / "tone.wav"
    assert main(["export", "--tone", "1000", "--lathe", "gramophone", "--seconds", "4", "--quiet",
                 "--out", str(path)]) == 0
    data, ch, width, rate = _read(path)
    y = data.astype(np.float64)[int(1.5 * RATE) : int(4.5 * RATE)] / 32768
    spec = np.abs(np.fft.rfft(y * np.hanning(len(y))))
    f = np.fft.rfftfreq(len(y), 1 / RATE)
    peak = f[np.argmax(spec)]
    assert 1000 / 1.07 < peak < 1000 / 1.035
    assert 0.3 < np.sqrt(2 * np.mean(y**2)) < 0.7  # about the -6 dBFS it went in at


def test_backend_selection_never_fails(monkeypatch) -> None:  # noqa: ANN001
    assert open_backend("silent").name == "silent"
    monkeypatch.setenv("BONE_MUSIC_AUDIO", "silent")
    assert open_backend().name == "silent"
    assert open_backend("sounddevice").name in ("sounddevice", "pygame", "silent")  # no PortAudio: falls back


def test_stream_equals_offline_render() -> None:
    from game.audio.chain import render_record

    t = np.arange(2 * RATE) / RATE
    x = (0.4 * np.sin(2 * np.pi * 330 * t)).astype(np.float32)
    p = preset_profile("gramophone")
    offline = render_record(x, p, plays=1, seed=4)
    s = RecordStream(x, p, plays=1, seed=4)
    live = np.concatenate([s.read(1000) for _ in range(len(offline) // 1000)])
    np.testing.assert_allclose(live, offline[: len(live)], atol=1e-6)


def test_player_controls_on_silent_backend() -> None:
    t = np.arange(3 * RATE) / RATE
    x = (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    pl = Player("silent")
    assert isinstance(pl.backend, SilentBackend)
    pl.load(x, preset_profile("workshop"), plays=0, seed=1)
    assert pl.duration_s > 5
    pl.volume = 0.5
    pl.play()
    time.sleep(0.15)
    assert pl.playing and pl.position_s > 0.05
    pl.pause()
    pos = pl.position_s
    time.sleep(0.1)
    assert pl.position_s == pos
    pl.seek(2.0)
    assert pl.position_s == pytest.approx(2.0)
    y = pl.stream.read(4096)
    assert np.max(np.abs(y)) > 0.01  # music at 2 s in
    pl.stop()
    assert not pl.playing and pl.position_s == 0.0
    pl.close()


def test_player_renders_ahead_of_what_is_heard() -> None:
    """While playing, the player keeps samples rendered ahead; its position is what the device has taken,
    and a seek drops what was rendered for the old place."""
    t = np.arange(4 * RATE) / RATE
    x = (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    pl = Player("silent")
    pl.load(x, preset_profile("kitchen_table"), plays=0, seed=1)
    pl.play()
    time.sleep(0.3)
    assert pl._ahead_n > 0
    assert pl.position_s < 0.3 + 0.1 and pl.stream.out_pos / RATE > pl.position_s
    pl.seek(3.0)
    assert pl.position_s == pytest.approx(3.0) and pl.stream.out_pos / RATE == pytest.approx(3.0, abs=0.2)
    pl.close()
