"""Scene: one screen of the game on the App's stack, with its widgets, keyboard focus and tooltips.

A subclass usually overrides `build()` (create and place widgets for the current window size and UI scale;
called on push and again whenever the size or scale changes), `draw_background()`, and maybe `on_key()`
for its own shortcuts and `update()` for animation. Input rules shared by every scene live here:
Esc goes back, Tab/Shift+Tab and Up/Down move the focus (Left/Right too when `arrows_lr_move_focus`),
Enter/Space act on the focused control, the mouse hovers, clicks, scrolls; tooltips appear after a rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

import pygame

from game.ui.look import theme
from game.ui.widgets.base import MOUSE_EVENTS, Widget
from game.ui.widgets.tooltip import draw_tooltip

if TYPE_CHECKING:
    from game.ui.frame.app import App

W = TypeVar("W", bound=Widget)

TOOLTIP_DELAY = 0.45  # seconds the pointer rests before a tooltip shows


class Scene:
    """Base class of every screen. `transparent` scenes (dialogs) are drawn over the scene below."""

    transparent = False
    arrows_lr_move_focus = False
    name = "scene"

    def __init__(self) -> None:
        self.app: App | None = None
        self.widgets: list[Widget] = []
        self.focus_index = -1
        self.size: tuple[int, int] = (0, 0)
        self._hover_widget: Widget | None = None
        self._hover_time = 0.0
        self._mouse = (0, 0)

    # ------------------------------------------------------------ life cycle
    def attach(self, app: App) -> None:
        """Called by the App when the scene is pushed: remember the app and lay out."""
        self.app = app
        self.relayout(app.size)

    def relayout(self, size: tuple[int, int]) -> None:
        """Rebuild the widgets for a window `size` (keeps the focused widget's position in the order)."""
        focus = self.focus_index
        self.size = size
        self.widgets = []
        self.focus_index = -1
        self.build()
        if 0 <= focus < len(self.widgets) and self.widgets[focus].focusable:
            self.set_focus(self.widgets[focus])
        elif self.focus_index < 0:
            self.focus_first()

    def build(self) -> None:
        """Create and place the widgets for `self.size` and the current UI scale. Override."""

    def on_enter(self) -> None:
        """The scene became the top of the stack for the first time."""

    def on_resume(self) -> None:
        """The scene is on top again after the one above it was popped."""

    def on_exit(self) -> None:
        """The scene left the stack."""

    def back(self) -> None:
        """What Esc does: leave this scene. Override to ask first or to do something else."""
        if self.app is not None:
            self.app.pop()

    def notice_area(self) -> pygame.Rect:
        """Where the App stacks its notices over this scene (override to keep them off a top bar)."""
        return pygame.Rect((0, 0), self.size)

    # ------------------------------------------------------------ widgets and focus
    def add(self, widget: W) -> W:
        """Add a widget (drawn in order; focus order is the same order)."""
        self.widgets.append(widget)
        return widget

    @property
    def focused(self) -> Widget | None:
        return self.widgets[self.focus_index] if 0 <= self.focus_index < len(self.widgets) else None

    def set_focus(self, widget: Widget | None) -> None:
        for w in self.widgets:
            w.focused = False
        if widget is None or widget not in self.widgets:
            self.focus_index = -1
            return
        widget.focused = True
        self.focus_index = self.widgets.index(widget)

    def _focusables(self) -> list[Widget]:
        return [w for w in self.widgets if w.focusable and w.visible and w.enabled]

    def focus_first(self) -> None:
        items = self._focusables()
        self.set_focus(items[0] if items else None)

    def move_focus(self, delta: int) -> None:
        """Move keyboard focus `delta` places along the focus order, wrapping around."""
        items = self._focusables()
        if not items:
            return
        current = self.focused
        i = items.index(current) if current in items else (-1 if delta > 0 else 0)
        self.set_focus(items[(i + delta) % len(items)])

    # ------------------------------------------------------------ events
    def on_key(self, event: pygame.event.Event) -> bool:
        """Scene shortcuts, after the focused widget declined the key. Override; return True if used."""
        return False

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Route an event: keys to the focused widget, then to `on_key`, then to the shared key rules;
        mouse events to widgets from the topmost down."""
        if event.type in MOUSE_EVENTS:
            return self._handle_mouse(event)
        if event.type == pygame.KEYDOWN:
            focused = self.focused
            if focused is not None and focused.enabled and focused.handle_event(event):
                return True
            if self.on_key(event):
                return True
            return self._handle_nav_key(event)
        if event.type == pygame.TEXTINPUT:
            focused = self.focused
            return bool(focused is not None and focused.handle_event(event))
        return False

    def _handle_nav_key(self, event: pygame.event.Event) -> bool:
        key = event.key
        if key == pygame.K_ESCAPE:
            self.back()
            return True
        if key == pygame.K_TAB:
            self.move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            return True
        if key in (pygame.K_DOWN, pygame.K_UP):
            self.move_focus(1 if key == pygame.K_DOWN else -1)
            return True
        if self.arrows_lr_move_focus and key in (pygame.K_RIGHT, pygame.K_LEFT):
            self.move_focus(1 if key == pygame.K_RIGHT else -1)
            return True
        return False

    def _handle_mouse(self, event: pygame.event.Event) -> bool:
        if hasattr(event, "pos"):
            self._mouse = event.pos
        if event.type == pygame.MOUSEMOTION:
            hover = None
            for w in self.widgets:
                w.handle_event(event)  # every widget learns whether it is hovered
                if w.visible and w.rect.collidepoint(event.pos):
                    hover = w
            if hover is not self._hover_widget:
                self._hover_widget, self._hover_time = hover, 0.0
            if hover is not None and hover.focus_on_hover and hover.enabled and not hover.focused:
                self.set_focus(hover)
            return hover is not None
        for w in reversed(self.widgets):
            if not w.visible:
                continue
            if event.type == pygame.MOUSEBUTTONDOWN and w.focusable and w.enabled and w.rect.collidepoint(event.pos):
                self.set_focus(w)
            if w.handle_event(event):
                return True
        return False

    # ------------------------------------------------------------ frame
    def update(self, dt: float) -> None:
        """Advance one fixed step: widgets' animations and the tooltip timer. Call super() when overriding."""
        for w in self.widgets:
            w.update(dt)
        if self._hover_widget is not None:
            self._hover_time += dt

    def draw_background(self, surface: pygame.Surface) -> None:
        """Fill the screen under the widgets. Override (use cached surfaces: this runs every frame)."""
        surface.fill(theme.FILM)

    def draw(self, surface: pygame.Surface) -> None:
        """Background, widgets in order, then `draw_overlay` and the tooltip."""
        self.draw_background(surface)
        for w in self.widgets:
            if w.visible:
                w.draw(surface)
        self.draw_overlay(surface)
        hw = self._hover_widget
        if hw is not None and hw.tooltip and hw.visible and self._hover_time >= TOOLTIP_DELAY:
            draw_tooltip(surface, hw.tooltip, self._mouse)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """Drawn above the widgets (and below the tooltip). Override if needed."""
