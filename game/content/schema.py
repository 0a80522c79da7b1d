"""The published JSON Schemas in `levels/`, generated from the models, one per file kind a modder writes.

Every schema allows a top-level `"$schema"` string, so a file can name its schema and an editor completes and
checks it while the modder types. A level's patrol `kind` also admits an id, since a mod's level may use the
mod's patrol kinds (the loader checks it against them).
Run `python -m game.content.schema` after changing a model; a test fails while the files are out of date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from game.content.models import Catalog, Level
from game.content.modmodels import Campaign as CampaignManifest
from game.content.modmodels import CodexFile, ModCatalog, ModEvents, ModManifest, TrackMeta
from game.content.scoremodel import ScoreFile

LEVELS = Path(__file__).resolve().parents[2] / "levels"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
ID_PATTERN = "^[a-z0-9_]+$"
PUBLISHED: dict[str, tuple[type[BaseModel], str]] = {
    "schema.json": (Level, "Bone Music level"),
    "catalog.schema.json": (Catalog, "Bone Music catalog (genres, X-ray films, lathe parts)"),
    "mod.schema.json": (ModManifest, "Bone Music mod manifest (mod.json)"),
    "mod_catalog.schema.json": (ModCatalog, "Bone Music mod catalog additions"),
    "campaign.schema.json": (CampaignManifest, "Bone Music campaign"),
    "events.schema.json": (ModEvents, "Bone Music mod-wide events"),
    "codex.schema.json": (CodexFile, "Bone Music Codex entries"),
    "score.schema.json": (ScoreFile, "Bone Music score (a track for the synthesizer)"),
    "track_meta.schema.json": (TrackMeta, "Bone Music WAV track metadata"),
}


def schema_of(model: type[BaseModel], title: str) -> dict[str, Any]:
    """The model's JSON Schema (validation mode) with `$schema`, `title` and the `$schema` property on top."""
    body = model.model_json_schema(mode="validation")
    body.pop("title", None)
    body["properties"] = {"$schema": {"type": "string", "description": "path or URL of this schema, for "
                                                                        "editors"}, **body["properties"]}
    patrol = body.get("$defs", {}).get("Patrol", {}).get("properties", {})
    if model is Level and "kind" in patrol:
        kinds = patrol["kind"]
        patrol["kind"] = {"anyOf": [{"enum": kinds["enum"], "type": "string"},
                                    {"type": "string", "pattern": ID_PATTERN}],
                          "title": kinds.get("title", "Kind"),
                          "description": "militia, komsomol or informer; in a mod's level also one of the mod's "
                                         "patrol kinds"}
    return {"$schema": DRAFT, "title": title, **body}


def schema_text(name: str) -> str:
    """The exact text of a published schema file."""
    model, title = PUBLISHED[name]
    return json.dumps(schema_of(model, title), indent=2, ensure_ascii=False) + "\n"


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
