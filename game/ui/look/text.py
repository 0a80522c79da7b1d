"""Text helpers: cached rendering, word wrapping, and paragraphs laid into a rectangle."""

from __future__ import annotations

from collections import OrderedDict

import pygame

from game.ui.look import theme

_CACHE_MAX = 1024
_cache: OrderedDict[tuple, pygame.Surface] = OrderedDict()


def render(text: str, role: str = "ui", size: int = theme.SIZE_BODY, color: theme.Color = theme.BONE) -> pygame.Surface:
    """Rendered, antialiased text, cached (LRU) by text, font, size, colour and the current UI scale."""
    key = (text, role, size, color, theme.scale())
    surf = _cache.get(key)
    if surf is not None:
        _cache.move_to_end(key)
        return surf
    surf = theme.font(role, size).render(text, True, color)
    _cache[key] = surf
    if len(_cache) > _CACHE_MAX:
        _cache.popitem(last=False)
    return surf


def wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """Split text into lines no wider than `width` pixels; blank lines (paragraphs) are kept as ''."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        line = words[0]
        for word in words[1:]:
            trial = f"{line} {word}"
            if font.size(trial)[0] <= width:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def with_full_text(tooltip: str, text: str) -> str:
    """A tooltip that also shows `text` in full (for a label that had to be shortened)."""
    return f"{text}\n{tooltip}" if tooltip and text not in tooltip else (tooltip or text)


def fit(text: str, font: pygame.font.Font, width: int) -> str:
    """The text, shortened with an ellipsis if it is wider than `width` (show the full text on hover)."""
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip() + "…"


def draw_paragraphs(
    surface: pygame.Surface,
    text: str,
    rect: pygame.Rect,
    role: str = "serif",
    size: int = theme.SIZE_BODY,
    color: theme.Color = theme.INK,
    line_gap: float = 1.3,
    align: str = "left",
) -> int:
    """Word-wrap `text` into `rect` (clipped at its bottom); returns the height used in pixels."""
    font = theme.font(role, size)
    step = round(font.get_linesize() * line_gap / 1.15)
    y = rect.top
    for line in wrap(text, font, rect.width):
        if y + font.get_height() > rect.bottom:
            break
        if line:
            img = render(line, role, size, color)
            if align == "center":
                x = rect.centerx - img.get_width() // 2
            elif align == "right":
                x = rect.right - img.get_width()
            else:
                x = rect.left
            surface.blit(img, (x, y))
        y += step if line else step // 2
    return y - rect.top


def paragraphs_height(text: str, width: int, role: str = "serif", size: int = theme.SIZE_BODY, line_gap: float = 1.3) -> int:
    """The height `draw_paragraphs` would use for `text` at `width` (no clipping)."""
    font = theme.font(role, size)
    step = round(font.get_linesize() * line_gap / 1.15)
    return sum(step if line else step // 2 for line in wrap(text, font, width))
