"""The lathe chain: music in, the sound of a bone record of a given cut profile out.

One generation of cutting-and-playing is `LatheChain`:
    44.1 kHz -> half-band decimate (22.05 kHz) -> amplifier -> cutter -> turntable -> film -> limiter
    -> half-band interpolate -> 44.1 kHz.
The work per sample is the point: the cutter leaves nothing above ~10 kHz, so every stage runs at half rate.
Playback wear uses `CutProfile.after_plays(plays)` (the formula prices use): a lower treble limit in the
cutter's low-pass, more hiss and crackle on the film. A copy (generation > 1) is rendered by applying the
parent's chain first (`render_record`).

`process(block)` may return slightly fewer or more samples than it was given (the turntable runs fast or
slow); the concatenated output never depends on the block sizes.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from game.audio.dsp import F32, HalfbandDecimator, HalfbandInterpolator
from game.audio.geometry import SideGeometry
from game.audio.stages import AmplifierStage, CutterStage, FilmStage, LimiterStage, TurntableStage
from game.core.profile import CutProfile

RATE = 44_100
INTERNAL = RATE // 2
LEAD_IN_S = 1.0
RUN_OUT_S = 2.5
CHUNK = 1 << 16  # offline rendering feeds blocks of this size: they stay in the CPU cache


def mono(x: np.ndarray) -> np.ndarray:
    """Float32 mono: stereo (n, 2) is averaged; int16 is scaled by 1/32768."""
    a = np.asarray(x)
    if a.dtype == np.int16:
        a = a.astype(F32) / F32(32768.0)
    if a.ndim == 2:
        a = a.mean(axis=1)
    return a.astype(F32, copy=False)


class LatheChain:
    """One generation: cut `profile` on the lathe, play it `plays` times, and hear it.

    `music_s` is the music's duration (it sets how the groove radius falls with time); `lead_in_s` and
    `run_out_s` are the silent groove before and after it (0 for a chain used inside a copy)."""

    def __init__(self, profile: CutProfile, plays: int = 0, seed: int = 0, music_s: float = 180.0,
                 lead_in_s: float = LEAD_IN_S, run_out_s: float = RUN_OUT_S) -> None:
        self.profile = profile
        worn = profile.after_plays(plays)
        speed = 1.0 + profile.speed_error
        lead, music, run = (round(s * INTERNAL) for s in (lead_in_s, music_s, run_out_s))
        side_in = SideGeometry.for_profile(profile, INTERNAL, lead, music, run)
        side_out = SideGeometry.for_profile(profile, INTERNAL, round(lead / speed), round(music / speed),
                                            round(run / speed))
        self.decimator = HalfbandDecimator()
        self.amplifier = AmplifierStage(profile, INTERNAL)
        self.cutter = CutterStage(worn, INTERNAL, side_in, seed)
        self.turntable = TurntableStage(profile, INTERNAL, side_out, seed)
        self.film = FilmStage(worn, INTERNAL, side_out, seed, worn_out=plays >= profile.max_plays)
        self.limiter = LimiterStage()
        self.interpolator = HalfbandInterpolator()
        self.n_in = 0  # internal-rate samples into the cutter so far
        self.n_out = 0  # internal-rate samples out of the turntable so far

    def process(self, block: np.ndarray) -> np.ndarray:
        """Feed 44.1 kHz mono samples; returns the 44.1 kHz output that is ready (about len / (1 + e))."""
        s = self.decimator.process(block)
        s = self.amplifier.process(s, self.n_in)
        s = self.cutter.process(s, self.n_in)
        self.n_in += len(s)
        s = self.turntable.process(s)
        s = self.film.process(s, self.n_out)
        self.n_out += len(s)
        return self.interpolator.process(self.limiter.process(s))

    def seek(self, out_sample: int) -> int:
        """Restart the output at 44.1 kHz sample `out_sample`; returns the input sample to feed from.
        Filter states restart from zero (a few ms of settling)."""
        j = out_sample // 2
        first = self.turntable.start_at(j)
        self.n_out = j
        self.n_in = first
        self.decimator = HalfbandDecimator()
        self.interpolator = HalfbandInterpolator()
        self.cutter.zi[:] = 0
        return max(0, 2 * first - 3)

    def render(self, x: np.ndarray, progress: Callable[[float], None] | None = None) -> np.ndarray:
        """The whole signal through the chain in CHUNK blocks, plus a short zero tail to drain it."""
        x = mono(x)
        out = []
        for i in range(0, len(x), CHUNK):
            out.append(self.process(x[i : i + CHUNK]))
            if progress:
                progress(min(1.0, (i + CHUNK) / max(len(x), 1)))
        out.append(self.process(np.zeros(64, F32)))
        return np.concatenate(out) if out else np.zeros(0, F32)


def lineage(profile: CutProfile) -> list[CutProfile]:
    """The generations from the first cut to `profile`: [root, ..., profile]."""
    chain = [profile]
    while chain[-1].parent is not None:
        chain.append(chain[-1].parent)
    return chain[::-1]


def render_record(music: np.ndarray, profile: CutProfile, plays: int = 0, seed: int = 0,
                  lead_in_s: float = LEAD_IN_S, run_out_s: float = RUN_OUT_S,
                  progress: Callable[[float], None] | None = None) -> np.ndarray:
    """A whole side as heard: the parents' chains first (a copy of a copy), then `profile`'s own chain
    with lead-in groove before the music and the run-out groove after it. 44.1 kHz mono float32,
    peak <= 0.99. Deterministic in `seed`."""
    x = mono(music)
    gens = lineage(profile)
    for g, parent in enumerate(gens[:-1]):
        x = LatheChain(parent, 0, seed + 101 * (g + 1), len(x) / RATE, 0.0, 0.0).render(x)
    pad_in = np.zeros(round(lead_in_s * RATE), F32)
    pad_out = np.zeros(round(run_out_s * RATE), F32)
    chain = LatheChain(profile, plays, seed, len(x) / RATE, lead_in_s, run_out_s)
    y = chain.render(np.concatenate((pad_in, x, pad_out)), progress)
    np.clip(y, -0.99, 0.99, out=y)
    return y


def side_seconds(music_samples: int, profile: CutProfile) -> float:
    """Duration of a rendered side: (lead-in + music + run-out) / (1 + speed error), seconds."""
    return (LEAD_IN_S + music_samples / RATE + RUN_OUT_S) / (1.0 + profile.speed_error)
