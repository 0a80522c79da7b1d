"""The black market between bootleggers, as the player sees it: which offers wait for an answer, what the goods
are worth to you, and why an offer or an answer would be refused. No rules here: the checks are the engine's
(`trade.offer_refusal`, `trade.acceptance_refusal`, run on `knowledge.believed_state`, what the player knows),
prices come from `market.price_at_demand` at the demand the player knows, a dub's quality from
`trade.DUB_QUALITY`, a record's grade from `lathe.cut_profile` and `profile.quality_grade`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.core import knowledge, trade
from game.core.commands import Offer, rubles
from game.core.lathe import cut_profile
from game.core.market import buys, price_at_demand
from game.core.profile import quality_grade
from game.core.state import Record, TradeOffer
from game.core.view import PlayerView
from game.core.world import World
from game.ui.scenes.panels.words import SLOT_WORDS, points, reference, swap_grades


def offers_to_answer(view: PlayerView) -> list[TradeOffer]:
    """Offers rivals made to you yesterday: answer them tonight or they lapse."""
    return [o for o in view.offers if o.buyer == view.seat and o.turn == view.turn - 1]


def offers_waiting(view: PlayerView) -> list[TradeOffer]:
    """Your offers of yesterday, which the rivals answer tonight."""
    return [o for o in view.offers if o.seller == view.seat and o.turn == view.turn - 1]


def offer_refusal(world: World, view: PlayerView, offer: Offer) -> str | None:
    """Why the engine would refuse `offer` in your orders, judged from what you know."""
    state = knowledge.believed_state(world, view)
    return trade.offer_refusal(world, state, state.players[view.seat], offer)


def accept_refusal(world: World, view: PlayerView, offer_id: int, accepted: Iterable[int]) -> str | None:
    """Why the engine would refuse accepting offer `offer_id` together with `accepted` (which includes it)."""
    state = knowledge.believed_state(world, view)
    return trade.acceptance_refusal(state, state.players[view.seat], offer_id, list(accepted))


@dataclass(frozen=True)
class BestPrice:
    kopecks: int
    site: str  # the buyer's name ("" when nobody you know buys it)


def best_price(world: World, view: PlayerView, genre: str, quality: float) -> BestPrice:
    """What one record of `genre` and `quality` fetches at the best buyer you know, at the demand you know."""
    best = BestPrice(0, "")
    for site_id, demand in sorted(view.demand.items()):
        site = world.sites.get(site_id)
        d = demand.get(genre, 0.0)
        if site is None or site_id not in view.sites or genre not in world.genres or not buys(site, d, quality):
            continue
        price = price_at_demand(world, site_id, genre, d, quality, view.player.reputation)
        if price > best.kopecks:
            best = BestPrice(price, site.name)
    return best


def record_words(world: World, view: PlayerView, record: Record) -> str:
    """'#12 "Tiger Rag", Swing, quality 31: about 14.20 rub at Kuznechny market'."""
    genre = world.genres[record.genre].name if record.genre in world.genres else record.genre
    best = best_price(world, view, record.genre, record.quality)
    worth = f"about {rubles(best.kopecks)} at {best.site}" if best.site else "no buyer you know takes it"
    return f"#{record.id} '{record.title}', {genre}, quality {points(record.quality)}: {worth}"


def dub_quality(world: World, master_id: str) -> float:
    """The best source quality a dub of `master_id` can have (the seller's copy may itself be a dub)."""
    master = world.masters.get(master_id)
    return (master.source_quality if master else 0.0) * trade.DUB_QUALITY


def dub_words(world: World, view: PlayerView, master_id: str) -> str:
    """What a dub of a master is worth to you: its source quality, what your lathe cuts from it now and what one
    such record fetches at the best buyer you know, beside the contacts' price for the master itself."""
    master = world.masters.get(master_id)
    if master is None:
        return f"a dub of an unknown master ({master_id})"
    quality = dub_quality(world, master_id)
    ref = reference(world, view)
    grade = quality_grade(cut_profile(dict(view.player.lathe), world.parts, world.films[ref.film], quality))
    best = best_price(world, view, master.genre, grade)
    genre = world.genres[master.genre].name if master.genre in world.genres else master.genre
    owned = " You already have it: the trade would fall through." if any(
        m.master_id == master_id for m in view.player.masters) else ""
    worth = f"{rubles(best.kopecks)} a record at {best.site}" if best.site else "no buyer you know takes them"
    return (f"A dub of '{master.title}' ({genre}), source quality at most {points(quality)} ({trade.DUB_QUALITY:.0%} of "
            f"the seller's copy): your lathe would cut it at {points(grade)} on {world.films[ref.film].name} film, "
            f"{worth}. Contacts sell the master for {master.price} rub.{owned}")


def part_words(world: World, view: PlayerView, offer: TradeOffer) -> str:
    """The spare part of an offer: its slot, condition, and what it would do to your cut if installed."""
    part = offer.spare
    if part is None:
        return ""
    spec = world.parts.get(part.part_id)
    if spec is None:
        return f"a part you do not know ({part.part_id})"
    now, after = swap_grades(world, view, part)
    return (f"{spec.name} ({SLOT_WORDS.get(spec.slot, spec.slot).lower()}), condition {part.condition:.0%}: fitted, "
            f"your cut would go {points(now)} → {points(after)}. Shop price {spec.price} rub.")


def offer_lines(world: World, view: PlayerView, offer: TradeOffer) -> list[str]:
    """Everything an offer holds, one line each, with what it is worth to you."""
    lines = [record_words(world, view, r) for r in offer.records]
    if offer.master is not None:
        lines.append(dub_words(world, view, offer.master))
    if offer.spare is not None:
        lines.append(part_words(world, view, offer))
    return lines


def as_filed(view: PlayerView, offer: Offer) -> TradeOffer:
    """An offer in your orders as the engine will file it tonight (your records and spare as they are now)."""
    records = [r for r in view.player.records if r.id in offer.records]
    spare = view.player.spares[offer.spare] if offer.spare is not None and offer.spare < len(view.player.spares) else None
    return TradeOffer(0, view.seat, offer.to, view.turn, records, offer.master, spare, offer.price)


def offer_summary(world: World, view: PlayerView, offer: TradeOffer | Offer) -> str:
    """'3 records and a dub of "Tiger Rag"': the engine's own words (`trade.describe`)."""
    return trade.describe(world, offer if isinstance(offer, TradeOffer) else as_filed(view, offer))


def evidence_warning(offer: TradeOffer | Offer) -> bool:
    """Whether this trade would leave each side evidence on the other (records or a master change hands)."""
    return bool(offer.records) or offer.master is not None
