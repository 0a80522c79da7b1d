"""Period instruments as numpy additive synthesis: one function call renders one note.

A note is a sum of partials k = 1..K below 9 kHz: a_k sin(k phi(t)) e^(-t / T_k), where phi carries
vibrato (rate fv, depth d as a fraction of the pitch, fading in after a delay), times an envelope with a
raised-cosine attack and release (never a step: no clicks at note edges). Drums are one-shot seeded noise
and swept sines. All at 44.1 kHz, float32, peak about 1 before mixing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

RATE = 44_100
F32 = np.float32
MAX_PARTIAL_HZ = 9_000.0


@dataclass(frozen=True)
class Voice:
    """Additive recipe: partial amplitudes a_k, decay times T_k (s, inf = sustained), envelope, vibrato."""

    amps: tuple[float, ...]
    decay: tuple[float, ...] | None  # per partial; None = sustained
    attack: float
    release: float
    vibrato: tuple[float, float, float] = (0.0, 0.0, 0.0)  # rate Hz, depth fraction, delay s
    inharmonic: float = 0.0  # B in f_k = k f sqrt(1 + B k^2)
    detune_cents: float = 0.0  # a second reed/string this far sharp (and one as far flat)
    saturate: float = 0.0  # tanh drive of an electric pick-up / amplifier


def _piano_decay(f: float, k: int) -> float:
    t1 = min(4.0, max(0.5, 2.5 * (130.0 / f) ** 0.6))
    return t1 / (1.0 + 0.5 * (k - 1))


def voice_for(inst: str, f: float) -> Voice:
    """The recipe of `inst` at pitch f (Hz)."""
    K = 16
    k = np.arange(1, K + 1)
    if inst == "piano":
        return Voice(tuple(1.0 / k**1.4), tuple(_piano_decay(f, int(i)) for i in k), 0.003, 0.08, inharmonic=3e-4)
    if inst == "upright_bass":
        return Voice((1, 0.55, 0.3, 0.2, 0.12, 0.08), tuple(1.4 / i**0.8 for i in range(1, 7)), 0.006, 0.06)
    if inst in ("guitar", "electric_guitar"):
        a = np.abs(np.sin(math.pi * k * 0.18)) / k
        t1 = 2.0 if inst == "electric_guitar" else 1.0
        return Voice(tuple(a), tuple(t1 / k**0.7), 0.003, 0.06, saturate=1.8 if inst == "electric_guitar" else 0.0)
    if inst == "clarinet":
        return Voice((1, 0.08, 0.55, 0.05, 0.35, 0.04, 0.2, 0.03, 0.12, 0.02, 0.08), None, 0.03, 0.06,
                     (4.5, 0.0025, 0.25))
    if inst == "sax":
        a = 1.0 / k**0.8 * (1.0 + 1.5 * np.exp(-(((k * f) - 1400.0) / 700.0) ** 2))
        return Voice(tuple(a[:12]), None, 0.035, 0.07, (5.0, 0.004, 0.2))
    if inst == "trumpet":
        return Voice((0.6, 1, 0.9, 0.7, 0.5, 0.35, 0.25, 0.15, 0.1, 0.06), None, 0.025, 0.06, (5.5, 0.003, 0.3))
    if inst == "violin":
        return Voice(tuple(1.0 / k[:14]), None, 0.06, 0.1, (5.5, 0.006, 0.15))
    if inst == "accordion":
        return Voice(tuple(1.0 / k[:12] ** 0.7), None, 0.04, 0.06, detune_cents=7.0)
    if inst == "bandoneon":
        return Voice(tuple(1.0 / k[:12] ** 0.9), None, 0.03, 0.05, detune_cents=2.5)
    raise ValueError(f"unknown instrument {inst!r}")


def _env(n_on: int, n_rel: int, attack: int) -> np.ndarray:
    """Raised-cosine attack over `attack` samples, hold, raised-cosine release over `n_rel` samples."""
    env = np.ones(n_on + n_rel, F32)
    a = min(attack, n_on)
    if a > 0:
        env[:a] = 0.5 - 0.5 * np.cos(np.pi * np.arange(a) / a)
    env[n_on:] *= 0.5 + 0.5 * np.cos(np.pi * np.arange(n_rel) / n_rel)
    return env


def render_note(inst: str, pitch: int, length_s: float, velocity: float) -> np.ndarray:
    """One note of `inst` at MIDI `pitch`, held `length_s` seconds then released; float32 at 44.1 kHz."""
    f = 440.0 * 2.0 ** ((pitch - 69) / 12.0)
    v = voice_for(inst, f)
    n_on = max(int(length_s * RATE), int(v.attack * RATE) + 1)
    n_rel = int(v.release * RATE)
    n = n_on + n_rel
    t = np.arange(n, dtype=np.float64) / RATE
    phase = 2 * math.pi * f * t
    rate, depth, delay = v.vibrato
    if depth:
        ramp = np.clip((t - delay) / 0.3, 0.0, 1.0)
        phase += depth * f / rate * ramp * np.sin(2 * math.pi * rate * t)
    bright = 0.6 + 0.4 * velocity
    out = np.zeros(n, F32)
    detunes = (0.0,) if not v.detune_cents else (v.detune_cents, -v.detune_cents)
    for i, a in enumerate(v.amps):
        k = i + 1
        fk = k * f * math.sqrt(1.0 + v.inharmonic * k * k)
        if fk > MAX_PARTIAL_HZ:
            break
        amp = a * bright ** (k - 1) / len(detunes)
        part = np.zeros(n, F32)
        for c in detunes:
            part += np.sin(phase * (fk / f) * 2.0 ** (c / 1200.0) + 0.7 * k).astype(F32)
        if v.decay is not None:
            part *= np.exp(-t / v.decay[i]).astype(F32)
        out += F32(amp) * part
    out *= _env(n_on, n_rel, int(v.attack * RATE))
    if v.saturate:
        out = (np.tanh(v.saturate * out) / math.tanh(v.saturate)).astype(F32)
    peak = float(np.max(np.abs(out))) or 1.0
    return out * F32(velocity / peak)


def drum_kit(seed: int) -> dict[str, np.ndarray]:
    """One-shot drum sounds from seeded noise: kick, snare, swish (brush stroke), tap (brush tap),
    hat, ride. Each starts with a 1 ms ramp and decays to silence."""
    rng = np.random.default_rng([seed, 21])

    def t_of(s: float) -> np.ndarray:
        return np.arange(int(s * RATE)) / RATE

    def fin(x: np.ndarray) -> np.ndarray:
        x = x / (np.max(np.abs(x)) + 1e-9)
        r = int(0.001 * RATE)
        x[:r] *= np.linspace(0, 1, r)
        x[-r * 5 :] *= np.linspace(1, 0, r * 5)
        return x.astype(F32)

    def hp(x: np.ndarray) -> np.ndarray:
        return np.diff(x, prepend=0.0)

    t = t_of(0.3)
    kick = np.sin(2 * math.pi * (50 * t + 70 * 0.02 * (1 - np.exp(-t / 0.02)))) * np.exp(-t / 0.12)
    snare = hp(rng.standard_normal(len(t))) * np.exp(-t / 0.09) * 0.6 + np.sin(2 * math.pi * 185 * t) * np.exp(-t / 0.05)
    swish_env = np.minimum(t / 0.05, 1.0) * np.exp(-np.maximum(t - 0.05, 0) / 0.12)
    swish = hp(rng.standard_normal(len(t))) * swish_env
    tap = hp(rng.standard_normal(len(t))) * np.exp(-t / 0.025)
    th = t_of(0.15)
    hat = hp(hp(rng.standard_normal(len(th)))) * np.exp(-th / 0.03)
    tr = t_of(1.2)
    ride = hp(hp(rng.standard_normal(len(tr)))) * np.exp(-tr / 0.35) * 0.4
    ride += sum(np.sin(2 * math.pi * fr * tr) for fr in (3120, 4460, 5230, 6910)) * np.exp(-tr / 0.5) * 0.25
    return {"kick": fin(kick), "snare": fin(snare), "swish": fin(swish), "tap": fin(tap), "hat": fin(hat),
            "ride": fin(ride)}
