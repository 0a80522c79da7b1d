"""MapView: the camera over the city and the per-frame drawing of the map.

Layers, cheapest first: the terrain of the whole city at the current zoom (painted once per zoom, cached), a
fogged copy of it (tiles outside `view.visible` darkened; rebuilt only when the visible set or the zoom changes),
then per frame one blit of the visible part of that copy plus small cached sprites: sight areas (the tiles the
engine's line of sight gives each watcher), site badges, the planned path and unit tokens. A frame is one
viewport-sized blit and a handful of small ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pygame

from game.content.models import Site
from game.core.grid import Point
from game.core.world import World
from game.ui.art import city as city_art
from game.ui.look import theme
from game.ui.look.text import render

ZOOMS: tuple[int, ...] = (10, 14, 18, 24, 30, 36, 44, 54)
MAX_LAYER_PIXELS = 10_500_000  # a cached city layer never exceeds this (about 40 MB a layer)
DEFAULT_TILE = 30


class MapView:
    """Camera (pan, zoom, centre) and drawing of one city. `rect` is the screen area it draws into."""

    def __init__(self, world: World, rect: pygame.Rect, tile: int = DEFAULT_TILE) -> None:
        self.world = world
        self.city = world.city
        self.rect = pygame.Rect(rect)
        cells = self.city.width * self.city.height
        self.zooms = [z for z in ZOOMS if cells * z * z <= MAX_LAYER_PIXELS] or [ZOOMS[0]]
        self.zoom_index = min(range(len(self.zooms)), key=lambda i: abs(self.zooms[i] - tile))
        self.cam = [0.0, 0.0]  # map pixel at the viewport's top-left
        self._terrain: dict[int, pygame.Surface] = {}
        self._fogged: pygame.Surface | None = None
        self._fog_key: tuple | None = None
        self.visible: frozenset[Point] = frozenset()
        self.fog_builds = 0
        self._label_cache: dict[tuple, dict[str, tuple[int, int]]] = {}
        #: sites the player knows beyond the public level: rival workshops they have seen (`view.rival_workshops`)
        self.rival_sites: dict[str, Site] = {}

    def site(self, site_id: str) -> Site | None:
        """A site of the level or a rival workshop the player has seen."""
        return self.world.sites.get(site_id) or self.rival_sites.get(site_id)

    def site_name(self, site_id: str, own_workshop: str) -> str:
        site = self.site(site_id)
        if site_id == own_workshop:
            return "Your workshop"
        if site_id in self.rival_sites:
            return f"Rival's workshop ({site.name})" if site else "Rival's workshop"
        return site.name if site else site_id

    # ------------------------------------------------------------ camera
    @property
    def tile(self) -> int:
        return self.zooms[self.zoom_index]

    @property
    def map_size(self) -> tuple[int, int]:
        return self.city.width * self.tile, self.city.height * self.tile

    def clamp(self) -> None:
        """Keep the camera over the city (centred when the city is smaller than the viewport)."""
        mw, mh = self.map_size
        for axis, (m, v) in enumerate(((mw, self.rect.width), (mh, self.rect.height))):
            if m <= v:
                self.cam[axis] = -(v - m) / 2
            else:
                self.cam[axis] = min(max(0.0, self.cam[axis]), m - v)

    def fit_small(self) -> None:
        """For a city that fits the viewport at the current zoom or more, take the largest zoom that still fits."""
        fits = [i for i, z in enumerate(self.zooms)
                if i >= self.zoom_index and self.city.width * z <= self.rect.width and self.city.height * z <= self.rect.height]
        if fits:
            self.zoom_index = fits[-1]
        self.clamp()

    def pan(self, dx: float, dy: float) -> None:
        self.cam[0] += dx
        self.cam[1] += dy
        self.clamp()

    def centre_on(self, tile: Point) -> None:
        t = self.tile
        self.cam = [tile[0] * t + t / 2 - self.rect.width / 2, tile[1] * t + t / 2 - self.rect.height / 2]
        self.clamp()

    def zoom(self, steps: int, anchor: tuple[int, int] | None = None) -> None:
        """Zoom in (steps > 0) or out around the screen point `anchor` (default: the viewport centre)."""
        new = max(0, min(len(self.zooms) - 1, self.zoom_index + steps))
        if new == self.zoom_index:
            return
        ax, ay = anchor or self.rect.center
        old_t = self.tile
        wx, wy = (ax - self.rect.left + self.cam[0]) / old_t, (ay - self.rect.top + self.cam[1]) / old_t
        self.zoom_index = new
        t = self.tile
        self.cam = [wx * t - (ax - self.rect.left), wy * t - (ay - self.rect.top)]
        self.clamp()

    def to_screen(self, tile: Point) -> tuple[int, int]:
        """Screen position of a tile's centre."""
        t = self.tile
        return (round(self.rect.left + tile[0] * t + t / 2 - self.cam[0]), round(self.rect.top + tile[1] * t + t / 2 - self.cam[1]))

    def to_screen_f(self, x: float, y: float) -> tuple[int, int]:
        t = self.tile
        return (round(self.rect.left + x * t + t / 2 - self.cam[0]), round(self.rect.top + y * t + t / 2 - self.cam[1]))

    def tile_at(self, pos: tuple[int, int]) -> Point | None:
        """The tile under a screen position, or None outside the city or the viewport."""
        if not self.rect.collidepoint(pos):
            return None
        t = self.tile
        x = int((pos[0] - self.rect.left + self.cam[0]) // t)
        y = int((pos[1] - self.rect.top + self.cam[1]) // t)
        return (x, y) if self.city.inside((x, y)) else None

    def tile_rect(self, tile: Point) -> pygame.Rect:
        t = self.tile
        return pygame.Rect(round(self.rect.left + tile[0] * t - self.cam[0]), round(self.rect.top + tile[1] * t - self.cam[1]), t, t)

    # ------------------------------------------------------------ layers
    def terrain(self) -> pygame.Surface:
        """The city at the current zoom (painted once per zoom; two zooms kept)."""
        t = self.tile
        surf = self._terrain.get(t)
        if surf is None:
            surf = city_art.terrain(self.city, t)
            if pygame.display.get_surface() is not None:
                surf = surf.convert()
            if len(self._terrain) >= 2:
                self._terrain.pop(next(iter(self._terrain)))
            self._terrain[t] = surf
        return surf

    def set_visible(self, visible: Iterable[Point]) -> None:
        """The tiles seen now; the fogged layer is rebuilt on the next draw only if they changed."""
        self.visible = frozenset(visible)

    def fogged(self) -> pygame.Surface:
        """The terrain with unseen tiles darkened (cached per zoom and visible set)."""
        key = (self.tile, self.visible)
        if self._fogged is None or self._fog_key != key:
            base = self.terrain()
            fog = base.copy()
            fog.fill(city_art.FOG_MULT, special_flags=pygame.BLEND_RGB_MULT)
            t = self.tile
            vis = self.visible
            for x, y in vis:
                r = pygame.Rect(x * t, y * t, t, t)
                fog.blit(base, r, r)
            for x, y in vis:  # a faint rim where sight ends
                if (x, y - 1) not in vis:
                    fog.fill(city_art.SEEN_EDGE, (x * t, y * t, t, 1))
                if (x, y + 1) not in vis:
                    fog.fill(city_art.SEEN_EDGE, (x * t, y * t + t - 1, t, 1))
                if (x - 1, y) not in vis:
                    fog.fill(city_art.SEEN_EDGE, (x * t, y * t, 1, t))
                if (x + 1, y) not in vis:
                    fog.fill(city_art.SEEN_EDGE, (x * t + t - 1, y * t, 1, t))
            self._fogged, self._fog_key = fog, key
            self.fog_builds += 1
        return self._fogged

    # ------------------------------------------------------------ drawing
    def draw_base(self, surface: pygame.Surface) -> None:
        """The fogged city in the viewport (the film shows around a small city)."""
        layer = self.fogged()
        src = pygame.Rect(round(self.cam[0]), round(self.cam[1]), self.rect.width, self.rect.height)
        mw, mh = layer.get_size()
        if src.left < 0 or src.top < 0 or src.right > mw or src.bottom > mh:
            surface.fill(theme.FILM_BLACK, self.rect)
        clip = src.clip(pygame.Rect(0, 0, mw, mh))
        surface.blit(layer, (self.rect.left + clip.left - src.left, self.rect.top + clip.top - src.top), clip)

    def on_screen(self, tile: Point, margin: int = 0) -> bool:
        x, y = self.to_screen(tile)
        return self.rect.left - margin <= x <= self.rect.right + margin and self.rect.top - margin <= y <= self.rect.bottom + margin

    def _label_offsets(self, site_ids: Sequence[str], own_workshop: str, size: int, label_size: int) -> dict[str, tuple[int, int]]:
        """Where each site's name tag sits relative to its tile centre at this zoom: below the badge, or moved
        above / further down when it would overlap a tag already placed (cached per zoom and site list)."""
        key = (self.tile, tuple(site_ids), own_workshop)
        cached = self._label_cache.get(key)
        if cached is not None:
            return cached
        placed: list[pygame.Rect] = []
        out: dict[str, tuple[int, int]] = {}
        t = self.tile
        known = [(sid, site) for sid in site_ids if (site := self.site(sid)) is not None]
        for sid, site in sorted(known, key=lambda pair: (pair[1].at[1], pair[1].at[0], pair[0])):
            name = self.site_name(sid, own_workshop)
            tag = city_art.site_label(name, label_size, city_art.site_color(site.kind))
            cx, cy = site.at[0] * t + t // 2, site.at[1] * t + t // 2
            tw, th = tag.get_size()
            below = cy + size // 2 + theme.px(3)
            above = cy - size // 2 - theme.px(3) - th
            for y in (below, above, below + th, above - th, below + 2 * th):
                r = pygame.Rect(cx - tw // 2, y, tw, th)
                if not any(r.colliderect(p) for p in placed):
                    break
            placed.append(r)
            out[sid] = (r.left - cx, r.top - cy)
        if len(self._label_cache) > 8:
            self._label_cache.clear()
        self._label_cache[key] = out
        return out

    def draw_sites(self, surface: pygame.Surface, site_ids: Sequence[str], own_workshop: str, labels: bool = True) -> None:
        """Badges (and names when zoomed in enough) of the sites you know."""
        t = self.tile
        size = max(12, round(t * 0.9))
        label_size = 13 if t >= 24 else 11
        show_names = labels and t >= 18
        offsets = self._label_offsets(site_ids, own_workshop, size, label_size) if show_names else {}
        for sid in site_ids:
            site = self.site(sid)
            if site is None:
                continue
            at = (site.at[0], site.at[1])
            if not self.on_screen(at, t * 4):
                continue
            cx, cy = self.to_screen(at)
            badge = city_art.site_badge(site.kind, size, sid == own_workshop)
            surface.blit(badge, (cx - badge.get_width() // 2, cy - badge.get_height() // 2))
            if show_names:
                tag = city_art.site_label(self.site_name(sid, own_workshop), label_size, city_art.site_color(site.kind))
                dx, dy = offsets[sid]
                lx = max(self.rect.left + 2, min(cx + dx, self.rect.right - tag.get_width() - 2))
                ly = cy + dy
                if ly + tag.get_height() > self.rect.bottom:  # no room below: above the badge
                    ly = cy - size // 2 - theme.px(3) - tag.get_height()
                surface.blit(tag, (lx, ly))

    def draw_sight(self, surface: pygame.Surface, areas: Iterable[tuple[frozenset[Point], str]]) -> None:
        """Hatched sight areas: (the tiles a watcher sees, its kind) for each watcher."""
        t = self.tile
        for tiles, kind in areas:
            if not tiles:
                continue
            img, (x0, y0) = city_art.sight_area(tiles, t, city_art.unit_color(kind))
            left, top = self.tile_rect((x0, y0)).topleft
            if left > self.rect.right or top > self.rect.bottom or left + img.get_width() < self.rect.left \
                    or top + img.get_height() < self.rect.top:
                continue
            surface.blit(img, (left, top))

    def draw_units(self, surface: pygame.Surface, units: Iterable[tuple[float, float, str, bool]]) -> None:
        """Tokens: (x, y, kind, alert); kind "me" for your bootlegger."""
        size = max(10, round(self.tile * 0.8))
        for x, y, kind, alert in units:
            cx, cy = self.to_screen_f(x, y)
            if not self.rect.collidepoint(cx, cy):
                continue
            tok = city_art.unit_token(kind, size, alert)
            surface.blit(tok, (cx - tok.get_width() // 2, cy - tok.get_height() // 2))

    def draw_path(self, surface: pygame.Surface, start: Point, tonight: Sequence[Point], later: Sequence[Point],
                  watched: Sequence[bool]) -> None:
        """Tonight's walk solid, later evenings dashed, tiles a known patrol could see marked red, a ring at the end."""
        t = self.tile
        width = max(2, t // 8)
        pts = [self.to_screen(start), *(self.to_screen(p) for p in tonight)]
        if len(pts) > 1:
            pygame.draw.lines(surface, theme.FILM_BLACK, False, pts, width + 4)
            pygame.draw.lines(surface, theme.BONE, False, pts, width)
        rest = [pts[-1], *(self.to_screen(p) for p in later)]
        for a, b in zip(rest, rest[1:], strict=False):
            mid = ((a[0] * 2 + b[0]) // 3, (a[1] * 2 + b[1]) // 3)
            pygame.draw.line(surface, theme.BONE_DIM, a, mid, max(1, width - 1))
        for tile, seen in zip(tonight, watched, strict=False):
            if seen:  # a red square with a cross: watched, in any palette
                r = self.tile_rect(tile).inflate(-t // 3, -t // 3)
                lw = max(2, t // 10)
                pygame.draw.rect(surface, theme.RED, r, lw)
                pygame.draw.line(surface, theme.RED, r.topleft, r.bottomright, max(1, lw - 1))
                pygame.draw.line(surface, theme.RED, r.topright, r.bottomleft, max(1, lw - 1))
        end = (later[-1] if later else tonight[-1]) if (tonight or later) else None
        if end is not None:
            c = self.to_screen(end)
            pygame.draw.circle(surface, theme.FILM_BLACK, c, t // 2 + 2, 4)
            pygame.draw.circle(surface, theme.GLOW, c, t // 2, 2)
        if tonight and later:  # where tonight's walk stops
            c = self.to_screen(tonight[-1])
            pygame.draw.circle(surface, theme.BONE, c, max(3, t // 5))
            moon = render("☾", "ui_bold", 14, theme.BONE)
            surface.blit(moon, (c[0] + t // 4, c[1] - t // 2 - moon.get_height() // 2))

    def draw_stop(self, surface: pygame.Surface, tile: Point, tonight: bool) -> None:
        """The stop on the way: a square pin with a '1' beside the tile (solid when tonight's walk passes it,
        hollow when it waits for a later evening)."""
        t = self.tile
        c = self.to_screen(tile)
        side = max(12, round(t * 0.55))
        box = pygame.Rect(0, 0, side, side)
        box.center = (c[0] - t // 2, c[1] - t // 2)
        pygame.draw.rect(surface, theme.FILM_BLACK, box.inflate(4, 4))
        pygame.draw.rect(surface, theme.AMBER if tonight else theme.FILM, box)
        pygame.draw.rect(surface, theme.AMBER, box, 2)
        mark = render("1", "ui_bold", max(9, side - 4), theme.FILM_BLACK if tonight else theme.AMBER)
        surface.blit(mark, mark.get_rect(center=box.center))
        pygame.draw.line(surface, theme.AMBER, box.bottomright, c, 2)

    def draw_errands(self, surface: pygame.Surface, tiles: Iterable[Point]) -> None:
        """A buyer's open errand: an amber star on the upper right of the site's badge."""
        t = self.tile
        size = max(10, round(t * 0.5))
        for tile in tiles:
            if not self.on_screen(tile, t * 2):
                continue
            cx, cy = self.to_screen(tile)
            centre = (cx + round(t * 0.45), cy - round(t * 0.45))
            pygame.draw.circle(surface, theme.FILM_BLACK, centre, size // 2 + 2)
            star = render("★", "ui_bold", size, theme.AMBER)
            surface.blit(star, star.get_rect(center=centre))

    def draw_hover(self, surface: pygame.Surface, tile: Point | None, ok: bool) -> None:
        if tile is None:
            return
        pygame.draw.rect(surface, theme.GLOW if ok else theme.DISABLED, self.tile_rect(tile), 1)

    def draw_flash(self, surface: pygame.Surface, tile: Point, t: float, color: theme.Color = theme.RED) -> None:
        """An expanding ring at `tile` (t 0-1), for a sighting or an encounter."""
        c = self.to_screen(tile)
        r = round(self.tile * (0.5 + 1.5 * t))
        pygame.draw.circle(surface, color, c, r, max(2, round(4 * (1 - t)) + 1))


def interpolate(a: Mapping[str, Point], b: Mapping[str, Point], f: float) -> dict[str, tuple[float, float]]:
    """Unit positions between two playback steps (units only in `b` appear at their new tile)."""
    out: dict[str, tuple[float, float]] = {}
    for uid, (bx, by) in b.items():
        if uid in a:
            ax, ay = a[uid]
            out[uid] = (ax + (bx - ax) * f, ay + (by - ay) * f)
        else:
            out[uid] = (float(bx), float(by))
    return out
