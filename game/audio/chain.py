"""The lathe chain: music in, the sound of a bone record of a given cut profile out, all at 44.1 kHz.

One generation of cutting-and-playing is `LatheChain`:
    master (band, hiss) -> input filter -> amplifier -> cutter -> [groove] -> turntable (cutting speed,
    playback wobble) -> disc (wear, clicks) -> pickup -> hiss and groove noise -> volume.
A copy (generation > 1) is its parents' chains feeding its own (`SideStream`); every effect sits where it
happens, and `game.core.figures` predicts what each one does to the measures.

`process(block)` may return fewer or more samples than it was given (the two platters' speeds differ); the
concatenated output never depends on the block sizes. `seek(out_sample)` restarts the output there with the
same values a continuous render gives: it pre-rolls the filters on the signal before the seek point.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import numpy as np

from game.audio.dsp import F32, RATE
from game.audio.geometry import SideGeometry
from game.audio.speed import SpeedMap
from game.audio.stages import AmplifierStage, CutterStage, DiscStage, MasterStage, TurntableStage
from game.core.profile import CutProfile

LEAD_IN_S = 1.0
RUN_OUT_S = 2.5
CHUNK = 1 << 16  # offline rendering pulls blocks of this size
PREROLL_IN = 8192  # input samples a seek feeds before the point it needs (the high-pass settles in ~3000)
PREROLL_OUT = 2048  # output samples a seek renders and drops (the pickup settles in < 100)

__all__ = ["CHUNK", "LEAD_IN_S", "RATE", "RUN_OUT_S", "LatheChain", "SideStream", "lineage", "mono",
           "record_seed", "render_record", "side_seconds"]


def mono(x: np.ndarray) -> np.ndarray:
    """Float32 mono: stereo (n, 2) is averaged; int16 is scaled by 1/32768."""
    a = np.asarray(x)
    if a.dtype == np.int16:
        a = a.astype(F32) / F32(32768.0)
    if a.ndim == 2:
        a = a.mean(axis=1)
    return a.astype(F32, copy=False)


def record_seed(profile: CutProfile) -> int:
    """A record's own seed for its noise, clicks and wow: a hash of its profile (the same record always
    sounds the same; two records cut alike on the same lathe differ only if the game gives them seeds)."""
    return int.from_bytes(hashlib.sha256(repr(profile).encode()).digest()[:4], "little")


class LatheChain:
    """One generation: cut `profile` on the lathe, play it `plays` times, and hear it.

    `music_s` is the music's duration (the groove radius falls linearly over it); `lead_in_s` and `run_out_s`
    are the silent groove before and after it (0 for a parent inside a copy). The input is the whole side:
    lead-in silence, music, run-out silence, `total_in` samples."""

    def __init__(self, profile: CutProfile, plays: int = 0, seed: int = 0, music_s: float = 180.0,
                 lead_in_s: float = LEAD_IN_S, run_out_s: float = RUN_OUT_S) -> None:
        self.profile = profile
        lead, music, run = (round(s * RATE) for s in (lead_in_s, music_s, run_out_s))
        self.side = SideGeometry.for_profile(profile, lead, music, run)
        self.total_in = self.side.total
        self.speed = SpeedMap(profile, self.side, seed)
        self.master = MasterStage(profile.source_quality, seed)
        self.amplifier = AmplifierStage(profile)
        self.cutter = CutterStage(profile, self.side)
        self.turntable = TurntableStage(self.speed, self.total_in)
        self.music_end_out = self.speed.first_output_at(self.side.music_end)
        self.total_out = self.speed.first_output_at(self.total_in)
        self.disc = DiscStage(profile, plays, seed, self.music_end_out, self.total_out, run > 0)
        self.n_in = 0  # input samples into the cutting stages so far
        self.n_out = 0  # output samples out of the turntable so far

    @property
    def done(self) -> bool:
        """Every output sample of the side has been produced."""
        return self.n_out >= self.total_out

    def process(self, block: np.ndarray) -> np.ndarray:
        """Feed the next input samples (zeros past the end drain the chain); returns what is ready."""
        s = self.master.process(block, self.n_in)
        s = self.amplifier.process(s, self.n_in)
        s = self.cutter.process(s, self.n_in)
        self.n_in += len(block)
        s = self.turntable.process(s)
        s = s[: max(0, self.total_out - self.n_out)]
        s = self.disc.process(s, self.n_out)
        self.n_out += len(s)
        return s

    def seek(self, out_sample: int) -> tuple[int, int]:
        """Restart at output sample `out_sample`. Returns (input sample to feed from, output samples to drop):
        the chain restarts PREROLL_OUT outputs early and PREROLL_IN inputs before what those outputs read,
        with its filters cleared, so the kept output equals a continuous render's."""
        j = max(0, min(out_sample, self.total_out) - PREROLL_OUT)
        first = max(0, int(self.speed.positions(j, 1)[0]) - 8 - PREROLL_IN)
        for stage in (self.master, self.cutter, self.disc):
            stage.reset()
        self.turntable.start_at(j, first)
        self.n_in, self.n_out = first, j
        return first, min(out_sample, self.total_out) - j


def lineage(profile: CutProfile) -> list[CutProfile]:
    """The generations from the first cut to `profile`: [root, ..., profile]."""
    chain = [profile]
    while chain[-1].parent is not None:
        chain.append(chain[-1].parent)
    return chain[::-1]


class _ArraySource:
    """Samples of an array, then zeros forever."""

    def __init__(self, x: np.ndarray) -> None:
        self.x, self.pos = x, 0
        self.length = len(x)

    def read(self, n: int) -> np.ndarray:
        out = self.x[self.pos : self.pos + n]
        self.pos += n
        return out if len(out) == n else np.concatenate((out, np.zeros(n - len(out), F32)))

    def seek(self, pos: int) -> None:
        self.pos = pos


class _PaddedSource:
    """`pad_in` zeros, then `length` samples of an upstream source, then zeros forever."""

    def __init__(self, upstream, pad_in: int) -> None:  # noqa: ANN001
        self.up, self.pad_in, self.pos = upstream, pad_in, 0
        self.length = upstream.length

    def read(self, n: int) -> np.ndarray:
        parts = []
        if self.pos < self.pad_in:
            k = min(n, self.pad_in - self.pos)
            parts.append(np.zeros(k, F32))
        else:
            k = 0
        m = min(n - k, max(0, self.pad_in + self.length - max(self.pos, self.pad_in)))
        if m:
            parts.append(self.up.read(m))
        if n - k - m:
            parts.append(np.zeros(n - k - m, F32))
        self.pos += n
        return np.concatenate(parts) if len(parts) > 1 else parts[0]

    def seek(self, pos: int) -> None:
        self.pos = pos
        self.up.seek(max(0, pos - self.pad_in))


class _ChainSource:
    """The output of a `LatheChain` fed by an upstream source, pulled in blocks of `block` input samples."""

    def __init__(self, upstream, chain: LatheChain, block: int) -> None:  # noqa: ANN001
        self.up, self.chain, self.block = upstream, chain, block
        self.length = chain.total_out
        self.fifo: list[np.ndarray] = []
        self.have = 0

    def _pull(self, n: int) -> None:
        while self.have < n and not self.chain.done:
            y = self.chain.process(self.up.read(self.block))
            if len(y):
                self.fifo.append(y)
                self.have += len(y)

    def read(self, n: int) -> np.ndarray:
        """Exactly n samples: the side, then zeros."""
        self._pull(n)
        buf = np.concatenate(self.fifo) if len(self.fifo) > 1 else (self.fifo[0] if self.fifo else np.zeros(0, F32))
        out, rest = buf[:n], buf[n:]
        self.fifo, self.have = ([rest] if len(rest) else []), len(rest)
        return out if len(out) == n else np.concatenate((out, np.zeros(n - len(out), F32)))

    def seek(self, pos: int) -> None:
        first, drop = self.chain.seek(pos)
        self.up.seek(first)
        self.fifo, self.have = [], 0
        if drop:
            self.read(drop)


class SideStream:
    """A whole side as a pull stream: the music (an array, or a source with `read`, `seek` and `length`)
    through each generation's chain (a copy's parents first, without lead-in or run-out), then the record's
    own chain with its lead-in and run-out groove.

    `read(n)` gives exactly n samples (zeros after the side's `length`); `seek(sample)` continues as a
    continuous render would. `render_record` is this stream read to its end, so the booth's playback and the
    exported WAV are the same samples."""

    def __init__(self, music: np.ndarray, profile: CutProfile, plays: int = 0, seed: int = 0,
                 lead_in_s: float = LEAD_IN_S, run_out_s: float = RUN_OUT_S, block: int = CHUNK) -> None:
        src = music if hasattr(music, "read") else _ArraySource(mono(music))
        gens = lineage(profile)
        self.parents: list[LatheChain] = []
        for g, parent in enumerate(gens[:-1]):
            chain = LatheChain(parent, 0, seed + 101 * (g + 1), src.length / RATE, 0.0, 0.0)
            self.parents.append(chain)
            src = _ChainSource(src, chain, block)
        padded = _PaddedSource(src, round(lead_in_s * RATE))
        self.chain = LatheChain(profile, plays, seed, src.length / RATE, lead_in_s, run_out_s)
        self.source = _ChainSource(padded, self.chain, block)
        self.length = self.chain.total_out
        self.pos = 0

    @property
    def finished(self) -> bool:
        return self.pos >= self.length

    def read(self, n: int) -> np.ndarray:
        """The next n samples, clipped to +/-0.99 only where music and clicks together would exceed it."""
        self.pos += n
        y = self.source.read(n)
        np.minimum(y, 0.99, out=y)
        np.maximum(y, -0.99, out=y)
        return y

    def seek(self, sample: int) -> None:
        self.pos = max(0, min(sample, self.length))
        self.source.seek(self.pos)

    def out_at_music(self, music_sample: float) -> int:
        """The output sample where the music's sample `music_sample` is heard (through every generation)."""
        n = float(music_sample)
        for chain in self.parents:
            n = chain.speed.first_output_at(n)
        return self.chain.speed.first_output_at(self.chain.side.lead_in + n)

    def music_at_out(self, out_sample: int) -> float:
        """The music's sample heard at output sample `out_sample` (negative in the lead-in groove)."""
        n = float(self.chain.speed.positions(max(0, out_sample), 1)[0]) - self.chain.side.lead_in
        for chain in reversed(self.parents):
            n = float(chain.speed.positions(max(0, int(n)), 1)[0]) if n > 0 else n
        return n

    def read_all(self, progress: Callable[[float], None] | None = None) -> np.ndarray:
        out = []
        while self.pos < self.length:
            n = min(CHUNK, self.length - self.pos)
            out.append(self.read(n))
            if progress:
                progress(self.pos / max(self.length, 1))
        return np.concatenate(out) if out else np.zeros(0, F32)


def render_record(music: np.ndarray, profile: CutProfile, plays: int = 0, seed: int | None = None,
                  lead_in_s: float = LEAD_IN_S, run_out_s: float = RUN_OUT_S,
                  progress: Callable[[float], None] | None = None) -> np.ndarray:
    """A whole side as heard (`SideStream` read to its end): 44.1 kHz mono float32, clipped to +/-0.99 only
    where the sum of music and clicks would exceed it. Deterministic in `seed` (default: `record_seed`)."""
    stream = SideStream(music, profile, plays, record_seed(profile) if seed is None else seed, lead_in_s, run_out_s)
    return stream.read_all(progress)


def side_seconds(music_samples: int, profile: CutProfile) -> float:
    """About how long a rendered side lasts: (lead-in + music + run-out) x (1 + speed error), seconds (a lathe
    that cut fast made a record that plays slow, so longer)."""
    return (LEAD_IN_S + music_samples / RATE + RUN_OUT_S) * (1.0 + profile.speed_error)
