"""The base catalog (`levels/catalog.json`): genres, X-ray film kinds, lathe parts and lathe presets."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from game.content.models import Catalog
from game.core.lathe import cut_profile, preset_lathe
from game.core.profile import CutProfile

CATALOG_PATH = Path(__file__).resolve().parents[2] / "levels" / "catalog.json"


@cache
def base_catalog() -> Catalog:
    """The shipped catalog, loaded once."""
    return Catalog.model_validate_json(CATALOG_PATH.read_text(encoding="utf-8"))


def preset_profile(preset_id: str, film_id: str = "chest", source_quality: float = 1.0) -> CutProfile:
    """The cut profile of a catalog lathe preset (new parts) on a film kind: what `export --lathe` renders."""
    catalog = base_catalog()
    preset = next(p for p in catalog.presets if p.id == preset_id)
    film = next(f for f in catalog.films if f.id == film_id)
    parts = {p.id: p for p in catalog.parts}
    return cut_profile(preset_lathe(preset.parts), parts, film, source_quality)
