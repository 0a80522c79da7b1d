"""Bone Music: the command line. `python main.py` starts the game; `python main.py COMMAND --help` for the rest.

Each sub-command lives in its own module under `game/cli/` with `add_arguments(parser)` and `run(args) -> int`;
modules are imported only when their command runs, so `validate` or `autoplay` never load pygame.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

COMMANDS: dict[str, str] = {
    "play": "start the game window (the default when no command is given)",
    "autoplay": "run an AI-only game headless and print a line per turn and the final state hash",
    "replay": "re-run a recorded game and print its final state hash",
    "validate": "check level files and mod folders, naming every error",
    "newmod": "write a working skeleton mod (a new city, track and lathe part) to start from",
    "export": "render a track through a lathe model to a WAV file",
    "screenshot": "render one scene of the game to a PNG file, headless",
    "server": "run a headless dedicated LAN server that logs joins, turns and errors",
    "join": "open the game window joined to a LAN game at HOST:PORT",
    "bot": "join a LAN game as a headless player played by the AI",
}


def build_parser(command: str | None) -> argparse.ArgumentParser:
    """The full parser; only the chosen command's module is imported to add its arguments."""
    parser = argparse.ArgumentParser(prog="main.py", description="Bone Music: music on ribs, Leningrad 1946-1962.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, summary in COMMANDS.items():
        command_parser = sub.add_parser(name, help=summary, description=summary)
        if name == command:
            importlib.import_module(f"game.cli.{name}").add_arguments(command_parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        argv = ["play"]
    command = argv[0] if argv[0] in COMMANDS else None
    args = build_parser(command).parse_args(argv)
    module = importlib.import_module(f"game.cli.{args.command}")
    return int(module.run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
