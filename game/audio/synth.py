"""Render a score to audio: expand it (`patterns.expand`), place each note with swing and a little
human timing, mix by instrument, and master without clipping. Mono float32 at 44.1 kHz.

Swing maps a beat fraction f to f' = 2 s f for f < 1/2, s + 2 (1 - s)(f - 1/2) after (s = the score's
swing, 0.5 = straight); beats become seconds through the score's tempo map (`Score.seconds_at`). The band
plays in a room (`room`: a 0.9 s reverberation tail). Master: scale so the 99.9th percentile of |x| is 0.8,
then a soft knee above 0.7: y = 0.7 + 0.28 tanh((|x| - 0.7) / 0.28), so the peak stays below 0.98.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable

import numpy as np

from game.audio.instruments import F32, RATE, drum_kit, render_note
from game.audio.patterns import expand
from game.audio.score import Score

SYNTH_VERSION = 2  # part of the cache key: bump when the sound of a rendered score changes

MIX = {"piano": 0.42, "upright_bass": 0.55, "guitar": 0.35, "electric_guitar": 0.33, "clarinet": 0.6,
       "sax": 0.6, "trumpet": 0.55, "violin": 0.55, "accordion": 0.38, "bandoneon": 0.42}
DRUM_MIX = {"kick": 0.4, "snare": 0.4, "swish": 0.12, "tap": 0.15, "hat": 0.12, "ride": 0.13}


def swung(beat: float, s: float) -> float:
    b = math.floor(beat)
    f = beat - b
    return b + (2 * s * f if f < 0.5 else s + 2 * (1 - s) * (f - 0.5))


def render_score(score: Score, seed: int = 0, start_s: float = 0.0, max_s: float | None = None,
                 progress: Callable[[float], None] | None = None) -> np.ndarray:
    """The score from `start_s` for at most `max_s` seconds (the whole piece by default)."""
    notes, hits = expand(score, seed)
    rng = np.random.default_rng([seed, 12])
    when = _clock(score)
    total = score.duration_s
    end_s = total if max_s is None else min(total, start_s + max_s)
    n_out = int((end_s - start_s) * RATE)
    out = np.zeros(n_out + 1, F32)
    cache: dict[tuple, np.ndarray] = {}

    def place(wave: np.ndarray, t_s: float) -> None:
        i = int(round((t_s - start_s) * RATE))
        a, b = max(i, 0), min(i + len(wave), n_out)
        if b > a:
            out[a:b] += wave[a - i : b - i]

    jitter = rng.normal(0.0, 0.004, len(notes))
    vjit = rng.normal(1.0, 0.05, len(notes))
    for k, note in enumerate(notes):
        t0 = when(swung(note.start, score.swing)) + jitter[k]
        length = when(swung(note.start + note.length, score.swing)) - when(swung(note.start, score.swing))
        if t0 > end_s or t0 + length + 4.0 < start_s:
            continue
        vel = round(min(1.0, note.velocity * vjit[k]) * 10) / 10
        key = (note.instrument, note.pitch, round(length * 40), vel)
        wave = cache.get(key)
        if wave is None:
            wave = render_note(note.instrument, note.pitch, key[2] / 40, vel) * F32(MIX[note.instrument])
            cache[key] = wave
        place(wave, max(0.0, t0))
        if progress and k % 200 == 0:
            progress(0.9 * k / len(notes))
    kit = drum_kit(seed)
    hj = rng.normal(0.0, 0.003, len(hits))
    for k, h in enumerate(hits):
        t0 = max(0.0, when(swung(h.start, score.swing)) + hj[k])
        if start_s - 1.5 < t0 < end_s:
            place(kit[h.drum] * F32(DRUM_MIX[h.drum] * h.velocity), t0)
    out = master(room(out[:n_out], seed))
    if progress:
        progress(1.0)
    return out


def _clock(score: Score) -> Callable[[float], float]:
    """beat -> seconds through the score's tempo map (a fixed tempo is one multiplication; a map is
    `Score.seconds_at` with its spans and their start times worked out once)."""
    spans = score.tempo_spans()
    if all(abs(a - b) < 1e-9 and abs(a - score.tempo) < 1e-9 for _, _, a, b in spans):
        spb = 60.0 / score.tempo
        return lambda beat: beat * spb
    starts = [score.seconds_at(first) for first, _, _, _ in spans]
    firsts = [first for first, _, _, _ in spans]

    def when(beat: float) -> float:
        i = max(0, min(len(spans) - 1, bisect.bisect_right(firsts, beat) - 1))
        first, n, t0, t1 = spans[i]
        x = min(max(beat - first, 0.0), n) if i < len(spans) - 1 else beat - first
        if abs(t1 - t0) < 1e-9:
            return starts[i] + 60.0 * x / t0
        return starts[i] + 60.0 * n / (t1 - t0) * math.log(max(t0 + (t1 - t0) * x / n, 1e-6) / t0)

    return when


#: The room the band plays in: a 0.9 s reverberation tail (RT60) at WET of the dry level.
ROOM_RT60 = 0.9
WET = 0.18


def room(x: np.ndarray, seed: int = 0) -> np.ndarray:
    """The band in a room: x plus WET x (x convolved with an impulse response of decaying, darkening noise,
    early reflections at 11-37 ms). A real recording is never digitally silent between notes."""
    if len(x) == 0:
        return x
    import scipy.signal as sps

    rng = np.random.default_rng([seed, 13])
    n = int(ROOM_RT60 * RATE)
    t = np.arange(n) / RATE
    ir = rng.standard_normal(n) * np.exp(-6.9 * t / ROOM_RT60)
    ir = sps.sosfilt(sps.butter(1, 3500.0, "lowpass", fs=RATE, output="sos"), ir)
    for ms, a in ((11, 0.5), (19, 0.35), (29, 0.3), (37, 0.2)):
        ir[int(ms * RATE / 1000)] += a * np.sqrt(np.sum(ir**2))
    ir *= WET / np.sqrt(np.sum(ir**2))
    wet = sps.oaconvolve(x, ir.astype(F32))[: len(x)]
    return (x + wet).astype(F32)


def master(x: np.ndarray) -> np.ndarray:
    """Level to 99.9th-percentile 0.8 and soft-knee above 0.7 (peak < 0.98); 20 ms fades at both ends."""
    if len(x) == 0:
        return x
    ref = float(np.percentile(np.abs(x), 99.9)) or 1.0
    y = x * F32(0.8 / ref)
    a = np.abs(y)
    over = a > 0.7
    y[over] = np.sign(y[over]) * (0.7 + 0.28 * np.tanh((a[over] - 0.7) / 0.28))
    f = min(len(y) // 2, int(0.02 * RATE))
    if f:
        ramp = np.linspace(0.0, 1.0, f, dtype=F32)
        y[:f] *= ramp
        y[-f:] *= ramp[::-1]
    return y.astype(F32)
