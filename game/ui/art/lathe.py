"""The homemade lathe, drawn by the game: a wooden board with the motor, the platter and spindle, the cutter
arm with its head and stylus, and the amplifier with its valves.

`draw_lathe(size, lathe, parts)` reads the installed parts (slot -> PartInstance) and the catalog parts and
draws each one so a player can tell them apart: a spring motor has a crank and a brass drum, an electric
motor is bakelite with vents; a burned hole sits scorched and off-centre, a machined spindle has a bright
cone; a sewing needle is a thin pin, a sapphire stylus a blue gem, a factory head a heavy box; a radio set is
a wooden cabinet with a dial, a valve amplifier a chassis of glowing valves. Wear shows as rust and scratches
(more the lower the condition). `slot_anchors(size)` gives where each slot is drawn, for labels.
Results are cached by their arguments.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from functools import lru_cache

import pygame

from game.content.models import Part
from game.core.lathe import PartInstance
from game.ui.look import theme

WOOD = (92, 62, 38)
WOOD_DARK = (58, 38, 22)
BRASS = (176, 140, 70)
STEEL = (150, 162, 170)
STEEL_DARK = (70, 80, 88)
BAKELITE = (40, 30, 26)
RUST = (128, 64, 30)
VALVE_GLOW = (255, 150, 60)


def slot_anchors(size: tuple[int, int]) -> dict[str, pygame.Rect]:
    """Where each slot's part is drawn in a picture of `size` (for labels and hover tooltips)."""
    w, h = size
    return {
        "motor": pygame.Rect(round(w * 0.03), round(h * 0.52), round(w * 0.20), round(h * 0.34)),
        "platter": pygame.Rect(round(w * 0.20), round(h * 0.14), round(w * 0.42), round(h * 0.66)),
        "cutter": pygame.Rect(round(w * 0.44), round(h * 0.06), round(w * 0.26), round(h * 0.50)),
        "amplifier": pygame.Rect(round(w * 0.71), round(h * 0.22), round(w * 0.27), round(h * 0.60)),
    }


def draw_lathe(size: tuple[int, int], lathe: Mapping[str, PartInstance], parts: Mapping[str, Part]) -> pygame.Surface:
    """The lathe as a `size` SRCALPHA surface (cached by the parts and their conditions, rounded)."""
    key = tuple(sorted((slot, inst.part_id, round(inst.condition, 2)) for slot, inst in lathe.items()))
    return _draw(tuple(size), key, _stats_key(parts, key))


def _stats_key(parts: Mapping[str, Part], key: tuple) -> tuple:
    out = []
    for _slot, pid, _cond in key:
        p = parts.get(pid)
        out.append((pid, p.price if p else 0, _tier(p)))
    return tuple(out)


def _tier(part: Part | None) -> int:
    """0 junk .. 3 studio, from the part's own stats (so a mod's parts are drawn sensibly too)."""
    if part is None:
        return 0
    if part.motor is not None:
        x = part.motor.wow
        return 3 if x <= 0.001 else 2 if x <= 0.003 else 1 if x <= 0.007 else 0
    if part.platter is not None:
        x = part.platter.spindle_offset_mm
        return 3 if x <= 0.2 else 1 if x <= 1.0 else 0
    if part.cutter is not None:
        x = part.cutter.bandwidth_hz
        return 3 if x >= 9000 else 2 if x >= 6000 else 1 if x >= 4000 else 0
    if part.amplifier is not None:
        x = part.amplifier.hum
        return 3 if x <= 0.005 else 2 if x <= 0.02 else 0
    return 0


@lru_cache(maxsize=16)
def _draw(size: tuple[int, int], key: tuple, stats: tuple) -> pygame.Surface:
    w, h = size
    surf = pygame.Surface(size, pygame.SRCALPHA)
    info = {slot: (pid, cond, tier) for (slot, pid, cond), (_p, _price, tier) in zip(key, stats, strict=True)}
    rng = random.Random(hash(key) & 0xFFFF)
    anchors = slot_anchors(size)
    # the board
    board = pygame.Rect(round(w * 0.01), round(h * 0.70), round(w * 0.98), round(h * 0.24))
    pygame.draw.rect(surf, WOOD_DARK, board.move(0, round(h * 0.03)), border_radius=6)
    pygame.draw.rect(surf, WOOD, board, border_radius=6)
    for i in range(7):
        y = board.top + (i + 1) * board.height // 8
        pygame.draw.line(surf, WOOD_DARK, (board.left + 6, y + rng.randint(-2, 2)), (board.right - 6, y + rng.randint(-2, 2)), 1)
    for slot, painter in (("motor", _motor), ("platter", _platter), ("amplifier", _amplifier), ("cutter", _cutter)):
        pid, cond, tier = info.get(slot, ("", 1.0, 0))
        painter(surf, anchors[slot], tier, pid, random.Random(hash((slot, pid)) & 0xFFFF))
        _wear(surf, anchors[slot], cond, random.Random(hash((slot, pid, cond)) & 0xFFFF))
    return surf


def _wear(surf: pygame.Surface, r: pygame.Rect, condition: float, rng: random.Random) -> None:
    """Rust specks and scratches, more for a more worn part."""
    wear = 1.0 - condition
    for _ in range(round(wear * 60)):
        x, y = rng.randint(r.left, r.right - 1), rng.randint(r.top + r.height // 3, r.bottom - 1)
        if surf.get_at((x, y)).a < 200:
            continue
        pygame.draw.circle(surf, (*RUST, 200), (x, y), rng.randint(1, 3))
    for _ in range(round(wear * 12)):
        x, y = rng.randint(r.left, r.right - 1), rng.randint(r.top + r.height // 3, r.bottom - 1)
        if surf.get_at((x, y)).a < 200:
            continue
        pygame.draw.line(surf, (210, 200, 180, 120), (x, y), (x + rng.randint(-12, 12), y + rng.randint(-4, 4)))


def _motor(surf: pygame.Surface, r: pygame.Rect, tier: int, pid: str, rng: random.Random) -> None:
    cx, cy = r.centerx, r.centery + r.height // 8
    if tier == 0:  # spring motor: brass drum with a crank
        drum = pygame.Rect(0, 0, round(r.width * 0.7), round(r.height * 0.6))
        drum.center = (cx, cy)
        pygame.draw.ellipse(surf, BRASS, drum)
        pygame.draw.ellipse(surf, (120, 92, 40), drum, 3)
        for i in range(5):
            rr = drum.inflate(-i * drum.width // 6, -i * drum.height // 6)
            pygame.draw.ellipse(surf, (140, 108, 50), rr, 1)
        crank_end = (r.left + 2, r.top + r.height // 4)
        pygame.draw.line(surf, STEEL, drum.midleft, crank_end, 4)
        pygame.draw.circle(surf, BAKELITE, crank_end, 7)
    else:  # electric: a can with vents, bigger and steadier for better tiers
        body = pygame.Rect(0, 0, round(r.width * (0.6 + 0.1 * tier)), round(r.height * (0.5 + 0.08 * tier)))
        body.center = (cx, cy)
        color = BAKELITE if tier == 1 else (52, 56, 60) if tier == 2 else (120, 128, 134)
        pygame.draw.rect(surf, color, body, border_radius=8)
        pygame.draw.rect(surf, STEEL_DARK, body, 2, border_radius=8)
        for i in range(3 + tier):
            x = body.left + (i + 1) * body.width // (4 + tier)
            pygame.draw.line(surf, STEEL_DARK if tier < 3 else (90, 96, 100), (x, body.top + 6), (x, body.bottom - 6), 2)
        if tier == 1:  # sewing-machine motor: a belt to the platter
            pygame.draw.line(surf, (30, 24, 20), body.midtop, (r.right + r.width // 2, r.top + r.height // 6), 3)
        pygame.draw.circle(surf, (200, 60, 40) if tier < 3 else (80, 200, 120), (body.right - 10, body.top + 10), 4)


def _platter(surf: pygame.Surface, r: pygame.Rect, tier: int, pid: str, rng: random.Random) -> None:
    plate = pygame.Rect(0, 0, r.width, round(r.height * 0.62))
    plate.midbottom = (r.centerx, r.bottom - r.height // 10)
    under = plate.move(0, round(r.height * 0.06))
    pygame.draw.ellipse(surf, (30, 30, 34), under)
    pygame.draw.ellipse(surf, (62, 60, 66) if tier < 3 else (92, 96, 104), plate)
    felt = plate.inflate(-plate.width // 10, -plate.height // 10)
    pygame.draw.ellipse(surf, (26, 40, 54), felt)  # an X-ray disc lies on it
    for i in range(1, 14):
        rr = felt.inflate(-i * felt.width // 16, -i * felt.height // 16)
        pygame.draw.ellipse(surf, (64, 96, 118), rr, 1)
    # ribs shadowed in the film
    for i in range(4):
        y = felt.top + felt.height * (0.25 + 0.15 * i)
        pygame.draw.arc(surf, (120, 160, 176), (felt.left + felt.width * 0.15, y - 8, felt.width * 0.7, 18), 0.3, 2.8, 2)
    offset = {0: 0.16, 1: 0.07, 2: 0.04, 3: 0.0}[tier]
    ang = rng.uniform(0, 2 * math.pi)
    hx = felt.centerx + math.cos(ang) * felt.width * offset
    hy = felt.centery + math.sin(ang) * felt.height * offset
    if tier == 0:  # scorched cigarette hole
        pygame.draw.circle(surf, (60, 30, 10), (hx, hy), 10)
        pygame.draw.circle(surf, (10, 6, 4), (hx, hy), 6)
    elif tier == 3:  # machined cone
        pygame.draw.circle(surf, (220, 224, 230), (hx, hy), 9)
        pygame.draw.circle(surf, (140, 150, 160), (hx, hy), 5)
    else:
        pygame.draw.circle(surf, (14, 14, 16), (hx, hy), 6)
    pygame.draw.line(surf, STEEL, (felt.centerx, felt.centery), (felt.centerx, felt.centery - 16), 4)  # spindle
    pygame.draw.circle(surf, (230, 236, 240), (felt.centerx, felt.centery - 16), 3)


def _cutter(surf: pygame.Surface, r: pygame.Rect, tier: int, pid: str, rng: random.Random) -> None:
    pivot = (r.right - r.width // 8, r.top + r.height // 5)
    tip = (r.left + r.width // 6, r.bottom - r.height // 10)
    post = pygame.Rect(0, 0, 18, round(r.height * 0.9))
    post.midtop = (pivot[0], pivot[1] - 6)
    pygame.draw.rect(surf, STEEL_DARK, post, border_radius=4)
    pygame.draw.line(surf, STEEL if tier else (120, 110, 96), pivot, tip, 6 if tier else 4)  # the arm
    pygame.draw.circle(surf, STEEL, pivot, 10)
    pygame.draw.circle(surf, BAKELITE, pivot, 4)
    head = pygame.Rect(0, 0, 22 + 10 * tier, 16 + 6 * tier)
    head.center = tip
    head_color = {0: (120, 110, 96), 1: (110, 116, 122), 2: (60, 70, 90), 3: (30, 34, 40)}[tier]
    pygame.draw.rect(surf, head_color, head, border_radius=3)
    pygame.draw.rect(surf, STEEL, head, 1, border_radius=3)
    stylus_top = (head.centerx, head.bottom)
    stylus_tip = (head.centerx - 2, head.bottom + 14)
    if tier == 0:  # a sewing needle: thin pin with an eye
        pygame.draw.line(surf, (220, 220, 226), (head.centerx, head.top - 10), stylus_tip, 2)
        pygame.draw.circle(surf, (220, 220, 226), (head.centerx, head.top - 12), 3, 1)
    else:
        pygame.draw.line(surf, (200, 204, 210), stylus_top, stylus_tip, 3)
    if tier == 2:  # sapphire
        pygame.draw.polygon(surf, (70, 120, 230), [(stylus_tip[0] - 4, stylus_tip[1] - 4), (stylus_tip[0] + 4, stylus_tip[1] - 4),
                                                   (stylus_tip[0], stylus_tip[1] + 4)])
    if tier == 3:  # factory head: coil and label
        pygame.draw.circle(surf, (180, 120, 60), (head.left + 8, head.centery), 5)


def _amplifier(surf: pygame.Surface, r: pygame.Rect, tier: int, pid: str, rng: random.Random) -> None:
    if tier == 0:  # the old radio set: a wooden cabinet with a dial and cloth
        box = pygame.Rect(r.left, r.top + r.height // 8, r.width, round(r.height * 0.82))
        pygame.draw.rect(surf, (110, 70, 40), box, border_radius=14)
        pygame.draw.rect(surf, (70, 44, 24), box, 3, border_radius=14)
        cloth = box.inflate(-box.width // 5, -box.height // 2).move(0, -box.height // 8)
        pygame.draw.rect(surf, (150, 128, 90), cloth, border_radius=8)
        for x in range(cloth.left + 4, cloth.right, 6):
            pygame.draw.line(surf, (130, 108, 74), (x, cloth.top + 2), (x, cloth.bottom - 2))
        dial = pygame.Rect(0, 0, box.width // 2, box.height // 7)
        dial.midtop = (box.centerx, cloth.bottom + 8)
        pygame.draw.rect(surf, (230, 200, 120), dial, border_radius=4)
        pygame.draw.line(surf, (160, 30, 20), (dial.left + dial.width // 3, dial.top + 2), (dial.left + dial.width // 3, dial.bottom - 2), 2)
        for k in (-1, 1):
            pygame.draw.circle(surf, BAKELITE, (box.centerx + k * box.width // 3, box.bottom - box.height // 9), 8)
        valves = [(box.right - box.width // 4, box.top + 4)]
    else:
        chassis = pygame.Rect(r.left, r.top + round(r.height * 0.55), r.width, round(r.height * 0.4))
        color = (60, 64, 70) if tier < 3 else (110, 116, 124)
        pygame.draw.rect(surf, color, chassis, border_radius=4)
        pygame.draw.rect(surf, STEEL, chassis, 2, border_radius=4)
        n = 2 + tier
        valves = [(chassis.left + (i + 1) * chassis.width // (n + 1), chassis.top) for i in range(n)]
        if tier == 3:  # VU meter
            meter = pygame.Rect(0, 0, chassis.width // 3, chassis.height // 2)
            meter.center = (chassis.centerx, chassis.centery + 4)
            pygame.draw.rect(surf, (232, 220, 180), meter, border_radius=3)
            pygame.draw.line(surf, (20, 20, 20), meter.midbottom, (meter.centerx + meter.width // 4, meter.top + 4), 2)
        else:  # tangle of wires
            for _ in range(3):
                a = (rng.randint(chassis.left, chassis.right), chassis.bottom - 4)
                b = (rng.randint(chassis.left, chassis.right), chassis.bottom - 4)
                pygame.draw.arc(surf, (160, 40, 30), (min(a[0], b[0]), a[1] - 10, abs(a[0] - b[0]) + 4, 22), 0, math.pi, 2)
    for (vx, vy) in valves:
        vw, vh = 16, 38
        glass = pygame.Rect(0, 0, vw, vh)
        glass.midbottom = (vx, vy)
        glow = pygame.Surface((vw * 4, vh * 2), pygame.SRCALPHA)
        pygame.draw.ellipse(glow, (*VALVE_GLOW, 60), glow.get_rect())
        surf.blit(glow, (vx - vw * 2, vy - vh * 1.5))
        pygame.draw.rect(surf, (200, 220, 230, 120), glass, border_top_left_radius=8, border_top_right_radius=8)
        pygame.draw.rect(surf, (230, 240, 245), glass, 1, border_top_left_radius=8, border_top_right_radius=8)
        pygame.draw.line(surf, VALVE_GLOW, (vx - 3, vy - vh // 2), (vx + 3, vy - vh // 2), 3)
        pygame.draw.rect(surf, BAKELITE, (vx - vw // 2 - 2, vy - 4, vw + 4, 6))


def preview(size: tuple[int, int] = (560, 300)) -> pygame.Surface:
    """A sample lathe (the junk preset) for quick looks."""
    from game.content.catalog import base_catalog
    from game.core.lathe import preset_lathe

    cat = base_catalog()
    parts = {p.id: p for p in cat.parts}
    return draw_lathe(size, preset_lathe(cat.presets[0].parts), parts)


_ = theme  # the palette above is tuned to theme's film colours
