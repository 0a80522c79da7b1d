"""Output backends: sounddevice (PortAudio), else pygame.mixer, else silent. Chosen automatically in that
order; `BONE_MUSIC_AUDIO=sounddevice|pygame|silent` or `open_backend(name)` overrides. A backend that
cannot start (no PortAudio, no sound card) is skipped: the game never fails for want of sound.

A backend pulls audio: `start(pull)` where `pull(n)` returns n mono float32 samples at 44.1 kHz.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

import numpy as np

RATE = 44_100
BLOCK = 1024
Pull = Callable[[int], np.ndarray]


class _ThreadBackend:
    """A backend fed by one daemon thread of ours; `stop()` ends it (waiting at most a second)."""

    name = "thread"

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _spawn(self, run: Callable[[], None]) -> None:
        self.stop()
        self._stop.clear()
        self._thread = threading.Thread(target=run, name=f"bone-music-{self.name}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=1.0)
            self._thread = None


class SilentBackend(_ThreadBackend):
    """No device: a thread pulls blocks at real-time pace, so playback position still advances."""

    name = "silent"

    def start(self, pull: Pull) -> None:
        def run() -> None:
            t_next = time.monotonic()
            while not self._stop.is_set():
                pull(BLOCK)
                t_next += BLOCK / RATE
                time.sleep(max(0.0, t_next - time.monotonic()))

        self._spawn(run)


class SounddeviceBackend:
    """PortAudio through `sounddevice`: a callback stream of 1024-sample blocks."""

    name = "sounddevice"

    def __init__(self) -> None:
        import sounddevice as sd  # OSError without PortAudio

        sd.query_devices(kind="output")  # raises without an output device
        self._sd = sd
        self._stream = None

    def start(self, pull: Pull) -> None:
        self.stop()

        def callback(outdata, frames, _time, _status) -> None:  # noqa: ANN001
            outdata[:, 0] = pull(frames)

        self._stream = self._sd.OutputStream(samplerate=RATE, channels=1, blocksize=BLOCK, dtype="float32",
                                             callback=callback)
        self._stream.start()

    def stop(self) -> None:
        if self._stream is not None:
            self._stream.stop()
            self._stream.close()
            self._stream = None


class PygameBackend(_ThreadBackend):
    """pygame.mixer: a pump thread keeps a channel's queue filled with 1024-sample stereo int16 Sounds."""

    name = "pygame"

    def __init__(self) -> None:
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        import pygame

        if not pygame.mixer.get_init():
            pygame.mixer.init(frequency=RATE, size=-16, channels=2, buffer=BLOCK)
        self._pg = pygame
        self._channel = pygame.mixer.Channel(0)
        super().__init__()

    def _sound(self, pull: Pull):  # noqa: ANN202
        x = np.clip(pull(BLOCK * 4) * 32767.0, -32768, 32767).astype(np.int16)
        return self._pg.mixer.Sound(buffer=np.repeat(x, 2).tobytes())

    def start(self, pull: Pull) -> None:
        def run() -> None:
            while not self._stop.is_set():
                if not self._channel.get_busy():
                    self._channel.play(self._sound(pull))
                if self._channel.get_queue() is None:
                    self._channel.queue(self._sound(pull))
                time.sleep(0.01)

        self._spawn(run)

    def stop(self) -> None:
        super().stop()
        self._channel.stop()


BACKENDS: dict[str, type] = {"sounddevice": SounddeviceBackend, "pygame": PygameBackend, "silent": SilentBackend}


def open_backend(name: str | None = None) -> SilentBackend | SounddeviceBackend | PygameBackend:
    """The requested backend (or $BONE_MUSIC_AUDIO), else the first that starts of sounddevice, pygame,
    silent. Never raises for a missing device: the silent backend always works."""
    wanted = name or os.environ.get("BONE_MUSIC_AUDIO") or None
    order = [wanted] if wanted in BACKENDS else []
    order += [n for n in BACKENDS if n not in order]
    for n in order:
        try:
            return BACKENDS[n]()
        except Exception:  # noqa: BLE001 - any failure to open a device means: try the next backend
            continue
    return SilentBackend()
