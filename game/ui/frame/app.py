"""App: the window, the main loop with a fixed-step clock, the scene stack, settings and notices.

    app = App()                    # reads settings, opens the window
    app.push(MenuScene())
    app.run()                      # until Quit or the stack is empty

Tests and the screenshot command drive the same object without `run()`: post pygame events, then
`app.run_frames(n)` processes them and advances n fixed steps; `app.render()` draws one frame.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.ui.frame import settings as settings_mod
from game.ui.frame.clock import STEP, FixedStep
from game.ui.frame.scene import Scene
from game.ui.look import paint, theme
from game.ui.look.text import render

TITLE = "Bone Music — music on ribs"
FPS_CAP = 240


@dataclass
class Notice:
    """A short message shown at the top of the screen for a while (`kind`: info, warning, danger)."""

    text: str
    kind: str = "info"
    seconds: float = 5.0


StartHook = Callable[[Path, int, int], None]


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
        theme.set_scale(self.settings.ui_scale)
        pygame.display.set_caption(TITLE)
        self.screen = self._open_window()
        self.scenes: list[Scene] = []
        self.clock = FixedStep(STEP)
        self.running = True
        self.notices: list[Notice] = []
        self.frames = 0
        #: filled by the game phase: start a skirmish on (level_path, rivals, seed)
        self.on_start_skirmish: StartHook | None = None
        #: called with the new Settings after every change (the audio engine hooks its volumes here)
        self.settings_listeners: list[Callable[[settings_mod.Settings], None]] = []
        if notice:
            self.notify(notice, "warning", 8.0)

    # ------------------------------------------------------------ window
    def _open_window(self) -> pygame.Surface:
        flags = 0
        if self.settings.fullscreen and os.environ.get("SDL_VIDEODRIVER") != "dummy":
            flags |= pygame.FULLSCREEN | pygame.SCALED
        return pygame.display.set_mode(self.settings.window_size, flags)

    @property
    def size(self) -> tuple[int, int]:
        return self.screen.get_size()

    def apply_settings(self, new: settings_mod.Settings, persist: bool = True) -> None:
        """Adopt changed settings: reopen the window if its mode changed, re-lay out every scene if the size
        or scale changed, and save them (atomically) unless `persist` is False."""
        old = self.settings
        self.settings = new
        if tuple(new.window_size) != tuple(self.size) or new.fullscreen != old.fullscreen:
            self.screen = self._open_window()
        relayout = tuple(new.window_size) != tuple(old.window_size) or new.fullscreen != old.fullscreen
        if abs(new.ui_scale - theme.scale()) > 1e-9:
            theme.set_scale(new.ui_scale)
            paint.clear_caches()
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
        """Put `scene` on top; it lays itself out and gets `on_enter`."""
        self.scenes.append(scene)
        scene.attach(self)
        scene.on_enter()
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
        """Show a short message at the top of the screen for `seconds`."""
        self.notices.append(Notice(text, kind, seconds))
        del self.notices[:-3]

    def _draw_notices(self, surface: pygame.Surface) -> None:
        y = theme.px(14)
        for n in self.notices:
            color = {"warning": theme.AMBER, "danger": theme.RED}.get(n.kind, theme.GLOW)
            img = render(n.text, "ui_bold", theme.SIZE_BODY, theme.BONE)
            box = pygame.Rect(0, 0, img.get_width() + theme.px(36), img.get_height() + theme.px(16))
            box.midtop = (surface.get_width() // 2, y)
            veil = pygame.Surface(box.size, pygame.SRCALPHA)
            veil.fill((*theme.FILM_BLACK, 235))
            surface.blit(veil, box.topleft)
            pygame.draw.rect(surface, color, box, 2)
            pygame.draw.rect(surface, color, (box.left, box.top, theme.px(6), box.height))
            surface.blit(img, (box.left + theme.px(22), box.top + theme.px(8)))
            y = box.bottom + theme.px(6)

    # ------------------------------------------------------------ loop
    def handle_events(self, events: list[pygame.event.Event]) -> None:
        """Give each event to the top scene (window close quits; a resize re-lays out every scene)."""
        for event in events:
            if event.type == pygame.QUIT:
                self.running = False
            elif event.type == pygame.VIDEORESIZE:
                for scene in self.scenes:
                    scene.relayout(self.size)
            elif self.top is not None:
                self.top.handle_event(event)

    def update(self, dt: float) -> None:
        """One fixed step for the top scene and the notices."""
        if self.top is not None:
            self.top.update(dt)
        for n in self.notices:
            n.seconds -= dt
        self.notices = [n for n in self.notices if n.seconds > 0]

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
        pygame.display.quit()
