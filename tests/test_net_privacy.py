"""Eavesdropping: every frame three clients receive over a whole game on 127.0.0.1 is checked against what their
players could know at that time, computed independently by replaying the host's save with the full engine
state. No frame may reveal a unit, site, stock, demand or route outside that knowledge."""

from __future__ import annotations

import json

from game.core.view import VIEW_RADIUS, known_demand, visible_tiles
from game.session.remote import RemoteSession
from game.session.session import LocalSession
from tests.test_net_support import LOOPBACK, in_process_host, play_with_ai, short_level

RIVAL_KEYS = {"index", "name", "reputation", "free", "arrests"}


def _strings(value: object) -> set[str]:
    """Every string and object key in parsed JSON."""
    found: set[str] = set()
    if isinstance(value, str):
        found.add(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            found.add(k)
            found |= _strings(v)
    elif isinstance(value, list):
        for v in value:
            found |= _strings(v)
    return found


class Truth:
    """What each seat could know after each turn, from the engine's full state (the replay of the save)."""

    def __init__(self, save) -> None:
        self.after: dict[int, dict[int, dict]] = {}
        start = LocalSession.from_file(save, turns=0)
        self.world = start.engine_world
        self._record(start, None)
        self.final = LocalSession.from_file(save, on_turn=self._record)

    def _record(self, session: LocalSession, report) -> None:
        world, state = session.engine_world, session.state
        seats = {}
        for me in state.players:
            seen = visible_tiles(world, me)
            steps = []
            if report is not None:
                taken_at = next((e.pos for e in report.events
                                 if e.player == me.index and e.kind == "arrested" and e.pos), None)
                for positions in report.steps:
                    mine = positions.get(f"p{me.index}", taken_at)  # an arrested player sees from where taken
                    around = world.city.visible_tiles(mine, VIEW_RADIUS) if mine is not None else set()
                    steps.append({uid for uid, pos in positions.items()
                                  if pos in around or uid in me.known_informers or uid == f"p{me.index}"})
            seats[me.index] = {
                "seen": seen,
                "units": {f"p{p.index}": p.pos for p in state.players if p.free}
                | {p.id: p.pos for p in state.patrols},
                "informers": set(me.known_informers),
                "workshops": set(me.known_workshops) | {me.workshop},
                "steps": steps,
                "sites": {s.id: (s.at[0], s.at[1]) for s in world.level.sites},
                "known_demand": {s: known_demand({g: state.sites[s].public_demand_for(g)
                                                  for g in state.sites[s].base_demand},
                                                 me.demand_memory.get(s), state.turn)
                                 for s in state.sites},
            }
        self.after[state.turn] = seats


def _check_turn(frame: dict, truth: dict, world, seat: int) -> None:
    view = frame["view"]
    assert view["seat"] == seat
    seen = truth["seen"]
    informers = {p.id for p in world.level.patrols if p.kind == "informer"}
    for unit in view["units"]:
        uid, pos = unit["id"], tuple(unit["pos"])
        assert truth["units"][uid] == pos, f"{uid} is not where the view says"
        assert (uid in truth["informers"]) if uid in informers else pos in seen, f"{uid} at {pos} was not in sight"
    for rival in view["rivals"]:
        assert set(rival) == RIVAL_KEYS  # no money, records or position of a rival
    for site in view["hospital_stock"]:
        assert truth["sites"][site] in seen
    for site in view["demand_seen"]:
        assert truth["sites"][site] in seen
    for site, demand in view["demand"].items():
        if site not in view["demand_seen"]:
            # no rival's sales leak through an unseen buyer: only the street's word and one's own memory
            assert demand == truth["known_demand"][site]
    shown = {u["id"] for u in view["units"]}
    report = frame.get("report")
    if report is not None:
        shown |= set(report["units"])
        # the patrol that stopped this player in the street is known to them (it may be missing from the steps:
        # a player arrested at a step is not in the later steps)
        shown |= {e["patrol"] for e in report["events"] if e["patrol"] and e["player"] == seat}
        for step, allowed in zip(report["steps"], truth["steps"], strict=True):
            assert set(step) <= allowed, f"the report shows {set(step) - allowed} out of sight"
    words = _strings(frame)
    for patrol in world.level.patrols:
        assert patrol.id not in words or patrol.id in shown, f"patrol {patrol.id} is named out of sight"
    for site in world.workshops:
        assert site.id not in words or site.id in truth["workshops"], f"workshop {site.id} leaked"


def test_no_message_reveals_what_the_player_could_not_know(tmp_path):
    level = short_level(tmp_path, "levels/skirmish/vasilievsky_1953.json", 25)
    save = tmp_path / "game.json"
    thread, port = in_process_host(level, 4, 3, save=save, seed=3)
    players = [RemoteSession.join((LOOPBACK, port), name, record=True) for name in ("Lev", "Zoya", "Gleb")]
    try:
        for p in players:
            p.set_ready(True)
        play_with_ai(players, timeout=120)
        assert all(p.over for p in players)
        thread.server.host.flush_save()
    finally:
        for p in players:
            p.leave()
        thread.stop()
    truth = Truth(save)
    world = truth.world
    checked = 0
    for player in players:
        seat = player.seat
        frames = [json.loads(f) for f in player.link.frames]
        assert frames[0]["type"] == "welcome"
        for frame in frames:
            kind = frame["type"]
            if kind == "game":
                level_sent = frame["level"]
                assert level_sent["patrols"] == [] and level_sent["events"] == []
                workshops = [s["id"] for s in level_sent["sites"] if s["kind"] == "workshop"]
                assert workshops == [truth.final.state.players[seat].workshop]  # only their own
            elif kind == "turn":
                _check_turn(frame, truth.after[frame["turn"]][seat], world, seat)
                checked += 1
            else:
                assert kind in {"welcome", "lobby", "table", "checked", "seat", "said", "over", "pong", "closing"}, kind
                words = _strings(frame)
                assert not words & {p.id for p in world.level.patrols}
                assert not words & {s.id for s in world.workshops}
    assert checked == 3 * (truth.final.state.turn + 1)  # every evening of every player was looked at

