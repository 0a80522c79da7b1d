"""Benchmark of the lathe chain against pedalboard doing the same list of things at the same sample rate.

Both sides process 180 s of a shipped score at 44.1 kHz mono, one core (BLAS threads pinned to 1), and both
are timed from setup (building the chain or board, making the noise, hum and click tracks) to the last
sample. Best of 3 runs each; ours is the slowest catalog preset.

    stage (ours)                                          pedalboard (theirs)
    input filter: elliptic low-pass, 8th order            LowpassFilter (1st order)
    amplifier: gain, cubic valve curve, mains hum         Gain, Distortion (tanh), + a hum track
    cutter: distortion at the inner groove, 2nd-order     Clipping, HighpassFilter (1st order),
      high-pass, 4th-order low-pass                         LadderFilter LPF24 (4 poles)
    turntable: cutting speed, spring drift, seeded wow     Chorus as vibrato (mix 1, one 1.3 Hz LFO,
      and flutter, off-centre wobble; 8-tap sinc reader      linear-interpolated delay line)
    disc: crackle, scratch and run-out clicks, hiss        + a click track, + a hiss track
    pickup: 2nd-order low-pass; the listener's volume      LadderFilter LPF12 (2 poles), Gain

Also the streaming path the booth uses: 1024-sample blocks pulled from `RecordStream`, median and 99th
percentile block cost (the thread's CPU time; the wall-clock p99 is printed too) as a share of the block's
23.2 ms; and the p99 of the player's pull as a sound card makes it, while the render-ahead thread works.
Last line: `realtime <ours> pedalboard <theirs> ratio <ours/theirs> block_pct <median> block_p99_pct <p99>
callback_p99_pct <p99>`.
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

from game.audio.chain import RATE, render_record  # noqa: E402
from game.audio.player import RecordStream  # noqa: E402
from game.content.catalog import base_catalog  # noqa: E402
from game.core.presets import preset_profile  # noqa: E402

SECONDS = 180.0
BLOCK = 1024


def music() -> np.ndarray:
    """180 s of a shipped score (rendered through the disk cache), looped if shorter."""
    from game.audio.library import load_track

    x = load_track("nevsky_boogie")
    return np.resize(x, int(SECONDS * RATE)).astype(np.float32)


def ours(x: np.ndarray, preset: str) -> float:
    """Seconds of audio per second of work, setup included (a new seed each run: no cached noise tables)."""
    best = 1e9
    for run in range(3):
        t = time.perf_counter()
        render_record(x, preset_profile(preset), seed=1000 + run, lead_in_s=0.0, run_out_s=0.0)
        best = min(best, time.perf_counter() - t)
    return SECONDS / best


def theirs(x: np.ndarray, preset: str) -> float:
    import pedalboard as pb

    p = preset_profile(preset)
    best = 1e9
    for run in range(3):
        t = time.perf_counter()
        rng = np.random.default_rng(run)
        n = len(x)
        # like ours: a mains cycle and an 11.9 s noise table, repeated over the side
        hum = np.resize((p.hum * np.sin(2 * np.pi * np.arange(882) / 882)).astype(np.float32), n)
        hiss = np.resize((rng.standard_normal(1 << 19) * p.film_noise).astype(np.float32), n)
        clicks = np.zeros(n, np.float32)
        clicks[rng.integers(0, n, int(p.crackle_rate * SECONDS))] = 0.3
        front = pb.Pedalboard([pb.LowpassFilter(10_400.0), pb.Gain(20 * np.log10(p.gain)), pb.Distortion(6.0)])
        back = pb.Pedalboard([
            pb.Clipping(-1.0), pb.HighpassFilter(p.low_cut_hz),
            pb.LadderFilter(pb.LadderFilter.Mode.LPF24, 1.25 * p.bandwidth_hz),
            pb.Chorus(rate_hz=1.3, depth=0.25, centre_delay_ms=2.0, feedback=0.0, mix=1.0),
        ])
        pickup = pb.Pedalboard([pb.LadderFilter(pb.LadderFilter.Mode.LPF12, 1.1 * p.bandwidth_hz),
                                pb.Gain(-20 * np.log10(p.gain))])
        y = front(x[None, :], RATE)
        y[0] += hum
        y = back(y, RATE)
        y[0] += clicks
        y = pickup(y, RATE)
        y[0] += hiss
        best = min(best, time.perf_counter() - t)
    return SECONDS / best


def block_costs(x: np.ndarray) -> tuple[float, float, float]:
    """(median, 99th percentile, wall-clock 99th percentile) cost of one 1024-sample block pulled from the
    booth's stream, % of its duration, over 3000 blocks of each preset (the worst preset counts). The first two
    are the thread's CPU time (what the chain costs); the wall clock adds whatever else the machine ran."""
    med = p99 = wall99 = 0.0
    for preset in (p.id for p in base_catalog().presets):
        stream = RecordStream(x, preset_profile(preset), seed=1)
        cpu, wall = [], []
        for _ in range(3000):
            t, c = time.perf_counter(), time.thread_time()
            stream.read(BLOCK)
            cpu.append(time.thread_time() - c)
            wall.append(time.perf_counter() - t)
        cpu_a, wall_a = np.array(cpu[20:]), np.array(wall[20:])
        med = max(med, float(np.median(cpu_a)))
        p99 = max(p99, float(np.percentile(cpu_a, 99)))
        wall99 = max(wall99, float(np.percentile(wall_a, 99)))
    scale = 100.0 / (BLOCK / RATE)
    return med * scale, p99 * scale, wall99 * scale


def callback_p99(x: np.ndarray, blocks: int = 600) -> float:
    """99th percentile wall time of the player's pull of one 1024-sample block, as a sound card calls it (in
    real time, with the render-ahead thread working beside it), % of the block's duration."""
    from game.audio.player import Player

    player = Player("silent")
    player.use(RecordStream(x, preset_profile("kitchen_table"), seed=1))
    player.play()
    player.backend.stop()  # we are the sound card now
    times, due = [], time.perf_counter()
    for _ in range(blocks):
        due += BLOCK / RATE
        time.sleep(max(0.0, due - time.perf_counter()))
        t = time.perf_counter()
        player._pull(BLOCK)
        times.append(time.perf_counter() - t)
    player.close()
    return 100.0 * float(np.percentile(times[20:], 99)) / (BLOCK / RATE)


def main() -> None:
    x = music()
    rates, theirs_rates = {}, {}
    for preset in (p.id for p in base_catalog().presets):
        rates[preset] = ours(x, preset)
        theirs_rates[preset] = theirs(x, preset)
        print(f"{preset:14s} ours {rates[preset]:7.0f}x real time   pedalboard {theirs_rates[preset]:7.0f}x")
    worst = min(rates, key=rates.get)
    o, t = rates[worst], theirs_rates[worst]
    med, p99, wall99 = block_costs(x)
    print(f"streaming block of {BLOCK} (thread CPU time): median {med:.3f} %, p99 {p99:.3f} % of its "
          f"{1000 * BLOCK / RATE:.1f} ms; wall-clock p99 {wall99:.3f} %")
    cb = callback_p99(x)
    print(f"the player's pull of a block (what the sound card waits for, rendering ahead): p99 {cb:.3f} %")
    print(f"realtime {o:.0f} pedalboard {t:.0f} ratio {o / t:.2f} block_pct {med:.3f} block_p99_pct {p99:.3f} "
          f"callback_p99_pct {cb:.3f}")


if __name__ == "__main__":
    main()
