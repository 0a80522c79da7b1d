"""The main menu: the title on a light-box, a bone record, and the nine entries."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pygame

from game.ui.frame.scene import Scene
from game.ui.look import paint, theme
from game.ui.look.text import render
from game.ui.scenes.common import FilmScene
from game.ui.sound import sfx
from game.ui.widgets.button import Button
from game.ui.widgets.panel import Panel

VERSION = "0.1"


class MenuScene(FilmScene):
    """Campaign, Skirmish, Host/Join LAN, Load, Mods, Settings, Codex, Quit. Entries whose content comes later
    open a ComingSoonScene; the game phase replaces them through `MenuScene.routes`."""

    name = "menu"
    hint = "↑↓ choose  ·  Enter open  ·  Esc quit"
    glow_at = (0.7, 0.5)

    #: entry label -> (tooltip, factory of the scene it opens or None for a "later" card). Class-level so the
    #: game phase can plug real scenes in: MenuScene.routes["Campaign"] = (tip, CampaignScene)
    routes: dict[str, tuple[str, Callable[[], Scene] | None]] = {}

    def __init__(self) -> None:
        super().__init__()

    @staticmethod
    def default_routes() -> dict[str, tuple[str, Callable[[], Scene] | None]]:
        """The shipped entries. Scene modules are imported only when an entry is opened (fast start-up)."""

        def skirmish() -> Scene:
            from game.ui.scenes.skirmish import SkirmishSetupScene

            return SkirmishSetupScene()

        def settings() -> Scene:
            from game.ui.scenes.settings_scene import SettingsScene

            return SettingsScene()

        def codex() -> Scene:
            from game.ui.scenes.codex import CodexScene

            return CodexScene()

        def host() -> Scene:
            from game.ui.scenes.host_setup import HostSetupScene

            return HostSetupScene()

        def join() -> Scene:
            from game.ui.scenes.join import JoinScene

            return JoinScene()

        def load() -> Scene:
            from game.ui.scenes.save_load import SaveLoadScene

            return SaveLoadScene("load")

        def mods() -> Scene:
            from game.ui.scenes.mods import ModsScene

            return ModsScene()

        def campaign() -> Scene:
            from game.ui.scenes.campaign import CampaignScene

            return CampaignScene()

        return {
            "Campaign": ("Leningrad 1946 to the tape era, chapter by chapter, with the history between them.", campaign),
            "Skirmish": ("One city, one calendar, AI rivals: the richest free bootlegger wins.", skirmish),
            "Host LAN game": ("Open a game on this computer for friends on the same network.", host),
            "Join LAN game": ("Find a game hosted on your local network and join it.", join),
            "Load": ("Continue a saved game or the autosave.", load),
            "Mods": ("Cities, campaigns and music others have made: turn them on or off.", mods),
            "Settings": ("Volume, window, UI size, keys and the audio output.", settings),
            "Codex": ("Short notes on the real bone-record bootleggers and their times.", codex),
        }

    def on_enter(self) -> None:
        sfx.theme(self.app, True)
        sfx.warm_up(self.app)

    def on_resume(self) -> None:
        sfx.theme(self.app, True)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """While the first start renders the scores for the booth, say so (with how far it is)."""
        warm = getattr(getattr(self.app, "sound_board", None), "warm", None)
        if warm is not None and not warm.done:
            w, h = surface.get_size()
            rect = pygame.Rect(w - theme.px(56) - theme.px(300), h - theme.px(64), theme.px(300), theme.px(8))
            pygame.draw.rect(surface, theme.BONE_DIM, rect, 1)
            pygame.draw.rect(surface, theme.AMBER, (rect.left, rect.top, round(rect.width * warm.fraction), rect.height))
            img = render(f"Pressing the records for the booth… {round(warm.fraction * 100)} %", "ui",
                         theme.SIZE_SMALL, theme.BONE_DIM)
            surface.blit(img, (rect.right - img.get_width(), rect.top - img.get_height() - theme.px(2)))

    def open(self, label: str) -> None:
        """Open the scene behind a menu entry (a 'coming later' card if it has none yet)."""
        from game.ui.scenes.coming_soon import ComingSoonScene

        assert self.app is not None
        routes = self.routes or self.default_routes()
        tip, factory = routes.get(label, ("", None))
        self.app.push(factory() if factory is not None else ComingSoonScene(label, tip))

    def back(self) -> None:
        if self.app is not None:
            self.app.quit()

    def build(self) -> None:
        w, h = self.size
        m = theme.px(56)
        routes = self.routes or self.default_routes()
        labels = [*routes.keys(), "Quit"]
        bh, gap = theme.px(40), theme.px(7)
        bw = theme.px(330)
        total = len(labels) * bh + (len(labels) - 1) * gap
        top = max(theme.px(236), (h - total) // 2 + theme.px(90))
        top = min(top, h - total - theme.px(64))
        self.add(Panel((m - theme.px(18), top - theme.px(18), bw + theme.px(36), total + theme.px(36)), alpha=170))
        y = top
        for label in labels:
            if label == "Quit":
                tip, action, style = "Leave the game.", self.back, "danger"
            else:
                tip, action = routes[label][0], partial(self.open, label)
                style = "primary" if label == "Skirmish" else "film"
            self.add(Button(label, action, (m, y, bw, bh), tooltip=tip, style=style, align="left", focus_on_hover=True))
            y += bh + gap

    def button(self, label: str) -> Button:
        """The entry button labelled `label` (tests click it)."""
        return next(w for w in self.widgets if isinstance(w, Button) and w.label == label)

    def paint_static(self, surface: pygame.Surface) -> None:
        super().paint_static(surface)
        w, h = surface.get_size()
        from game.core.profile import CutProfile
        from game.ui.art.record import draw_record

        size = min(round(h * 0.92), round(w * 0.52))
        profile = CutProfile(film_kind="chest", spindle_offset_mm=1.8, groove_noise=0.03, crackle_rate=2.0, scratch_click=0.15)
        rec = draw_record(profile, size, 1957)
        r = theme.px(24)
        cx, cy = round(w * 0.72), round(h * 0.52)
        surface.blit(paint.shadow((size - 2 * r, size - 2 * r), r * 2, 160), (cx - size // 2 + r, cy - size // 2 + r + theme.px(10)))
        surface.blit(rec, rec.get_rect(center=(cx, cy)))
        m = theme.px(56)
        title = paint.glow_text("BONE MUSIC", "headline", 76, theme.BONE, theme.GLOW, theme.px(14))
        pad = theme.px(14) * 2
        surface.blit(title, (m - pad - theme.px(4), theme.px(48) - pad))
        y = theme.px(48) + theme.font("headline", 76).get_height()
        sub = render("Музыка на рёбрах  ·  music on ribs", "italic", 22, theme.BONE_DIM)
        surface.blit(sub, (m, y))
        y += sub.get_height() + theme.px(4)
        sub2 = render("Leningrad bootleggers, 1946 – 1962", "ui", theme.SIZE_BODY, theme.GLOW)
        surface.blit(sub2, (m, y))
        ver = render(f"version {VERSION}", "ui", theme.SIZE_SMALL, theme.BONE_DIM)
        surface.blit(ver, (w - m - ver.get_width(), h - theme.px(26) - ver.get_height() // 2))


__all__ = ["MenuScene", "Scene"]
