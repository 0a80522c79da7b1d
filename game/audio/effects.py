"""Short sound effects, synthesized (no samples): what the rest of the game sounds like.

    effect("needle_drop") -> mono float32 at 44.1 kHz, peak <= 0.9; EFFECTS lists the names.

- needle_drop: the stylus landing (a low thump through a pickup) and the lead-in groove's hiss and first
  clicks, 0.9 s.
- run_out: the locked groove at the end of a side: a click once per turn (1.3 Hz) in the hiss, 2.6 s.
- lathe_cutting: the lathe at work: mains hum of the motor, the belt's whine wobbling with the platter, the
  cutting stylus scraping the film (band-passed noise swelling once per turn), 2.6 s.
- militia_whistle: a pea whistle, two blasts: a 2.9 kHz tone warbled 35 times a second by the rattling pea,
  with breath noise.
- coins: kopecks on a counter: a few clinks of inharmonic metal partials, each decaying fast.
- newspaper: a sheet unfolded: bursts of paper crackle (band-passed noise with ragged envelopes).

Each is deterministic (seeded) and cached; `game.ui.sound.sfx` plays them under the effects volume.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache

import numpy as np
import scipy.signal as sps

from game.audio.dsp import F32, RATE


def _t(seconds: float) -> np.ndarray:
    return np.arange(int(seconds * RATE)) / RATE


def _band(x: np.ndarray, lo: float, hi: float, order: int = 2) -> np.ndarray:
    return sps.sosfilt(sps.butter(order, [lo, hi], "bandpass", fs=RATE, output="sos"), x)


def _low(x: np.ndarray, hz: float, order: int = 2) -> np.ndarray:
    return sps.sosfilt(sps.butter(order, hz, "lowpass", fs=RATE, output="sos"), x)


def _fade(x: np.ndarray, fade_in: float = 0.005, fade_out: float = 0.05) -> np.ndarray:
    a, b = int(fade_in * RATE), int(fade_out * RATE)
    if a:
        x[:a] *= np.linspace(0.0, 1.0, a)
    if b:
        x[-b:] *= np.linspace(1.0, 0.0, b)
    return x


def _click(n: int, at: int, amp: float, corner: float = 4000.0) -> np.ndarray:
    """A click as a pickup delivers it: an impulse through a 4 kHz low-pass."""
    x = np.zeros(n)
    if 0 <= at < n:
        x[at] = amp
    return _low(x, corner, 4)


def needle_drop() -> np.ndarray:
    rng = np.random.default_rng(1)
    t = _t(0.9)
    thump = np.sin(2 * math.pi * 70 * t) * np.exp(-t / 0.05) * 0.8
    thump[: int(0.003 * RATE)] *= np.linspace(0, 1, int(0.003 * RATE))
    hiss = _low(rng.standard_normal(len(t)), 3500.0, 4) * 0.05 * np.minimum(1.0, t / 0.05)
    clicks = sum(_click(len(t), int(s * RATE), a * 6) for s, a in ((0.0, 0.9), (0.31, 0.25), (0.55, 0.15)))
    return _fade(thump + hiss + clicks, 0.0, 0.2)


def run_out() -> np.ndarray:
    rng = np.random.default_rng(2)
    t = _t(2.6)
    hiss = _low(rng.standard_normal(len(t)), 3500.0, 4) * 0.05
    period = 60.0 / 78.0
    clicks = sum(_click(len(t), int((0.1 + k * period) * RATE), 5.0) for k in range(4))
    thud = np.zeros(len(t))
    for k in range(4):
        s = int((0.1 + k * period) * RATE)
        m = max(0, min(len(t) - s, int(0.06 * RATE)))
        thud[s : s + m] += 0.35 * np.sin(2 * math.pi * 55 * t[:m]) * np.exp(-t[:m] / 0.02)
    return _fade(hiss + clicks + thud, 0.02, 0.3)


def lathe_cutting() -> np.ndarray:
    rng = np.random.default_rng(3)
    t = _t(2.6)
    hum = sum(a * np.sin(2 * math.pi * 50 * k * t) for k, a in ((1, 0.10), (2, 0.06), (3, 0.03)))
    turn = 1 + 0.015 * np.sin(2 * math.pi * 1.3 * t)
    whine = 0.05 * np.sin(2 * math.pi * np.cumsum(310.0 * turn) / RATE)
    scrape = _band(rng.standard_normal(len(t)), 1800.0, 6000.0, 2)
    scrape *= 0.09 * (1 + 0.5 * np.sin(2 * math.pi * 1.3 * t)) * np.minimum(1.0, t / 0.4)
    return _fade(hum + whine + scrape, 0.15, 0.4)


def militia_whistle() -> np.ndarray:
    rng = np.random.default_rng(4)
    out = []
    for seconds in (0.35, 0.75):
        t = _t(seconds)
        warble = 1 + 0.03 * np.sin(2 * math.pi * 35 * t) + 0.004 * rng.standard_normal(len(t)).cumsum() / len(t)
        phase = 2 * math.pi * np.cumsum(2900.0 * warble) / RATE
        am = 0.75 + 0.25 * np.sin(2 * math.pi * 35 * t + 1.0)
        tone = 0.5 * np.sin(phase) * am + 0.06 * np.sin(2 * phase)
        breath = _band(rng.standard_normal(len(t)), 2000.0, 7000.0) * 0.05
        out += [_fade(tone + breath, 0.02, 0.05), np.zeros(int(0.12 * RATE))]
    return np.concatenate(out)


def coins() -> np.ndarray:
    rng = np.random.default_rng(5)
    t = _t(1.1)
    x = np.zeros(len(t))
    for k in range(5):
        start = int((0.02 + 0.13 * k + rng.uniform(0, 0.05)) * RATE)
        tt = t[: len(t) - start]
        base = rng.uniform(2800, 3800)
        ring = sum(a * np.sin(2 * math.pi * base * r * tt + rng.uniform(0, 6.3)) * np.exp(-tt / d)
                   for r, a, d in ((1.0, 0.5, 0.12), (1.59, 0.3, 0.08), (2.33, 0.2, 0.05), (3.11, 0.12, 0.03)))
        x[start:] += ring * rng.uniform(0.4, 0.8) * (0.8 ** k)
    return _fade(x, 0.0, 0.15)


def newspaper() -> np.ndarray:
    rng = np.random.default_rng(6)
    t = _t(1.2)
    env = np.zeros(len(t))
    for _ in range(14):
        s = int(rng.uniform(0, 1.0) * RATE)
        d = rng.uniform(0.02, 0.12)
        m = min(len(t) - s, int(4 * d * RATE))
        env[s : s + m] += rng.uniform(0.3, 1.0) * np.exp(-t[:m] / d)
    crackle = _band(rng.standard_normal(len(t)), 900.0, 7000.0) * env * 0.35
    return _fade(crackle, 0.005, 0.1)


EFFECTS: dict[str, Callable[[], np.ndarray]] = {
    "needle_drop": needle_drop, "run_out": run_out, "lathe_cutting": lathe_cutting,
    "militia_whistle": militia_whistle, "coins": coins, "newspaper": newspaper,
}


@cache
def effect(name: str) -> np.ndarray:
    """The effect `name` (KeyError for an unknown one), scaled to a peak of 0.9."""
    x = EFFECTS[name]()
    return (0.9 * x / max(float(np.max(np.abs(x))), 1e-9)).astype(F32)
