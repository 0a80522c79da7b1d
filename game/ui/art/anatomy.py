"""Procedural X-ray anatomy for the record pictures: chest, skull, hand, spine and pelvis.

Each painter draws white bone with varying alpha onto a transparent square surface, in unit coordinates
(-1..1 across the square). Bones are drawn as a bright cortex with a dimmer marrow line through the middle
(drawing a lower alpha *replaces* pixels on SRCALPHA surfaces), which is what makes a radiograph read as bone.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import pygame

Pt = tuple[float, float]


class Canvas:
    """Unit-coordinate drawing on a square SRCALPHA surface of `size` pixels."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.surf = pygame.Surface((size, size), pygame.SRCALPHA)

    def p(self, pt: Pt) -> tuple[int, int]:
        h = self.size / 2
        return round(h + pt[0] * h), round(h + pt[1] * h)

    def w(self, width: float) -> int:
        return max(1, round(width * self.size / 2))

    def bone(self, pts: list[Pt], width: float, alpha: int = 200, marrow: float = 0.45) -> None:
        """A long bone along the polyline `pts`: bright cortex, darker marrow, knobbed ends."""
        px = [self.p(q) for q in pts]
        w = self.w(width)
        pygame.draw.lines(self.surf, (255, 255, 255, alpha), False, px, w)
        for q in px:
            pygame.draw.circle(self.surf, (255, 255, 255, alpha), q, max(1, w // 2))
        for end in (px[0], px[-1]):
            pygame.draw.circle(self.surf, (255, 255, 255, min(255, alpha + 25)), end, max(1, round(w * 0.62)))
        if marrow > 0 and w >= 4:
            pygame.draw.lines(self.surf, (255, 255, 255, round(alpha * 0.55)), False, px, max(1, round(w * marrow)))

    def blob(
        self, center: Pt, rx: float, ry: float, alpha: int, edge: int = 0, edge_w: float = 0.0, angle: float = 0.0, replace: bool = False
    ) -> None:
        """A filled ellipse (optionally rotated by `angle` degrees) with an optional brighter rim. It brightens
        what is under it, or with `replace` sets it (a less dense region inside a bone)."""
        w, h = self.w(rx * 2), self.w(ry * 2)
        pad = self.w(edge_w) + 2
        tmp = pygame.Surface((w + pad * 2, h + pad * 2), pygame.SRCALPHA)
        r = pygame.Rect(pad, pad, w, h)
        pygame.draw.ellipse(tmp, (255, 255, 255, alpha), r)
        if edge:
            pygame.draw.ellipse(tmp, (255, 255, 255, edge), r, max(1, self.w(edge_w)))
        if angle:
            tmp = pygame.transform.rotate(tmp, angle)
        c = self.p(center)
        if replace:  # set the pixels (no rotation needed for the cases that use it)
            r.center = c
            pygame.draw.ellipse(self.surf, (255, 255, 255, alpha), r)
        else:
            self.surf.blit(tmp, tmp.get_rect(center=c), special_flags=pygame.BLEND_RGBA_MAX)

    def hole(self, center: Pt, rx: float, ry: float, alpha: int = 0) -> None:
        """Set an ellipse to a low alpha (a dark cavity: orbit, foramen)."""
        c = self.p(center)
        r = pygame.Rect(0, 0, self.w(rx * 2), self.w(ry * 2))
        r.center = c
        pygame.draw.ellipse(self.surf, (255, 255, 255, alpha), r)

    def poly(self, pts: list[Pt], alpha: int, edge: int = 0, edge_w: float = 0.01) -> None:
        px = [self.p(q) for q in pts]
        pygame.draw.polygon(self.surf, (255, 255, 255, alpha), px)
        if edge:
            pygame.draw.polygon(self.surf, (255, 255, 255, edge), px, self.w(edge_w))


def _curve(f: Callable[[float], Pt], n: int = 18) -> list[Pt]:
    return [f(i / (n - 1)) for i in range(n)]


def chest(c: Canvas, rng: random.Random) -> None:
    """Posterior-anterior chest film: spine, ten pairs of ribs, clavicles, heart shadow, diaphragm."""
    c.blob((0.12, 0.32), 0.42, 0.36, 34)  # heart and mediastinum
    c.poly([(-1.1, 0.72), (-0.5, 0.58), (-0.1, 0.7), (0.3, 0.62), (0.8, 0.66), (1.1, 0.8), (1.1, 1.1), (-1.1, 1.1)], 46)
    for s in (-1, 1):
        c.blob((s * 0.98, -0.86), 0.17, 0.15, 120, 200, 0.02)  # humeral heads
    y = -0.95
    while y < 1.05:  # vertebral column
        c.blob((0, y), 0.075, 0.042, 150, 215, 0.012)
        y += 0.11
    for i in range(10):
        y0 = -0.74 + i * 0.15
        span = 0.5 + 0.42 * math.sin(min(1.0, (i + 2) / 7) * math.pi / 2)
        drop = 0.34 + 0.03 * i
        wob = rng.uniform(-0.02, 0.02)
        for s in (-1, 1):
            pts = _curve(lambda t, s=s, y0=y0, span=span, drop=drop, wob=wob: (
                s * (0.07 + span * math.sin(t * math.pi * 0.62) + 0.04 * t),
                y0 - 0.13 * math.sin(t * math.pi * 0.8) + drop * t**2.4 + wob,
            ))
            c.bone(pts, 0.052, 150, 0.5)
    for s in (-1, 1):  # clavicles
        pts = _curve(lambda t, s=s: (s * (0.1 + 0.82 * t), -0.86 + 0.06 * math.sin(t * math.pi * 2) - 0.08 * t))
        c.bone(pts, 0.07, 190)


def skull(c: Canvas, rng: random.Random) -> None:
    """Frontal skull: thick vault, orbits, nasal aperture, teeth and mandible."""
    c.blob((0, -0.14), 0.74, 0.8, 95, 225, 0.07)
    c.blob((0, -0.14), 0.62, 0.68, 40, replace=True)
    for s in (-1, 1):
        c.blob((s * 0.29, 0.06), 0.2, 0.17, 200)
        c.hole((s * 0.29, 0.06), 0.16, 0.13, 18)
        c.blob((s * 0.6, 0.2), 0.13, 0.22, 110)  # zygomatic arches
    c.poly([(0, 0.13), (-0.11, 0.42), (0.11, 0.42)], 10)
    c.poly([(0, 0.13), (-0.11, 0.42), (0.11, 0.42)], 0, 170, 0.015)
    for k in range(12):  # teeth
        t = (k - 5.5) / 6
        x = t * 0.36
        yy = 0.56 + 0.07 * t * t
        c.blob((x, yy), 0.026, 0.07, 235)
    pts = _curve(lambda t: (-0.56 + 1.12 * t, 0.28 + 0.64 * math.sin(t * math.pi) ** 0.8), 24)
    c.bone(pts, 0.08, 185, 0.4)
    for k in range(3):  # sutures
        x0 = rng.uniform(-0.4, 0.4)
        pts = [(x0 + 0.25 * math.sin(j * 1.7 + k), -0.9 + j * 0.07) for j in range(8)]
        c.bone(pts, 0.008, 150, 0)


def hand(c: Canvas, rng: random.Random) -> None:
    """Posterior-anterior hand: radius and ulna, carpals, metacarpals and phalanges of five fingers."""
    c.bone([(-0.22, 1.3), (-0.2, 0.72)], 0.16, 170)
    c.bone([(0.14, 1.3), (0.15, 0.74)], 0.12, 170)
    for k in range(8):
        c.blob((-0.18 + (k % 4) * 0.12, 0.5 + (k // 4) * 0.12), 0.065, 0.055, 200, 230, 0.012, rng.uniform(0, 90))
    # finger bases along an arc, angles fanning out (thumb first)
    fingers = [(-0.42, 0.42, -52, (0.3, 0.22, 0.18)), (-0.22, 0.36, -14, (0.42, 0.24, 0.15, 0.11)),
               (-0.06, 0.33, -3, (0.45, 0.27, 0.17, 0.11)), (0.1, 0.34, 8, (0.42, 0.25, 0.16, 0.1)),
               (0.23, 0.38, 20, (0.36, 0.2, 0.13, 0.09))]
    for x, y, ang, segs in fingers:
        a = math.radians(ang + rng.uniform(-3, 3))
        px, py = x, y
        for i, length in enumerate(segs):
            nx, ny = px + math.sin(a) * length, py - math.cos(a) * length
            c.bone([(px, py), ((px + nx) / 2, (py + ny) / 2), (nx, ny)], 0.075 - 0.012 * i, 205, 0.42)
            px, py = nx + math.sin(a) * 0.035, ny - math.cos(a) * 0.035
            a += math.radians(rng.uniform(-4, 4))
    c.blob((-0.05, 0.1), 0.5, 0.42, 20)  # soft tissue of the palm


def spine(c: Canvas, rng: random.Random) -> None:
    """Lumbar spine, front view: vertebral bodies with pedicles, transverse and spinous processes."""
    y = -1.05
    bend = rng.uniform(-0.06, 0.06)
    while y < 1.1:
        x = bend * math.sin(y * 1.6)
        c.blob((x, y), 0.25, 0.11, 150, 225, 0.02)
        for s in (-1, 1):
            c.blob((x + s * 0.16, y - 0.02), 0.05, 0.045, 235)
            c.bone([(x + s * 0.22, y - 0.01), (x + s * 0.5, y - 0.04)], 0.045, 160, 0)
        c.blob((x, y + 0.1), 0.04, 0.06, 185)
        y += 0.3
    c.blob((0, 0.05), 0.8, 1.1, 18)  # soft tissue
    for s in (-1, 1):  # twelfth ribs
        c.bone(_curve(lambda t, s=s: (s * (0.25 + 0.6 * t), -0.95 + 0.3 * t)), 0.05, 140)


def pelvis(c: Canvas, rng: random.Random) -> None:
    """Front view of the pelvis: iliac wings, sacrum, hip joints with femoral heads, obturator rings."""
    for s in (-1, 1):
        c.blob((s * 0.5, -0.28), 0.4, 0.46, 95, 215, 0.035, s * -18)
        c.blob((s * 0.55, 0.32), 0.17, 0.17, 215)  # femoral head
        c.bone([(s * 0.55, 0.32), (s * 0.7, 0.52), (s * 0.78, 1.3)], 0.16, 175)
        c.blob((s * 0.26, 0.62), 0.17, 0.13, 190)
        c.hole((s * 0.26, 0.62), 0.11, 0.08, 20)  # obturator foramen
        c.blob((s * 0.72, 0.46), 0.07, 0.05, 220)  # greater trochanter
    c.poly([(-0.22, -0.45), (0.22, -0.45), (0.05, 0.38), (-0.05, 0.38)], 150, 210, 0.012)
    for k in range(4):
        for s in (-1, 1):
            c.hole((s * 0.08, -0.3 + k * 0.16), 0.025, 0.022, 60)
    c.blob((0, -0.8), 0.24, 0.11, 160, 225, 0.02)
    c.bone([(-0.08, 0.7), (0.08, 0.7)], 0.07, 200)  # pubic symphysis
    c.blob((0, 0.0), 1.0, 0.9, 16)


PAINTERS: dict[str, Callable[[Canvas, random.Random], None]] = {
    "chest": chest,
    "skull": skull,
    "hand": hand,
    "spine": spine,
    "pelvis": pelvis,
}
