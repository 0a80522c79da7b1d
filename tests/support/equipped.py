"""A real session with a plausible inventory for seat 0, for screenshots and tests (dev-only: it changes game
state directly through the commands' `apply`, which the shipped game never does).

`equipped_session()` loads levels/skirmish/ligovka_nights.json, plays a few turns (AI rivals; seat 0 stays home),
then equips seat 0 through the engine's own commands (BuyMaster, BuyPart, Scavenge, CutRecords `apply`), as
if it had spent a few evenings in the city."""

from __future__ import annotations

from pathlib import Path

from game.core import informing
from game.core.commands import BuyMaster, BuyPart, CutRecords, InstallPart, Scavenge
from game.core.rng import Streams
from game.core.state import KOPECKS

ROOT = Path(__file__).resolve().parents[2]
DEMO_LEVEL = ROOT / "levels" / "skirmish" / "ligovka_nights.json"


def load_demo_level(path: Path | None = None):  # noqa: ANN201
    """The level at `path` (default: Ligovka Nights) through the game's loader; falls back to plain model
    validation if the loader rejects it (e.g. music not installed yet)."""
    from game.content.loader import load_level
    from game.content.models import Level

    path = path or DEMO_LEVEL
    try:
        return load_level(path)
    except Exception:  # noqa: BLE001
        return Level.model_validate_json(Path(path).read_text(encoding="utf-8"))


def equipped_session(level_path: Path | None = None, seed: int = 7, turns: int = 3, equip: bool = True):  # noqa: ANN201
    """A LocalSession (seat 0 human, one AI rival) after `turns` turns, with seat 0 equipped if `equip`."""
    from game.content.catalog import base_catalog
    from game.session.session import LocalSession

    level = load_demo_level(level_path)
    session = LocalSession(level, base_catalog(), 2, seed, humans=(0,), level_path=str(level_path or DEMO_LEVEL))
    for _ in range(turns):
        session.end_turn()
    if equip:
        equip_player(session, 0)
    return session


def equip_player(session, seat: int) -> None:  # noqa: ANN001
    """Give `seat` masters, films, a spare part and a few cut records by applying real commands."""
    world, state = session.engine_world, session.state
    player = state.players[seat]
    streams = Streams(state.seed, state.rng)
    player.money += 400 * KOPECKS  # a good season's takings, so the purchases below are plausible
    contacts = [s for s in world.level.sites if s.kind == "contact"]
    bought = 0
    for site in contacts:
        for master_id in site.masters[:2]:
            if bought < 3 and BuyMaster(master=master_id).check(world, state, player, tuple(site.at)) is None:
                BuyMaster(master=master_id).apply(world, state, streams, player)
                bought += 1
        for part_id in site.parts[:1]:
            if BuyPart(part=part_id).check(world, state, player, tuple(site.at)) is None:
                BuyPart(part=part_id).apply(world, state, streams, player)
    radio = next((s for s in contacts if "gramophone_needle" in s.parts), None)
    if radio is not None and BuyPart(part="gramophone_needle").check(world, state, player, tuple(radio.at)) is None:
        BuyPart(part="gramophone_needle").apply(world, state, streams, player)
        InstallPart(spare=len(player.spares) - 1).apply(world, state, streams, player)
    hospital = next((s for s in world.level.sites if s.kind == "hospital"), None)
    if hospital is not None:
        saved = player.pos
        player.pos = (hospital.at[0], hospital.at[1])
        for _ in range(2):
            if Scavenge().check(world, state, player, player.pos) is None:
                Scavenge().apply(world, state, streams, player)
        player.pos = saved
    workshop = world.sites[player.workshop]
    at = (workshop.at[0], workshop.at[1])
    for owned in player.masters[:2]:
        kind = max(sorted(player.films), key=lambda k: player.films[k], default=None)
        if kind is None or player.films[kind] == 0:
            break
        cut = CutRecords(films={kind: min(2, player.films[kind])}, master=owned.master_id)
        if cut.check(world, state, player, at) is None:
            cut.apply(world, state, streams, player)
    rival = next((p for p in state.players if p.index != seat), None)
    if rival is not None:  # as if seat 0 had walked past a rival's workshop
        informing.record_sighting(state, player, rival.index, "workshop")
        player.known_workshops.append(rival.workshop)
    if player.records:
        src = player.records[0]
        kind = max(sorted(player.films), key=lambda k: player.films[k], default=None)
        if kind is not None and player.films[kind] > 0:
            copy = CutRecords(films={kind: 1}, record=src.id)
            if copy.check(world, state, player, at) is None:
                copy.apply(world, state, streams, player)
