"""Driving the real App under SDL's dummy driver with posted events, as a player's mouse and keyboard would."""

from __future__ import annotations

import pygame

from game.ui.frame.app import App


def click(app: App, pos: tuple[int, int], frames: int = 2, button: int = 1) -> None:
    """Move to `pos`, press and release `button` there, then run `frames` frames."""
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button))
    app.run_frames(frames)


def key(app: App, k: int, mod: int = 0) -> None:
    """Press and release key `k` (with modifiers `mod`), then run a frame."""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode="", scancode=0))
    app.run_frames(1)
