"""Help's strategy sections: ways to win, ways to lose, the black market, a stop on the way, errands. Every number
is the engine's, computed for the level being played with the engine's own functions (a record cut on the
level's starting lathe and on the catalog's radio-ham workshop lathe, priced by `market.price_at_demand` at a
connoisseur and at a street market; heat per sale from `market.site_risk`; the odds of informing from
`informing.believe_chance`; a sentence from `encounter.Encounter.sentence`), never copied by hand."""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.content.models import Site
from game.core.commands import MAX_OFFERS, rubles
from game.core.encounter import Encounter
from game.core.informing import (
    DISBELIEF_HEAT,
    EVIDENCE_TURNS,
    INFORM_COST,
    INFORMER_REPUTATION_COST,
    WORD_GETS_OUT,
    believe_chance,
)
from game.core.lathe import cut_profile, preset_lathe
from game.core.market import (
    ERRAND_BONUS,
    ERRAND_CHANCE,
    ERRAND_REPUTATION,
    ERRAND_TURNS,
    REPUTATION_PER_QUALITY,
    SALE_HEAT,
    expectation,
    price_at_demand,
    reputation_factor,
    site_risk,
    taste,
)
from game.core.profile import quality_grade
from game.core.raids import RAID_FINE
from game.core.resolve import HEAT_DECAY, LIE_LOW_DECAY
from game.core.state import Evidence
from game.core.trade import DUB_QUALITY
from game.core.world import World

UPGRADE_PRESET = "workshop"  # the catalog's radio-ham workshop lathe: the upgrade the example prices
EXAMPLE_HEAT = 40  # "an informer at heat 40" in the examples
EXAMPLE_RECORDS = 10  # "selling ten records" in the examples
VICTORY_WORDS = {
    "richest": "the richest bootlegger still free on the last evening wins",
    "last_free": "the last bootlegger still free wins",
    "coop": "you all play together against the state",
}


@dataclass(frozen=True)
class LatheExample:
    """A record cut on the level's starting lathe and on the upgrade, and what each fetches."""

    master: str
    genre: str
    film: str
    start_grade: float
    upgrade_name: str
    upgrade_grade: float
    parts_price: int  # rubles for the parts the upgrade needs
    connoisseur: Site
    market: Site
    start_price: int  # kopecks at the connoisseur
    upgrade_price: int
    market_start_price: int  # kopecks at the street market
    market_upgrade_price: int

    @property
    def payback_records(self) -> int:
        gain = self.upgrade_price - self.start_price
        return math.ceil(self.parts_price * 100 / gain) if gain > 0 else 0


def lathe_example(world: World) -> LatheExample | None:
    """The quality example for `world`'s level (None when the level or catalog lacks what it needs)."""
    preset = next((p for p in world.catalog.presets if p.id == UPGRADE_PRESET), None)
    start = world.level.start.lathe
    buyers = world.buyers()
    offered = [m for s in world.level.sites if s.kind == "contact" for m in s.masters if m in world.masters]
    if preset is None or not buyers or not offered or not world.films:
        return None
    if any(pid not in world.parts for pid in [*start.values(), *preset.parts.values()]):
        return None
    master = world.masters[max(offered, key=lambda m: (world.masters[m].source_quality, m))]
    film = "chest" if "chest" in world.films else sorted(world.films)[0]
    connoisseur = max(buyers, key=lambda s: (taste(s), s.id))
    market = min(buyers, key=lambda s: (taste(s), s.id))

    def grade(lathe: dict[str, str]) -> float:
        return quality_grade(cut_profile(preset_lathe(lathe), world.parts, world.films[film], master.source_quality))

    g0, g1 = grade(dict(start)), grade(dict(preset.parts))
    rep = world.level.start.reputation
    price = {(s.id, g): price_at_demand(world, s.id, master.genre, 1.0, g, rep)
             for s in (connoisseur, market) for g in (g0, g1)}
    needed = sum(world.parts[pid].price for slot, pid in preset.parts.items() if start.get(slot) != pid)
    return LatheExample(master.title, world.genres[master.genre].name, world.films[film].name, g0, preset.name, g1,
                        needed, connoisseur, market, price[(connoisseur.id, g0)], price[(connoisseur.id, g1)],
                        price[(market.id, g0)], price[(market.id, g1)])


def _q(grade: float) -> str:
    return f"{grade * 100:.0f}"


def ways_to_win(world: World) -> str:
    level = world.level
    rules = level.rules
    goal = VICTORY_WORDS.get(level.victory.mode, level.victory.mode)
    if level.victory.target_money:
        goal += f" (or whoever first holds {level.victory.target_money} rub)"
    parts = [f"On {level.name} {goal}. Three ways to get there, each with its own risk:"]
    halls = [s for s in world.buyers() if s.kind == "dance_hall"] or world.buyers()
    riskiest = max(world.genres.values(), key=lambda g: (g.risk, g.id), default=None)
    if halls and riskiest is not None:
        hall = max(halls, key=lambda s: (s.price_factor, s.id))
        heat = round(EXAMPLE_RECORDS * SALE_HEAT * riskiest.risk * site_risk(hall))
        parts.append(
            f"1. Volume and boldness. {hall.name} pays ×{hall.price_factor:g} on every price and takes "
            + ("any record that plays" if hall.min_quality <= 0 else f"records of quality {_q(hall.min_quality)} up")
            + f". Cut many, sell many, go often: but selling is being seen. {EXAMPLE_RECORDS} {riskiest.name} records "
            f"sold there add about {heat} heat, and from heat {rules.raid_heat} the militia may search your workshop.")
    example = lathe_example(world)
    if example is not None:
        e = example
        payback = (f" The {e.parts_price} rub of parts pay for themselves after about {e.payback_records} records "
                   "sold there." if e.payback_records else "")
        rep = (e.upgrade_grade - expectation(taste(e.connoisseur))) * REPUTATION_PER_QUALITY
        parts.append(
            f"2. Quality for connoisseurs. From '{e.master}' on {e.film} film your starting lathe cuts records of "
            f"quality {_q(e.start_grade)}; a {e.upgrade_name} cuts {_q(e.upgrade_grade)}. {e.connoisseur.name} pays "
            f"{rubles(e.start_price)} for the first and {rubles(e.upgrade_price)} for the second ({e.market.name}: "
            f"{rubles(e.market_start_price)} and {rubles(e.market_upgrade_price)}).{payback} Good records sold to "
            f"people who know better also make your name: about {rep:+.1f} reputation a record there, and reputation "
            f"raises every price (×{reputation_factor(0):.1f} unknown to ×{reputation_factor(100):.1f} famous).")
    parts.append(
        f"3. Caution, timing and deals. Lie low when the heat climbs (it cools {LIE_LOW_DECAY} an evening at home "
        f"instead of {HEAT_DECAY}), carry records only on the evening you sell, walk where no patrol looks. Take "
        f"buyers' errands (a bonus of {ERRAND_BONUS:.0%} of the records' price and +{ERRAND_REPUTATION} reputation), "
        f"stop on the way to do two things in one evening, and trade with rivals: sell them dubs of your masters "
        f"({DUB_QUALITY:.0%} of the quality, and you keep yours) or buy the records and parts you lack.")
    return "\n\n".join(parts)


def ways_to_lose(world: World) -> str:
    rules = world.level.rules
    stopped = Encounter("militia", 60, 4.0, False, 1.0, 0, "run")
    carrying = Evidence(0, "carrying", 0)
    return (
        f"Heat. Every sale, every sighting, every stop by a patrol raises it. From heat {rules.raid_heat} the militia "
        f"may raid your workshop, the likelier the hotter you are: films, spare parts and every master but the one "
        f"you hid under the floorboards are taken, with a fine of up to {rubles(RAID_FINE)}; found at home with "
        f"records, you are arrested. Stopped in the street with records, a failed run or bribe can end in arrest: at "
        f"heat 60 with four records, {stopped.sentence()} evenings in custody while the others earn.\n\n"
        f"Informing that backfires. Naming a rival costs {rubles(INFORM_COST)} and needs evidence you saw yourself. "
        f"At heat {EXAMPLE_HEAT} the militia believe a street sighting with "
        f"{believe_chance(EXAMPLE_HEAT, carrying):.0%}; if they do not, your own heat rises by {DISBELIEF_HEAT}. With "
        f"{WORD_GETS_OUT:.0%} word gets out: reputation −{INFORMER_REPUTATION_COST}, so every buyer pays you less, "
        "and the rival knows your name and may name you back.\n\n"
        "Junk sold to people who know better: a record below what a buyer expects costs you reputation, and with it "
        "the price of every record after it.")


def black_market_words() -> str:
    return (
        f"The Black market button (side panel) trades with rival bootleggers. Make up to {MAX_OFFERS} offers an "
        "evening: records you carry, a dub of one of your masters, a spare part, for a price. Go-betweens carry them "
        "with your orders, so an offer costs no action and no walk. The rival sees it the next evening, with what "
        "the goods are worth to them, and accepts it in their orders or lets it lapse; the paper tells you which. "
        f"A dub has {DUB_QUALITY:.0%} of your master's quality and you keep your own.\n\nTrust has a price: when "
        "records or a master change hands, each of you has seen the other with contraband. That is evidence the "
        f"militia would take for {EVIDENCE_TURNS} evenings, and either of you may use it. A spare part alone leaves "
        "none.")


def stop_words() -> str:
    return (
        "Plan the walk, then click a site your walk passes tonight (or the tile you stand on, before you set out): "
        "choose one action there, a stop on the way. You do it when the walk reaches it and walk on; the action at "
        "the end of the walk comes after it and is judged as things will be then (buy a master on the way, cut it "
        "at home). The stop shows as an amber '1' on the map and in Tonight. Lying low is a whole evening and "
        "cannot be a stop; one visit to the militia and one cutting session an evening. Undo takes a stop back.")


def errand_words() -> str:
    return (
        f"Every evening each buyer without an errand asks, with {ERRAND_CHANCE:.0%} chance, for a few records of a "
        f"genre they buy, of at least some quality, within {ERRAND_TURNS} evenings. The first bootlegger to sell them "
        f"there in one go gets a bonus of {ERRAND_BONUS:.0%} of their price on top, and +{ERRAND_REPUTATION} "
        "reputation. The paper announces errands; a star marks the buyer on the map; the buyer's panel shows whether "
        "the sale you tick delivers it.")
