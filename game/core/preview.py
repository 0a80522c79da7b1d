"""Previews for the interface: what an order would do, computed from what the player may know (their view).
Nothing here changes the state; the UI shows these numbers before the player commits to an order."""

from __future__ import annotations

from dataclasses import dataclass

from game.core.commands import (
    Action,
    BuyMaster,
    BuyPart,
    CutRecords,
    Inform,
    InstallPart,
    LieLow,
    Scavenge,
    SellPart,
    SellRecords,
)
from game.core.grid import Point
from game.core.lathe import cut_profile
from game.core.market import SaleOutcome, errand_met, sale_outcome
from game.core.profile import CutProfile, quality_grade
from game.core.state import Errand
from game.core.view import VIEW_RADIUS, PlayerView
from game.core.world import BUYER_KINDS, World


def plan_path(world: World, view: PlayerView, target: Point) -> tuple[list[Point], list[Point]]:
    """The shortest walk to `target`: (the part walked this evening, the rest for later evenings)."""
    full = world.city.path(view.player.pos, target)
    allowance = world.level.rules.move_allowance
    return full[:allowance], full[allowance:]


def watched(world: World, view: PlayerView, path: list[Point]) -> list[bool]:
    """For each tile of `path`: can a patrol the player sees now see it from where it stands? (Patrols move, so
    this is a warning, not a promise.)"""
    patrols = [u for u in view.units if u.kind not in ("bootlegger", "informer")]
    return [any(world.city.can_see(u.pos, tile, sight_radius(view, u.sight)) for u in patrols) for tile in path]


def sight_radius(view: PlayerView, sight: int) -> float:
    """How far a patrol of base `sight` sees tonight: sight x pressure, never beyond a bootlegger's own view."""
    return min(sight * view.patrol_pressure, VIEW_RADIUS)


def sight_tiles(world: World, view: PlayerView, pos: Point, sight: int) -> set[Point]:
    """The tiles a patrol at `pos` could see tonight, by the engine's own line of sight (courtyards at half)."""
    return world.city.visible_tiles(pos, sight_radius(view, sight))


@dataclass(frozen=True)
class CutPreview:
    profile: CutProfile  # of the first record of the cut
    grade: float  # quality 0-1 of the first record
    grades: tuple[float, ...] = ()  # each record's quality in cutting order: the lathe wears as it cuts


def cut_preview(world: World, view: PlayerView, film: str, master: str | None = None,
                record: int | None = None, count: int = 1) -> CutPreview:
    """The profile and quality grade a cut of `count` records on `film` from `master` (or bone record `record`)
    would give now, record by record as the parts wear (exactly as `CutRecords` does)."""
    me = view.player
    film_kind = world.films[film]
    lathe = dict(me.lathe)
    owned = next((m for m in me.masters if m.master_id == master), None) if master is not None else None
    source = next((r for r in me.records if r.id == record), None) if record is not None else None
    grades: list[float] = []
    first: CutProfile | None = None
    for i in range(max(1, count)):
        if owned is not None:
            profile = cut_profile(lathe, world.parts, film_kind, owned.source_quality)
        else:
            assert source is not None, "cut_preview needs a master or a record the player has"
            profile = cut_profile(lathe, world.parts, film_kind, parent=source.profile.after_plays(source.plays + i))
        first = first or profile
        grades.append(quality_grade(profile))
        lathe = {slot: part.worn_by(world.parts[part.part_id].wear_per_cut) for slot, part in sorted(lathe.items())}
    assert first is not None
    return CutPreview(first, grades[0], tuple(grades))


@dataclass(frozen=True)
class SalePreview:
    outcome: SaleOutcome  # prices per record, reputation and heat change, refused records
    errand: Errand | None = None  # the buyer's errand this sale would deliver (its bonus is paid on top)

    @property
    def total(self) -> int:
        return self.outcome.total + (self.errand.bonus if self.errand else 0)


def sale_preview(world: World, view: PlayerView, site_id: str, record_ids: list[int]) -> SalePreview:
    """What `SellRecords(record_ids)` at `site_id` would pay and do, at the demand the player knows of."""
    records = {r.id: r for r in view.player.records}
    chosen = [records[i] for i in record_ids if i in records]
    outcome = sale_outcome(world, site_id, view.demand.get(site_id, {}),
                           [(r.id, r.genre, r.quality) for r in chosen], view.player.reputation)
    sold = [(r.genre, r.quality) for r in chosen if r.id not in outcome.refused]
    errand = next((e for e in view.errands if errand_met(e, site_id, sold)), None)
    return SalePreview(outcome, errand)


def actions_at(world: World, view: PlayerView, tile: Point) -> list[Action]:
    """Every action a player could pick at `tile` (one of each kind, with typical arguments), for the action
    menu; each is still checked by the engine when the orders are given."""
    me = view.player
    site = world.site_at(tile)
    actions: list[Action] = []
    if site is not None:
        if site.kind == "hospital":
            actions.append(Scavenge())
        elif site.kind == "contact":
            owned = {m.master_id for m in me.masters}
            actions += [BuyMaster(master=m) for m in view.masters_for_sale.get(site.id, []) if m not in owned]
            actions += [BuyPart(part=p) for p in site.parts]
            actions += [SellPart(spare=i) for i in range(len(me.spares))]
        elif site.kind in BUYER_KINDS and me.records:
            wanted = view.demand.get(site.id, {})
            ids = [r.id for r in me.records if wanted.get(r.genre, 0.0) > 0 and r.quality >= site.min_quality]
            if ids:
                actions.append(SellRecords(records=ids))
        elif site.kind == "militia_station":
            suspects = sorted({e.target for e in me.evidence})
            actions += [Inform(target=r.index) for r in view.rivals if r.free and r.index in suspects]
        if site.id == me.workshop:
            films = {k: n for k, n in sorted(me.films.items()) if n}
            if films and me.masters:
                first = next(iter(films))
                actions.append(CutRecords(films={first: min(films[first], 10)}, master=me.masters[0].master_id))
            actions += [InstallPart(spare=i) for i in range(len(me.spares))]
            if tile == me.pos:
                actions.append(LieLow())
    return actions
