"""`main.py replay FILE`: re-run a recorded game turn by turn and print `hash <hex>` of its final state."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="replay file written by `autoplay --record` (or a save)")
    parser.add_argument("--json", action="store_true", help="print one JSON object per turn instead of text")


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from game.core.report import TurnReport
    from game.session.autoplay import standings_lines, turn_json, turn_line
    from game.session.replay import GameFileError
    from game.session.session import LocalSession

    lines: list[str] = []

    def show(session: LocalSession, report: TurnReport) -> None:
        lines.append(turn_json(session, report) if args.json else turn_line(session, report))

    try:
        session = LocalSession.from_file(Path(args.file), on_turn=show)
    except GameFileError as exc:
        print(exc, file=sys.stderr)
        return 1
    print("\n".join(lines))
    if not args.json:
        print("\n".join(standings_lines(session)))
    print(f"hash {session.state_hash}")
    return 0
