"""The game view's heads-up display: the top bar (date, money, reputation, heat, films, masters, records, the
lathe's grade), each figure with a mark for how it changed last evening. Painted from `session.view(seat)` into
the scene's cached chrome layer when the view or plan changes, never per frame; `Hotspot` widgets give every
figure its tooltip, with the causes of last evening's change. Widths are measured, so the bar fits any window
from 1024 design pixels wide (a shorter date when space is short)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pygame

from game.core.commands import rubles
from game.core.encounter import contraband_load, notice_chance
from game.core.market import reputation_factor
from game.core.profile import grade_label
from game.core.resolve import HEAT_DECAY, LIE_LOW_DECAY
from game.core.view import PlayerView
from game.core.world import World, evening_count
from game.ui.look import paint, theme
from game.ui.look.text import fit, render
from game.ui.play.ledger import LedgerLine
from game.ui.scenes.panels.words import lathe_grade, points, reference
from game.ui.widgets.base import Widget

LABEL_SIZE = 11
VALUE_SIZE = 19
HEAT_MIN_W = 96


class Hotspot(Widget):
    """An invisible rectangle that only carries a tooltip."""

    def draw(self, surface: pygame.Surface) -> None:
        return


@dataclass(frozen=True)
class Stat:
    key: str  # the ledger key whose change it shows
    label: str
    value: str
    tooltip: str
    color: theme.Color = theme.BONE


def date_words(iso: str, short: bool = False) -> str:
    """'Thursday, 1 September 1955' (short: 'Thu 1 Sep 1955')."""
    d = dt.date.fromisoformat(iso)
    return f"{d:%a} {d.day} {d:%b %Y}" if short else f"{d:%A}, {d.day} {d:%B %Y}"


def heat_danger(world: World) -> int:
    """The heat from which the bar turns red: the level's raid threshold (the militia may search your workshop)."""
    return world.level.rules.raid_heat


def stats(world: World, view: PlayerView) -> list[Stat]:
    """The figures of the top bar with their tooltips (every number from the engine)."""
    me = view.player
    films = sum(me.films.values())
    film_words = ", ".join(f"{n} {world.films[k].name}" for k, n in sorted(me.films.items()) if n and k in world.films) or "none"
    masters = ", ".join(f"'{m.title}'" for m in me.masters) or "none yet: buy them from contacts"
    ref = reference(world, view)
    grade = lathe_grade(world, dict(me.lathe), ref)
    parts = ", ".join(world.parts[p.part_id].name for _slot, p in sorted(me.lathe.items()) if p.part_id in world.parts)
    load = contraband_load(me.records, world.genres)
    stop_now = notice_chance(me.heat, load, view.patrol_pressure)
    return [
        Stat("money", "Money", rubles(me.money), "Your rubles. Bribes, fines, masters and parts are paid from it; the richest "
             "free bootlegger at the end wins.", theme.AMBER),
        Stat("reputation", "Reputation", f"{me.reputation}", f"0-100. Buyers pay {reputation_factor(0):.1f}× an unknown "
             f"seller's price up to {reputation_factor(100):.1f}× a famous one's. Clean records sold raise it, scratchy "
             "ones lower it: the market panel shows what a sale will do before you sell."),
        Stat("films", "Films", f"{films}", f"X-ray films at your workshop: {film_words}. Scavenge them at hospitals."),
        Stat("masters", "Masters", f"{len(me.masters)}", f"Masters hidden at your workshop: {masters}."),
        Stat("records", "Records", f"{len(me.records)}", f"Bone records you carry: contraband in the street, each counted "
             f"by its genre's risk. A patrol that sees you with these stops you with {stop_now:.0%} tonight (at your heat "
             f"{me.heat}); more records, dangerous genres and more heat make it likelier."),
        Stat("grade", "Lathe", f"{points(grade)} · {grade_label(grade)}", f"The grade (of 100) your lathe cuts now on "
             f"{ref.words} ({parts}). Every record cut wears the parts; better parts from contacts sound better and "
             "sell for more."),
    ]


def heat_tooltip(world: World, view: PlayerView) -> str:
    me = view.player
    raid = heat_danger(world)
    return (f"Heat {me.heat}/100: how wanted you are. A patrol that sees you carrying records stops you with "
            f"{notice_chance(me.heat, contraband_load(me.records, world.genres), view.patrol_pressure):.0%} now (more with "
            f"more heat and records). From heat {raid} (the red mark) the militia may raid your workshop: films, spares and masters "
            f"seized. Heat cools by {HEAT_DECAY} an evening, by {LIE_LOW_DECAY} when you lie low.")


def _mark(line: LedgerLine | None) -> tuple[str, theme.Color] | None:
    if line is None or line.change in ("+0", "0"):
        return None
    up = line.change.startswith("+")
    arrow = "▲" if up else "▼"
    color = {"good": theme.GREEN, "bad": theme.RED}.get(line.tone, theme.BONE_DIM)
    text = line.change if line.key != "money" else line.change.replace(" rub", "")
    return f"{arrow}{text.lstrip('+−')}", color


def paint_top_bar(surface: pygame.Surface, rect: pygame.Rect, world: World, view: PlayerView,
                  changes: Mapping[str, LedgerLine] | None = None) -> list[tuple[pygame.Rect, str]]:
    """Paint the top bar's film and figures; returns (rect, tooltip) hot zones. The heat bar's slot is left empty
    (a live widget draws it): its rect is the last hot zone. `changes` are last evening's ledger lines by key."""
    changes = changes or {}
    surface.blit(paint.film_panel(rect.size, 245), rect.topleft)
    m = theme.px(14)
    gap = theme.px(16)
    items = stats(world, view)
    label_font, value_font, mark_font = (theme.font("ui_bold", LABEL_SIZE), theme.font("ui_bold", VALUE_SIZE),
                                         theme.font("ui_bold", LABEL_SIZE))
    marks = {s.key: _mark(changes.get(s.key)) for s in items}
    widths = []
    for s in items:
        mark = marks[s.key]
        value_w = value_font.size(s.value)[0] + (mark_font.size(mark[0])[0] + theme.px(4) if mark else 0)
        widths.append(max(label_font.size(s.label.upper())[0], value_w) + gap)
    heat_w = theme.px(200)
    room = rect.width - 2 * m - sum(widths) - heat_w
    sub = f"Evening {view.turn + 1} of {evening_count(world.level)}  ·  {world.level.name}"
    date_text = date_words(view.date)
    if theme.font("headline", 20).size(date_text)[0] + gap > room:
        date_text = date_words(view.date, short=True)
    date_w = theme.font("headline", 20).size(date_text)[0] + gap
    if date_w > room:  # still too narrow: the heat bar gives way, down to its minimum
        heat_w = max(theme.px(HEAT_MIN_W), heat_w - (date_w - room))
        room = rect.width - 2 * m - sum(widths) - heat_w
    date_w = max(min(date_w, room), theme.px(60))
    x = rect.left + m
    zones: list[tuple[pygame.Rect, str]] = []
    date = render(fit(date_text, theme.font("headline", 20), date_w - gap), "headline", 20, theme.BONE)
    surface.blit(date, (x, rect.top + theme.px(7)))
    sub_img = render(fit(sub, theme.font("ui", theme.SIZE_SMALL), date_w - gap), "ui", theme.SIZE_SMALL, theme.BONE_DIM)
    surface.blit(sub_img, (x, rect.top + theme.px(33)))
    cal = world.level.calendar
    zones.append((pygame.Rect(x, rect.top, date_w - theme.px(4), rect.height),
                  f"{date_words(view.date)}. Evening {view.turn + 1} of {evening_count(world.level)} in "
                  f"{world.level.name}; the season ends on {cal.end:%d %B %Y}, each evening is {cal.days_per_turn} day(s)."))
    x += date_w
    for s, w in zip(items, widths, strict=True):
        lbl = render(s.label.upper(), "ui_bold", LABEL_SIZE, theme.BONE_DIM)
        surface.blit(lbl, (x, rect.top + theme.px(9)))
        val = render(s.value, "ui_bold", VALUE_SIZE, s.color)
        surface.blit(val, (x, rect.top + theme.px(25)))
        tip = s.tooltip
        mark = marks[s.key]
        if mark is not None:
            img = render(mark[0], "ui_bold", LABEL_SIZE, mark[1])
            surface.blit(img, (x + val.get_width() + theme.px(4), rect.top + theme.px(25) + val.get_height() - img.get_height() - theme.px(2)))
            tip = f"{tip}\nLast evening: {changes[s.key].sentence}"
        zones.append((pygame.Rect(x - theme.px(4), rect.top, w - theme.px(4), rect.height), tip))
        pygame.draw.line(surface, theme.FILM_EDGE, (x + w - theme.px(10), rect.top + theme.px(12)),
                         (x + w - theme.px(10), rect.bottom - theme.px(12)))
        x += w
    lbl = render("HEAT", "ui_bold", LABEL_SIZE, theme.BONE_DIM)
    surface.blit(lbl, (x, rect.top + theme.px(9)))
    tip = heat_tooltip(world, view)
    mark = _mark(changes.get("heat"))
    if mark is not None:
        img = render(mark[0], "ui_bold", LABEL_SIZE, mark[1])
        surface.blit(img, (x + lbl.get_width() + theme.px(6), rect.top + theme.px(9)))
        tip = f"{tip}\nLast evening: {changes['heat'].sentence}"
    bar = pygame.Rect(x, rect.top + theme.px(28), max(theme.px(40), rect.right - x - m), theme.px(20))
    zones.append((pygame.Rect(bar.left - theme.px(4), rect.top, bar.width + theme.px(8), rect.height), tip))
    return zones


def paint_section_title(surface: pygame.Surface, text: str, x: int, y: int, width: int) -> int:
    """A small caps heading with a rule under it; returns the y below."""
    img = render(fit(text.upper(), theme.font("ui_bold", theme.SIZE_SMALL - 2), width), "ui_bold", theme.SIZE_SMALL - 2, theme.GLOW)
    surface.blit(img, (x, y))
    y += img.get_height() + theme.px(3)
    pygame.draw.line(surface, theme.FILM_EDGE, (x, y), (x + width, y))
    return y + theme.px(6)


def line_step(size: int = theme.SIZE_SMALL) -> int:
    """The height of one row painted by `paint_lines`."""
    return theme.font("ui", size).get_linesize() + theme.px(3)


def paint_lines(surface: pygame.Surface, lines: Sequence[tuple[str, str, theme.Color]], x: int, y: int, width: int,
                size: int = theme.SIZE_SMALL) -> list[tuple[pygame.Rect, bool]]:
    """Rows of (left text, right text, colour of the left); returns each row's rect and whether it was shortened."""
    rows = []
    step = line_step(size)
    font = theme.font("ui", size)
    for left, right, color in lines:
        r_img = render(right, "ui_bold", size, theme.BONE) if right else None
        room = width - (r_img.get_width() + theme.px(8) if r_img else 0)
        shown = fit(left, font, room)
        img = render(shown, "ui", size, color)
        surface.blit(img, (x, y))
        if r_img is not None:
            surface.blit(r_img, (x + width - r_img.get_width(), y))
        rows.append((pygame.Rect(x, y, width, step), shown != left))
        y += step
    return rows
