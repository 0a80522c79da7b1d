"""Procedural materials drawn by the game itself: X-ray film backdrops, sepia paper, glowing text, frames.

Everything here is expensive-ish (numpy noise, blurs) and therefore cached by its arguments: scenes call
these when they lay out, never per frame.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pygame

from game.ui.look import theme
from game.ui.look.text import render


def _noise(w: int, h: int, seed: int, blur: int = 0) -> np.ndarray:
    """Gaussian noise in an (w, h) float array, optionally smoothed by a cheap box blur of `blur` pixels."""
    rng = np.random.default_rng(seed)
    field = rng.standard_normal((w, h)).astype(np.float32)
    if blur > 0:  # coarse noise, bilinearly upsampled: soft clouds
        sw, sh = max(2, w // blur + 2), max(2, h // blur + 2)
        small = rng.standard_normal((sw, sh)).astype(np.float32)
        xs = np.linspace(0, sw - 1.001, w, dtype=np.float32)
        ys = np.linspace(0, sh - 1.001, h, dtype=np.float32)
        x0, y0 = xs.astype(int), ys.astype(int)
        fx, fy = (xs - x0)[:, None], (ys - y0)[None, :]
        a = small[x0][:, y0]
        b = small[x0 + 1][:, y0]
        c = small[x0][:, y0 + 1]
        d = small[x0 + 1][:, y0 + 1]
        field = a * (1 - fx) * (1 - fy) + b * fx * (1 - fy) + c * (1 - fx) * fy + d * fx * fy
    return field


def _radial(w: int, h: int, cx: float, cy: float, radius: float) -> np.ndarray:
    """Distance from (cx, cy) over `radius`, an (w, h) float array."""
    x = (np.arange(w, dtype=np.float32)[:, None] - cx) / radius
    y = (np.arange(h, dtype=np.float32)[None, :] - cy) / radius
    return np.sqrt(x * x + y * y)


def _to_surface(rgb: np.ndarray) -> pygame.Surface:
    surf = pygame.Surface(rgb.shape[:2])
    pygame.surfarray.blit_array(surf, np.clip(rgb, 0, 255).astype(np.uint8))
    return surf.convert() if pygame.display.get_surface() is not None else surf


def soft_blur(surface: pygame.Surface, radius: int) -> pygame.Surface:
    """A cheap wide blur: shrink by about `radius`/2 and smooth-scale back (much faster than a gaussian blur
    of the same reach, and glows do not need the precision)."""
    if radius <= 2:
        return pygame.transform.gaussian_blur(surface, max(1, radius))
    w, h = surface.get_size()
    k = max(2, radius // 2)
    small = pygame.transform.smoothscale(surface, (max(1, w // k), max(1, h // k)))
    small = pygame.transform.box_blur(small, 1)
    return pygame.transform.smoothscale(small, (w, h))


@lru_cache(maxsize=8)
def film_backdrop(size: tuple[int, int], glow_at: tuple[float, float] = (0.72, 0.42), seed: int = 7) -> pygame.Surface:
    """A full-screen X-ray light-box: blue-black film lit from behind at `glow_at` (fractions), with grain,
    a soft cloudy emulsion and a dark vignette. Computed at half resolution and smooth-scaled up."""
    full = size
    size = (max(2, size[0] // 2), max(2, size[1] // 2))
    w, h = size
    d = _radial(w, h, glow_at[0] * w, glow_at[1] * h, max(w, h) * 0.75)
    light = np.clip(1.0 - d, 0.0, 1.0) ** 1.6
    vignette = np.clip(_radial(w, h, w / 2, h / 2, max(w, h) * 0.62), 0, 1.4) ** 2.2
    cloud = _noise(w, h, seed, blur=90) * 0.5 + _noise(w, h, seed + 1, blur=23) * 0.25
    grain = _noise(w, h, seed + 2)
    base = np.array(theme.FILM, dtype=np.float32)
    lit = np.array(theme.FILM_LIGHT, dtype=np.float32) - base
    shade = light * (1.0 + 0.25 * cloud) - 0.55 * vignette
    rgb = base[None, None, :] + lit[None, None, :] * shade[:, :, None] * 1.6 + grain[:, :, None] * 2.2
    return pygame.transform.smoothscale(_to_surface(rgb), full)


@lru_cache(maxsize=32)
def paper(size: tuple[int, int], seed: int = 1, tone: theme.Color = theme.PAPER) -> pygame.Surface:
    """Aged sepia newsprint: fibrous grain, uneven toning, a few foxing spots and darker edges."""
    w, h = size
    w, h = max(w, 2), max(h, 2)
    rng = np.random.default_rng(seed)
    tone_field = _noise(w, h, seed, blur=60) * 7 + _noise(w, h, seed + 3, blur=9) * 3
    fibres = _noise(w, h, seed + 5) * 5
    edge = np.clip(_radial(w, h, w / 2, h / 2, max(w, h) * 0.7), 0, 1.2) ** 3 * 40
    shade = tone_field + fibres - edge
    rgb = np.array(tone, dtype=np.float32)[None, None, :] + shade[:, :, None] * np.array([1.0, 0.95, 0.85])
    for _ in range(int(rng.integers(3, 9))):  # foxing: small brown stains
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        r = rng.uniform(4, 22)
        spot = np.clip(1.0 - _radial(w, h, cx, cy, r), 0, 1) ** 1.5
        rgb -= spot[:, :, None] * np.array([18, 26, 38]) * rng.uniform(0.4, 1.0)
    return _to_surface(rgb)


@lru_cache(maxsize=128)
def glow_text(text: str, role: str, size: int, color: theme.Color, glow: theme.Color, radius: int = 8) -> pygame.Surface:
    """Text with a soft coloured halo, like bone shining through film. Cached."""
    core = render(text, role, size, color)
    pad = radius * 2
    halo = pygame.Surface((core.get_width() + pad * 2, core.get_height() + pad * 2), pygame.SRCALPHA)
    halo.blit(render(text, role, size, glow), (pad, pad))
    halo = soft_blur(halo, radius)
    out = pygame.Surface(halo.get_size(), pygame.SRCALPHA)
    out.blit(halo, (0, 0))
    out.blit(halo, (0, 0))
    out.blit(core, (pad, pad))
    return out


def shadow(size: tuple[int, int], radius: int = 10, alpha: int = 140) -> pygame.Surface:
    """A soft drop shadow for a card of `size` (the returned surface is larger by 2*radius each way)."""
    return _shadow(size, radius, alpha)


@lru_cache(maxsize=64)
def _shadow(size: tuple[int, int], radius: int, alpha: int) -> pygame.Surface:
    w, h = size
    surf = pygame.Surface((w + radius * 2, h + radius * 2), pygame.SRCALPHA)
    pygame.draw.rect(surf, (0, 0, 0, alpha), (radius, radius, w, h), border_radius=radius // 2)
    return pygame.transform.gaussian_blur(surf, max(1, radius // 2))


def film_panel(size: tuple[int, int], alpha: int = 210, edge: theme.Color = theme.FILM_EDGE) -> pygame.Surface:
    """A translucent dark film pane with a thin lit edge and corner ticks (like a light-box frame)."""
    return _film_panel(size, alpha, edge)


@lru_cache(maxsize=64)
def _film_panel(size: tuple[int, int], alpha: int, edge: theme.Color) -> pygame.Surface:
    w, h = size
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    surf.fill((*theme.FILM_BLACK, alpha))
    grad = pygame.Surface((w, max(1, h // 3)), pygame.SRCALPHA)
    for y in range(grad.get_height()):
        a = int(26 * (1 - y / grad.get_height()))
        pygame.draw.line(grad, (*theme.GLOW, a), (0, y), (w, y))
    surf.blit(grad, (0, 0))
    pygame.draw.rect(surf, (*edge, 255), surf.get_rect(), 1)
    tick = theme.px(10)
    for x, y, dx, dy in ((0, 0, 1, 1), (w - 1, 0, -1, 1), (0, h - 1, 1, -1), (w - 1, h - 1, -1, -1)):
        pygame.draw.line(surf, (*theme.BONE_DIM, 255), (x, y), (x + dx * tick, y), 2)
        pygame.draw.line(surf, (*theme.BONE_DIM, 255), (x, y), (x, y + dy * tick), 2)
    return surf


def dim(size: tuple[int, int], alpha: int = 150) -> pygame.Surface:
    """A flat dark veil for behind modal dialogs."""
    return _dim(size, alpha)


@lru_cache(maxsize=8)
def _dim(size: tuple[int, int], alpha: int) -> pygame.Surface:
    surf = pygame.Surface(size, pygame.SRCALPHA)
    surf.fill((*theme.FILM_BLACK, alpha))
    return surf


def clear_caches() -> None:
    """Forget every cached surface (after the UI scale or the window size changes)."""
    for fn in (film_backdrop, paper, glow_text, _shadow, _film_panel, _dim):
        fn.cache_clear()
