"""The picture of a bone record: an X-ray cut to a disc, with its groove, hole, scratches and crackle.

`draw_record(profile, size_px, seed)` reads a `CutProfile` and draws, deterministically from `seed`:
- the X-ray of `film_kind` (anatomy.py), bone-white glowing on blue-black film;
- a disc whose radius follows `diameter_in` (10" fills 96 % of the square; smaller discs look smaller);
- a spiral groove from the rim to the inner groove radius, finer and steadier for a cleaner cutter
  (low `groove_noise`), coarser and wavering for a bad one;
- the centre hole, moved off the disc centre by `spindle_offset_mm` (exaggerated x`OFFSET_EXAGGERATION` so a
  player can see it); at 1 mm or more it is a ragged, scorched cigarette burn;
- scratches (more and brighter with `scratch_click`, more for later `generation`s) and crackle specks
  (`crackle_rate`, `film_noise`).
Results are cached by (profile, size, seed): the booth and the workshop can call it every frame.
"""

from __future__ import annotations

import math
import random
from functools import lru_cache

import numpy as np
import pygame

from game.core.profile import INNER_GROOVE_RADIUS_MM, CutProfile
from game.ui.art.anatomy import PAINTERS, Canvas
from game.ui.look import paint, theme

OFFSET_EXAGGERATION = 6.0  # an off-centre hole of 1.6 mm is drawn 9.6 mm off (scaled to the disc)
BURNED_FROM_MM = 1.0
REFERENCE_DIAMETER_IN = 10.0


def disc_geometry(profile: CutProfile, size_px: int) -> tuple[float, float]:
    """(disc radius in px, px per mm) for a record drawn in a `size_px` square."""
    radius = size_px * min(0.49, 0.48 * profile.diameter_in / REFERENCE_DIAMETER_IN)
    return radius, radius / (profile.diameter_in * 25.4 / 2)


def hole_center(profile: CutProfile, size_px: int, seed: int) -> tuple[float, float]:
    """Where the spindle hole is drawn, in pixels of the square (the disc centre is the square's centre)."""
    radius, per_mm = disc_geometry(profile, size_px)
    rng = random.Random(seed * 7919 + 17)
    angle = rng.uniform(0, 2 * math.pi)
    offset = min(profile.spindle_offset_mm * per_mm * OFFSET_EXAGGERATION, radius * 0.22)
    return size_px / 2 + math.cos(angle) * offset, size_px / 2 + math.sin(angle) * offset


def draw_record(profile: CutProfile, size_px: int, seed: int = 0) -> pygame.Surface:
    """The record as a `size_px` square SRCALPHA surface (transparent outside the disc and in the hole)."""
    return _draw_record(profile, int(size_px), int(seed))


@lru_cache(maxsize=48)
def _draw_record(profile: CutProfile, size: int, seed: int) -> pygame.Surface:
    rng = random.Random(seed)
    radius, per_mm = disc_geometry(profile, size)
    center = (size / 2, size / 2)
    film = _film(profile, size, seed, rng)
    clean = max(0.0, min(1.0, 1.0 - profile.groove_noise * 12.0))
    inner = radius * min(0.8, INNER_GROOVE_RADIUS_MM * per_mm / radius)
    _groove(film, center, radius * 0.955, inner, clean, rng)
    _damage(film, profile, center, radius, rng)
    hole = hole_center(profile, size, seed)
    hole_r = max(3.0, radius * 0.034)
    burned = profile.spindle_offset_mm >= BURNED_FROM_MM
    if burned:
        _scorch(film, hole, hole_r, rng)
    else:
        pygame.draw.circle(film, theme.lerp_color(theme.FILM, theme.BONE, 0.25), hole, hole_r * 1.9, max(1, round(hole_r * 0.35)))
    out = pygame.Surface((size, size), pygame.SRCALPHA)
    out.blit(film, (0, 0))
    out.blit(_mask(size, center, radius, hole, hole_r, burned, rng), (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    pygame.draw.circle(out, (*theme.BONE_DIM, 150), center, radius, max(1, size // 240))
    return out


def _film(profile: CutProfile, size: int, seed: int, rng: random.Random) -> pygame.Surface:
    """The square X-ray: dark base, soft glow and crisp bone, grain; dulled for copies of copies."""
    radius, _per_mm = disc_geometry(profile, size)
    canvas_size = round(radius * 2.3)
    canvas = Canvas(canvas_size)
    painter = PAINTERS.get(profile.film_kind, PAINTERS["chest"])
    painter(canvas, rng)
    # the radiographer's lead letter, burned into the film
    mark = pygame.font.Font(None, max(12, canvas_size // 14)).render(rng.choice("ЛП") + str(rng.randint(1, 9)), True, (255, 255, 255))
    mark.set_alpha(200)
    canvas.surf.blit(mark, (canvas_size * rng.uniform(0.2, 0.7), canvas_size * 0.16), special_flags=pygame.BLEND_RGBA_MAX)
    bone = pygame.transform.rotozoom(canvas.surf, rng.uniform(-14, 14), rng.uniform(0.9, 1.05))
    if rng.random() < 0.5:
        bone = pygame.transform.flip(bone, True, False)
    bone_rect = bone.get_rect(center=(size // 2, size // 2))

    film = pygame.Surface((size, size))
    film.fill(theme.FILM_BLACK)
    glow = paint.soft_blur(bone, max(2, size // 40))
    tint = pygame.Surface(glow.get_size(), pygame.SRCALPHA)
    tint.fill((*theme.GLOW, 130))
    glow.blit(tint, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    film.blit(glow, bone_rect)
    soft = pygame.transform.gaussian_blur(bone, max(1, size // 220))
    tint.fill((*theme.BONE, 225))
    soft.blit(tint, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    film.blit(soft, bone_rect)

    rgb = pygame.surfarray.pixels3d(film)
    gen = np.random.default_rng(seed)
    grain = gen.standard_normal((size, size)).astype(np.float32) * (3.0 + 80.0 * profile.film_noise)
    x = np.linspace(-1, 1, size, dtype=np.float32)
    light = 1.0 + 0.18 * (x[:, None] * -0.6 + x[None, :] * -0.4)  # light-box unevenness
    values = rgb.astype(np.float32) * light[:, :, None] + grain[:, :, None]
    if profile.generation > 1:  # a copy of a copy: flatter, greyer
        fade = min(0.6, 0.22 * (profile.generation - 1))
        values = values * (1 - fade) + np.array(theme.FILM_LIGHT, dtype=np.float32) * fade
    rgb[:] = np.clip(values, 0, 255).astype(np.uint8)
    del rgb
    return film


def _groove(film: pygame.Surface, c: tuple[float, float], outer: float, inner: float, clean: float, rng: random.Random) -> None:
    """The spiral groove: pitch 1.7-3.4 px by cleanliness; a sheen where it catches the light."""
    pitch = 3.4 - 1.7 * clean
    turns = max(8, int((outer - inner) / pitch))
    jitter = (1.0 - clean) * 1.1
    light_at = rng.uniform(0, math.pi)
    layer = pygame.Surface(film.get_size(), pygame.SRCALPHA)
    base_a = round(26 + 18 * clean)
    steps_per_turn = 160
    phase = [rng.uniform(0, 6.28) for _ in range(3)]
    for k in range(turns):
        pts_a: list[tuple[float, float]] = []
        pts_b: list[tuple[float, float]] = []
        for s in range(steps_per_turn + 1):
            a = 2 * math.pi * s / steps_per_turn
            r = outer - (k + s / steps_per_turn) * pitch
            if jitter:
                r += jitter * (math.sin(a * 7 + phase[0] + k * 0.9) * 0.6 + math.sin(a * 23 + phase[1] + k * 2.3) * 0.4)
            p = (c[0] + math.cos(a) * r, c[1] + math.sin(a) * r)
            pts_a.append(p)
            if abs(math.cos(a - light_at)) > 0.9:
                pts_b.append(p)
            elif len(pts_b) > 1:
                pygame.draw.aalines(layer, (*theme.BONE, round(70 + 60 * clean)), False, pts_b)
                pts_b = []
            else:
                pts_b = []
        pygame.draw.aalines(layer, (*theme.GLOW, base_a), False, pts_a)
        if len(pts_b) > 1:
            pygame.draw.aalines(layer, (*theme.BONE, round(70 + 60 * clean)), False, pts_b)
    pygame.draw.circle(layer, (*theme.BONE, 70), c, inner - pitch, 1)  # run-out groove
    film.blit(layer, (0, 0))


def _damage(film: pygame.Surface, p: CutProfile, c: tuple[float, float], radius: float, rng: random.Random) -> None:
    """Scratches (scratch_click, generation) and crackle specks (crackle_rate, film_noise)."""
    layer = pygame.Surface(film.get_size(), pygame.SRCALPHA)
    n_scratch = int(p.scratch_click * 40) + 3 * max(0, p.generation - 1) + rng.randint(0, 2)
    for _ in range(n_scratch):
        a = rng.uniform(0, 2 * math.pi)
        r0 = rng.uniform(0.1, 0.95) * radius
        length = rng.uniform(0.15, 0.9) * radius
        b = a + rng.uniform(-0.9, 0.9)
        p0 = (c[0] + math.cos(a) * r0, c[1] + math.sin(a) * r0)
        bend = rng.uniform(-0.15, 0.15) * length
        p1 = (p0[0] + math.cos(b) * length, p0[1] + math.sin(b) * length)
        mid = ((p0[0] + p1[0]) / 2 - math.sin(b) * bend, (p0[1] + p1[1]) / 2 + math.cos(b) * bend)
        alpha = rng.randint(70, 170)
        pygame.draw.aalines(layer, (*theme.BONE, alpha), False, [p0, mid, p1])
        pygame.draw.aalines(layer, (0, 0, 0, alpha // 2), False, [(p0[0] + 1, p0[1] + 1), (mid[0] + 1, mid[1] + 1), (p1[0] + 1, p1[1] + 1)])
    if p.scratch_click >= 0.15:  # the scratch that clicks once a revolution: across the whole groove
        a = rng.uniform(0, 2 * math.pi)
        pts = [(c[0] + math.cos(a + 0.05 * t) * radius * (0.3 + 0.68 * t), c[1] + math.sin(a + 0.05 * t) * radius * (0.3 + 0.68 * t)) for t in (0, 0.5, 1)]
        pygame.draw.lines(layer, (*theme.BONE, 200), False, pts, 2)
    n_specks = int(p.crackle_rate * 40 + p.film_noise * 2500)
    for _ in range(n_specks):
        a = rng.uniform(0, 2 * math.pi)
        r = math.sqrt(rng.random()) * radius
        pos = (round(c[0] + math.cos(a) * r), round(c[1] + math.sin(a) * r))
        if rng.random() < 0.6:
            layer.set_at(pos, (*theme.BONE, rng.randint(90, 220)))
        else:
            pygame.draw.circle(layer, (0, 0, 0, rng.randint(90, 200)), pos, rng.choice((1, 1, 2)))
    film.blit(layer, (0, 0))


def _scorch(film: pygame.Surface, hole: tuple[float, float], hole_r: float, rng: random.Random) -> None:
    """A cigarette burn around the hole: brown-black scorch fading out, a melted amber lip."""
    size = round(hole_r * 6)
    burn = pygame.Surface((size, size), pygame.SRCALPHA)
    mid = size / 2
    for i in range(12, 0, -1):
        r = hole_r * (1.0 + 1.9 * i / 12) * rng.uniform(0.92, 1.08)
        alpha = round(235 * (1 - i / 13) ** 1.2)
        pygame.draw.circle(burn, (48, 28, 12, alpha), (mid + rng.uniform(-1, 1), mid + rng.uniform(-1, 1)), r)
    pygame.draw.circle(burn, (150, 96, 40, 150), (mid, mid), hole_r * 1.35, max(1, round(hole_r * 0.3)))
    film.blit(burn, (hole[0] - mid, hole[1] - mid))


def _mask(size: int, c: tuple[float, float], radius: float, hole: tuple[float, float], hole_r: float, burned: bool, rng: random.Random) -> pygame.Surface:
    """White where the disc is, transparent outside its hand-trimmed edge and in the hole."""
    mask = pygame.Surface((size, size), pygame.SRCALPHA)
    n = 240
    edge = []
    drift = 0.0
    for i in range(n):
        a = 2 * math.pi * i / n
        drift = drift * 0.9 + rng.uniform(-0.003, 0.003)
        edge.append((c[0] + math.cos(a) * radius * (1 + drift), c[1] + math.sin(a) * radius * (1 + drift)))
    pygame.draw.polygon(mask, (255, 255, 255, 255), edge)
    if burned:
        ragged = []
        m = 28
        for i in range(m):
            a = 2 * math.pi * i / m
            r = hole_r * rng.uniform(0.85, 1.35)
            ragged.append((hole[0] + math.cos(a) * r, hole[1] + math.sin(a) * r))
        pygame.draw.polygon(mask, (0, 0, 0, 0), ragged)
    else:
        pygame.draw.circle(mask, (0, 0, 0, 0), hole, hole_r)
    return mask
