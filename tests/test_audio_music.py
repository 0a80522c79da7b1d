"""Scores, the synthesizer and the library: the shipped tracks, excerpts that sound like music, WAV tracks."""

from __future__ import annotations

import json

import numpy as np
import pytest

from game.audio.instruments import RATE, render_note
from game.audio.library import list_tracks, load_track, track_path
from game.audio.patterns import expand
from game.audio.score import Chord, Score, note_number, parse_melody
from game.audio.synth import render_score, swung
from game.content.catalog import base_catalog

IDS = ["st_louis_blues", "saints_go_marching", "twelfth_street_rag", "nevsky_boogie", "memphis_blues",
       "maple_leaf_rag", "la_cumparsita", "el_choclo", "ochi_chyornye", "harbin_evening", "rebra_rock",
       "bone_yard_bop", "kirov_jump", "ligovsky_bop", "fontanka_boogie", "korobeiniki", "belye_nochi",
       "neva_foxtrot", "liteyny_tango", "ribs_twist"]


def test_library_lists_all_tracks_with_catalog_genres() -> None:
    """>= 20 tracks, every genre of the catalog at least twice, styles from 1946 to 1962, and each says whose
    it is: a public-domain melody's composer and year, or an original's."""
    tracks = {t.id: t for t in list_tracks()}
    assert set(IDS) <= set(tracks) and len(IDS) >= 20
    genres = {g.id for g in base_catalog().genres}
    for g in genres:
        assert sum(tracks[i].genre == g for i in IDS) >= 2, g
    for i in IDS:
        t = tracks[i]
        assert t.genre in genres
        assert 120 <= t.duration_s <= 180, (i, t.duration_s)
        assert track_path(i).name == f"{i}.json"
        assert t.composer and (t.year < 1928 or "Original" in t.composer), (i, t.composer, t.year)
    originals = [tracks[i].year for i in IDS if "Original" in tracks[i].composer]
    assert min(originals) <= 1946 and max(originals) >= 1962
    with pytest.raises(KeyError):
        track_path("no_such_track")


def test_forms_are_complete() -> None:
    """Maple Leaf Rag plays all four strains (AABBACCDD); Ochi chyornye speeds up as a romance does and its
    verses do not all run at one tempo; the tango's staccato comping rings in a room, never digital silence."""
    rag = Score.load(track_path("maple_leaf_rag"))
    assert "".join(f["section"] for f in rag.form) == "AABBACCDD"
    ochi = Score.load(track_path("ochi_chyornye"))
    spans = ochi.tempo_spans()
    assert spans[-2][3] > 2 * spans[1][2]  # the last verse ends more than twice as fast as the first
    assert ochi.seconds_at(ochi.total_beats) < ochi.total_beats * 60 / ochi.tempo
    beat = ochi.section_beats("A")
    assert ochi.seconds_at(2 * beat) - ochi.seconds_at(beat) > ochi.seconds_at(4 * beat) - ochi.seconds_at(3 * beat)
    x = render_score(Score.load(track_path("la_cumparsita")), start_s=20.0, max_s=6.0).astype(np.float64)
    frames = np.sqrt(np.mean(x[: len(x) // 220 * 220].reshape(-1, 220) ** 2, axis=1))  # 5 ms
    assert 20 * np.log10(frames.min()) > -70


@pytest.mark.parametrize("tid", IDS)
def test_scores_parse_and_melodies_fill_their_bars(tid: str) -> None:
    s = Score.load(track_path(tid))
    for name, sec in s.sections.items():
        if "melody" in sec:
            mel = parse_melody(sec["melody"])
            assert mel[-1][0] + mel[-1][1] == pytest.approx(len(s.bars(name)) * s.meter), name
    notes, hits = expand(s)
    assert len(notes) > 300


def test_notation() -> None:
    assert note_number("A4") == 69 and note_number("C4") == 60 and note_number("Eb5") == 75
    c = Chord.parse("G7")
    assert c.root == 7 and c.intervals == (0, 4, 7, 10)
    assert Chord.parse("Gm").minor and not c.minor
    assert Chord.parse("C/G").bass == 7
    assert swung(0.5, 0.66) == pytest.approx(0.66) and swung(1.0, 0.66) == 1.0


def test_notes_have_no_click_at_edges() -> None:
    for inst in ("piano", "upright_bass", "clarinet", "trumpet", "sax", "bandoneon", "violin", "guitar"):
        x = render_note(inst, 60, 0.3, 0.8)
        assert abs(x[0]) < 1e-3 and abs(x[-1]) < 1e-2, inst
        assert np.max(np.abs(np.diff(x[:200]))) < 0.2, inst


def _tempo_of(x: np.ndarray) -> float:
    """Beats per minute from the onset envelope's autocorrelation, 60-240 bpm."""
    hop = 441
    env = np.sqrt(np.add.reduceat(x.astype(np.float64) ** 2, np.arange(0, len(x), hop)))
    onset = np.maximum(np.diff(env), 0)
    onset -= onset.mean()
    ac = np.correlate(onset, onset, "full")[len(onset) - 1 :]
    lags = np.arange(len(ac))
    ok = (lags >= 100 * 60 / 240) & (lags <= 100 * 60 / 60)
    best = lags[ok][np.argmax(ac[ok])]
    return 60.0 * 100 / best


@pytest.mark.parametrize("tid", ["nevsky_boogie", "la_cumparsita", "rebra_rock", "ribs_twist"])
def test_excerpt_sounds_like_music(tid: str) -> None:
    s = Score.load(track_path(tid))
    x = render_score(s, start_s=10.0, max_s=8.0)
    assert len(x) == 8 * RATE
    assert np.max(np.abs(x)) <= 0.99
    assert 0.05 < np.sqrt(np.mean(x**2)) < 0.5
    # a pulse at the score's tempo (or its half / double)
    bpm = _tempo_of(x)
    assert any(abs(bpm - s.tempo * k) / (s.tempo * k) < 0.06 for k in (0.5, 1, 2)), bpm
    # pitched, not noise: in 80-2000 Hz the spectral flatness is about half of white noise's (0.84) or less
    f = np.fft.rfftfreq(len(x), 1 / RATE)
    spec = np.abs(np.fft.rfft(x))[(f > 80) & (f < 2000)] + 1e-9
    flat = np.exp(np.mean(np.log(spec))) / np.mean(spec)
    assert flat < 0.45


def test_wav_track_from_a_mod(tmp_path) -> None:  # noqa: ANN001
    from game.audio.wav import write_wav

    t = np.arange(RATE) / 22_050
    write_wav(tmp_path / "mod_tune.wav", 0.3 * np.sin(2 * np.pi * 220 * t), rate=22_050)
    (tmp_path / "mod_tune.meta.json").write_text(json.dumps({"title": "Mod Tune", "genre": "jazz"}))
    tracks = {t.id: t for t in list_tracks(extra_dirs=[tmp_path])}
    assert tracks["mod_tune"].kind == "wav" and tracks["mod_tune"].title == "Mod Tune"
    x = load_track("mod_tune", extra_dirs=[tmp_path])
    assert len(x) == pytest.approx(2 * RATE, abs=2)  # 1 s at 22.05 kHz resampled to 44.1 kHz


def test_cache_keyed_by_content(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from game.audio import cache

    monkeypatch.setenv("BONE_MUSIC_CACHE", str(tmp_path))
    d = json.loads(track_path("saints_go_marching").read_text())
    d["form"] = d["form"][:1]  # a short score: 4 bars
    s1 = Score.from_dict(d)
    seen: list[float] = []
    a = cache.cached_render(s1, seen.append)
    assert cache.cache_path(s1).exists() and seen and seen[-1] == 1.0
    b = cache.cached_render(s1)
    assert np.allclose(a, b, atol=1 / 32767)
    d["tempo"] = 150
    s2 = Score.from_dict(d)
    assert cache.cache_path(s2) != cache.cache_path(s1)
    monkeypatch.delenv("BONE_MUSIC_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "bone-music"
