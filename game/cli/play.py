"""`python main.py play`: open the game window on the main menu (or, with `--level`, on that level's set-up;
with `--watch` too, straight into the game, starting again whenever the level file or its mod changes)."""

from __future__ import annotations

import argparse
from pathlib import Path


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1280x720, got {text!r}") from None
    if w < 320 or h < 240:
        raise argparse.ArgumentTypeError("the window must be at least 320x240")
    return w, h


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--windowed", action="store_true", help="open in a window even if settings say fullscreen")
    parser.add_argument("--fullscreen", action="store_true", help="fill the screen")
    parser.add_argument("--size", type=_size, metavar="WxH", help="window size, e.g. 1280x720 (default: from settings)")
    parser.add_argument("--level", type=Path, metavar="PATH", help="open this level (a level of a mod plays with its mod)")
    parser.add_argument("--watch", action="store_true",
                        help="with --level: play it now and start again whenever the level or its mod changes")
    parser.add_argument("--rivals", type=int, default=1, help="with --watch: AI rivals (default 1)")
    parser.add_argument("--seed", type=int, default=1957, help="with --watch: the game's seed (default 1957)")


def run(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.ui.files import mods
    from game.ui.frame.app import App
    from game.ui.scenes.menu import MenuScene

    mods.current()  # the enabled mods are read once at start: their music joins the library before any booth opens
    fullscreen = False if args.windowed else (True if args.fullscreen else None)
    if args.watch and args.level is None:
        print("--watch needs --level PATH (the level file to watch)")
        return 2
    if args.watch:
        from game.ui.play.hot_reload import WatchingApp

        app: App = WatchingApp(args.level, args.rivals, args.seed, size=args.size, fullscreen=fullscreen)
        app.push(MenuScene())
        app.begin()
    else:
        app = App(size=args.size, fullscreen=fullscreen)
        app.push(MenuScene())
        if args.level is not None:
            from game.ui.scenes.skirmish import SkirmishSetupScene

            app.push(SkirmishSetupScene(level_path=args.level))
    app.run()
    return 0
