"""`main.py bot HOST:PORT --name NAME`: a headless LAN player played by the AI from its own view (to fill a table
from another machine, and for tests). Prints `joined seat N`, a line per evening with the view's hash and
whether it matches (`ok` or `DESYNC`), and at the end `over: ...` and `hash <final state hash>`. With
`--token-file` it keeps its rejoin token there and takes its seat back after a restart; with `--reconnect S` it
keeps trying to rejoin for S seconds after the connection breaks. Exit 0 when the game is over, 1 otherwise."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("address", metavar="HOST:PORT", help="the host")
    parser.add_argument("--name", required=True, help="the bot's name at the table")
    parser.add_argument("--difficulty", choices=("easy", "normal", "hard"), default="normal")
    parser.add_argument("--password", default="")
    parser.add_argument("--token-file", metavar="PATH", help="where to keep the rejoin token (read it to rejoin)")
    parser.add_argument("--reconnect", type=float, default=0.0, metavar="S",
                        help="after the connection breaks, try to rejoin for this many seconds (default: give up)")
    parser.add_argument("--think", type=float, default=0.0, metavar="S", help="seconds to think before each evening's orders")
    parser.add_argument("--timeout", type=float, default=600.0, help="give up after this many seconds in all")


def play_turn(session, difficulty: str) -> None:
    """The AI's orders for this evening from the seat's own world and view, cut back until the host accepts them
    (no stop, then no action, then staying put), then "ready"."""
    from game.core import ai
    from game.core.commands import Orders

    orders = ai.decide(session.world, session.view(), difficulty)
    for candidate in (orders, orders.model_copy(update={"stop": None}),
                      orders.model_copy(update={"stop": None, "action": None}), Orders(accept=orders.accept), Orders()):
        if session.submit(session.seat, candidate) is None:
            break
    session.end_turn()


def _to_play(session, answered: int) -> bool:
    """A new evening the bot has not given orders for yet."""
    return session.started and session.turn != answered and not session.ready


def run(args: argparse.Namespace) -> int:
    import sys
    import time
    from pathlib import Path

    from game.session.remote import JoinError, RemoteSession

    token_file = Path(args.token_file) if args.token_file else None
    token = token_file.read_text(encoding="utf-8").strip() if token_file and token_file.is_file() else ""
    end = time.monotonic() + args.timeout

    def join(token: str) -> RemoteSession | None:
        give_up = time.monotonic() + max(args.reconnect, 0.0)
        while True:
            try:
                session = RemoteSession.join(args.address, args.name, args.password, token, answer_seconds=5.0)
            except JoinError as exc:
                if time.monotonic() >= give_up or "refused" in str(exc):
                    print(f"cannot join: {exc}", file=sys.stderr, flush=True)
                    return None
                time.sleep(0.5)
                continue
            if token_file is not None:
                token_file.write_text(session.token, encoding="utf-8")
            print(f"joined seat {session.seat}", flush=True)
            return session

    session = join(token)
    if session is None:
        return 1
    session.set_ready(True)
    answered = -1
    while time.monotonic() < end:
        session.wait(lambda s=session, a=answered: s.closed is not None or s.over or _to_play(s, a), 1.0)
        for message in session.poll():
            if type(message).__name__ == "TurnStart":
                view = message.view
                verdict = "ok" if view.content_hash() == view.view_hash else "DESYNC"
                print(f"turn {message.turn} view {view.view_hash} {verdict}", flush=True)
        if session.over:
            board = "; ".join(f"{s.rank}. {s.name}" for s in session.standings())
            print(f"over: {board}", flush=True)
            report = session.report()
            print(f"hash {report.state_hash if report else '-'}", flush=True)
            session.leave()
            return 0
        if session.closed is not None:
            print(f"connection closed: {session.closed}", flush=True)
            if args.reconnect <= 0:
                return 1
            again = join(session.token)
            if again is None:
                return 1
            session, answered = again, -1
            continue
        if _to_play(session, answered):
            answered = session.turn
            time.sleep(max(0.0, args.think))
            play_turn(session, args.difficulty)
    print("timed out", file=sys.stderr, flush=True)
    session.leave()
    return 1
