"""The first-play tutorial: cards over the game view, each pointing at one thing (the map, the nearest hospital,
the planned path, the first-steps guide, the heat bar, End Turn). Shown once (the `first_run` setting is cleared
when it ends or is skipped) and re-opened from Help."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.ui.frame.scene import Scene
from game.ui.look import theme
from game.ui.look.text import paragraphs_height
from game.ui.widgets.button import Button
from game.ui.widgets.label import TextBlock
from game.ui.widgets.panel import Card

if TYPE_CHECKING:
    from game.ui.play.game_view import GameViewScene

Step = tuple[str, str, Callable[["GameViewScene"], pygame.Rect]]


def _map(g: GameViewScene) -> pygame.Rect:
    assert g.map is not None
    return g.map.rect.inflate(-theme.px(8), -theme.px(8))


def _site(g: GameViewScene) -> pygame.Rect:
    """The hospital nearest your bootlegger (the one the guide would send you to)."""
    from game.ui.play.goals import STEPS, nearest_site

    assert g.map is not None
    tile = nearest_site(g.world, g.view, STEPS[0])
    if tile is None:
        return _map(g)
    if not g.map.on_screen(tile, -g.map.tile):
        g.map.centre_on(tile)
    return g.map.tile_rect(tile).inflate(g.map.tile * 2, g.map.tile * 2)


def _me(g: GameViewScene) -> pygame.Rect:
    assert g.map is not None
    g.map.centre_on(g.view.player.pos)
    return g.map.tile_rect(g.view.player.pos).inflate(g.map.tile * 3, g.map.tile * 3)


def _guide(g: GameViewScene) -> pygame.Rect:
    if g.tracker is None:
        return _map(g)
    return g.tracker.rect.inflate(theme.px(10), theme.px(10))


def _heat(g: GameViewScene) -> pygame.Rect:
    return g.heat_bar.rect.inflate(theme.px(12), theme.px(12))


def _end(g: GameViewScene) -> pygame.Rect:
    return g.end_button.rect.inflate(theme.px(10), theme.px(10))


STEPS: list[Step] = [
    ("The city", "This is your part of Leningrad. Bright tiles are what you can see tonight; the darker city is out of "
     "sight. Drag with the right mouse button or use the arrow keys to look around; the wheel zooms.", _map),
    ("Sites", "Badges mark places you know: hospitals (the cross) where old X-ray films can be taken, contacts with "
     "masters and parts, markets and dance halls that buy records, your workshop with the lathe. Start at the hospital.", _site),
    ("Your walk", "You are the glowing figure. Click any place to plan a walk: the white line is tonight's part, dashes "
     "are later evenings, crossed red squares are tiles a patrol you can see could watch (its hatched area). A small "
     "menu then asks what to do there. Undo (Z) takes a change back.", _me),
    ("First steps", "The guide lists the loop of the game: films, a master, cutting, listening, selling. Click a step "
     "and the walk to the nearest place for it is planned for you. Settings can hide the guide.", _guide),
    ("Heat", "Heat is how wanted you are. Carrying records past patrols is what raises it. When the bar turns red, lie low "
     "for a few evenings, or the militia may search your workshop.", _heat),
    ("End the evening", "When your orders are set, press End Turn (or Enter). The evening plays out step by step, then the "
     "evening paper tells you what happened and your ledger what it did to your money, heat and lathe. Esc pauses; "
     "Help has the rules.", _end),
]


class TutorialOverlay(Scene):
    """Darkens all but the highlighted rectangle and shows a card beside it; Next / Skip."""

    transparent = True
    name = "tutorial"

    def __init__(self, game: GameViewScene) -> None:
        super().__init__()
        self.game = game
        self.index = 0
        self.target = pygame.Rect(0, 0, 0, 0)

    def finish(self) -> None:
        if self.app is not None:
            if self.app.settings.first_run:
                from dataclasses import replace

                self.app.apply_settings(replace(self.app.settings, first_run=False))
            if self.app.top is self:
                self.app.pop()

    def back(self) -> None:
        self.finish()

    def next(self) -> None:
        if self.index + 1 >= len(STEPS):
            self.finish()
            return
        self.index += 1
        self.relayout(self.size)

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_RIGHT):
            self.next()
            return True
        return False

    def build(self) -> None:
        title, text, where = STEPS[self.index]
        self.target = where(self.game)
        sw, sh = self.size
        w = theme.px(400)
        inner_w = w - theme.px(56)
        th = paragraphs_height(text, inner_w, "serif", 16, 1.3)
        h = theme.px(120) + th + theme.px(theme.BUTTON_H)
        card = pygame.Rect(0, 0, w, h)
        t = self.target
        # beside the target where there is room, else centred
        if t.width > sw * 0.6:
            card.center = (t.centerx, t.centery)
        elif t.right + w + theme.px(24) < sw:
            card.midleft = (t.right + theme.px(24), t.centery)
        else:
            card.midright = (t.left - theme.px(24), t.centery)
        card.clamp_ip(pygame.Rect(theme.px(8), theme.px(8), sw - theme.px(16), sh - theme.px(16)))
        c = self.add(Card(card, f"{self.index + 1}/{len(STEPS)}  {title}", seed=31 + self.index))
        inner = c.inner
        self.add(TextBlock(text, (inner.left, inner.top, inner.width, th + theme.px(4)), "serif", 16, theme.INK, 1.3))
        bw, bh = theme.px(120), theme.px(38)
        last = self.index + 1 >= len(STEPS)
        self.next_button = self.add(Button("Play" if last else "Next  ›", self.next, (inner.right - bw, card.bottom - theme.px(22) - bh, bw, bh),
                                           style="paper", tooltip="Next step (Enter)." if not last else "Close the tutorial and play."))
        self.add(Button("Skip", self.finish, (inner.right - 2 * bw - theme.px(10), card.bottom - theme.px(22) - bh, bw, bh),
                        style="paper", tooltip="Close the tutorial (Esc). Help shows it again."))
        self.set_focus(self.next_button)

    def draw_background(self, surface: pygame.Surface) -> None:
        sw, sh = surface.get_size()
        veil = pygame.Surface((sw, sh), pygame.SRCALPHA)
        veil.fill((*theme.FILM_BLACK, 170))
        veil.fill((0, 0, 0, 0), self.target)
        surface.blit(veil, (0, 0))
        pygame.draw.rect(surface, theme.GLOW, self.target, 2, border_radius=theme.px(6))
