"""App: the window, the main loop with a fixed-step clock, the scene stack, settings and notices.

The window is resizable (never below 1024x576 where the platform allows) and its size is remembered; the UI
scale in use is the player's choice lowered to what the window can hold (`settings.effective_scale`), so every
screen keeps its layout at any scale and size. Problems with outside files found at start (a damaged settings
file) are shown as a message card over the first scene; the game goes on with defaults.

    app = App()                    # reads settings, opens the window
    app.push(MenuScene())
    app.run()                      # until Quit or the stack is empty

Tests and the screenshot command drive the same object without `run()`: post pygame events, then
`app.run_frames(n)` processes them and advances n fixed steps; `app.render()` draws one frame.
"""

from __future__ import annotations

import contextlib
import os
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.ui.frame import settings as settings_mod
from game.ui.frame.clock import STEP, FixedStep
from game.ui.frame.scene import Scene
from game.ui.look import paint, theme
from game.ui.look.text import render, wrap

TITLE = "Bone Music — music on ribs"
FPS_CAP = 240
RESIZE_SAVE_DELAY = 0.8  # seconds of no resizing before the new window size is saved


@dataclass
class Notice:
    """A short message shown at the top of the screen for a while (`kind`: info, warning, danger)."""

    text: str
    kind: str = "info"
    seconds: float = 5.0


StartHook = Callable[[Path, int, int, str], None]  # level, rivals, seed, AI difficulty


class App:
    """Owns pygame's window and the scene stack. One per process."""

    def __init__(
        self,
        size: tuple[int, int] | None = None,
        fullscreen: bool | None = None,
        settings_file: Path | None = None,
        save_settings: bool = True,
    ) -> None:
        self.settings_file = settings_file or settings_mod.settings_path()
        self.save_settings_enabled = save_settings
        self.settings, notice = settings_mod.load(self.settings_file)
        if size is not None:
            self.settings.window_size = size
        if fullscreen is not None:
            self.settings.fullscreen = fullscreen
        pygame.display.init()
        pygame.font.init()
        theme.set_palette(self.settings.palette)
        pygame.display.set_caption(TITLE)
        self.screen = self._open_window()
        theme.set_scale(settings_mod.effective_scale(self.settings.ui_scale, self.size))
        self._resize_wait: float | None = None
        self.scenes: list[Scene] = []
        self.clock = FixedStep(STEP)
        self.running = True
        self.notices: list[Notice] = []
        self.frames = 0
        #: filled by the game phase: start a skirmish on (level_path, rivals, seed, AI difficulty)
        self.on_start_skirmish: StartHook | None = None
        #: called with the new Settings after every change (the audio engine hooks its volumes here)
        self.settings_listeners: list[Callable[[settings_mod.Settings], None]] = []
        #: (title, message) cards to show over the first scene pushed (problems found at start)
        self.startup_cards: list[tuple[str, str]] = []
        if notice:
            self.startup_cards.append(("Settings reset", notice))

    # ------------------------------------------------------------ window
    def _open_window(self, size: tuple[int, int] | None = None) -> pygame.Surface:
        flags = pygame.RESIZABLE
        if self.settings.fullscreen and os.environ.get("SDL_VIDEODRIVER") != "dummy":
            flags = pygame.FULLSCREEN | pygame.SCALED
        screen = pygame.display.set_mode(size or self.settings.window_size, flags)
        if os.environ.get("SDL_VIDEODRIVER") == "dummy":
            return screen  # headless (tests, screenshots): exactly the size asked for
        with warnings.catch_warnings():  # the Window view of the display module is enough to set a minimum size
            warnings.simplefilter("ignore", DeprecationWarning)
            with contextlib.suppress(AttributeError, pygame.error):
                pygame.Window.from_display_module().minimum_size = settings_mod.MIN_WINDOW
        return screen

    @property
    def size(self) -> tuple[int, int]:
        return self.screen.get_size()

    def _fit_scale(self) -> bool:
        """Set the UI scale in use for the window size; True if it changed."""
        scale = settings_mod.effective_scale(self.settings.ui_scale, self.size)
        if abs(scale - theme.scale()) < 1e-9:
            return False
        theme.set_scale(scale)
        paint.clear_caches()
        return True

    def resize(self, size: tuple[int, int]) -> None:
        """The window now has `size` (the player dragged its edge): fit the scale, re-lay out every scene and
        remember the size once the dragging stops."""
        if self.screen.get_size() != tuple(size):
            self.screen = self._open_window(size)
        self._fit_scale()
        for scene in self.scenes:
            scene.relayout(self.size)
        if not self.settings.fullscreen:
            self.settings.window_size = self.size
            self._resize_wait = RESIZE_SAVE_DELAY

    def apply_settings(self, new: settings_mod.Settings, persist: bool = True) -> None:
        """Adopt changed settings: reopen the window if its mode changed, re-lay out every scene if the size,
        scale or palette changed, and save them (atomically) unless `persist` is False."""
        old = self.settings
        self.settings = new
        if tuple(new.window_size) != tuple(self.size) or new.fullscreen != old.fullscreen:
            self.screen = self._open_window()
        relayout = tuple(new.window_size) != tuple(old.window_size) or new.fullscreen != old.fullscreen
        if new.palette != old.palette:
            theme.set_palette(new.palette)
            from game.ui.art import city

            city.clear_caches()
            paint.clear_caches()
            relayout = True
        if self._fit_scale() or new.ui_scale != old.ui_scale:
            relayout = True
        if relayout:
            for scene in self.scenes:
                scene.relayout(self.size)
        for listener in self.settings_listeners:
            listener(new)
        if persist:
            self.save_settings()

    def save_settings(self) -> None:
        """Write the current settings; a failure becomes a notice, not a crash."""
        if not self.save_settings_enabled:
            return
        try:
            settings_mod.save(self.settings, self.settings_file)
        except OSError as exc:
            self.notify(f"Could not save settings: {exc.strerror or exc}", "danger")

    # ------------------------------------------------------------ scene stack
    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> Scene:
        """Put `scene` on top; it lays itself out and gets `on_enter`. The first scene pushed gets the startup
        cards over it."""
        self.scenes.append(scene)
        scene.attach(self)
        scene.on_enter()
        if self.startup_cards and len(self.scenes) == 1:
            from game.ui.scenes.dialog import Dialog

            cards, self.startup_cards = self.startup_cards, []
            for title, message in cards:
                self.push(Dialog(title, message, width=680))
        return scene

    def pop(self) -> Scene | None:
        """Remove the top scene (the one below gets `on_resume`). Popping the last scene ends the loop."""
        if not self.scenes:
            return None
        scene = self.scenes.pop()
        scene.on_exit()
        if self.scenes:
            self.scenes[-1].on_resume()
        else:
            self.running = False
        return scene

    def replace(self, scene: Scene) -> Scene:
        """Swap the top scene for `scene`."""
        if self.scenes:
            self.scenes.pop().on_exit()
        return self.push(scene)

    def pop_to(self, scene_type: type[Scene]) -> None:
        """Pop scenes until one of `scene_type` is on top (or the stack has one scene left)."""
        while len(self.scenes) > 1 and not isinstance(self.scenes[-1], scene_type):
            self.pop()

    def quit(self) -> None:
        self.running = False

    # ------------------------------------------------------------ notices
    def notify(self, text: str, kind: str = "info", seconds: float = 5.0) -> None:
        """Show a short message for `seconds` (the same text again only renews it; at most three at once)."""
        self.notices = [n for n in self.notices if n.text != text]
        self.notices.append(Notice(text, kind, seconds))
        del self.notices[:-3]

    def _draw_notices(self, surface: pygame.Surface) -> None:
        """Notices stack down from the top scene's `notice_area()` (below a game's top bar), wrapped to its width."""
        area = self.top.notice_area() if self.top is not None else surface.get_rect()
        y = area.top + theme.px(10)
        font = theme.font("ui_bold", theme.SIZE_BODY)
        for n in self.notices:
            color = {"warning": theme.AMBER, "danger": theme.RED}.get(n.kind, theme.GLOW)
            lines = wrap(n.text, font, max(theme.px(120), area.width - theme.px(80)))
            imgs = [render(line, "ui_bold", theme.SIZE_BODY, theme.BONE) for line in lines]
            text_h = sum(i.get_height() for i in imgs)
            box = pygame.Rect(0, 0, max(i.get_width() for i in imgs) + theme.px(36), text_h + theme.px(16))
            box.midtop = (area.centerx, y)
            veil = pygame.Surface(box.size, pygame.SRCALPHA)
            veil.fill((*theme.FILM_BLACK, 235))
            surface.blit(veil, box.topleft)
            pygame.draw.rect(surface, color, box, 2)
            pygame.draw.rect(surface, color, (box.left, box.top, theme.px(6), box.height))
            ty = box.top + theme.px(8)
            for img in imgs:
                surface.blit(img, (box.left + theme.px(22), ty))
                ty += img.get_height()
            y = box.bottom + theme.px(6)

    # ------------------------------------------------------------ loop
    def handle_events(self, events: list[pygame.event.Event]) -> None:
        """Give each event to the top scene (window close quits; a resize re-lays out every scene)."""
        for event in events:
            if event.type == pygame.QUIT:
                self.running = False
            elif event.type == pygame.VIDEORESIZE:
                self.resize((max(1, event.w), max(1, event.h)))
            elif self.top is not None:
                self.top.handle_event(event)

    def update(self, dt: float) -> None:
        """One fixed step for the top scene and the notices."""
        if self.top is not None:
            self.top.update(dt)
        for n in self.notices:
            n.seconds -= dt
        self.notices = [n for n in self.notices if n.seconds > 0]
        if self._resize_wait is not None:
            self._resize_wait -= dt
            if self._resize_wait <= 0:
                self._resize_wait = None
                self.save_settings()

    def render(self, surface: pygame.Surface | None = None) -> pygame.Surface:
        """Draw the visible scenes (from the highest opaque one up) and the notices onto `surface`."""
        surface = surface or self.screen
        start = len(self.scenes) - 1
        while start > 0 and self.scenes[start].transparent:
            start -= 1
        for scene in self.scenes[max(0, start):]:
            scene.draw(surface)
        if not self.scenes:
            surface.fill(theme.FILM)
        self._draw_notices(surface)
        self.frames += 1
        return surface

    def frame(self, real_dt: float) -> None:
        """Events, as many fixed steps as `real_dt` earns, one drawn frame, flip."""
        self.handle_events(pygame.event.get())
        for _ in range(self.clock.advance(real_dt)):
            self.update(self.clock.step)
        self.render()
        pygame.display.flip()

    def run_frames(self, n: int = 1) -> None:
        """Process pending events and run `n` frames of exactly one fixed step each (tests, screenshots)."""
        for _ in range(n):
            self.handle_events(pygame.event.get())
            self.update(self.clock.step)
            self.render()

    def run(self) -> None:
        """The interactive main loop."""
        last = time.perf_counter()
        pacer = pygame.time.Clock()
        while self.running and self.scenes:
            now = time.perf_counter()
            self.frame(now - last)
            last = now
            pacer.tick(FPS_CAP)
        if self._resize_wait is not None:
            self.save_settings()
        pygame.display.quit()
