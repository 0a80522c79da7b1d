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

    def music_at(self, seconds: float) -> float:
        """Seconds into the music heard at `seconds` of this stream (for A/B at the same musical moment)."""
        if self.side is None:
            return seconds
        return self.side.music_at_out(int(seconds * RATE)) / RATE

    def at_music(self, music_s: float) -> float:
        """Seconds into this stream where the music's `music_s` is heard."""
        if self.side is None:
            return music_s
        return self.side.out_at_music(max(0.0, music_s) * RATE) / RATE if music_s >= 0 else 0.0

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
    """Play / pause / stop / seek / volume over an output backend; thread-safe.

    A render-ahead thread keeps AHEAD samples of the stream rendered while playing, so the backend's pull
    (its audio callback) only copies samples: the chain's cost never lands in the callback, and a busy machine
    delays rendering, not sound. Seek, stop and switching streams (`use`) drop what was rendered ahead."""

    AHEAD = 8 * BLOCK  # 186 ms

    def __init__(self, backend: str | None = None) -> None:
        self.backend = open_backend(backend)
        self.stream: RecordStream | None = None
        self.volume = 1.0
        self.playing = False
        self._lock = threading.Lock()  # the rendered-ahead samples and the transport
        self._render_lock = threading.Lock()  # the stream (taken before _lock when both are needed)
        self._generation = 0  # bumped whenever the stream or its position changes
        self._started = False
        self._ahead: list[np.ndarray] = []
        self._ahead_n = 0
        self._played = 0  # samples the backend has pulled from the current stream position
        self._wake = threading.Event()
        self._worker: threading.Thread | None = None
        self._closing = False

    # ------------------------------------------------------------ streams
    def _reset(self, position: int) -> None:
        """(under both locks) forget what was rendered ahead; the stream is at `position`."""
        self._ahead, self._ahead_n, self._played = [], 0, position
        self._generation += 1

    def load(self, music: np.ndarray, profile: CutProfile | None = None, plays: int = 0,
             seed: int | None = None) -> None:
        stream = RecordStream(music, profile, plays, seed)
        with self._render_lock, self._lock:
            self.stream = stream
            self.playing = False
            self._reset(0)

    def use(self, stream: RecordStream, at_s: float | None = None) -> None:
        """Play `stream` (already built, e.g. in the background), from `at_s` or from where it is."""
        with self._render_lock, self._lock:
            self.stream = stream
            if at_s is not None:
                stream.seek(at_s)
            self._reset(stream.out_pos)

    # ------------------------------------------------------------ rendering and pulling
    def _render_ahead(self) -> None:
        """Keep AHEAD samples rendered while playing; rendering holds only the stream's lock, so a pull is
        never kept waiting for the chain."""
        while not self._closing:
            busy = False
            with self._render_lock:
                with self._lock:
                    stream, generation = self.stream, self._generation
                    busy = self.playing and stream is not None and self._ahead_n < self.AHEAD \
                        and stream.out_pos < stream.length
                if busy:
                    block = stream.read(BLOCK)
                    with self._lock:
                        if generation == self._generation:
                            self._ahead.append(block)
                            self._ahead_n += len(block)
            if not busy:
                self._wake.wait(0.005)
                self._wake.clear()

    def _pull(self, n: int) -> np.ndarray:
        with self._lock:
            if not self.playing or self.stream is None:
                return np.zeros(n, F32)
            short = self._ahead_n < n
        if short:  # the renderer fell behind: render now rather than fall silent
            with self._render_lock, self._lock:
                while self.stream is not None and self._ahead_n < n:
                    block = self.stream.read(BLOCK)
                    self._ahead.append(block)
                    self._ahead_n += len(block)
        with self._lock:
            if not self.playing or self.stream is None or self._ahead_n < n:
                return np.zeros(n, F32)
            parts, have = [], 0
            while have < n:  # take whole blocks from the front; split the last one
                block = self._ahead.pop(0)
                take = min(len(block), n - have)
                parts.append(block[:take])
                if take < len(block):
                    self._ahead.insert(0, block[take:])
                have += take
            self._ahead_n -= n
            y = (np.concatenate(parts) if len(parts) > 1 else parts[0]) * F32(self.volume)
            self._played += n
            if self._played >= self.stream.length:
                self.playing = False
        self._wake.set()
        return y

    # ------------------------------------------------------------ transport
    def play(self) -> None:
        if self.stream is None:
            return
        self.playing = True
        if self._worker is None or not self._worker.is_alive():
            self._closing = False
            self._worker = threading.Thread(target=self._render_ahead, name="bone-music-render", daemon=True)
            self._worker.start()
        self._wake.set()
        if not self._started:
            self.backend.start(self._pull)
            self._started = True

    def pause(self) -> None:
        self.playing = False

    def stop(self) -> None:
        """Stop and rewind to the start."""
        self.playing = False
        with self._render_lock, self._lock:
            if self.stream is not None:
                self.stream.seek(0.0)
                self._reset(0)

    def seek(self, seconds: float) -> None:
        with self._render_lock, self._lock:
            if self.stream is not None:
                self.stream.seek(seconds)
                self._reset(self.stream.out_pos)

    def close(self) -> None:
        self.playing = False
        self._closing = True
        self._wake.set()
        self.backend.stop()
        if self._worker is not None:
            self._worker.join(timeout=1.0)
            self._worker = None
        self._started = False

    @property
    def position_s(self) -> float:
        """Where the listener is: what the backend has pulled, not what was rendered ahead."""
        return self._played / RATE if self.stream else 0.0

    @property
    def duration_s(self) -> float:
        return self.stream.duration_s if self.stream else 0.0
