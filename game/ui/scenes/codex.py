"""The Codex: historical notes on roentgenizdat — a list of entries on the left, the page on the right."""

from __future__ import annotations

import pygame

from game.ui.files import mods
from game.ui.files.codex_text import CodexEntry, load_entries
from game.ui.look import theme
from game.ui.look.text import draw_paragraphs, render
from game.ui.scenes.common import FilmScene
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Card, Panel


class CodexScene(FilmScene):
    """Entries come from `codex_text` (plus mods' codex.json and the notes of won campaign chapters); ↑↓ or a
    click selects."""

    name = "codex"
    title = "Codex"
    subtitle = "Roentgenizdat: who cut music on ribs, where, when, and what it cost them."
    hint = "Esc back  ·  ↑↓ choose a note"

    def __init__(self, entries: list[CodexEntry] | None = None) -> None:
        super().__init__()
        if entries is None:
            from game.ui.scenes.campaign_goals import campaign_notes

            entries = mods.with_mod_notes(load_entries()) + campaign_notes()  # won chapters add their notes
        self.entries = entries
        self.index = 0

    @property
    def entry(self) -> CodexEntry:
        return self.entries[self.index]

    def select(self, index: int) -> None:
        self.index = index

    def build(self) -> None:
        w, h = self.size
        m = theme.px(theme.MARGIN)
        g = theme.px(24)
        top = self.content_top()
        bottom = h - theme.px(52)
        left_w = round((w - 2 * m) * 0.3)
        lp = self.add(Panel((m, top, left_w, bottom - top), f"{len(self.entries)} notes"))
        self.list = self.add(ListView(lp.inner, [e.title for e in self.entries], on_select=self.select, row_height=36))
        self.list.select(self.index, notify=False)
        self.set_focus(self.list)
        self.card = self.add(Card((m + left_w + g, top, w - 2 * m - left_w - g, bottom - top), "", seed=21))

    def draw_overlay(self, surface: pygame.Surface) -> None:
        inner = self.card.inner
        key = (self.index, inner.size, theme.scale())
        if getattr(self, "_page_key", None) != key:
            self._page_key = key
            self._page = pygame.Surface(inner.size, pygame.SRCALPHA)
            self._paint_page(self._page, pygame.Rect(0, theme.px(6), inner.width, inner.height - theme.px(6)))
        surface.blit(self._page, (inner.left, inner.top - theme.px(6)))

    def _paint_page(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        e = self.entry
        y = inner.top - theme.px(6)
        years = render(e.years.upper(), "ui_bold", theme.SIZE_SMALL, theme.RED_DARK)
        surface.blit(years, (inner.left, y))
        y += years.get_height() + theme.px(4)
        title = render(e.title, "headline", 34, theme.INK)
        surface.blit(title, (inner.left, y))
        y += title.get_height() + theme.px(6)
        pygame.draw.line(surface, theme.INK, (inner.left, y), (inner.right, y), 2)
        y += theme.px(16)
        draw_paragraphs(surface, e.text, pygame.Rect(inner.left, y, inner.width, inner.bottom - y), "serif", 18, theme.INK, 1.45)
