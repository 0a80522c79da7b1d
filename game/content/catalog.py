"""The catalog: genres, X-ray film kinds, lathe parts and lathe presets. The base catalog is
`levels/catalog.json`, loaded once through the same checked loading as any content file."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from game.content.checks import catalog_problems
from game.content.errors import ContentError
from game.content.models import Catalog
from game.content.reading import read_model

DEFAULT_CATALOG = Path(__file__).resolve().parents[2] / "levels" / "catalog.json"


def load_catalog(path: str | Path = DEFAULT_CATALOG) -> Catalog:
    """The catalog at `path`, checked (unique ids, parts' stats blocks, presets); ContentError otherwise."""
    parsed = read_model(path, "catalog", Catalog)
    problems = parsed.problems
    if parsed.model is not None:
        problems += catalog_problems(str(path), parsed.model)
    if problems or parsed.model is None:
        raise ContentError(problems)
    return parsed.model


@cache
def base_catalog() -> Catalog:
    """The shipped catalog, loaded and checked once (a broken shipped catalog raises ContentError)."""
    return load_catalog(DEFAULT_CATALOG)
