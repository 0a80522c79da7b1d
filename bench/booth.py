"""Benchmark of the listening booth's waits, headless (SDL dummy drivers, the silent audio backend, which
pulls blocks in real time as a sound card would):

- open: pushing the booth on a session with records and drawing its first frame;
- play: pressing Play until the backend has pulled the first block of the record (scores come from the disk
  cache, which the game fills in the background at first start; the record renders as it plays);
- measure: the booth's measured figures and A/B loudness for a record (in the background; shown when ready).

Reference, measured in the same run: pushing the main menu and drawing its first frame. Each figure is the
median of 5 tries on different records. Last line:
`open_s <s> play_s <s> measure_s <s> menu_s <s> open_ratio <open/menu> play_ratio <play/menu>`.
"""

from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.audio.library import build_cache  # noqa: E402
from game.ui.frame.app import App  # noqa: E402
from game.ui.scenes.booth import BoothScene  # noqa: E402
from game.ui.scenes.menu import MenuScene  # noqa: E402
from game.ui.sound.audio_bridge import analyze  # noqa: E402
from tests.support.equipped import equipped_session  # noqa: E402

TRIES = 5


def app_in(tmp: str) -> App:
    return App(size=(1280, 720), fullscreen=False, settings_file=Path(tmp) / "settings.json", save_settings=False)


def menu_open(tmp: str) -> float:
    app = app_in(tmp)
    t = time.perf_counter()
    app.push(MenuScene())
    app.render()
    return time.perf_counter() - t


def booth_open(tmp: str, session: object, record: int) -> tuple[float, float, float]:
    """(open, play, measure) seconds for the booth opened on the `record`-th entry."""
    app = app_in(tmp)
    t = time.perf_counter()
    booth = app.push(BoothScene(app, session, 0))
    booth.list.select(min(record, len(booth.entries) - 1))
    app.render()
    opened = time.perf_counter() - t
    t = time.perf_counter()
    booth.toggle_play()
    while True:
        app.run_frames(1)
        stream = booth.bridge.player.stream if booth.bridge and booth.bridge.player else None
        if booth.loaded_index == booth.index and stream is not None and stream.out_pos > 0:
            break
        if time.perf_counter() - t > 30:
            raise RuntimeError(f"no sound after 30 s: {booth.status}")
        time.sleep(0.001)
    played = time.perf_counter() - t
    e = booth.entry
    t = time.perf_counter()
    job = analyze(e.track, replace(e.profile, max_plays=e.profile.max_plays + record + 1), e.plays)  # uncached
    job.wait(60)
    measured = time.perf_counter() - t
    booth.bridge.close()
    return opened, played, measured


def main() -> None:
    build_cache()  # what the first start does in the background
    session = equipped_session()
    with tempfile.TemporaryDirectory() as tmp:
        menu = statistics.median(menu_open(tmp) for _ in range(TRIES))
        runs = [booth_open(tmp, session, 3 + i % 3) for i in range(TRIES)]
    opened, played, measured = (statistics.median(r[i] for r in runs) for i in range(3))
    print(f"menu (reference): {menu * 1000:.0f} ms to open and draw")
    print(f"booth open: {opened * 1000:.0f} ms   play to first sound: {played * 1000:.0f} ms   "
          f"measures and A/B loudness (background): {measured * 1000:.0f} ms")
    print(f"open_s {opened:.3f} play_s {played:.3f} measure_s {measured:.3f} menu_s {menu:.3f} "
          f"open_ratio {opened / menu:.2f} play_ratio {played / menu:.2f}")


if __name__ == "__main__":
    main()
