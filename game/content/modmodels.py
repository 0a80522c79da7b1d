"""The file kinds only mods have, as pydantic models (the JSON Schemas modders' editors use are generated from
them): the `mod.json` manifest, a mod's catalog additions (with patrol kinds), mod-wide events, Codex entries,
campaign manifests and the metadata of a WAV track.

Paths inside these files are relative to the mod folder, written with `/`, and may not leave it.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from game.content.limits import MAX_CHAPTERS, MAX_LIST, MAX_NAME
from game.content.models import (
    SCHEMA_VERSION,
    CodexEntry,
    Event,
    FilmKind,
    Genre,
    Id,
    LathePreset,
    Part,
    PatrolKind,
    Strict,
)
from game.content.versions import RANGE_PATTERN, VERSION_PATTERN

RelPath = Annotated[str, Field(min_length=1, max_length=200, description="a path inside the mod folder, with '/'")]
Version = Annotated[str, Field(pattern=VERSION_PATTERN, description="MAJOR[.MINOR[.PATCH]], e.g. 1.2.0")]
VersionRange = Annotated[str, Field(pattern=RANGE_PATTERN, description="comparisons joined by commas, e.g. '>=0.1, <1'")]
Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME)]
OVERRIDE_KINDS = ("genre", "film", "part", "preset", "patrol_kind", "track", "level", "campaign", "codex")
OverrideRef = Annotated[str, Field(pattern=rf"^({'|'.join(OVERRIDE_KINDS)}):[a-z0-9_]+$",
                                   description="KIND:ID of something an earlier mod or the game defines")]


class Requirement(Strict):
    """Another mod this one needs, and which of its versions will do."""

    id: Id
    versions: VersionRange = ">=0"


class ModManifest(Strict):
    """`mod.json`: who the mod is and what it adds or overrides."""

    schema_version: Literal[1] = SCHEMA_VERSION
    id: Id
    name: Name
    version: Version
    author: str = Field("", max_length=MAX_NAME)
    description: str = ""
    game: VersionRange = Field(description="game versions the mod works with, e.g. '>=0.1, <1'")
    requires: list[Requirement] = Field(default_factory=list, max_length=32,
                                        description="mods that must be installed, enabled and loaded first")
    load_after: list[Id] = Field(default_factory=list, max_length=32,
                                 description="mods to load before this one when they are enabled (optional)")
    levels: list[RelPath] = Field(default_factory=list, max_length=MAX_LIST, description="skirmish level files")
    campaigns: list[RelPath] = Field(default_factory=list, max_length=32, description="campaign manifest files")
    catalog: RelPath | None = Field(None, description="catalog additions: genres, films, parts, presets, patrol kinds")
    events: RelPath | None = Field(None, description="events that join every level of this mod whose calendar "
                                                     "holds their date")
    codex: RelPath | None = Field(None, description="Codex entries")
    music: RelPath | None = Field(None, description="a folder of tracks: <id>.json scores and <id>.wav recordings")
    overrides: list[OverrideRef] = Field(default_factory=list, max_length=MAX_LIST,
                                         description="what this mod replaces on purpose, as KIND:ID")


class PatrolKindDef(Strict):
    """A named kind of patrol: one of the three behaviours with its own speed and sight. A level of the mod
    writes its id as a patrol's `kind`; the patrol's own `speed` and `sight`, when given, win."""

    id: Id
    name: Name
    description: str = ""
    behaviour: PatrolKind = Field(description="militia: walks and arrests; komsomol: walks, fines and "
                                              "confiscates; informer: stands still and raises heat")
    speed: int = Field(1, ge=1, le=4, description="moves one tile every `speed` steps")
    sight: int = Field(4, ge=1, le=12, description="sight radius in tiles")


class ModCatalog(Strict):
    """A mod's `catalog.json`: additions to the game's catalog for the levels of this mod (and of mods that
    require it). An id the game or an earlier mod already has is a conflict unless `overrides` names it."""

    schema_version: Literal[1] = SCHEMA_VERSION
    genres: list[Genre] = Field(default_factory=list, max_length=MAX_LIST)
    films: list[FilmKind] = Field(default_factory=list, max_length=MAX_LIST)
    parts: list[Part] = Field(default_factory=list, max_length=MAX_LIST)
    presets: list[LathePreset] = Field(default_factory=list, max_length=MAX_LIST)
    patrol_kinds: list[PatrolKindDef] = Field(default_factory=list, max_length=MAX_LIST)


class ModEvents(Strict):
    """A mod's `events.json`: each event joins every level of the mod whose calendar holds its date."""

    schema_version: Literal[1] = SCHEMA_VERSION
    events: list[Event] = Field(max_length=MAX_LIST)


class CodexFile(Strict):
    """A mod's Codex entries (`codex.json`)."""

    schema_version: Literal[1] = SCHEMA_VERSION
    entries: list[CodexEntry] = Field(max_length=MAX_LIST)


class Campaign(Strict):
    """A campaign: chapters played in order, each a level file (`kind: "campaign"`) of this mod."""

    schema_version: Literal[1] = SCHEMA_VERSION
    id: Id
    name: Name
    description: str = ""
    chapters: list[RelPath] = Field(min_length=1, max_length=MAX_CHAPTERS,
                                    description="level files relative to the mod folder, in playing order")


class TrackMeta(Strict):
    """`<track>.meta.json` beside a WAV track: how the booth and the master lists name it."""

    title: Name
    genre: Id
    composer: str = Field("unknown", max_length=MAX_NAME)
    year: int = Field(1950, ge=1800, le=1965)
