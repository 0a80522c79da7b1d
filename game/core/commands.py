"""Orders as data. A player's orders for one turn are a path to walk, one action where it ends, and a standing
order for being stopped by a patrol. Every action has `check` (changes nothing; returns why it is refused, or
None) and `apply` (changes the state; returns what happened, for the turn report). The same commands come from
people, the AI, the network and replays; they are pydantic models so they cross files and sockets as JSON.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from game.content.models import Site
from game.core.encounter import Stance
from game.core.grid import Point
from game.core.lathe import PartInstance, cut_profile
from game.core.market import register_sale, sale_total
from game.core.rng import Streams
from game.core.state import KOPECKS, GameState, OwnedMaster, PlayerState, Record
from game.core.world import BUYER_KINDS, World

MAX_CUT_PER_TURN = 10
INFORM_HEAT = 25
INFORM_REPUTATION_COST = 15


def rubles(kopecks: int) -> str:
    """'12.50 rub' for 1250 kopecks."""
    return f"{kopecks // KOPECKS}.{kopecks % KOPECKS:02d} rub"


def add_heat(player: PlayerState, amount: float) -> None:
    player.heat = max(0, min(100, player.heat + round(amount)))


def add_reputation(player: PlayerState, amount: int) -> None:
    player.reputation = max(0, min(100, player.reputation + amount))


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


class Scavenge(_Command):
    """At a hospital: take 4-8 X-ray films from the archive's stock (the "hospital" stream picks the kinds)."""

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
        for _ in range(streams.randint("hospital", 4, 8)):
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
    master: str

    def check(self, world, state, player, at):
        site = _site_here(world, at, "contact")
        if isinstance(site, str):
            return site
        master = world.masters.get(self.master)
        if master is None or (self.master not in site.masters and self.master not in state.masters_on_offer):
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
    part: str

    def check(self, world, state, player, at):
        site = _site_here(world, at, "contact")
        if isinstance(site, str):
            return site
        if self.part not in site.parts:
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
    spare: int = Field(ge=0)

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


class SellRecords(_Command):
    """At a market, buyer or dance hall: sell records one by one; each sale lowers the demand for the next.
    Afterwards reputation changes by +1 for each record of quality >= 0.35 and -1 for each below 0.12."""

    type: Literal["sell_records"] = "sell_records"
    records: list[int] = Field(min_length=1, max_length=200)

    def check(self, world, state, player, at):
        site = _site_here(world, at, *sorted(BUYER_KINDS))
        if isinstance(site, str):
            return site
        if len(set(self.records)) != len(self.records):
            return "a record is listed twice"
        owned = {r.id: r for r in player.records}
        for record_id in self.records:
            record = owned.get(record_id)
            if record is None:
                return f"you do not have record #{record_id}"
            if state.sites[site.id].demand.get(record.genre, 0.0) <= 0.0:
                return f"nobody at {site.name} buys {world.genres[record.genre].name}"
        return None

    def apply(self, world, state, streams, player):
        site = world.site_at(player.pos)
        assert site is not None
        wanted = set(self.records)
        sold = [(r.genre, r.quality) for r in player.records if r.id in wanted]
        demand = state.sites[site.id].demand
        total = sale_total(world, site.id, demand, sold, player.reputation)
        for genre, _ in sold:
            register_sale(state, site.id, genre)
        add_reputation(player, sum(1 if q >= 0.35 else -1 if q < 0.12 else 0 for _, q in sold))
        player.records = [r for r in player.records if r.id not in wanted]
        player.money += total
        return f"You sold {len(wanted)} records at {site.name} for {rubles(total)}."


class CutRecords(_Command):
    """At your workshop: cut records onto X-ray films (`films`: film kind -> how many, at most 10 in an evening),
    from an owned master or from one of your bone records (a copy of a copy: each copy plays the source record
    once). Every installed part wears by its wear_per_cut per record."""

    type: Literal["cut_records"] = "cut_records"
    films: dict[str, Annotated[int, Field(ge=1)]] = Field(min_length=1)
    master: str | None = None
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
            player.records.append(Record(state.next_record_id, track, title, genre, profile))
            state.next_record_id += 1
            for slot, part in sorted(player.lathe.items()):
                player.lathe[slot] = part.worn_by(world.parts[part.part_id].wear_per_cut)
        for kind, n in self.films.items():
            player.films[kind] -= n
        worn = ""
        if source_record is not None and source_record.plays >= source_record.profile.max_plays:
            player.records.remove(source_record)
            worn = f" Record #{source_record.id} is worn out."
        return f"You cut {self.count} records of '{title}'.{worn}"


class InstallPart(_Command):
    type: Literal["install_part"] = "install_part"
    spare: int = Field(ge=0)

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
        return f"You installed the {world.parts[new.part_id].name} on the lathe."


class LieLow(_Command):
    """Stay in tonight: heat falls by 12 instead of 3 at the end of the turn."""

    type: Literal["lie_low"] = "lie_low"

    def check(self, world, state, player, at):
        return None

    def apply(self, world, state, streams, player):
        player.lying_low = True
        return "You lay low for the evening."


class Inform(_Command):
    """At a militia station: denounce a rival. Their heat +25; your reputation -15, your heat -5."""

    type: Literal["inform"] = "inform"
    target: int = Field(ge=0)

    def check(self, world, state, player, at):
        if isinstance(reason := _site_here(world, at, "militia_station"), str):
            return reason
        if self.target == player.index or self.target >= len(state.players):
            return "inform on whom?"
        if not state.players[self.target].free:
            return f"{state.players[self.target].name} is already in custody"
        return None

    def apply(self, world, state, streams, player):
        target = state.players[self.target]
        add_heat(target, INFORM_HEAT)
        add_reputation(player, -INFORM_REPUTATION_COST)
        add_heat(player, -5)
        return f"You gave the militia {target.name}'s name."


Action = Annotated[
    Scavenge | BuyMaster | BuyPart | SellPart | SellRecords | CutRecords | InstallPart | LieLow | Inform,
    Field(discriminator="type"),
]


class Orders(BaseModel):
    """One player's orders for a turn."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: list[tuple[int, int]] = Field(default_factory=list, max_length=40)
    action: Action | None = None
    stance: Stance = "run"

    def check(self, world: World, state: GameState, player: PlayerState) -> str | None:
        """Why these orders are refused, or None. Checks the path step by step and the action where it ends."""
        if state.over:
            return "the game is over"
        if not player.free:
            if self.path or self.action is not None:
                return f"{player.name} is in custody for {player.sentence} more turns"
            return None
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
        if self.action is not None:
            return self.action.check(world, state, player, here)
        return None
