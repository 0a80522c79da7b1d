"""`python main.py play`: open the game window on the main menu."""

from __future__ import annotations

import argparse


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


def run(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.ui.frame.app import App
    from game.ui.scenes.menu import MenuScene

    fullscreen = False if args.windowed else (True if args.fullscreen else None)
    app = App(size=args.size, fullscreen=fullscreen)
    app.push(MenuScene())
    app.run()
    return 0
