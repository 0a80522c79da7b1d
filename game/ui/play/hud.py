"""The game view's heads-up display: the top bar (date, money, reputation, heat, films, masters, records, the
lathe's grade) and the side panel's still parts (tonight's orders, rivals). Painted from `session.view(seat)`
into the scene's cached chrome layer when the view or plan changes, never per frame; `Hotspot` widgets give
every figure its tooltip."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.core.commands import rubles
from game.core.lathe import cut_profile
from game.core.profile import grade_label, quality_grade
from game.core.view import PlayerView
from game.core.world import World
from game.ui.look import paint, theme
from game.ui.look.text import fit, render
from game.ui.widgets.base import Widget

HEAT_DANGER = 55  # the bar turns red and pulses from here


class Hotspot(Widget):
    """An invisible rectangle that only carries a tooltip."""

    def draw(self, surface: pygame.Surface) -> None:
        return


@dataclass(frozen=True)
class Stat:
    label: str
    value: str
    tooltip: str
    width: int  # design pixels
    color: theme.Color = theme.BONE


def evening_count(world: World) -> int:
    """How many evenings the level's calendar has."""
    cal = world.level.calendar
    return (cal.end - cal.start).days // cal.days_per_turn + 1


def date_words(iso: str) -> str:
    """'Thursday, 1 September 1955'."""
    d = dt.date.fromisoformat(iso)
    return f"{d:%A}, {d.day} {d:%B %Y}"


def lathe_grade(world: World, view: PlayerView) -> float:
    """The grade the lathe gives now on the film you hold most of, from your best master (engine formulas)."""
    me = view.player
    films = [k for k in sorted(me.films) if me.films[k] > 0 and k in world.films]
    film = max(films, key=lambda k: me.films[k]) if films else ("chest" if "chest" in world.films else next(iter(world.films)))
    source = max((m.source_quality for m in me.masters), default=1.0)
    return quality_grade(cut_profile(me.lathe, world.parts, world.films[film], source))


def stats(world: World, view: PlayerView) -> list[Stat]:
    """The figures of the top bar with their tooltips."""
    me = view.player
    films = sum(me.films.values())
    film_words = ", ".join(f"{n} {world.films[k].name}" for k, n in sorted(me.films.items()) if n and k in world.films) or "none"
    masters = ", ".join(f"'{m.title}'" for m in me.masters) or "none yet: buy them from contacts"
    grade = lathe_grade(world, view)
    parts = ", ".join(world.parts[p.part_id].name for _slot, p in sorted(me.lathe.items()) if p.part_id in world.parts)
    return [
        Stat("Money", rubles(me.money), "Your rubles. Bribes, fines, masters and parts are paid from it; the richest free "
             "bootlegger at the end wins.", 118, theme.AMBER),
        Stat("Reputation", f"{me.reputation}", "0-100. Buyers pay 0.8x (unknown) to 1.2x (famous) for a famous seller's "
             "records. Clean records (quality 35+) raise it, scratchy ones (below 12) lower it.", 92),
        Stat("Films", f"{films}", f"X-ray films at your workshop: {film_words}. Scavenge them at hospitals.", 62),
        Stat("Masters", f"{len(me.masters)}", f"Masters hidden at your workshop: {masters}.", 70),
        Stat("Records", f"{len(me.records)}", "Bone records you carry. They are contraband in the street: the more you "
             "carry, the likelier a patrol stops you (+2 % each).", 70),
        Stat("Lathe", f"{grade * 100:.0f} · {grade_label(grade)}", f"The grade (0-100) your lathe cuts now ({parts}). "
             "Better parts from contacts sound better and sell for more.", 178),
    ]


def heat_tooltip(world: World, view: PlayerView) -> str:
    raid = world.level.rules.raid_heat
    return (f"Heat {view.player.heat}/100: how wanted you are. A patrol that sees you with records stops you with "
            f"chance 8 % + heat/120 + 2 % per record carried (times the patrol pressure). From heat {raid} the militia may "
            f"raid your workshop (chance (heat - {raid} + 10) % an evening): films, spares and masters seized. "
            "It falls by 3 an evening, by 12 when you lie low.")


def paint_top_bar(surface: pygame.Surface, rect: pygame.Rect, world: World, view: PlayerView) -> list[tuple[pygame.Rect, str]]:
    """Paint the top bar's film and figures; returns (rect, tooltip) hot zones. The heat bar's slot is left empty
    (a live widget draws it): its rect is the last hot zone."""
    surface.blit(paint.film_panel(rect.size, 245), rect.topleft)
    m = theme.px(16)
    x = rect.left + m
    zones: list[tuple[pygame.Rect, str]] = []
    date = render(date_words(view.date), "headline", 20, theme.BONE)
    surface.blit(date, (x, rect.top + theme.px(7)))
    sub = f"Evening {view.turn + 1} of {evening_count(world)}  ·  {world.level.name}"
    sub_img = render(fit(sub, theme.font("ui", theme.SIZE_SMALL), theme.px(300)), "ui", theme.SIZE_SMALL, theme.BONE_DIM)
    surface.blit(sub_img, (x, rect.top + theme.px(33)))
    date_w = max(date.get_width(), sub_img.get_width()) + theme.px(22)
    zones.append((pygame.Rect(x, rect.top, date_w, rect.height), f"Today's date. The season ends on "
                  f"{world.level.calendar.end:%d %B %Y}; each turn is {world.level.calendar.days_per_turn} day(s)."))
    x += date_w
    for stat in stats(world, view):
        w = theme.px(stat.width)
        lbl = render(stat.label.upper(), "ui_bold", 11, theme.BONE_DIM)
        surface.blit(lbl, (x, rect.top + theme.px(9)))
        val = render(fit(stat.value, theme.font("ui_bold", 19), w - theme.px(6)), "ui_bold", 19, stat.color)
        surface.blit(val, (x, rect.top + theme.px(25)))
        zones.append((pygame.Rect(x - theme.px(4), rect.top, w, rect.height), stat.tooltip))
        pygame.draw.line(surface, theme.FILM_EDGE, (x + w - theme.px(10), rect.top + theme.px(12)),
                         (x + w - theme.px(10), rect.bottom - theme.px(12)))
        x += w
    lbl = render("HEAT", "ui_bold", 11, theme.BONE_DIM)
    surface.blit(lbl, (x, rect.top + theme.px(9)))
    bar = pygame.Rect(x, rect.top + theme.px(28), min(theme.px(200), rect.right - x - m), theme.px(20))
    zones.append((bar.inflate(theme.px(8), theme.px(30)), heat_tooltip(world, view)))
    return zones


def paint_section_title(surface: pygame.Surface, text: str, x: int, y: int, width: int) -> int:
    """A small caps heading with a rule under it; returns the y below."""
    img = render(text.upper(), "ui_bold", theme.SIZE_SMALL - 2, theme.GLOW)
    surface.blit(img, (x, y))
    y += img.get_height() + theme.px(3)
    pygame.draw.line(surface, theme.FILM_EDGE, (x, y), (x + width, y))
    return y + theme.px(6)


def paint_lines(surface: pygame.Surface, lines: Sequence[tuple[str, str, theme.Color]], x: int, y: int, width: int,
                size: int = theme.SIZE_SMALL) -> list[pygame.Rect]:
    """Rows of (left text, right text, colour of the left); returns each row's rect."""
    rows = []
    step = theme.font("ui", size).get_linesize() + theme.px(3)
    for left, right, color in lines:
        r_img = render(right, "ui_bold", size, theme.BONE) if right else None
        room = width - (r_img.get_width() + theme.px(8) if r_img else 0)
        img = render(fit(left, theme.font("ui", size), room), "ui", size, color)
        surface.blit(img, (x, y))
        if r_img is not None:
            surface.blit(r_img, (x + width - r_img.get_width(), y))
        rows.append(pygame.Rect(x, y, width, step))
        y += step
    return rows
