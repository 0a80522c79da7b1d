"""The city drawn by the game: terrain tiles (streets, building blocks with roofs, dark courtyards, rippling water,
bridges), site badges with drawn icons, unit tokens and sight areas. Pure drawing from the static `CityMap` and
kinds; every result is cached by its arguments (the palette among them), so the map view only blits.

Colour is never the only signal: each site kind has its own icon, each unit kind its own token shape (you and
rival bootleggers round, militia a diamond, Komsomol a square, informers a triangle), and sight areas and
watched tiles carry a hatch pattern."""

from __future__ import annotations

import math
from functools import lru_cache

import pygame

from game.core.grid import CityMap
from game.ui.look import theme
from game.ui.look.text import render

# ---------------------------------------------------------------- terrain palette (X-ray film tones)
STREET = (40, 62, 80)
STREET_LINE = (52, 76, 96)
KERB = (52, 76, 96)
BUILDING = (14, 22, 33)
ROOF = (50, 72, 94)
ROOF_LIGHT = (92, 124, 148)
ROOF_RIDGE = (24, 38, 52)
COURTYARD = (30, 48, 50)
COURT_DOT = (44, 70, 62)
WATER = (12, 36, 66)
RIPPLE = (56, 104, 148)
BRIDGE = (84, 100, 112)
BRIDGE_RAIL = (150, 176, 190)
SHADOW = (6, 10, 16)

FOG_MULT = (108, 116, 150)
SEEN_EDGE = (88, 150, 172)  # the rim of what you can see tonight  # multiplied into tiles nobody of yours can see

#: per palette: site kind and unit kind -> colour (names of theme colours or RGB); the colour-blind palette keeps
#: danger (militia) apart from help (contacts) in lightness as well as hue
_SITE_COLORS: dict[str, dict[str, str | theme.Color]] = {
    "standard": {"hospital": "BONE", "market": "AMBER", "buyer": "AMBER", "workshop": "GLOW", "contact": "GREEN",
                 "dance_hall": (220, 140, 200), "militia_station": "RED"},
    "colour_blind": {"hospital": "BONE", "market": "AMBER", "buyer": "AMBER", "workshop": "GLOW", "contact": (70, 150, 255),
                     "dance_hall": (204, 121, 167), "militia_station": "RED"},
}
_UNIT_COLORS: dict[str, dict[str, str | theme.Color]] = {
    "standard": {"me": "BONE", "bootlegger": "AMBER", "militia": "RED", "komsomol": (236, 110, 60),
                 "informer": (186, 120, 220), "patrol": "RED"},
    "colour_blind": {"me": "BONE", "bootlegger": "AMBER", "militia": "RED", "komsomol": (204, 121, 167),
                     "informer": (170, 140, 255), "patrol": "RED"},
}


def _colour(table: dict[str, dict[str, str | theme.Color]], kind: str) -> theme.Color:
    value = table.get(theme.palette(), table["standard"]).get(kind, "BONE")
    return getattr(theme, value) if isinstance(value, str) else value


def site_color(kind: str) -> theme.Color:
    """The colour of a site kind's badge in the palette in use."""
    return _colour(_SITE_COLORS, kind)


def unit_color(kind: str) -> theme.Color:
    """The colour of a unit kind's token (and sight area) in the palette in use."""
    return _colour(_UNIT_COLORS, kind)


def _hash(x: int, y: int, salt: int = 0) -> int:
    """A small deterministic per-tile number (no global random)."""
    h = (x * 374761393 + y * 668265263 + salt * 2246822519) & 0xFFFFFFFF
    h = ((h ^ (h >> 13)) * 1274126177) & 0xFFFFFFFF
    return h ^ (h >> 16)


def terrain(city: CityMap, tile: int) -> pygame.Surface:
    """The whole city at `tile` pixels a tile, opaque. Building blocks merge across tiles; roofs are lit from the
    top-left and cast a shadow onto the street to the south-east; water gets ripples, bridges rails."""
    w, h = city.width, city.height
    surf = pygame.Surface((w * tile, h * tile))
    kinds = city.kinds

    def kind(x: int, y: int) -> str:
        return kinds[y][x] if 0 <= x < w and 0 <= y < h else "building"

    t = tile
    inset = max(1, t // 8)
    for y in range(h):
        for x in range(w):
            k = kinds[y][x]
            r = pygame.Rect(x * t, y * t, t, t)
            if k == "street":
                surf.fill(STREET, r)
                if _hash(x, y) % 5 == 0 and t >= 12:  # cobbles: a few lighter setts
                    sx = r.left + _hash(x, y, 1) % max(1, t - 3)
                    sy = r.top + _hash(x, y, 2) % max(1, t - 3)
                    surf.fill(STREET_LINE, (sx, sy, max(2, t // 8), max(2, t // 10)))
                if kind(x - 1, y) == "building" or kind(x + 1, y) == "building" or kind(x, y - 1) == "building":
                    pass
            elif k == "courtyard":
                surf.fill(COURTYARD, r)
                if t >= 10:
                    for i in range(2):
                        hx = _hash(x, y, 5 + i)
                        cx, cy = r.left + 2 + hx % max(1, t - 4), r.top + 2 + (hx >> 8) % max(1, t - 4)
                        pygame.draw.circle(surf, COURT_DOT, (cx, cy), max(1, t // 9))
            elif k == "water":
                surf.fill(WATER, r)
                if t >= 8:
                    for i in range(2):
                        hx = _hash(x, y, 9 + i)
                        cx = r.left + hx % max(1, t - t // 2)
                        cy = r.top + t // 4 + i * t // 2 + (hx >> 8) % max(1, t // 6)
                        arc = pygame.Rect(cx, cy - t // 8, max(4, t // 2), max(3, t // 4))
                        pygame.draw.arc(surf, RIPPLE, arc, math.pi * 0.15, math.pi * 0.85, 1)
            elif k == "bridge":
                surf.fill(BRIDGE, r)
                for i in range(1, 4):  # planks
                    yy = r.top + i * t // 4
                    pygame.draw.line(surf, (58, 70, 82), (r.left, yy), (r.right - 1, yy))
            else:
                surf.fill(BUILDING, r)
    # roofs: one pass so each block's edges and shadows see its neighbours
    for y in range(h):
        for x in range(w):
            if kinds[y][x] != "building":
                continue
            r = pygame.Rect(x * t, y * t, t, t)
            left, right = kind(x - 1, y) != "building", kind(x + 1, y) != "building"
            top, bottom = kind(x, y - 1) != "building", kind(x, y + 1) != "building"
            roof = r.copy()
            if left:
                roof.left += inset
                roof.width -= inset
            if right:
                roof.width -= inset
            if top:
                roof.top += inset
                roof.height -= inset
            if bottom:
                roof.height -= inset
            surf.fill(ROOF, roof)
            if top:
                pygame.draw.line(surf, ROOF_LIGHT, (roof.left, roof.top), (roof.right - 1, roof.top), max(1, t // 12))
            if left:
                pygame.draw.line(surf, ROOF_LIGHT, (roof.left, roof.top), (roof.left, roof.bottom - 1), max(1, t // 12))
            if bottom:
                pygame.draw.line(surf, ROOF_RIDGE, (roof.left, roof.bottom - 1), (roof.right - 1, roof.bottom - 1), max(1, t // 14))
            if right:
                pygame.draw.line(surf, ROOF_RIDGE, (roof.right - 1, roof.top), (roof.right - 1, roof.bottom - 1), max(1, t // 14))
            if t >= 14 and _hash(x, y, 3) % 4 == 0:  # chimneys and skylights
                cx, cy = roof.left + _hash(x, y, 4) % max(1, roof.width - t // 4), roof.top + (_hash(x, y, 6) % max(1, roof.height - t // 4))
                surf.fill(ROOF_RIDGE, (cx, cy, max(2, t // 6), max(2, t // 6)))
            if kind(x + 1, y) not in ("building",) and kind(x + 1, y) != "water":  # shadow east
                surf.fill(SHADOW, (r.right, r.top + t // 4, max(1, t // 6), t))
            if kind(x, y + 1) not in ("building",) and kind(x, y + 1) != "water":  # shadow south
                surf.fill(SHADOW, (r.left + t // 4, r.bottom, t, max(1, t // 6)))
    # bridge rails where a bridge meets water
    for y in range(h):
        for x in range(w):
            if kinds[y][x] != "bridge":
                continue
            r = pygame.Rect(x * t, y * t, t, t)
            rail = max(1, t // 10)
            if kind(x - 1, y) == "water":
                surf.fill(BRIDGE_RAIL, (r.left, r.top, rail, t))
            if kind(x + 1, y) == "water":
                surf.fill(BRIDGE_RAIL, (r.right - rail, r.top, rail, t))
            if kind(x, y - 1) == "water":
                surf.fill(BRIDGE_RAIL, (r.left, r.top, t, rail))
            if kind(x, y + 1) == "water":
                surf.fill(BRIDGE_RAIL, (r.left, r.bottom - rail, t, rail))
    # kerbs: a thin lit line where a street meets water
    for y in range(h):
        for x in range(w):
            if kinds[y][x] == "water" and kind(x, y - 1) in ("street", "courtyard"):
                surf.fill(KERB, (x * t, y * t, t, max(1, t // 12)))
    return surf


# ---------------------------------------------------------------- site badges
def _glyph(surf: pygame.Surface, kind: str, c: tuple[int, int], s: int, color: theme.Color) -> None:
    """A small drawn icon for a site kind, centred at `c`, about `s` pixels across."""
    x, y = c
    lw = max(2, s // 8)
    if kind == "hospital":  # a cross
        a, b = s // 2, max(2, s // 6)
        surf.fill(color, (x - b, y - a, 2 * b, 2 * a))
        surf.fill(color, (x - a, y - b, 2 * a, 2 * b))
    elif kind in ("market", "buyer"):  # a stall with a striped awning
        top = y - s // 3
        pygame.draw.polygon(surf, color, [(x - s // 2, top + s // 4), (x, top - s // 6), (x + s // 2, top + s // 4)])
        pygame.draw.rect(surf, color, (x - s // 2 + lw, top + s // 4, s - 2 * lw, s // 2), lw)
        if kind == "buyer":
            pygame.draw.circle(surf, color, (x, y + s // 6), max(2, s // 7))
    elif kind == "workshop":  # a record with its label and hole
        pygame.draw.circle(surf, color, c, s // 2, lw)
        pygame.draw.circle(surf, color, c, max(2, s // 5))
        pygame.draw.circle(surf, theme.FILM_BLACK, c, max(1, s // 14))
    elif kind == "contact":  # a radio mast with waves
        pygame.draw.line(surf, color, (x, y + s // 2), (x, y - s // 4), lw)
        pygame.draw.line(surf, color, (x - s // 4, y + s // 2), (x, y), lw)
        pygame.draw.line(surf, color, (x + s // 4, y + s // 2), (x, y), lw)
        for rr in (s // 4, s // 2):
            pygame.draw.arc(surf, color, (x - rr, y - s // 4 - rr, 2 * rr, 2 * rr), math.pi * 0.2, math.pi * 0.8, max(1, lw - 1))
    elif kind == "dance_hall":  # a pair of quavers
        r = max(2, s // 7)
        pygame.draw.circle(surf, color, (x - s // 4, y + s // 4), r)
        pygame.draw.circle(surf, color, (x + s // 4, y + s // 6), r)
        pygame.draw.line(surf, color, (x - s // 4 + r - 1, y + s // 4), (x - s // 4 + r - 1, y - s // 3), lw)
        pygame.draw.line(surf, color, (x + s // 4 + r - 1, y + s // 6), (x + s // 4 + r - 1, y - s // 2 + lw), lw)
        pygame.draw.line(surf, color, (x - s // 4 + r - 1, y - s // 3), (x + s // 4 + r - 1, y - s // 2 + lw), lw + 1)
    elif kind == "militia_station":  # a five-pointed star
        pts = []
        for i in range(10):
            ang = -math.pi / 2 + i * math.pi / 5
            rad = s / 2 if i % 2 == 0 else s / 5
            pts.append((x + rad * math.cos(ang), y + rad * math.sin(ang)))
        pygame.draw.polygon(surf, color, pts)
    else:
        pygame.draw.circle(surf, color, c, s // 3, lw)


def site_badge(kind: str, size: int, own: bool = False) -> pygame.Surface:
    """A round badge with the site's icon; your own workshop gets a bright double ring."""
    return _site_badge(kind, size, own, theme.palette())


@lru_cache(maxsize=64)
def _site_badge(kind: str, size: int, own: bool, palette: str) -> pygame.Surface:
    pad = max(3, size // 5)
    d = size + 2 * pad
    surf = pygame.Surface((d, d), pygame.SRCALPHA)
    color = site_color(kind)
    c = (d // 2, d // 2)
    pygame.draw.circle(surf, (*color, 60), c, d // 2)
    pygame.draw.circle(surf, (*theme.FILM_BLACK, 235), c, size // 2 + 2)
    pygame.draw.circle(surf, color, c, size // 2 + 2, max(1, size // 14) + (1 if own else 0))
    if own:
        pygame.draw.circle(surf, theme.BONE, c, d // 2 - 1, 1)
    _glyph(surf, kind, c, round(size * 0.62), color)
    return surf


@lru_cache(maxsize=256)
def site_label(name: str, size: int, color: theme.Color) -> pygame.Surface:
    """A site's name on a dark tag (readable over any tile)."""
    img = render(name, "ui_bold", size, color)
    pad = max(2, size // 5)
    tag = pygame.Surface((img.get_width() + 2 * pad, img.get_height() + pad), pygame.SRCALPHA)
    tag.fill((*theme.FILM_BLACK, 200))
    tag.blit(img, (pad, pad // 2))
    return tag


# ---------------------------------------------------------------- units
def _token_shape(kind: str, c: tuple[int, int], r: int) -> list[tuple[float, float]] | None:
    """The outline of a unit kind's token (None: a circle): militia a diamond, Komsomol a square, informer a
    triangle pointing down, an unidentified patrol a hexagon."""
    x, y = c
    if kind == "militia":
        k = r * 1.25
        return [(x, y - k), (x + k, y), (x, y + k), (x - k, y)]
    if kind == "komsomol":
        return [(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)]
    if kind == "informer":
        k = r * 1.3
        return [(x - k, y - k * 0.7), (x + k, y - k * 0.7), (x, y + k)]
    if kind == "patrol":
        return [(x + r * math.cos(a * math.pi / 3), y + r * math.sin(a * math.pi / 3)) for a in range(6)]
    return None


def unit_token(kind: str, size: int, alert: bool = False) -> pygame.Surface:
    """A unit on the map: you (bone figure with a glow), a rival bootlegger (amber disc), militia (diamond, a
    cap), Komsomol (square, an armband), informer (triangle, an eye), an unidentified patrol (hexagon)."""
    return _unit_token(kind, size, alert, theme.palette())


def _outline(points: list[tuple[float, float]], grow: float) -> list[tuple[float, float]]:
    cx = sum(p[0] for p in points) / len(points)
    cy = sum(p[1] for p in points) / len(points)
    out = []
    for x, y in points:
        dx, dy = x - cx, y - cy
        d = math.hypot(dx, dy) or 1.0
        out.append((x + dx / d * grow, y + dy / d * grow))
    return out


@lru_cache(maxsize=64)
def _unit_token(kind: str, size: int, alert: bool, palette: str) -> pygame.Surface:
    d = size * 2
    surf = pygame.Surface((d, d), pygame.SRCALPHA)
    color = unit_color(kind)
    c = (d // 2, d // 2)
    if kind == "me":
        for i in range(4):
            pygame.draw.circle(surf, (*theme.GLOW, 26 + i * 14), c, d // 2 - i * size // 6)
    r = max(4, size // 2)
    shape = _token_shape(kind, c, r)
    if shape is None:
        pygame.draw.circle(surf, (*theme.FILM_BLACK, 240), c, r + 2)
        pygame.draw.circle(surf, color, c, r)
    else:
        pygame.draw.polygon(surf, (*theme.FILM_BLACK, 240), _outline(shape, 2.5))
        pygame.draw.polygon(surf, color, shape)
    inner = theme.FILM_BLACK
    x, y = c
    if kind in ("me", "bootlegger"):  # a head and coat collar
        pygame.draw.circle(surf, inner, (x, y - r // 3), max(2, r // 3))
        pygame.draw.polygon(surf, inner, [(x - r // 2, y + r // 2), (x, y), (x + r // 2, y + r // 2)])
    elif kind == "militia":  # a peaked cap
        pygame.draw.rect(surf, inner, (x - r // 2, y - r // 3, r, max(2, r // 3)))
        pygame.draw.line(surf, inner, (x - r // 2 - 1, y + 1), (x + r // 2 + 1, y + 1), max(1, r // 5))
    elif kind == "komsomol":  # an armband
        pygame.draw.rect(surf, inner, (x - r // 2, y - r // 6, r, max(2, r // 3)))
    elif kind == "informer":  # an eye
        pygame.draw.ellipse(surf, inner, (x - r // 2 - 1, y - r // 4, r + 2, r // 2 + 1))
        pygame.draw.circle(surf, color, c, max(1, r // 5))
    if alert:
        pygame.draw.circle(surf, theme.BONE, c, r + 2, 1)
        mark = render("!", "ui_bold", max(8, round(size * 0.55 / theme.scale())), theme.RED)
        surf.blit(mark, (x + r - mark.get_width() // 3, y - r - mark.get_height() // 2))
    return surf


@lru_cache(maxsize=256)
def sight_area(tiles: frozenset[tuple[int, int]], tile: int, color: theme.Color) -> tuple[pygame.Surface, tuple[int, int]]:
    """The tiles a watcher sees (the engine's own set: walls and courtyards included) as a translucent area with a
    diagonal hatch and a rim where sight ends; returns the surface and the tile its top-left corner sits on."""
    if not tiles:
        return pygame.Surface((1, 1), pygame.SRCALPHA), (0, 0)
    x0, y0 = min(x for x, _ in tiles), min(y for _, y in tiles)
    x1, y1 = max(x for x, _ in tiles), max(y for _, y in tiles)
    w, h = (x1 - x0 + 1) * tile, (y1 - y0 + 1) * tile
    fill = pygame.Surface((w, h), pygame.SRCALPHA)
    mask = pygame.Surface((w, h), pygame.SRCALPHA)
    for x, y in tiles:
        mask.fill((255, 255, 255, 255), ((x - x0) * tile, (y - y0) * tile, tile, tile))
    fill.fill((*color, 40))
    spacing = max(5, tile // 3)
    for k in range(-h, w, spacing):  # the hatch: visible without colour
        pygame.draw.line(fill, (*color, 90), (k, h), (k + h, 0), 1)
    fill.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    rim = (*color, 150)
    for x, y in tiles:
        left, top = (x - x0) * tile, (y - y0) * tile
        if (x, y - 1) not in tiles:
            fill.fill(rim, (left, top, tile, 1))
        if (x, y + 1) not in tiles:
            fill.fill(rim, (left, top + tile - 1, tile, 1))
        if (x - 1, y) not in tiles:
            fill.fill(rim, (left, top, 1, tile))
        if (x + 1, y) not in tiles:
            fill.fill(rim, (left + tile - 1, top, 1, tile))
    return fill, (x0, y0)


def clear_caches() -> None:
    for fn in (_site_badge, site_label, _unit_token, sight_area):
        fn.cache_clear()
