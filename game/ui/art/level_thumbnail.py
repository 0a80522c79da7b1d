"""A drawn thumbnail of a level's city map: tiles, sites as lettered markers, patrol routes in red."""

from __future__ import annotations

from functools import lru_cache

import pygame

from game.content.models import Level
from game.ui.look import theme

TILE_COLORS: dict[str, theme.Color] = {
    "street": (34, 54, 72),
    "building": (12, 20, 30),
    "courtyard": (26, 42, 46),
    "water": (10, 34, 62),
    "bridge": (70, 88, 100),
}
SITE_STYLE: dict[str, tuple[str, theme.Color]] = {
    "hospital": ("H", theme.BONE),
    "market": ("M", theme.AMBER),
    "buyer": ("B", theme.AMBER),
    "workshop": ("W", theme.GLOW),
    "contact": ("C", theme.GREEN),
    "dance_hall": ("D", (220, 140, 200)),
    "militia_station": ("!", theme.RED),
}


def preview(level: Level, size: tuple[int, int]) -> pygame.Surface:
    """The map of `level` fitted into `size` (keeps the aspect ratio; centred on a dark field). Cached."""
    return _preview(tuple(level.map.rows), tuple(level.map.legend.items()), tuple((s.kind, s.at) for s in level.sites),
                    tuple(tuple(p.route) for p in level.patrols), size, theme.scale())


@lru_cache(maxsize=16)
def _preview(rows: tuple[str, ...] | list[str], legend: tuple, sites: tuple, routes: tuple,
             size: tuple[int, int], scale: float) -> pygame.Surface:
    legend_d = dict(legend)
    rows = list(rows)
    mh, mw = len(rows), max(len(r) for r in rows)
    fit = min(size[0] / mw, size[1] / mh)
    tile = max(6, int(fit))  # drawn at >= 6 px a tile, then smooth-scaled to fit
    full = pygame.Surface((tile * mw, tile * mh))
    out = full
    ox = oy = 0
    for y, row in enumerate(rows):
        for x, ch in enumerate(row):
            kind = legend_d.get(ch, "building")
            r = pygame.Rect(ox + x * tile, oy + y * tile, tile, tile)
            out.fill(TILE_COLORS.get(kind, TILE_COLORS["building"]), r)
            if kind == "building" and tile >= 4:
                pygame.draw.rect(out, (24, 38, 52), r, 1)
    for route in routes:
        pts = [(ox + px * tile + tile // 2, oy + py * tile + tile // 2) for px, py in route]
        if len(pts) > 1:
            pygame.draw.lines(out, theme.RED_DARK, True, pts, max(1, tile // 5))
        for p in pts[:1]:
            pygame.draw.circle(out, theme.RED, p, max(2, tile // 3))
    marker = max(6, round(tile * 1.6), round(9 * tile / max(fit, 0.1)))
    for kind, (sx, sy) in sites:
        letter, color = SITE_STYLE.get(kind, ("?", theme.BONE))
        c = (ox + sx * tile + tile // 2, oy + sy * tile + tile // 2)
        pygame.draw.circle(out, theme.FILM_BLACK, c, marker // 2 + 2)
        pygame.draw.circle(out, color, c, marker // 2, 2)
        if marker >= 12:
            img = theme.font("ui_bold", max(8, round(marker * 0.7 / scale))).render(letter, True, color)
            out.blit(img, img.get_rect(center=c))
    final = pygame.Surface(size)
    final.fill(theme.FILM_BLACK)
    if tile != fit:
        full = pygame.transform.smoothscale(full, (max(1, round(mw * fit)), max(1, round(mh * fit))))
    final.blit(full, full.get_rect(center=(size[0] // 2, size[1] // 2)))
    pygame.draw.rect(final, theme.FILM_EDGE, final.get_rect(), 1)
    return final
