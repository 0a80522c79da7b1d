"""Real sessions for the screenshot command and the frame benchmark: a level played a few evenings by the AI
and by a scripted seat 0 (walk to the hospital, scavenge), through the same Plan and Orders the game view uses."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from game.core.commands import Scavenge
from game.ui.play.plan import Plan

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_LEVEL = ROOT / "levels" / "skirmish" / "ligovka_nights.json"


def demo_session(level_path: Path | None = None, turns: int = 3, seed: int = 1957, rivals: int | None = None) -> Any:
    """A LocalSession after `turns` AI-played evenings (seat 0 waits at home)."""
    from game.content.modset import playable_level
    from game.session.session import LocalSession

    path = Path(level_path or DEFAULT_LEVEL)
    found = playable_level(path)  # a mod's level plays with the mod's catalog
    level = found.level
    players = 1 + (rivals if rivals is not None else max(1, min(3, level.players[1] - 1)))
    session = LocalSession(level, found.catalog, players, seed, humans=(0,), level_path=str(path))
    for _ in range(turns):
        session.end_turn()
    return session


def hospital_plan(session: Any, seat: int = 0) -> Plan:
    """A plan to walk to the nearest hospital and scavenge there."""
    world = session.world
    view = session.view(seat)
    me = view.player.pos
    hospitals = [s for s in world.level.sites if s.kind == "hospital"]
    target = min(hospitals, key=lambda s: abs(s.at[0] - me[0]) + abs(s.at[1] - me[1]))
    plan = Plan(target=(target.at[0], target.at[1]), action=Scavenge())
    plan.route(world, view)
    return plan


def play_to_hospital(session: Any, seat: int = 0, max_turns: int = 8) -> tuple[Any, Any]:
    """Walk seat 0 to the hospital and scavenge; returns (the report of the evening the films were taken, a copy
    of the view at that evening's start)."""
    before = copy.deepcopy(session.view(seat))
    for _ in range(max_turns):
        before = copy.deepcopy(session.view(seat))
        plan = hospital_plan(session, seat)
        if session.submit(seat, plan.orders()) is not None:
            session.submit(seat, type(plan.orders())())
        session.end_turn()
        report = session.report(seat)
        if any(e.kind == "action" and e.player == seat for e in report.events):
            return report, before
    return session.report(seat), before


def game_scene(level_path: Path | None = None, turns: int = 3, walk: int = 1) -> Any:
    """The game view after a few AI evenings and `walk` evenings of seat 0 walking towards the hospital,
    with the rest of the walk planned."""
    from game.ui.play.game_view import GameViewScene
    from game.ui.play.ledger import evening_ledger

    session = demo_session(level_path, turns)
    before, events = None, []
    for i in range(walk + 5):  # out into the street; a little further if no patrol is in sight yet
        if i >= walk and session.view(0).units:
            break
        plan = hospital_plan(session)
        if not plan.tonight or plan.arrives_tonight:
            break
        before = copy.deepcopy(session.view(0))
        session.submit(0, plan.orders())
        session.end_turn()
        events = session.report(0).events
    scene = GameViewScene(session, 0, show_intro=False)
    if before is not None:
        scene.ledger = evening_ledger(session.world, before, session.view(0), events, 0)
    plan = hospital_plan(session)
    scene.plan = plan
    scene._submit(quiet=True)
    return scene


def report_scene(level_path: Path | None = None) -> Any:
    """The newspaper for a real evening: seat 0 reaches the hospital and scavenges."""
    from game.ui.play.ledger import evening_ledger
    from game.ui.scenes.turn_report import report_scene as make

    session = demo_session(level_path, 2)
    report, before = play_to_hospital(session)
    view = session.view(0)
    return make(session.world, report, view, 0, ledger=evening_ledger(session.world, before, view, report.events, 0))
