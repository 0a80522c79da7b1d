"""Two people at one table, for the black-market tests and screenshots (dev-only: seats are equipped through the
commands' `apply`, as `equipped` does): a LocalSession on Ligovka Nights with seats 0 and 1 both human and
both equipped, each holding a master the other lacks."""

from __future__ import annotations

from typing import Any

from game.core.commands import BuyMaster, Offer, Orders
from game.core.rng import Streams
from game.core.state import KOPECKS
from tests.support.equipped import equip_player, load_demo_level


def two_seat_session(seed: int = 7) -> Any:
    """Both seats human and equipped after one evening at home; each also owns a master the other does not."""
    from game.content.catalog import base_catalog
    from game.session.session import LocalSession

    session = LocalSession(load_demo_level(), base_catalog(), 2, seed, humans=(0, 1))
    session.end_turn()
    equip_player(session, 0)
    equip_player(session, 1)
    state = session.state
    for seat in (1, 0):  # each buys a master nobody at the table has yet
        _buy_new_master(session, state.players[seat])
    session._views = {}
    return session


def _buy_new_master(session: Any, player: Any) -> None:
    world, state = session.engine_world, session.state
    owned = {m.master_id for p in state.players for m in p.masters}
    player.money += 200 * KOPECKS
    for site in world.level.sites:
        for master_id in site.masters if site.kind == "contact" else []:
            buy = BuyMaster(master=master_id)
            if master_id not in owned and buy.check(world, state, player, (site.at[0], site.at[1])) is None:
                buy.apply(world, state, Streams(state.seed, state.rng), player)
                return


def new_master(session: Any, seller: int = 1, buyer: int = 0) -> str:
    """A master `seller` owns and `buyer` does not."""
    owned = {m.master_id for m in session.state.players[buyer].masters}
    return next(m.master_id for m in session.state.players[seller].masters if m.master_id not in owned)


def offer_from_seat_1(session: Any, price_rub: int = 45) -> Offer:
    """Seat 1 offers seat 0 two records, a dub of a master seat 0 lacks and a spare part; the evening passes."""
    seller = session.state.players[1]
    offer = Offer(to=0, records=[r.id for r in seller.records[:2]], master=new_master(session), spare=0,
                  price=price_rub * KOPECKS)
    reason = session.submit(1, Orders(offers=[offer]))
    assert reason is None, reason
    session.end_turn()
    return offer
