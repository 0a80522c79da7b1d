"""Frame cost of the UI against the cost of one full-screen blit measured in the same run, and startup time.

    python bench/frame.py [--frames N]

- game view frame: events + one fixed update + drawing the game view on the large level (leningrad_1957:
  100x100 tiles, 44 patrols, 8 bootleggers) at 1280x720 with fog of war, after AI evenings have spread the
  units, with a planned walk shown; this is the `frame_ms` of the last line;
- menu frame: the same for the main menu (printed for reference);
- blit: one full-screen 1280x720 blit of a display-format surface onto the window;
- startup_extra_s: in a fresh process, the time from start to the first menu frame on screen, minus the time
  `import pygame` itself takes in that process.
Runs under SDL's dummy drivers unless they are set. Last line:
`frame_ms <frame> blit_ms <blit> ratio <frame/blit> startup_extra_s <seconds>`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1280, 720)

STARTUP_PROBE = r"""
import time
t0 = time.perf_counter()
import pygame
t_import = time.perf_counter() - t0
import sys, tempfile, pathlib
sys.path.insert(0, sys.argv[1])
from game.ui.frame.app import App
from game.ui.scenes.menu import MenuScene
with tempfile.TemporaryDirectory() as tmp:
    app = App(size=(1280, 720), fullscreen=False, settings_file=pathlib.Path(tmp) / "s.json", save_settings=False)
    app.push(MenuScene())
    app.run_frames(1)
    pygame.display.flip()
    total = time.perf_counter() - t0
print(f"{t_import:.4f} {total:.4f}")
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("SDL_VIDEODRIVER", "dummy")
    env.setdefault("SDL_AUDIODRIVER", "dummy")
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    return env


def startup(runs: int = 3) -> tuple[float, float]:
    """(import pygame s, start to first menu frame s): the best of `runs` fresh processes."""
    best: tuple[float, float] | None = None
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", STARTUP_PROBE, str(ROOT)], capture_output=True, text=True,
                             env=_env(), check=True).stdout.split()
        imp, total = float(out[-2]), float(out[-1])
        if best is None or total - imp < best[1] - best[0]:
            best = (imp, total)
    assert best is not None
    return best


def _time(fn, n: int) -> float:
    """Median of n timings of fn(), ms."""
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return samples[len(samples) // 2]


def game_view(app) -> dict[str, int]:  # noqa: ANN001
    """Push the game view on the large level after AI evenings (all 8 seats AI-played first, then seat 0 human)."""
    from game.ui.play.game_view import GameViewScene
    from tests.support.demo import ROOT as GAME_ROOT
    from tests.support.demo import demo_session, hospital_plan

    session = demo_session(GAME_ROOT / "levels" / "skirmish" / "leningrad_1957.json", turns=8, rivals=7)
    scene = GameViewScene(session, 0, show_intro=False)
    scene.plan = hospital_plan(session)
    app.push(scene)
    app.run_frames(2)
    view = session.view(0)
    assert scene.map is not None
    engine_world = getattr(session, "engine_world", session.world)  # the bench may count what the player cannot see
    return {"patrols": len(engine_world.patrol_specs), "units": len(view.units), "visible": len(view.visible),
            "fog_builds": scene.map.fog_builds}


def playback_frames(app) -> float:  # noqa: ANN001
    """Median ms of the frames while an evening plays back (units moving; the map drawn live)."""
    scene = app.top
    scene.end_turn()
    samples = []
    while scene.playback is not None and len(samples) < 600:
        if app.top is not scene:  # an encounter dialog: go on
            app.pop()
        t = time.perf_counter()
        app.run_frames(1)
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return samples[len(samples) // 2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=300)
    args = parser.parse_args()
    for k, v in _env().items():
        os.environ.setdefault(k, v)
    sys.path.insert(0, str(ROOT))
    import tempfile

    import pygame

    from game.ui.frame.app import App
    from game.ui.scenes.menu import MenuScene

    with tempfile.TemporaryDirectory() as tmp:
        app = App(size=SIZE, fullscreen=False, settings_file=Path(tmp) / "s.json", save_settings=False)
        app.push(MenuScene())
        app.run_frames(30)
        screen = app.screen
        full = pygame.Surface(SIZE).convert()
        full.fill((40, 60, 80))

        def blit() -> None:
            screen.blit(full, (0, 0))

        def one_frame() -> None:
            app.run_frames(1)

        _time(blit, 30)
        blit_ms = _time(blit, args.frames)
        menu_ms = _time(one_frame, args.frames)
        game = game_view(app)
        _time(one_frame, 30)
        idle_ms = _time(one_frame, args.frames)
        play_ms = playback_frames(app)
        game_ms = max(idle_ms, play_ms)
        blit_ms = min(blit_ms, _time(blit, args.frames))
    imp, total = startup()
    extra = total - imp
    print(f"menu frame        {menu_ms:8.3f} ms   ({1000 / menu_ms:.0f} FPS)")
    print(f"full-screen blit  {blit_ms:8.3f} ms")
    print(f"game view frame   {idle_ms:8.3f} ms   ({1000 / idle_ms:.0f} FPS; {game['patrols']} patrols, {game['units']} in sight, "
          f"{game['visible']} tiles visible, fog rebuilt {game['fog_builds']}x)")
    print(f"playback frame    {play_ms:8.3f} ms   (the evening animated step by step, drawn live)")
    print(f"import pygame     {imp:8.3f} s")
    print(f"first menu frame  {total:8.3f} s after start")
    print(f"frame_ms {game_ms:.3f} blit_ms {blit_ms:.3f} ratio {game_ms / blit_ms:.2f} startup_extra_s {extra:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
