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
from game.core.market import sale_total
from game.core.profile import CutProfile, quality_grade
from game.core.view import PlayerView
from game.core.world import BUYER_KINDS, World


def plan_path(world: World, view: PlayerView, target: Point) -> tuple[list[Point], list[Point]]:
    """The shortest walk to `target`: (the part walked this evening, the rest for later evenings)."""
    full = world.city.path(view.player.pos, target)
    allowance = world.level.rules.move_allowance
    return full[:allowance], full[allowance:]


def watched(world: World, view: PlayerView, path: list[Point]) -> list[bool]:
    """For each tile of `path`: can a patrol the player sees now see it from where it stands? (Patrols move, so
    this is a warning, not a promise.)"""
    patrols = [u for u in view.units if u.kind != "bootlegger"]
    radius = view.patrol_pressure
    return [any(world.city.can_see(u.pos, tile, u.sight * radius) for u in patrols) for tile in path]


@dataclass(frozen=True)
class CutPreview:
    profile: CutProfile
    grade: float  # quality 0-1 of each record this cut makes


def cut_preview(world: World, view: PlayerView, film: str, master: str | None = None,
                record: int | None = None) -> CutPreview:
    """The profile and quality grade a cut on `film` from `master` (or bone record `record`) would give now."""
    me = view.player
    film_kind = world.films[film]
    if master is not None:
        owned = next(m for m in me.masters if m.master_id == master)
        profile = cut_profile(me.lathe, world.parts, film_kind, owned.source_quality)
    else:
        source = next(r for r in me.records if r.id == record)
        profile = cut_profile(me.lathe, world.parts, film_kind, parent=source.profile.after_plays(source.plays))
    return CutPreview(profile, quality_grade(profile))


def sale_preview(world: World, view: PlayerView, site_id: str, record_ids: list[int]) -> int:
    """Kopecks `SellRecords(record_ids)` at `site_id` would pay at today's demand."""
    records = {r.id: r for r in view.player.records}
    chosen = [(records[i].genre, records[i].quality) for i in record_ids if i in records]
    return sale_total(world, site_id, view.demand.get(site_id, {}), chosen, view.player.reputation)


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
            actions += [BuyMaster(master=m) for m in site.masters]
            actions += [BuyPart(part=p) for p in site.parts]
            actions += [SellPart(spare=i) for i in range(len(me.spares))]
        elif site.kind in BUYER_KINDS and me.records:
            wanted = view.demand.get(site.id, {})
            ids = [r.id for r in me.records if wanted.get(r.genre, 0.0) > 0]
            if ids:
                actions.append(SellRecords(records=ids))
        elif site.kind == "militia_station":
            actions += [Inform(target=r.index) for r in view.rivals if r.free]
        if site.id == me.workshop:
            films = {k: n for k, n in sorted(me.films.items()) if n}
            if films and me.masters:
                first = next(iter(films))
                actions.append(CutRecords(films={first: min(films[first], 10)}, master=me.masters[0].master_id))
            actions += [InstallPart(spare=i) for i in range(len(me.spares))]
    actions.append(LieLow())
    return actions
