"""Live playback: a record (or the clean master) streamed block by block through the lathe chain.

    player = Player()                         # picks a backend (see output.py)
    player.load(music, profile, plays, seed)  # profile None = the clean master
    player.play(); player.pause(); player.seek(42.0); player.volume = 0.5; player.stop()
    player.position_s, player.duration_s, player.playing

`RecordStream` is the pull side and needs no device: `read(n)` returns the next n samples.
"""

from __future__ import annotations

import threading

import numpy as np

from game.audio.chain import LEAD_IN_S, RATE, RUN_OUT_S, LatheChain, lineage, mono
from game.audio.dsp import F32
from game.audio.output import BLOCK, open_backend
from game.core.profile import CutProfile


class RecordStream:
    """A side as a stream: lead-in groove, music, run-out groove through the profile's own chain, fed in
    1024-sample blocks. The parents' chains of a copy are applied offline first (>1000x real time)."""

    def __init__(self, music: np.ndarray, profile: CutProfile | None = None, plays: int = 0, seed: int = 0) -> None:
        x = mono(music)
        self.profile = profile
        if profile is None:
            self.source, self.chain = x, None
        else:
            for g, parent in enumerate(lineage(profile)[:-1]):
                x = LatheChain(parent, 0, seed + 101 * (g + 1), len(x) / RATE, 0.0, 0.0).render(x)
            pad_in, pad_out = np.zeros(round(LEAD_IN_S * RATE), F32), np.zeros(round(RUN_OUT_S * RATE), F32)
            self.source = np.concatenate((pad_in, x, pad_out))
            self.chain = LatheChain(profile, plays, seed, len(x) / RATE)
        self.speed = 1.0 + (profile.speed_error if profile else 0.0)
        self.src_pos = 0
        self.out_pos = 0
        self.fifo = np.zeros(0, F32)

    @property
    def duration_s(self) -> float:
        return len(self.source) / RATE / self.speed

    @property
    def finished(self) -> bool:
        return self.src_pos >= len(self.source) and len(self.fifo) == 0

    def read(self, n: int) -> np.ndarray:
        """The next n output samples (zeros once the side has ended)."""
        parts = [self.fifo]
        have = len(self.fifo)
        while have < n and self.src_pos < len(self.source):
            block = self.source[self.src_pos : self.src_pos + BLOCK]
            self.src_pos += len(block)
            y = block if self.chain is None else self.chain.process(block)
            parts.append(y)
            have += len(y)
        buf = np.concatenate(parts) if len(parts) > 1 else parts[0]
        out, self.fifo = buf[:n], buf[n:]
        if len(out) < n:
            out = np.concatenate((out, np.zeros(n - len(out), F32)))
        self.out_pos += n
        return np.clip(out, -0.99, 0.99)

    def seek(self, seconds: float) -> None:
        target = max(0, int(seconds * RATE))
        if self.chain is None:
            self.src_pos = min(target, len(self.source))
        else:
            self.src_pos = min(self.chain.seek(target), len(self.source))
        self.out_pos = target
        self.fifo = np.zeros(0, F32)


class Player:
    """Play / pause / stop / seek / volume over an output backend; thread-safe."""

    def __init__(self, backend: str | None = None) -> None:
        self.backend = open_backend(backend)
        self.stream: RecordStream | None = None
        self.volume = 1.0
        self.playing = False
        self._lock = threading.Lock()
        self._started = False

    def load(self, music: np.ndarray, profile: CutProfile | None = None, plays: int = 0, seed: int = 0) -> None:
        with self._lock:
            self.stream = RecordStream(music, profile, plays, seed)
            self.playing = False

    def _pull(self, n: int) -> np.ndarray:
        with self._lock:
            if not self.playing or self.stream is None:
                return np.zeros(n, F32)
            y = self.stream.read(n) * F32(self.volume)
            if self.stream.finished:
                self.playing = False
            return y

    def play(self) -> None:
        if self.stream is None:
            return
        self.playing = True
        if not self._started:
            self.backend.start(self._pull)
            self._started = True

    def pause(self) -> None:
        self.playing = False

    def stop(self) -> None:
        """Stop and rewind to the start."""
        self.playing = False
        with self._lock:
            if self.stream is not None:
                self.stream.seek(0.0)

    def seek(self, seconds: float) -> None:
        with self._lock:
            if self.stream is not None:
                self.stream.seek(seconds)

    def close(self) -> None:
        self.playing = False
        self.backend.stop()
        self._started = False

    @property
    def position_s(self) -> float:
        return self.stream.out_pos / RATE if self.stream else 0.0

    @property
    def duration_s(self) -> float:
        return self.stream.duration_s if self.stream else 0.0
