"""The black market between bootleggers: trade offers made in one evening's orders and answered in the next.

- An offer names the rival, what changes hands (records carried, a dub of a master, a spare part) and a price in
  kopecks the rival pays. It costs no action and no walk: go-betweens carry it. It reaches the rival at the end of
  the turn; they may accept it in their orders for the next turn only, and it is done during that turn's actions
  if both are free and still have the goods and the money.
- A master is not given away but dubbed: the buyer gets a copy of source quality x 0.9, the seller keeps theirs.
- Trust has a price: when records or a master change hands, each side has seen the other with contraband, which is
  evidence the militia would take (see `informing`).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from game.core.informing import record_sighting
from game.core.state import GameState, OwnedMaster, PlayerState, TradeOffer
from game.core.world import World

if TYPE_CHECKING:
    from game.core.commands import Offer

DUB_QUALITY = 0.9


def offer_refusal(world: World, state: GameState, player: PlayerState, offer: Offer) -> str | None:
    """Why `player` cannot make `offer` now, or None."""
    if offer.to == player.index or offer.to >= len(state.players):
        return "offer a trade to whom?"
    rival = state.players[offer.to]
    if not rival.free:
        return f"{rival.name} is in custody"
    if not offer.records and offer.master is None and offer.spare is None:
        return "an offer needs something to trade"
    if len(set(offer.records)) != len(offer.records):
        return "a record is offered twice"
    owned = {r.id for r in player.records}
    for record_id in offer.records:
        if record_id not in owned:
            return f"you do not have record #{record_id}"
    if offer.master is not None and not any(m.master_id == offer.master for m in player.masters):
        return "you do not have that master"
    if offer.spare is not None and offer.spare >= len(player.spares):
        return "you have no such spare part"
    return None


def acceptance_refusal(state: GameState, player: PlayerState, offer_id: int, accepted: list[int]) -> str | None:
    """Why `player` cannot accept offer `offer_id` (together with all of `accepted`), or None."""
    offer = next((o for o in state.offers if o.id == offer_id), None)
    if offer is None or offer.buyer != player.index or offer.turn != state.turn - 1:
        return f"there is no offer #{offer_id} for you tonight"
    total = sum(o.price for o in state.offers if o.id in accepted)
    if player.money < total:
        return f"the offers you accept cost {total // 100} rub together; you have {player.money // 100}"
    if offer.master is not None and any(m.master_id == offer.master for m in player.masters):
        return "you already have that master"
    return None


def register(state: GameState, seller: PlayerState, offer: Offer) -> TradeOffer:
    """File an offer made in `seller`'s orders tonight (resolve calls this after the evening's actions)."""
    offered = [copy.deepcopy(r) for r in seller.records if r.id in offer.records]
    filed = TradeOffer(state.next_offer_id, seller.index, offer.to, state.turn, offered, offer.master,
                       seller.spares[offer.spare] if offer.spare is not None and offer.spare < len(seller.spares)
                       else None, offer.price)
    state.next_offer_id += 1
    state.offers.append(filed)
    return filed


def execute(world: World, state: GameState, offer: TradeOffer) -> tuple[bool, str]:
    """Carry out an accepted offer if it still can be: (done, what happened, in the buyer's words)."""
    seller, buyer = state.players[offer.seller], state.players[offer.buyer]
    if not (seller.free and buyer.free):
        return False, "the trade fell through: one of you is in custody"
    wanted = {r.id for r in offer.records}
    records = [r for r in seller.records if r.id in wanted]
    master = next((m for m in seller.masters if m.master_id == offer.master), None)
    spare = next((i for i, p in enumerate(seller.spares) if p == offer.spare), None)
    if (len(records) != len(offer.records) or (offer.master is not None and master is None)
            or (offer.spare is not None and spare is None)):
        return False, f"the trade with {seller.name} fell through: the goods were gone"
    if buyer.money < offer.price:
        return False, f"the trade with {seller.name} fell through: you could not pay"
    if master is not None and any(m.master_id == master.master_id for m in buyer.masters):
        return False, "the trade fell through: you already have that master"
    buyer.money -= offer.price
    seller.money += offer.price
    seller.stats.earned += offer.price
    seller.records = [r for r in seller.records if r.id not in wanted]
    buyer.records.extend(records)
    buyer.records.sort(key=lambda r: r.id)
    if master is not None:
        buyer.masters.append(OwnedMaster(master.master_id, master.track, master.title, master.genre,
                                         round(master.source_quality * DUB_QUALITY, 6)))
    if spare is not None:
        buyer.spares.append(seller.spares.pop(spare))
    if records or master is not None:
        record_sighting(state, buyer, seller.index, "carrying")
        record_sighting(state, seller, buyer.index, "carrying")
    seller.stats.trades += 1
    buyer.stats.trades += 1
    goods = describe(world, offer)
    state.notes.append((seller.index, f"{buyer.name} took your offer: {goods} for {offer.price // 100} rub."))
    return True, f"You bought {goods} from {seller.name} for {offer.price // 100} rub."


def describe(world: World, offer: TradeOffer) -> str:
    """'3 records, a dub of "St. Louis Blues" and a Sapphire stylus'."""
    things = []
    if offer.records:
        things.append(f"{len(offer.records)} record{'s' if len(offer.records) != 1 else ''}")
    if offer.master is not None:
        title = world.masters[offer.master].title if offer.master in world.masters else offer.master
        things.append(f"a dub of '{title}'")
    if offer.spare is not None:
        part = world.parts.get(offer.spare.part_id)
        things.append(f"a {part.name if part else offer.spare.part_id}")
    return " and ".join(things) if len(things) < 3 else f"{things[0]}, {things[1]} and {things[2]}"
