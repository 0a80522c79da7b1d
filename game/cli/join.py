"""`main.py join HOST:PORT --name NAME`: open the game window joined to the LAN game at that address (the lobby,
or the game itself when it is already running; a seat held before is taken back with the remembered token)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("address", metavar="HOST:PORT", help="the host, e.g. 192.168.1.20:47630")
    parser.add_argument("--name", required=True, help="your bootlegger's name at the table")
    parser.add_argument("--password", default="", help="the game's password, if it has one")
    parser.add_argument("--windowed", action="store_true", help="open in a window even if settings say fullscreen")


def run(args: argparse.Namespace) -> int:
    import sys

    from game.net import DEFAULT_PORT
    from game.net.discovery import parse_address

    try:
        parse_address(args.address, DEFAULT_PORT)
    except ValueError as exc:
        print(f"join: {exc}", file=sys.stderr)
        return 1
    from game.ui.frame.app import App
    from game.ui.scenes.join import JoinScene
    from game.ui.scenes.menu import MenuScene

    app = App(fullscreen=False if args.windowed else None)
    app.push(MenuScene())
    app.push(JoinScene(args.address, args.name[:24], args.password, auto_join=True))
    app.run()
    return 0
