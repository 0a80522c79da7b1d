"""Benchmark of the lathe chain: 180 s of 44.1 kHz music through the full chain, against an equivalent
pedalboard chain (high-pass, low-pass, distortion, chorus as vibrato, added noise), and the cost of one
1024-sample streaming block. One core: BLAS threads are pinned to 1 before numpy loads.

Ours is the slowest of the four catalog presets, best of 3 runs each; theirs best of 3. The pedalboard
chain's noise is generated before timing (its cost is not counted for them). Last line:
`realtime <ours> pedalboard <theirs> ratio <ours/theirs> block_pct <share>`.
"""

from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.audio.chain import RATE, LatheChain  # noqa: E402
from game.content.catalog import base_catalog  # noqa: E402
from game.core.presets import preset_profile  # noqa: E402

SECONDS = 180.0
BLOCK = 1024


def music() -> np.ndarray:
    """180 s of a shipped score (rendered through the disk cache), looped if shorter."""
    from game.audio.library import load_track

    x = load_track("nevsky_boogie")
    n = int(SECONDS * RATE)
    return np.resize(x, n).astype(np.float32)


def ours(x: np.ndarray, preset: str) -> float:
    best = 1e9
    for _ in range(3):
        chain = LatheChain(preset_profile(preset), plays=0, seed=1, music_s=SECONDS)
        t = time.perf_counter()
        chain.render(x)
        best = min(best, time.perf_counter() - t)
    return SECONDS / best


def theirs(x: np.ndarray) -> float:
    import pedalboard as pb

    board = pb.Pedalboard([
        pb.HighpassFilter(cutoff_frequency_hz=130.0),
        pb.LowpassFilter(cutoff_frequency_hz=4500.0),
        pb.Distortion(drive_db=6.0),
        pb.Chorus(rate_hz=1.3, depth=0.25, centre_delay_ms=2.0, feedback=0.0, mix=1.0),
    ])
    noise = (np.random.default_rng(0).standard_normal(len(x)) * 0.02).astype(np.float32)
    best = 1e9
    for _ in range(3):
        board.reset()
        t = time.perf_counter()
        y = board(x[None, :], RATE, reset=True)
        y[0] += noise
        best = min(best, time.perf_counter() - t)
    return SECONDS / best


def block_pct(x: np.ndarray) -> float:
    """Median cost of one 1024-sample block of the streaming path, % of the block's 23.2 ms."""
    worst = 0.0
    for preset in (p.id for p in base_catalog().presets):
        chain = LatheChain(preset_profile(preset), plays=0, seed=1, music_s=SECONDS)
        times = []
        for i in range(0, 3000 * BLOCK, BLOCK):
            t = time.perf_counter()
            chain.process(x[i : i + BLOCK])
            times.append(time.perf_counter() - t)
        worst = max(worst, float(np.median(times[100:])))
    return 100.0 * worst / (BLOCK / RATE)


def main() -> None:
    x = music()
    rates = {}
    for preset in (p.id for p in base_catalog().presets):
        rates[preset] = ours(x, preset)
        print(f"ours {preset:14s} {rates[preset]:8.0f}x real time")
    o = min(rates.values())
    t = theirs(x)
    print(f"pedalboard (hp, lp, distortion, chorus, noise) {t:8.0f}x real time")
    b = block_pct(x)
    print(f"streaming block of {BLOCK}: {b:.3f} % of its duration")
    print(f"realtime {o:.0f} pedalboard {t:.0f} ratio {o / t:.2f} block_pct {b:.3f}")


if __name__ == "__main__":
    main()
