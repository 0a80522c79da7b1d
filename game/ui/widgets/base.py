"""The Widget base class every control derives from."""

from __future__ import annotations

import pygame

MOUSE_EVENTS = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION, pygame.MOUSEWHEEL)


class Widget:
    """A rectangle that draws itself and may take input.

    Scenes give widgets every mouse event (topmost first, until one returns True) and keyboard/text events
    only when the widget has focus. Set `focusable` for controls reachable by Tab and arrows; `tooltip` is
    shown by the scene after the pointer rests on the widget.
    """

    focusable = False
    focus_on_hover = False  # menus: moving the mouse over the widget moves the keyboard focus too

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int] | None = None, tooltip: str = "") -> None:
        self.rect = pygame.Rect(rect or (0, 0, 0, 0))
        self.tooltip = tooltip
        self.visible = True
        self.enabled = True
        self.focused = False
        self.hovered = False

    def handle_event(self, event: pygame.event.Event) -> bool:
        """React to an event; return True if it was used (stops other widgets from seeing it)."""
        return False

    def update(self, dt: float) -> None:
        """Advance animations by one fixed step of `dt` seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw onto `surface`."""
