"""The published JSON Schemas, generated from the models: `levels/schema.json` and `levels/catalog.schema.json`.

Run `python -m game.content.schema` after changing `models.py`; a test fails while the files are out of date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from game.content.models import Catalog, Level

LEVELS = Path(__file__).resolve().parents[2] / "levels"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
PUBLISHED: dict[str, tuple[type[BaseModel], str]] = {
    "schema.json": (Level, "Bone Music level"),
    "catalog.schema.json": (Catalog, "Bone Music catalog (genres, X-ray films, lathe parts)"),
}


def schema_of(model: type[BaseModel], title: str) -> dict[str, Any]:
    """The model's JSON Schema (validation mode) with `$schema` and `title` on top."""
    body = model.model_json_schema(mode="validation")
    body.pop("title", None)
    return {"$schema": DRAFT, "title": title, **body}


def schema_text(name: str) -> str:
    """The exact text of a published schema file."""
    model, title = PUBLISHED[name]
    return json.dumps(schema_of(model, title), indent=2, ensure_ascii=False) + "\n"


def level_schema() -> dict[str, Any]:
    return schema_of(Level, PUBLISHED["schema.json"][1])


def catalog_schema() -> dict[str, Any]:
    return schema_of(Catalog, PUBLISHED["catalog.schema.json"][1])


def write_schemas(folder: Path = LEVELS) -> list[Path]:
    """Write every published schema into `folder`; returns the paths written."""
    paths = []
    for name in PUBLISHED:
        path = folder / name
        path.write_text(schema_text(name), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    for p in write_schemas():
        print(f"wrote {p}")
