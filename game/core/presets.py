"""Cut profiles of the catalog's lathe presets: what `export --lathe`, the booth's demo and the audio tests
render when no game is running."""

from __future__ import annotations

from game.content.catalog import base_catalog
from game.core.lathe import cut_profile, preset_lathe
from game.core.profile import CutProfile


def preset_profile(preset_id: str, film_id: str = "chest", source_quality: float = 1.0) -> CutProfile:
    """The cut profile of a catalog lathe preset (new parts) on a film kind."""
    catalog = base_catalog()
    preset = next(p for p in catalog.presets if p.id == preset_id)
    film = next(f for f in catalog.films if f.id == film_id)
    parts = {p.id: p for p in catalog.parts}
    return cut_profile(preset_lathe(preset.parts), parts, film, source_quality)
