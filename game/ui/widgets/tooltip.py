"""Tooltip: a small wrapped note drawn near the pointer, kept inside the window."""

from __future__ import annotations

from functools import lru_cache

import pygame

from game.ui.look import theme
from game.ui.look.text import render, wrap


@lru_cache(maxsize=64)
def tooltip_surface(text: str, scale: float) -> pygame.Surface:
    """The rendered tooltip box for `text` (cached; `scale` is part of the key)."""
    font = theme.font("ui", theme.SIZE_SMALL)
    lines = wrap(text, font, theme.px(320))
    pad = theme.px(8)
    line_h = font.get_linesize()
    w = max(font.size(line)[0] for line in lines) + pad * 2
    h = line_h * len(lines) + pad * 2
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    surf.fill((*theme.FILM_BLACK, 240))
    pygame.draw.rect(surf, theme.GLOW_DIM, surf.get_rect(), 1)
    for i, line in enumerate(lines):
        surf.blit(render(line, "ui", theme.SIZE_SMALL, theme.BONE), (pad, pad + i * line_h))
    return surf


def draw_tooltip(surface: pygame.Surface, text: str, pos: tuple[int, int]) -> None:
    """Draw the tooltip for `text` below-right of `pos`, flipped to stay on screen."""
    img = tooltip_surface(text, theme.scale())
    x, y = pos[0] + theme.px(14), pos[1] + theme.px(20)
    sw, sh = surface.get_size()
    if x + img.get_width() > sw:
        x = max(0, pos[0] - img.get_width() - theme.px(6))
    if y + img.get_height() > sh:
        y = max(0, pos[1] - img.get_height() - theme.px(6))
    surface.blit(img, (x, y))
