"""Minimap: the whole city in a corner of a map bigger than the screen — what you see tonight, the sites you
know, you, and the part of the city on screen. Click or drag to look elsewhere. The picture of the city is made
once per size (one pixel a tile, smooth-scaled); the bright part is rebuilt only when what you see changes."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pygame

from game.core.grid import Point
from game.core.world import World
from game.ui.art import city as city_art
from game.ui.look import theme
from game.ui.play.map_view import MapView
from game.ui.widgets.base import Widget

KIND_COLOURS = {"street": city_art.STREET, "bridge": city_art.BRIDGE, "courtyard": city_art.COURTYARD,
                "water": city_art.WATER, "building": (22, 32, 46)}


def minimap_size(world: World, longest: int) -> tuple[int, int]:
    """The minimap's size for `world` with its longer side `longest` pixels (keeps the city's shape)."""
    w, h = world.city.width, world.city.height
    k = longest / max(w, h)
    return max(8, round(w * k)), max(8, round(h * k))


class Minimap(Widget):
    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], world: World, map_view: MapView,
                 visible: frozenset[Point], sites: Sequence[str], me: Point | None) -> None:
        super().__init__(rect, "The whole city: bright where you see tonight, badges for the places you know, the "
                               "frame is the screen. Click or drag to look there.")
        self.world, self.map_view = world, map_view
        self.visible, self.sites, self.me = visible, list(sites), me
        self._base: pygame.Surface | None = None
        self._lit: pygame.Surface | None = None
        self._lit_key: tuple | None = None
        self._pic: pygame.Surface | None = None
        self._pic_key: tuple | None = None
        self.dragging = False

    def _pixels(self, kinds_lit: bool) -> pygame.Surface:
        city = self.world.city
        rgb = np.zeros((city.width, city.height, 3), dtype=np.uint8)
        for y, row in enumerate(city.kinds):
            for x, k in enumerate(row):
                rgb[x, y] = KIND_COLOURS.get(k, (0, 0, 0))
        if not kinds_lit:
            rgb = (rgb.astype(np.float32) * 0.45).astype(np.uint8)
        small = pygame.surfarray.make_surface(rgb)
        return pygame.transform.smoothscale(small, self.rect.size)

    def _layers(self) -> tuple[pygame.Surface, pygame.Surface]:
        if self._base is None or self._base.get_size() != self.rect.size:
            self._base = self._pixels(False)
            self._lit_key = None
        key = (self.visible, self.rect.size)
        if self._lit is None or self._lit_key != key:
            bright = self._pixels(True)
            lit = self._base.copy()
            sx, sy = self._scale()
            for x, y in self.visible:
                r = pygame.Rect(int(x * sx), int(y * sy), max(1, int(sx + 0.999)), max(1, int(sy + 0.999)))
                lit.blit(bright, r, r)
            self._lit, self._lit_key = lit, key
        assert self._lit is not None
        return self._base, self._lit

    def _scale(self) -> tuple[float, float]:
        return self.rect.width / self.world.city.width, self.rect.height / self.world.city.height

    def tile_at(self, pos: tuple[int, int]) -> Point:
        sx, sy = self._scale()
        x = int((pos[0] - self.rect.left) / sx)
        y = int((pos[1] - self.rect.top) / sy)
        return (max(0, min(self.world.city.width - 1, x)), max(0, min(self.world.city.height - 1, y)))

    def handle_event(self, event: pygame.event.Event) -> bool:
        if not self.visible:
            return False
        if event.type == pygame.MOUSEMOTION:
            self.hovered = self.rect.collidepoint(event.pos)
            if self.dragging:
                self.map_view.centre_on(self.tile_at(event.pos))
                return True
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos):
            self.dragging = True
            self.map_view.centre_on(self.tile_at(event.pos))
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.dragging:
            self.dragging = False
            return True
        return event.type == pygame.MOUSEWHEEL and self.rect.collidepoint(getattr(event, "pos", (-1, -1)))

    def _picture(self) -> pygame.Surface:
        """The lit city with the sites and you on it (cached with the lit layer)."""
        _base, lit = self._layers()
        key = (self._lit_key, tuple(self.sites), self.me, theme.palette())
        if self._pic is None or self._pic_key != key:
            pic = lit.copy()
            sx, sy = self._scale()
            dot = max(3, theme.px(4))
            for sid in self.sites:
                site = self.world.sites.get(sid)
                if site is None:
                    continue
                c = (round((site.at[0] + 0.5) * sx), round((site.at[1] + 0.5) * sy))
                pygame.draw.circle(pic, theme.FILM_BLACK, c, dot)
                pygame.draw.circle(pic, city_art.site_color(site.kind), c, dot - 1)
            if self.me is not None:
                c = (round((self.me[0] + 0.5) * sx), round((self.me[1] + 0.5) * sy))
                pygame.draw.circle(pic, theme.FILM_BLACK, c, dot + 2)
                pygame.draw.circle(pic, theme.BONE, c, dot + 1)
            self._pic, self._pic_key = pic, key
        assert self._pic is not None
        return self._pic

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible:
            return
        surface.blit(self._picture(), self.rect.topleft)
        sx, sy = self._scale()
        m = self.map_view
        t = m.tile
        view = pygame.Rect(self.rect.left + round(m.cam[0] / t * sx), self.rect.top + round(m.cam[1] / t * sy),
                           max(4, round(m.rect.width / t * sx)), max(4, round(m.rect.height / t * sy)))
        clip = surface.get_clip()
        surface.set_clip(self.rect)
        pygame.draw.rect(surface, theme.GLOW, view, 1)
        surface.set_clip(clip)
        pygame.draw.rect(surface, theme.FILM_EDGE if not self.hovered else theme.GLOW, self.rect, 1)
