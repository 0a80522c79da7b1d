"""Shared fixtures: real level files on disk, loaded the way the game loads them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parents[1]
TINY_LEVEL = ROOT / "tests" / "data" / "tiny_level.json"


@pytest.fixture(scope="session")
def tiny_level():
    from game.content.models import Level

    return Level.model_validate_json(TINY_LEVEL.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def catalog():
    from game.content.catalog import base_catalog

    return base_catalog()
