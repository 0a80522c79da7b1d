"""Driving the real App under SDL's dummy driver with posted events, as a player's mouse and keyboard would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.ui.frame.app import App
from game.ui.scenes.menu import MenuScene


def menu_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    """A fresh 1280x720 App on the main menu, with its settings and saves in `tmp_path` (for a fixture)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    app = App(size=(1280, 720), fullscreen=False)
    pygame.event.clear()
    app.push(MenuScene())
    app.run_frames(2)
    yield app
    pygame.event.clear()


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
