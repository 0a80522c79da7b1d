"""16-bit PCM WAV files with the standard `wave` module."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

from game.audio.dsp import F32


def write_wav(path: str | Path, x: np.ndarray, rate: int = 44_100) -> None:
    """Write float audio (mono (n,) or (n, channels)) in [-1, 1] as 16-bit little-endian PCM."""
    a = np.asarray(x, dtype=np.float64)
    channels = 1 if a.ndim == 1 else a.shape[1]
    pcm = np.clip(np.round(a * 32767.0), -32768, 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())


def read_wav(path: str | Path) -> tuple[np.ndarray, int]:
    """Read an 8/16/32-bit PCM WAV: float32 of shape (n,) (mono) or (n, channels), and the rate."""
    with wave.open(str(path), "rb") as w:
        ch, width, rate, n = w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()
        raw = w.readframes(n)
    if width == 1:
        x = (np.frombuffer(raw, np.uint8).astype(F32) - 128.0) / 128.0
    elif width == 2:
        x = np.frombuffer(raw, "<i2").astype(F32) / 32768.0
    elif width == 4:
        x = np.frombuffer(raw, "<i4").astype(F32) / 2.0**31
    else:
        raise ValueError(f"{path}: {8 * width}-bit WAV not supported")
    x = x.reshape(-1, ch)
    return (x[:, 0] if ch == 1 else x).astype(F32), rate


def resample_to(x: np.ndarray, rate: int, target: int = 44_100) -> np.ndarray:
    """Mono float32 at `target` Hz (polyphase resampling when the rates differ)."""
    if x.ndim == 2:
        x = x.mean(axis=1)
    if rate == target:
        return x.astype(F32)
    from math import gcd

    from scipy.signal import resample_poly

    g = gcd(rate, target)
    return resample_poly(x, target // g, rate // g).astype(F32)
