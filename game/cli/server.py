"""`main.py server`: a headless dedicated LAN server. Logs joins, turns and errors in plain lines on stdout and
autosaves after every turn; `--resume SAVE` continues a game from its autosave (players rejoin with their
tokens). Exits 0 when the game is over, 1 on bad arguments or files, 0 after Ctrl+C / SIGTERM."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--level", help="level JSON file (not with --resume)")
    parser.add_argument("--port", type=int, default=None, help="TCP port (default 47630; 0: any free port)")
    parser.add_argument("--bind", default="0.0.0.0", help="address to listen on (default: every interface)")
    parser.add_argument("--seats", type=int, default=None, help="bootleggers in the game (default: the level's minimum)")
    parser.add_argument("--ai-fill", action="store_true", help="the AI plays the seats nobody takes")
    parser.add_argument("--min-players", type=int, default=None,
                        help="people needed before the game starts on its own (default: 1 with --ai-fill, else every seat)")
    parser.add_argument("--difficulty", choices=("easy", "normal", "hard"), default="normal", help="AI difficulty")
    parser.add_argument("--turn-seconds", type=float, default=0.0, help="turn timer (default: none)")
    parser.add_argument("--grace-seconds", type=float, default=60.0,
                        help="how long a dropped player keeps the seat before the AI plays it (default 60)")
    parser.add_argument("--password", default="", help="players must give this password")
    parser.add_argument("--name", default="", help="the game's name in the LAN list (default: the level's name)")
    parser.add_argument("--seed", type=int, default=None, help="game seed (default: random)")
    parser.add_argument("--save", help="autosave file (default: server-<level id>.json in the saves folder)")
    parser.add_argument("--resume", metavar="SAVE", help="continue the game in this autosave")
    parser.add_argument("--music", action="append", default=[], metavar="DIR",
                        help="another music folder whose scores players receive (a mod level's own music is found by itself)")
    parser.add_argument("--announce", default=None, metavar="HOST:PORT",
                        help="where to announce the game over UDP: 'off', or HOST:PORT (default: LAN broadcast, "
                             "or $BONE_MUSIC_DISCOVERY)")
    parser.add_argument("--max-per-address", type=int, default=None, help="connections allowed from one address")


def _stamp(line: str) -> None:
    import datetime as dt

    print(f"{dt.datetime.now():%H:%M:%S} {line}", flush=True)


def _host_session(args: argparse.Namespace):  # -> HostSession | str
    import time
    from pathlib import Path

    from game.content.errors import ContentError
    from game.content.modset import playable_level
    from game.session.host import HostConfig, HostSession
    from game.session.replay import GameFileError

    if args.resume:
        try:
            return HostSession.resume(Path(args.resume), time.monotonic())
        except GameFileError as exc:
            return str(exc)
    if not args.level:
        return "give --level PATH for a new game, or --resume SAVE to continue one"
    try:
        found = playable_level(Path(args.level))  # a mod's level comes with its catalog and music
    except ContentError as exc:
        return str(exc)
    level = found.level
    seats = args.seats if args.seats is not None else level.players[0]
    min_players = args.min_players if args.min_players is not None else (1 if args.ai_fill else seats)
    config = HostConfig(game_name=(args.name or level.name)[:64], seats=seats, ai_fill=args.ai_fill,
                        difficulty=args.difficulty, turn_seconds=max(0.0, args.turn_seconds), password=args.password,
                        grace_seconds=max(0.0, args.grace_seconds), min_humans=max(1, min_players),
                        auto_start=True, seed=args.seed, level_path=str(args.level),
                        music_dirs=[str(d) for d in (*found.music_dirs, *args.music)])
    save = Path(args.save) if args.save else _default_save(level.id)
    try:
        return HostSession(config, level, found.catalog, save)
    except ValueError as exc:
        return f"{args.level}: {exc}"


def _default_save(level_id: str):
    import os
    from pathlib import Path

    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "bone-music" / "saves" / f"server-{level_id}.json"


def run(args: argparse.Namespace) -> int:
    import asyncio
    import signal
    import sys

    from game.net import DEFAULT_PORT
    from game.net.discovery import discovery_target, parse_address
    from game.net.limits import Limits
    from game.net.server import GameServer

    host = _host_session(args)
    if isinstance(host, str):
        print(host, file=sys.stderr)
        return 1
    if args.announce is None:
        announce = discovery_target()
    elif args.announce.lower() == "off":
        announce = None
    else:
        try:
            announce = parse_address(args.announce, 47631)
        except ValueError as exc:
            print(f"--announce: {exc}", file=sys.stderr)
            return 1
    limits = Limits() if args.max_per_address is None else Limits(per_address=max(1, args.max_per_address))
    port = DEFAULT_PORT if args.port is None else args.port

    async def serve() -> int:
        server = GameServer(host, limits, _stamp, announce)
        try:
            await server.start(args.bind, port)
        except OSError as exc:
            print(f"cannot listen on {args.bind}:{port}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        if args.resume:
            _stamp(f"resumed: {args.resume} at turn {host.turn} ({host.turn} turns replayed and checked); "
                   "players rejoin with their tokens")
        if host.save_path is not None:
            _stamp(f"autosave: {host.save_path} (continue with --resume {host.save_path})")
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        done = asyncio.create_task(server.over.wait())
        halt = asyncio.create_task(stop.wait())
        await asyncio.wait({done, halt}, return_when=asyncio.FIRST_COMPLETED)
        if server.over.is_set():
            await asyncio.sleep(1.0)  # let the last messages go out
            await server.close("the game is over")
        else:
            _stamp("stopping: the game stays in the autosave")
            await server.close()
        halt.cancel()
        done.cancel()
        return 0

    return asyncio.run(serve())
