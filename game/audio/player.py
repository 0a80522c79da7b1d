"""Live playback: a record (or the clean master) streamed block by block through the lathe chain.

    player = Player()                         # picks a backend (see output.py)
    player.load(music, profile, plays, seed)  # profile None = the clean master; seed None = the record's own
    player.play(); player.pause(); player.seek(42.0); player.volume = 0.5; player.stop()
    player.position_s, player.duration_s, player.playing

`RecordStream` is the pull side and needs no device: `read(n)` returns the next n samples.
"""

from __future__ import annotations

import threading

import numpy as np

from game.audio.chain import PREROLL_IN, RATE, SideStream, mono, record_seed
from game.audio.dsp import F32
from game.audio.output import BLOCK, open_backend
from game.audio.stages import MasterStage
from game.core.profile import CutProfile


class RecordStream:
    """A side as a stream (`SideStream`: lead-in groove, music, run-out groove through every generation's
    chain, rendered block by block as it is pulled), or with `profile` None the clean master (through its own
    band and hiss when `source_quality` < 1). `read(n)` returns the next n samples (zeros after the end);
    `seek` continues exactly as an uninterrupted render would. `gain` scales the output (loudness matching)."""

    def __init__(self, music: np.ndarray, profile: CutProfile | None = None, plays: int = 0, seed: int | None = None,
                 source_quality: float = 1.0) -> None:
        self.profile = profile
        self.gain = 1.0
        if profile is None:
            self.side = None
            self.master = mono(music)
            self.stage = MasterStage(source_quality, 0 if seed is None else seed) if source_quality < 1.0 else None
            self.length = len(self.master)
        else:
            self.side = SideStream(music, profile, plays, record_seed(profile) if seed is None else seed,
                                   block=BLOCK)
            self.length = self.side.length
        self.out_pos = 0

    @property
    def duration_s(self) -> float:
        return self.length / RATE

    @property
    def finished(self) -> bool:
        return self.out_pos >= self.length

    def read(self, n: int) -> np.ndarray:
        """The next n output samples (zeros once the side has ended)."""
        if self.side is not None:
            y = self.side.read(n)
        else:
            y = self.master[self.out_pos : self.out_pos + n]
            if self.stage is not None:
                y = self.stage.process(y, self.out_pos).astype(F32)
            if len(y) < n:
                y = np.concatenate((y, np.zeros(n - len(y), F32)))
        self.out_pos += n
        return y * F32(self.gain) if self.gain != 1.0 else y

    def seek(self, seconds: float) -> None:
        target = max(0, min(int(seconds * RATE), self.length))
        if self.side is not None:
            self.side.seek(target)
        elif self.stage is not None:  # pre-roll the master's filters on what comes before the target
            self.stage.reset()
            pre = max(0, target - PREROLL_IN)
            self.stage.process(self.master[pre:target], pre)
        self.out_pos = target


class Player:
    """Play / pause / stop / seek / volume over an output backend; thread-safe."""

    def __init__(self, backend: str | None = None) -> None:
        self.backend = open_backend(backend)
        self.stream: RecordStream | None = None
        self.volume = 1.0
        self.playing = False
        self._lock = threading.Lock()
        self._started = False

    def load(self, music: np.ndarray, profile: CutProfile | None = None, plays: int = 0,
             seed: int | None = None) -> None:
        with self._lock:
            self.stream = RecordStream(music, profile, plays, seed)
            self.playing = False

    def use(self, stream: RecordStream) -> None:
        """Play `stream` (already built, e.g. in the background) from where it is."""
        with self._lock:
            self.stream = stream

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
