"""Numbers from the engine put into words for the panels (no rules here: every figure is computed by
game.core — lathe.cut_profile, profile.quality_grade, market.price_at_demand, commands.part_resale_price)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.content.models import Part
from game.core.lathe import PartInstance, cut_profile
from game.core.profile import grade_label, quality_grade
from game.core.view import PlayerView
from game.core.world import World

SLOT_WORDS = {"motor": "Motor", "platter": "Platter & spindle", "cutter": "Cutter & stylus", "amplifier": "Amplifier"}


def level_db(amplitude: float) -> str:
    """An added noise's amplitude (fraction of full scale, as the audio chain adds it) in decibels: '−28 dB'."""
    return f"{20 * math.log10(amplitude):.0f} dB".replace("-", "−") if amplitude > 0 else "none"


def part_stat(part: Part) -> str:
    """The stat that matters for a part, in words and numbers."""
    if part.motor is not None:
        m = part.motor
        return f"runs {m.speed_error * 100:+.1f} % fast, wow {m.wow * 100:.2f} %, flutter {m.flutter * 100:.2f} %"
    if part.platter is not None:
        return f"hole {part.platter.spindle_offset_mm:.1f} mm off-centre"
    if part.cutter is not None:
        c = part.cutter
        return f"treble to {c.bandwidth_hz / 1000:.1f} kHz, groove noise {level_db(c.groove_noise)} (of full loudness)"
    if part.amplifier is not None:
        a = part.amplifier
        return f"hum {level_db(a.hum)} (of full loudness), distortion {a.distortion * 100:.0f} %"
    return ""


def part_short(part: Part) -> str:
    """A compact stat for narrow table cells."""
    if part.motor is not None:
        return f"wow {part.motor.wow * 100:.2f} %"
    if part.platter is not None:
        return f"{part.platter.spindle_offset_mm:.1f} mm off"
    if part.cutter is not None:
        return f"{part.cutter.bandwidth_hz / 1000:.1f} kHz"
    if part.amplifier is not None:
        return f"hum {level_db(part.amplifier.hum)}"
    return ""


def level_words(x: float, steps: tuple[tuple[float, str], ...]) -> str:
    for floor, word in steps:
        if x >= floor:
            return word
    return steps[-1][1]


def noise_words(film_noise: float) -> str:
    return level_words(film_noise, ((0.028, "hissy"), (0.02, "noisy"), (0.015, "some hiss"), (0.0, "quiet")))


def demand_words(demand: float) -> str:
    return level_words(demand, ((1.6, "craved"), (1.2, "high"), (0.85, "steady"), (0.5, "slack"), (0.0, "glutted")))


@dataclass(frozen=True)
class Reference:
    """What "your cut quality" is measured on: a film kind and a master's source quality."""

    film: str
    source_quality: float
    words: str


def reference(world: World, view: PlayerView) -> Reference:
    """The film you hold most of (else chest) and your best master (else a perfect source)."""
    me = view.player
    films = [k for k in sorted(me.films) if me.films[k] > 0 and k in world.films]
    film = max(films, key=lambda k: me.films[k]) if films else ("chest" if "chest" in world.films else next(iter(world.films)))
    best = max(me.masters, key=lambda m: m.source_quality, default=None)
    sq = best.source_quality if best is not None else 1.0
    src = f"'{best.title}'" if best is not None else "a perfect master"
    return Reference(film, sq, f"{world.films[film].name} from {src}")


def lathe_grade(world: World, lathe: dict[str, PartInstance], ref: Reference) -> float:
    """The grade a cut on `lathe` would get on the reference film and master."""
    return quality_grade(cut_profile(lathe, world.parts, world.films[ref.film], ref.source_quality))


def swap_grades(world: World, view: PlayerView, part: PartInstance, ref: Reference | None = None) -> tuple[float, float]:
    """(grade now, grade with `part` swapped into its slot) on the reference cut."""
    ref = ref or reference(world, view)
    lathe = dict(view.player.lathe)
    now = lathe_grade(world, lathe, ref)
    lathe[world.parts[part.part_id].slot] = part
    return now, lathe_grade(world, lathe, ref)


SLOT_SHORT = {"motor": "Motor", "platter": "Platter", "cutter": "Cutter", "amplifier": "Amplifier"}


def points(grade: float) -> str:
    """A grade 0-1 as points out of 100 (one decimal below 10, where small steps still matter)."""
    g = grade * 100
    return f"{g:.1f}" if g < 9.95 else f"{g:.0f}"


def change_words(now: float, after: float) -> str:
    """'31 → 44 (+13)': grades as points of 100."""
    delta = after * 100 - now * 100
    d = f"{delta:+.1f}" if abs(delta) < 9.95 else f"{delta:+.0f}"
    return f"{points(now)} → {points(after)} ({d})"


def grade_words(grade: float) -> str:
    return f"{grade_label(grade)} {points(grade)}"
