"""The homemade lathe: four slots of parts, their wear, and the cut profile they make with a film and a master.

Wear: a part's condition runs from 1.0 (new) to 0.0 (ruined); each record cut takes `wear_per_cut` off every
installed part. A worn part performs worse, linearly in the wear w = 1 - condition:
- motor: wow and flutter x (1 + 2w), speed error and drift x (1 + w);
- platter: offset x (1 + w);
- cutter: bandwidth x (1 - 0.4w), groove noise + 0.05w, tracing distortion + 0.3w (capped at 1);
- amplifier: hum x (1 + 2w), distortion + 0.3w (capped at 1).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.content.models import FilmKind, Part, Slot
from game.core.profile import CutProfile

SLOTS: tuple[Slot, ...] = ("motor", "platter", "cutter", "amplifier")


@dataclass(frozen=True)
class PartInstance:
    """One physical part: which catalog part it is and how worn it is (condition 1.0 = new)."""

    part_id: str
    condition: float = 1.0

    def __deepcopy__(self, memo: dict) -> PartInstance:
        return self  # frozen: a copy of the state may share it

    def worn_by(self, amount: float) -> PartInstance:
        return PartInstance(self.part_id, max(0.0, round(self.condition - amount, 6)))


def cut_profile(
    lathe: Mapping[Slot, PartInstance],
    parts: Mapping[str, Part],
    film: FilmKind,
    source_quality: float = 1.0,
    parent: CutProfile | None = None,
) -> CutProfile:
    """The profile of a record cut now on `lathe` onto `film` from a master of `source_quality`.

    `parent` is the bone record's profile when copying from a bone record: the new record's generation is
    the parent's + 1 and its source quality is the parent's."""
    motor = _part(lathe, parts, "motor")
    platter = _part(lathe, parts, "platter")
    cutter = _part(lathe, parts, "cutter")
    amp = _part(lathe, parts, "amplifier")
    assert motor[0].motor and platter[0].platter and cutter[0].cutter and amp[0].amplifier
    mw, pw, cw, aw = motor[1], platter[1], cutter[1], amp[1]
    m, p, c, a = motor[0].motor, platter[0].platter, cutter[0].cutter, amp[0].amplifier
    return CutProfile(
        speed_error=m.speed_error * (1 + mw),
        speed_drift=m.speed_drift * (1 + mw),
        wow=m.wow * (1 + 2 * mw),
        flutter=m.flutter * (1 + 2 * mw),
        spindle_offset_mm=p.spindle_offset_mm * (1 + pw),
        bandwidth_hz=c.bandwidth_hz * (1 - 0.4 * cw),
        low_cut_hz=c.low_cut_hz,
        groove_noise=c.groove_noise + 0.05 * cw,
        tracing_distortion=min(1.0, c.tracing_distortion + 0.3 * cw),
        gain=a.gain,
        hum=a.hum * (1 + 2 * aw),
        distortion=min(1.0, a.distortion + 0.3 * aw),
        film_kind=film.id,
        diameter_in=film.diameter_in,
        film_noise=film.film_noise,
        crackle_rate=film.crackle_rate,
        scratch_click=film.scratch_click,
        max_plays=film.max_plays,
        source_quality=source_quality if parent is None else 1.0,
        generation=1 if parent is None else parent.generation + 1,
        parent=parent,
    )


def _part(lathe: Mapping[Slot, PartInstance], parts: Mapping[str, Part], slot: Slot) -> tuple[Part, float]:
    """The catalog part in `slot` and its wear w = 1 - condition."""
    instance = lathe[slot]
    return parts[instance.part_id], 1.0 - instance.condition


def preset_lathe(part_ids: Mapping[Slot, str]) -> dict[Slot, PartInstance]:
    """A lathe of new parts from a slot -> part id mapping (a catalog preset or a level's starting lathe)."""
    return {slot: PartInstance(part_ids[slot]) for slot in SLOTS}
