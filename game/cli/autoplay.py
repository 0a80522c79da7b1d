"""`main.py autoplay`: an AI-only game, a line per turn, the standings and `hash <hex>` last."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--level", required=True, help="level JSON file (in a mod folder: played with that mod)")
    parser.add_argument("--players", type=int, default=2, help="AI bootleggers (default 2)")
    parser.add_argument("--seed", type=int, default=1, help="game seed (default 1)")
    parser.add_argument("--turns", type=int, default=None, help="stop after this many turns (default: the level's end date)")
    parser.add_argument("--json", action="store_true", help="print one JSON object per turn instead of text")
    parser.add_argument("--record", metavar="FILE", help="write a replay file (level, seed, every turn's orders)")


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from game.content.errors import ContentError
    from game.content.modset import playable_level
    from game.session.autoplay import run_to_end
    from game.session.session import LocalSession

    try:
        found = playable_level(Path(args.level))
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        session = LocalSession(found.level, found.catalog, args.players, args.seed, level_path=args.level)
    except ValueError as exc:
        print(f"{args.level}: {exc}", file=sys.stderr)
        return 1
    run_to_end(session, args.turns, print, args.json)
    if args.record:
        session.save(Path(args.record))
        print(f"replay written to {args.record}", file=sys.stderr)
    return 0
