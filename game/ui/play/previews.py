"""Previews in words for the panels, from the engine's own rules (`dry_run`): the records a cut will really
make as the lathe wears record by record, the wear it leaves, and what a sale does to money and reputation."""

from __future__ import annotations

from dataclasses import dataclass

from game.core.commands import CutRecords, SellRecords, rubles
from game.core.grid import Point
from game.core.view import PlayerView
from game.core.world import World
from game.ui.play.dry_run import dry_run
from game.ui.scenes.panels.words import points


@dataclass(frozen=True)
class CutSpread:
    grades: tuple[float, ...]  # each record's quality 0-1, in the order they are cut
    wear: str  # the parts' condition before → after
    summary: str
    detail: str


def cut_spread(world: World, view: PlayerView, action: CutRecords, at: Point) -> CutSpread | None:
    """What `action` will make at your workshop `at`: None if the engine refuses it."""
    run = dry_run(world, view, action, at)
    if run is None:
        return None
    grades = tuple(r.quality for r in run.new_records)
    n = len(grades)
    if not n:
        return None
    first, last = points(grades[0]), points(grades[-1])
    mean = sum(grades) / n
    if first == last:
        summary = f"{n} record{'s' if n != 1 else ''} at {first}/100 each"
    else:
        summary = f"{n} records: quality {first} → {last} (of 100)"
    detail = (f"Each record cut wears every part, so each comes out a little worse (mean {points(mean)}): "
              + ", ".join(f"#{i + 1} {points(g)}" for i, g in enumerate(grades)) + " (of 100).")
    worn = []
    for slot, after in sorted(run.after.lathe.items()):
        before = run.before.lathe.get(slot)
        if before is None or before == after:
            continue
        name = world.parts[after.part_id].name if after.part_id in world.parts else after.part_id
        worn.append(f"{name} {before.condition * 100:.0f} → {after.condition * 100:.0f} %")
    wear = ("Wear: " + ", ".join(worn)) if worn else "No wear."
    return CutSpread(grades, wear, summary, detail)


@dataclass(frozen=True)
class SaleEffect:
    money: int  # kopecks
    reputation_before: int
    reputation_after: int

    @property
    def summary(self) -> str:
        rep = self.reputation_after - self.reputation_before
        change = "unchanged" if rep == 0 else f"{self.reputation_before} → {self.reputation_after} ({rep:+d})".replace("-", "−")
        return f"{rubles(self.money)}; reputation {change}"


def sale_effect(world: World, view: PlayerView, site_id: str, record_ids: list[int]) -> SaleEffect | None:
    """Money and reputation after selling `record_ids` at `site_id` tonight (the engine's own sale)."""
    if not record_ids:
        return None
    site = world.sites[site_id]
    run = dry_run(world, view, SellRecords(records=record_ids), (site.at[0], site.at[1]))
    if run is None:
        return None
    return SaleEffect(run.money, run.before.reputation, run.after.reputation)
