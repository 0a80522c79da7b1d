"""The look of Bone Music: palette, fonts (cached by role and size), spacing, and the UI scale.

Two materials make the period look: X-ray film (blue-black with a cyan-white bone glow) for the game's own
screens, and sepia newsprint for documents (newspaper pages, cards, the Codex). Red is kept for danger.

All sizes given to `font()` and `px()` are design pixels at UI scale 1.0; `set_scale()` changes them everywhere
(scenes re-run their layout when the scale changes). Every screen is laid out to fit a 1024x576 design canvas,
so the App lowers the scale a small window cannot hold (`settings.effective_scale`).

Two palettes: "standard" and "colour_blind" (after Okabe and Ito: danger vermillion, safe bluish green, warnings
yellow, told apart by lightness as well as hue under red-green colour blindness). `set_palette()` swaps the
module's colours; code reads `theme.RED` etc. when it draws, never at import. Danger, patrols and sites also
differ in shape and pattern (see art.city), so colour is never the only signal.
"""

from __future__ import annotations

from pathlib import Path

import pygame

Color = tuple[int, int, int]

FONT_DIR = Path(__file__).resolve().parents[3] / "assets" / "fonts"

# ---------------------------------------------------------------- palette
FILM_BLACK: Color = (8, 14, 22)
FILM: Color = (11, 20, 32)  # the base of every X-ray screen, about #0b1420
FILM_LIGHT: Color = (22, 38, 56)
FILM_EDGE: Color = (46, 74, 98)
BONE: Color = (214, 236, 240)  # bone glow, cyan-white
BONE_DIM: Color = (132, 168, 184)
GLOW: Color = (120, 210, 235)  # highlight / focus glow
GLOW_DIM: Color = (58, 118, 142)
PAPER: Color = (226, 208, 170)  # sepia newsprint
PAPER_DARK: Color = (196, 172, 128)
PAPER_SHADOW: Color = (150, 124, 86)
INK: Color = (40, 30, 22)
INK_SOFT: Color = (92, 74, 56)
RED: Color = (196, 44, 38)  # danger, the state
RED_DARK: Color = (120, 22, 20)
AMBER: Color = (226, 160, 60)  # warnings, money
GREEN: Color = (110, 190, 120)  # safe, good
DISABLED: Color = (84, 100, 112)

#: the colours each palette sets (the rest of the palette is shared)
PALETTES: dict[str, dict[str, Color]] = {
    "standard": {"RED": RED, "RED_DARK": RED_DARK, "AMBER": AMBER, "GREEN": GREEN},
    "colour_blind": {"RED": (222, 98, 10), "RED_DARK": (140, 58, 0), "AMBER": (240, 218, 70), "GREEN": (40, 160, 220)},
}
_palette = "standard"


def palette() -> str:
    """The name of the palette in use."""
    return _palette


def set_palette(name: str) -> None:
    """Switch the module's danger/warning/safe colours to palette `name` (unknown names: standard)."""
    global _palette
    _palette = name if name in PALETTES else "standard"
    globals().update(PALETTES[_palette])

# ---------------------------------------------------------------- fonts
FONT_FILES: dict[str, str] = {
    "ui": "DejaVuSansCondensed.ttf",  # buttons, labels, lists
    "ui_bold": "DejaVuSansCondensed-Bold.ttf",
    "serif": "DejaVuSerif.ttf",  # body text of documents
    "serif_bold": "DejaVuSerif-Bold.ttf",
    "italic": "DejaVuSerif-Italic.ttf",
    "headline": "DejaVuSerifCondensed-Bold.ttf",  # titles, mastheads, headlines
}

_scale: float = 1.0
_fonts: dict[tuple[str, int], pygame.font.Font] = {}


def scale() -> float:
    """The UI scale in use (1.0 = design pixels)."""
    return _scale


def set_scale(value: float) -> None:
    """Set the UI scale (clamped to 0.5-2.0; below 0.75 only when a small window demands it). Fonts are re-made
    lazily at the new sizes."""
    global _scale
    _scale = min(2.0, max(0.5, float(value)))


def px(value: float) -> int:
    """A design length in pixels at the current scale (never less than 1 for a positive value)."""
    scaled = round(value * _scale)
    return max(1, scaled) if value > 0 else scaled


def font(role: str = "ui", size: int = 18) -> pygame.font.Font:
    """A font by role (see FONT_FILES) at a design size, cached. Falls back to pygame's bundled font."""
    real = max(6, round(size * _scale))
    key = (role, real)
    cached = _fonts.get(key)
    if cached is not None:
        return cached
    if not pygame.font.get_init():
        pygame.font.init()
    path = FONT_DIR / FONT_FILES.get(role, FONT_FILES["ui"])
    try:
        made = pygame.font.Font(path, real)
    except (OSError, FileNotFoundError):
        made = pygame.font.Font(None, round(real * 1.3))  # the default font runs small
        made.bold = role in ("ui_bold", "serif_bold", "headline")
        made.italic = role == "italic"
    _fonts[key] = made
    return made


# ---------------------------------------------------------------- spacing (design pixels)
PAD = 16
MARGIN = 32
BUTTON_H = 44
ROW_H = 34
RADIUS = 4

# ---------------------------------------------------------------- text sizes (design pixels)
SIZE_SMALL = 15
SIZE_BODY = 18
SIZE_BUTTON = 20
SIZE_HEADING = 26
SIZE_TITLE = 44
SIZE_MASTHEAD = 72


def lerp_color(a: Color, b: Color, t: float) -> Color:
    """Mix two colours: t=0 gives a, t=1 gives b."""
    t = min(1.0, max(0.0, t))
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))
