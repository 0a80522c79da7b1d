"""Previews in words for the workshop, from the engine's own `preview.cut_preview`: the records a cut will really
make as the lathe wears record by record, and the wear it leaves."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from game.core.commands import CutRecords
from game.core.preview import cut_preview
from game.core.view import PlayerView
from game.core.world import World
from game.ui.scenes.panels.words import points


@dataclass(frozen=True)
class CutSpread:
    grades: tuple[float, ...]  # each record's quality 0-1, in the order they are cut
    wear: str  # the parts' condition before → after
    summary: str
    detail: str


def cut_spread(world: World, view: PlayerView, action: CutRecords) -> CutSpread:
    """What `action` (already accepted by the engine's check) will make: the films are cut in the engine's order
    (by kind), each kind from the lathe as the records before it left it (`PartInstance.worn_by`, as
    `CutRecords` wears it) and, for a copy, from the source record as many plays on."""
    me = view.player
    lathe = dict(me.lathe)
    played = 0
    grades: list[float] = []
    for film in sorted(action.films):
        n = action.films[film]
        now = view.model_copy(update={"player": _after(me, lathe, action.record, played)})
        grades += cut_preview(world, now, film, master=action.master, record=action.record, count=n).grades[:n]
        for _ in range(n):
            lathe = {slot: part.worn_by(world.parts[part.part_id].wear_per_cut) for slot, part in sorted(lathe.items())}
        played += n
    first, last = points(grades[0]), points(grades[-1])
    mean = sum(grades) / len(grades)
    n = len(grades)
    summary = (f"{n} record{'s' if n != 1 else ''} at {first}/100 each" if first == last
               else f"{n} records: quality {first} → {last} (of 100)")
    detail = (f"Each record cut wears every part, so each comes out a little worse (mean {points(mean)}): "
              + ", ".join(f"#{i + 1} {points(g)}" for i, g in enumerate(grades)) + " (of 100).")
    worn_parts = []
    for slot, after in sorted(lathe.items()):
        before = me.lathe.get(slot)
        if before is None or before == after:
            continue
        name = world.parts[after.part_id].name if after.part_id in world.parts else after.part_id
        worn_parts.append(f"{name} {before.condition * 100:.0f} → {after.condition * 100:.0f} %")
    wear = ("Wear: " + ", ".join(worn_parts)) if worn_parts else "No wear."
    return CutSpread(tuple(grades), wear, summary, detail)


def _after(player, lathe, record: int | None, plays: int):  # noqa: ANN001, ANN202
    """A copy of `player` with `lathe` installed and copy source `record` played `plays` more times."""
    records = [dataclasses.replace(r, plays=r.plays + plays) if r.id == record else r for r in player.records]
    return dataclasses.replace(player, lathe=dict(lathe), records=records)
