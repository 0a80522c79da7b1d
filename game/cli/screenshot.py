"""`python main.py screenshot --scene NAME --out FILE.png [--scale 1.5] [--palette colour_blind]`: render one scene
headless to a PNG.

A developer's tool: the scenes and the demo sessions behind them live in the repository's `tests/support`
(not shipped with the game). Runs under SDL's dummy video and audio drivers unless they are set already, with
default settings (the player's settings and saves are neither read nor written). `--list` prints the names."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.cli.play import _size

UPDATE_TICKS = 30  # fixed steps run before the picture is taken (lets fades and focus glows settle)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scene", help="scene name (see --list)")
    parser.add_argument("--out", type=Path, help="PNG file to write")
    parser.add_argument("--level", type=Path, help="level file for scenes that show one (skirmish)")
    parser.add_argument("--size", type=_size, default=(1280, 720), metavar="WxH", help="image size (default 1280x720)")
    parser.add_argument("--scale", type=float, default=1.0, help="UI scale, 0.75-2.0 (default 1.0)")
    parser.add_argument("--palette", choices=("standard", "colour_blind"), default="standard", help="colour palette")
    parser.add_argument("--list", action="store_true", help="print the scene names and exit")


def render(scene_name: str, out: Path, size: tuple[int, int] = (1280, 720), level: Path | None = None,
           scale: float = 1.0, palette: str = "standard") -> Path:
    """Render `scene_name` at `size` to the PNG `out`; returns the path. Raises KeyError for an unknown name."""
    import json
    import os
    import tempfile

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.ui.frame.app import App
    from tests.support.screens import SCENES, SceneOptions

    _desc, factory = SCENES[scene_name]
    with tempfile.TemporaryDirectory() as tmp:  # defaults, and never touch the player's settings or saves
        settings = Path(tmp) / "settings.json"
        settings.write_text(json.dumps({"ui_scale": scale, "palette": palette, "first_run": False}), encoding="utf-8")
        old = os.environ.get("XDG_DATA_HOME")
        os.environ["XDG_DATA_HOME"] = tmp
        app = App(size=size, fullscreen=False, settings_file=settings, save_settings=False)
        made = factory(SceneOptions(level=level))
        for scene in made if isinstance(made, list) else [made]:
            app.push(scene)
        if hasattr(app.top, "settle"):  # a scene with background work (the booth's measures) finishes it first
            app.top.settle(30.0)
        app.run_frames(UPDATE_TICKS)
        out.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(app.render(), str(out))
        if old is None:
            os.environ.pop("XDG_DATA_HOME", None)
        else:
            os.environ["XDG_DATA_HOME"] = old
    return out


def run(args: argparse.Namespace) -> int:
    from tests.support.screens import SCENES

    if args.list:
        for name, (desc, _f) in SCENES.items():
            print(f"{name:10s} {desc}")
        return 0
    if not args.scene or not args.out:
        print("screenshot: --scene NAME and --out FILE.png are required (or --list)")
        return 2
    if args.scene not in SCENES:
        print(f"screenshot: unknown scene {args.scene!r}; known: {', '.join(SCENES)}")
        return 2
    if args.level is not None and not args.level.is_file():
        print(f"screenshot: no such level file: {args.level}")
        return 2
    path = render(args.scene, args.out, args.size, args.level, args.scale, args.palette)
    print(f"wrote {path} ({args.size[0]}x{args.size[1]}, scene {args.scene})")
    return 0
