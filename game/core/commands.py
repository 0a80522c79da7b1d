"""Orders as data. A player's orders for one turn: a path to walk, an action where it ends, optionally one more
action on the way (`stop`), a standing order for being stopped by a patrol, trade offers to rivals and answers
to their offers. Every action has `check` (changes nothing; returns why it is refused, or None) and `apply`
(changes the state; returns what happened, for the turn report). The same commands come from people, the AI,
the network and replays; they are pydantic models so they cross files and sockets as JSON.
"""

from __future__ import annotations

import copy
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from game.content.models import Site
from game.core import informing
from game.core.encounter import Stance
from game.core.grid import Point
from game.core.lathe import PartInstance, cut_profile
from game.core.market import best_first, errand_met, register_sale, sale_outcome
from game.core.rng import Streams
from game.core.state import KOPECKS, GameState, OwnedMaster, PlayerState, Record, add_heat, add_reputation
from game.core.trade import acceptance_refusal, offer_refusal
from game.core.world import BUYER_KINDS, World

MAX_CUT_PER_TURN = 10
MAX_OFFERS = 3
MAX_PRICE = 100_000 * KOPECKS


def rubles(kopecks: int) -> str:
    """'12.50 rub' for 1250 kopecks."""
    sign = "-" if kopecks < 0 else ""
    kopecks = abs(kopecks)
    return f"{sign}{kopecks // KOPECKS}.{kopecks % KOPECKS:02d} rub"


class _Command(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def check(self, world: World, state: GameState, player: PlayerState, at: Point) -> str | None:
        raise NotImplementedError

    def apply(self, world: World, state: GameState, streams: Streams, player: PlayerState) -> str:
        raise NotImplementedError


def _site_here(world: World, at: Point, *kinds: str) -> Site | str:
    """The site of one of `kinds` at `at`, or the refusal reason if there is none."""
    site = world.site_at(at)
    if site is None or site.kind not in kinds:
        return f"there is no {' or '.join(k.replace('_', ' ') for k in kinds)} here"
    return site


def _at_own_workshop(world: World, player: PlayerState, at: Point) -> str | None:
    workshop = world.sites[player.workshop]
    return None if (workshop.at[0], workshop.at[1]) == at else "the lathe is at your workshop"


def masters_for_sale(world: World, state: GameState, site: Site) -> list[str]:
    """Master ids a contact offers tonight: its own list and those calendar events released to every contact,
    without those that have not reached Leningrad yet."""
    offered = list(dict.fromkeys([*site.masters, *state.masters_on_offer]))
    return [m for m in offered if m in world.masters
            and not (world.masters[m].available_from and world.masters[m].available_from > state.date)]


class Scavenge(_Command):
    """At a hospital: take 5-10 X-ray films from the archive's stock (the "hospital" stream picks the kinds)."""

    type: Literal["scavenge"] = "scavenge"

    def check(self, world, state, player, at):
        site = _site_here(world, at, "hospital")
        if isinstance(site, str):
            return site
        if sum(state.sites[site.id].films.values()) == 0:
            return "the archive is empty tonight"
        return None

    def apply(self, world, state, streams, player):
        site = world.site_at(player.pos)
        assert site is not None
        stock = state.sites[site.id].films
        taken: dict[str, int] = {}
        for _ in range(streams.randint("hospital", 5, 10)):
            pool = [kind for kind in sorted(stock) for _ in range(stock[kind])]
            if not pool:
                break
            kind = streams.choice("hospital", pool)
            stock[kind] -= 1
            taken[kind] = taken.get(kind, 0) + 1
        for kind, n in taken.items():
            player.films[kind] = player.films.get(kind, 0) + n
        got = ", ".join(f"{n} {world.films[k].name}" for k, n in sorted(taken.items()))
        return f"At {site.name} you carried off {got}."


class BuyMaster(_Command):
    type: Literal["buy_master"] = "buy_master"
    master: str = Field(max_length=64)

    def check(self, world, state, player, at):
        site = _site_here(world, at, "contact")
        if isinstance(site, str):
            return site
        master = world.masters.get(self.master)
        if master is None or self.master not in [*site.masters, *state.masters_on_offer]:
            return f"nobody here has the master '{self.master}'"
        if master.available_from and master.available_from > state.date:
            return f"'{master.title}' has not reached Leningrad yet"
        if any(m.master_id == self.master for m in player.masters):
            return f"you already have '{master.title}'"
        if player.money < master.price * KOPECKS:
            return f"'{master.title}' costs {master.price} rub; you have {rubles(player.money)}"
        return None

    def apply(self, world, state, streams, player):
        master = world.masters[self.master]
        player.money -= master.price * KOPECKS
        player.masters.append(
            OwnedMaster(master.id, master.track, master.title, master.genre, master.source_quality)
        )
        return f"You bought the master '{master.title}' for {master.price} rub."


class BuyPart(_Command):
    type: Literal["buy_part"] = "buy_part"
    part: str = Field(max_length=64)

    def check(self, world, state, player, at):
        site = _site_here(world, at, "contact")
        if isinstance(site, str):
            return site
        if self.part not in site.parts or self.part not in world.parts:
            return f"nobody here sells '{self.part}'"
        price = world.parts[self.part].price * KOPECKS
        if player.money < price:
            return f"{world.parts[self.part].name} costs {rubles(price)}; you have {rubles(player.money)}"
        return None

    def apply(self, world, state, streams, player):
        part = world.parts[self.part]
        player.money -= part.price * KOPECKS
        player.spares.append(PartInstance(part.id))
        return f"You bought a {part.name} for {part.price} rub."


def part_resale_price(world: World, part: PartInstance) -> int:
    """Kopecks a contact pays for a part: half its price times its condition."""
    return int(world.parts[part.part_id].price * KOPECKS * 0.5 * part.condition)


class SellPart(_Command):
    type: Literal["sell_part"] = "sell_part"
    spare: int = Field(ge=0, le=1000)

    def check(self, world, state, player, at):
        if isinstance(reason := _site_here(world, at, "contact"), str):
            return reason
        if self.spare >= len(player.spares):
            return "you have no such spare part"
        return None

    def apply(self, world, state, streams, player):
        part = player.spares.pop(self.spare)
        price = part_resale_price(world, part)
        player.money += price
        return f"You sold a {world.parts[part.part_id].name} for {rubles(price)}."


def sale_records(player: PlayerState, record_ids: list[int]) -> list[Record]:
    """The player's records with these ids, in the listed order (missing ids skipped)."""
    owned = {r.id: r for r in player.records}
    return [owned[i] for i in record_ids if i in owned]


class SellRecords(_Command):
    """At a market, buyer or dance hall: sell records one by one in the listed order; each sale lowers the demand
    for the next. Prices, reputation and heat follow `game.core.market` (a buyer refuses records below their
    quality). A sale that delivers an open errand of this buyer earns its bonus and reputation as well."""

    type: Literal["sell_records"] = "sell_records"
    records: list[int] | Literal["all"] = Field(min_length=1, max_length=200,
                                                description='record ids, or "all": every record this buyer takes')
    limit: int | None = Field(None, ge=1, le=200, description='with "all": sell at most this many')

    def chosen(self, world: World, state: GameState, player: PlayerState, site: Site) -> list[Record]:
        """The records this order sells: the listed ones in order, or for "all" every record the buyer takes,
        the most valuable first (at most `limit`)."""
        if self.records != "all":
            return sale_records(player, self.records)
        site_state = state.sites[site.id]
        taken = [r for r in player.records
                 if site_state.demand_for(r.genre) > 0.0 and r.quality >= site.min_quality]
        ranked = best_first(world, site_state.demand, taken)
        return ranked[:self.limit] if self.limit else ranked

    def check(self, world, state, player, at):
        site = _site_here(world, at, *sorted(BUYER_KINDS))
        if isinstance(site, str):
            return site
        if self.records == "all":
            return None if self.chosen(world, state, player, site) else f"{site.name} wants none of your records"
        if len(set(self.records)) != len(self.records):
            return "a record is listed twice"
        owned = {r.id: r for r in player.records}
        site_state = state.sites[site.id]
        for record_id in self.records:
            record = owned.get(record_id)
            if record is None:
                return f"you do not have record #{record_id}"
            if site_state.demand_for(record.genre) <= 0.0:
                return f"nobody at {site.name} buys {world.genres[record.genre].name}"
            if record.quality < site.min_quality:
                return (f"{site.name} will not take record #{record_id}: quality {round(record.quality * 100)} is "
                        f"below their {round(site.min_quality * 100)}")
        return None

    def apply(self, world, state, streams, player):
        site = world.site_at(player.pos)
        assert site is not None
        sold = self.chosen(world, state, player, site)
        site_state = state.sites[site.id]
        outcome = sale_outcome(world, site.id, site_state.demand,
                               [(r.id, r.genre, r.quality) for r in sold], player.reputation)
        for record in sold:
            register_sale(site_state, record.genre)
            where = f"{site.id}:{record.genre}"
            player.stats.sold_at[where] = player.stats.sold_at.get(where, 0) + 1
        wanted = {r.id for r in sold}
        player.records = [r for r in player.records if r.id not in wanted]
        player.money += outcome.total
        add_reputation(player, outcome.reputation)
        add_heat(player, outcome.heat)
        player.stats.records_sold += len(sold)
        player.stats.earned += outcome.total
        text = (f"You sold {len(sold)} records at {site.name} for {rubles(outcome.total)} "
                f"(reputation {outcome.reputation:+d}, heat {outcome.heat:+d}).")
        for errand in list(state.errands):
            if errand_met(errand, site.id, [(r.genre, r.quality) for r in sold]):
                state.errands.remove(errand)
                player.money += errand.bonus
                add_reputation(player, errand.reputation)
                player.stats.earned += errand.bonus
                player.stats.errands += 1
                text += f" The buyer's errand is done: a bonus of {rubles(errand.bonus)}."
                state.news.append(f"Someone brought {site.name} the records they asked for.")
        return text


class CutRecords(_Command):
    """At your workshop: cut records onto X-ray films (`films`: film kind -> how many, at most 10 in an evening),
    from an owned master or from one of your bone records (a copy of a copy: each copy plays the source record
    once). Every installed part wears by its wear_per_cut per record, so the records of one evening get slightly
    worse one after another (`preview.cut_preview` shows the spread)."""

    type: Literal["cut_records"] = "cut_records"
    films: dict[Annotated[str, Field(max_length=64)], Annotated[int, Field(ge=1, le=MAX_CUT_PER_TURN)]] = Field(
        min_length=1, max_length=16)
    master: str | None = Field(None, max_length=64)
    record: int | None = None

    @property
    def count(self) -> int:
        return sum(self.films.values())

    def check(self, world, state, player, at):
        if reason := _at_own_workshop(world, player, at):
            return reason
        if (self.master is None) == (self.record is None):
            return "choose one source: a master or a record"
        if self.count > MAX_CUT_PER_TURN:
            return f"you can cut at most {MAX_CUT_PER_TURN} records in an evening"
        for kind, n in sorted(self.films.items()):
            if kind not in world.films:
                return f"unknown film kind '{kind}'"
            if player.films.get(kind, 0) < n:
                return f"you have {player.films.get(kind, 0)} {world.films[kind].name} films, not {n}"
        if self.master is not None and not any(m.master_id == self.master for m in player.masters):
            return "you do not have that master"
        if self.record is not None:
            source = next((r for r in player.records if r.id == self.record), None)
            if source is None:
                return f"you do not have record #{self.record}"
            if source.plays + self.count > source.profile.max_plays:
                return f"record #{self.record} would wear out before {self.count} copies are cut"
        return None

    def apply(self, world, state, streams, player):
        source_master = next((m for m in player.masters if m.master_id == self.master), None)
        source_record = next((r for r in player.records if r.id == self.record), None)
        for film in [world.films[kind] for kind in sorted(self.films) for _ in range(self.films[kind])]:
            if source_master is not None:
                profile = cut_profile(player.lathe, world.parts, film, source_master.source_quality)
                track, title, genre = source_master.track, source_master.title, source_master.genre
            else:
                assert source_record is not None
                parent = source_record.profile.after_plays(source_record.plays)
                profile = cut_profile(player.lathe, world.parts, film, parent=parent)
                track, title, genre = source_record.track, source_record.title, source_record.genre
                source_record.plays += 1
            record = Record(state.next_record_id, track, title, genre, profile)
            player.records.append(record)
            player.stats.records_cut += 1
            player.stats.cut_qualities.append(round(record.quality * 1000))
            state.next_record_id += 1
            for slot, part in sorted(player.lathe.items()):
                player.lathe[slot] = part.worn_by(world.parts[part.part_id].wear_per_cut)
        for kind, n in self.films.items():
            player.films[kind] -= n
        worn = ""
        if source_record is not None and source_record.plays >= source_record.profile.max_plays:
            player.records.remove(source_record)
            player.stats.records_worn += 1
            worn = f" Record #{source_record.id} is worn out."
        return f"You cut {self.count} records of '{title}'.{worn}"


class InstallPart(_Command):
    type: Literal["install_part"] = "install_part"
    spare: int = Field(ge=0, le=1000)

    def check(self, world, state, player, at):
        if reason := _at_own_workshop(world, player, at):
            return reason
        if self.spare >= len(player.spares):
            return "you have no such spare part"
        return None

    def apply(self, world, state, streams, player):
        new = player.spares.pop(self.spare)
        slot = world.parts[new.part_id].slot
        player.spares.append(player.lathe[slot])
        player.lathe[slot] = new
        player.stats.upgrades += 1
        return f"You installed the {world.parts[new.part_id].name} on the lathe."


class LieLow(_Command):
    """Stay in at your workshop all evening (no walk): heat falls by 12 instead of 3 at the end of the turn."""

    type: Literal["lie_low"] = "lie_low"

    def check(self, world, state, player, at):
        if _at_own_workshop(world, player, at):
            return "you can only lie low at your own workshop"
        return None

    def apply(self, world, state, streams, player):
        player.lying_low = True
        return "You lay low for the evening."


class Inform(_Command):
    """At a militia station: denounce a rival you have evidence on (see `game.core.informing`)."""

    type: Literal["inform"] = "inform"
    target: int = Field(ge=0, le=63)

    def check(self, world, state, player, at):
        if isinstance(reason := _site_here(world, at, "militia_station"), str):
            return reason
        return informing.refusal(state, player, self.target)

    def apply(self, world, state, streams, player):
        return informing.denounce(world, state, streams, player, self.target)


Action = Annotated[
    Scavenge | BuyMaster | BuyPart | SellPart | SellRecords | CutRecords | InstallPart | LieLow | Inform,
    Field(discriminator="type"),
]


class Stop(BaseModel):
    """A second action on the way: done after walking `at` tiles of the path (0: before setting out)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    at: int = Field(ge=0, le=40)
    action: Action


class Offer(BaseModel):
    """A trade offer to a rival (see `game.core.trade`): records, a dub of a master or a spare part, for `price`
    kopecks paid by the rival if they accept in their next orders."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    to: int = Field(ge=0, le=63)
    records: list[int] = Field(default_factory=list, max_length=20)
    master: str | None = Field(None, max_length=64)
    spare: int | None = Field(None, ge=0, le=1000)
    price: int = Field(0, ge=0, le=MAX_PRICE, description="kopecks")


class Orders(BaseModel):
    """One player's orders for a turn."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: list[tuple[int, int]] = Field(default_factory=list, max_length=40)
    action: Action | None = None
    stop: Stop | None = None
    stance: Stance = "run"
    offers: list[Offer] = Field(default_factory=list, max_length=MAX_OFFERS)
    accept: list[int] = Field(default_factory=list, max_length=16, description="ids of offers made to you to accept")

    def position_after(self, start: Point, steps: int) -> Point:
        """Where the walk stands after `steps` tiles."""
        return self.path[steps - 1] if steps > 0 else start

    def check(self, world: World, state: GameState, player: PlayerState) -> str | None:
        """Why these orders are refused, or None. Checks the path step by step, the stop on the way, the action
        where the path ends (as it would be after the stop), and the trade offers and answers."""
        if state.over:
            return "the game is over"
        if not player.free:
            if self.path or self.action is not None or self.stop is not None or self.offers or self.accept:
                return f"{player.name} is in custody for {player.sentence} more turns"
            return None
        if reason := self._check_path(world, player):
            return reason
        end = self.position_after(player.pos, len(self.path))
        if isinstance(self.action, LieLow) and self.path:
            return "lying low means staying in: no walk tonight"
        if self.stop is not None:
            if self.stop.at > len(self.path):
                return f"the stop after {self.stop.at} tiles is beyond the end of the path"
            if isinstance(self.stop.action, LieLow):
                return "lying low is a whole evening, not a stop on the way"
            if isinstance(self.stop.action, Inform) and isinstance(self.action, Inform):
                return "one visit to the militia an evening is enough"
            if isinstance(self.stop.action, CutRecords) and isinstance(self.action, CutRecords):
                return f"one cutting session an evening: at most {MAX_CUT_PER_TURN} records"
            if (isinstance(self.stop.action, Scavenge) and isinstance(self.action, Scavenge)
                    and self.position_after(player.pos, self.stop.at) == end):
                return "the archive has been searched once tonight already"
            stop_at = self.position_after(player.pos, self.stop.at)
            if reason := self.stop.action.check(world, state, player, stop_at):
                return f"on the way: {reason}"
            if self.action is not None:
                scratch_state, scratch_player = _after(world, state, player, self.stop.action, stop_at)
                if reason := self.action.check(world, scratch_state, scratch_player, end):
                    return reason
        elif self.action is not None and (reason := self.action.check(world, state, player, end)):
            return reason
        for offer in self.offers:
            if reason := offer_refusal(world, state, player, offer):
                return reason
        if len(set(self.accept)) != len(self.accept):
            return "an offer is accepted twice"
        for offer_id in self.accept:
            if reason := acceptance_refusal(state, player, offer_id, self.accept):
                return reason
        return None

    def _check_path(self, world: World, player: PlayerState) -> str | None:
        if len(self.path) > world.level.rules.move_allowance:
            return f"the path is {len(self.path)} tiles; you can walk {world.level.rules.move_allowance} in an evening"
        here = player.pos
        for step, tile in enumerate(self.path):
            if abs(tile[0] - here[0]) + abs(tile[1] - here[1]) != 1:
                return f"step {step + 1} of the path ({tile[0]}, {tile[1]}) is not next to ({here[0]}, {here[1]})"
            if not world.city.is_walkable(tile):
                kind = world.city.kind(tile) if world.city.inside(tile) else "off the map"
                return f"step {step + 1} of the path ({tile[0]}, {tile[1]}) goes into {kind}"
            here = tile
        return None


def _after(world: World, state: GameState, player: PlayerState, action: Action,
           at: Point) -> tuple[GameState, PlayerState]:
    """A scratch copy of the state with `action` done by `player` at `at` (random outcomes from a copy of the
    streams), to check what the evening's last action would find. The real state is untouched: what an action
    may change is copied (the player, the site where it stands, the lists and counters of the state); an
    informing stop, which reaches into a rival's state, copies everything."""
    if isinstance(action, Inform):
        scratch = copy.deepcopy(state)
        me = scratch.players[player.index]
    else:
        scratch = copy.copy(state)
        me = _player_copy(player)
        scratch.players = [me if p.index == player.index else p for p in state.players]
        site = world.site_at(at)
        scratch.sites = dict(state.sites)
        if site is not None:
            scratch.sites[site.id] = copy.deepcopy(state.sites[site.id])
        scratch.rng = dict(state.rng)
        scratch.errands = list(state.errands)
        scratch.news, scratch.notes = [], []
    me.pos = at
    action.apply(world, scratch, Streams(scratch.seed, scratch.rng), me)
    return scratch, me


def _player_copy(player: PlayerState) -> PlayerState:
    """A copy of a player that an action can change freely (records are copied; cut profiles are frozen)."""
    me = copy.copy(player)
    me.records = [copy.copy(r) for r in player.records]
    me.films, me.lathe, me.inform_cooldown = dict(player.films), dict(player.lathe), dict(player.inform_cooldown)
    me.masters, me.spares, me.evidence = list(player.masters), list(player.spares), list(player.evidence)
    me.known_informers, me.known_workshops = list(player.known_informers), list(player.known_workshops)
    me.grudges = list(player.grudges)
    me.stats = copy.copy(player.stats)
    me.stats.cut_qualities = list(player.stats.cut_qualities)
    me.stats.sold_at = dict(player.stats.sold_at)
    return me
