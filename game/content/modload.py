"""Load and check one mod folder: its manifest, catalog additions, music, events, Codex entries, levels and
campaigns, reporting every problem (a mod with any problem is not loaded by the game) and warnings.

Ids are one namespace per kind across the game and every enabled mod (`Taken`): a mod that adds an id
someone earlier already defined is in conflict unless its `overrides` lists `KIND:ID`, and then its version
replaces the earlier one for this mod's levels. A mod's levels play with the base catalog plus the additions
of the mods it requires (in load order) plus its own, and may use those mods' music and patrol kinds.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content.catalog import base_catalog
from game.content.checks import MUSIC_DIR, catalog_problems
from game.content.errors import Problem
from game.content.lint import level_warnings, unused_additions
from game.content.loader import LevelContext, check_level, level_files
from game.content.models import Catalog, Level
from game.content.modfolder import resolve, scan
from game.content.modmodels import (
    Campaign,
    CodexEntry,
    CodexFile,
    ModCatalog,
    ModEvents,
    ModManifest,
    PatrolKindDef,
)
from game.content.music import Track, check_music_folder
from game.content.reading import read_model
from game.content.versions import GAME_VERSION, in_range

ROOT = Path(__file__).resolve().parents[2]
THE_GAME = "the game"
CATALOG_KINDS = (("genre", "genres"), ("film", "films"), ("part", "parts"), ("preset", "presets"),
                 ("patrol_kind", "patrol_kinds"))
BASE_PATROL_KINDS = ("militia", "komsomol", "informer")
DOCUMENTS = (".md", ".txt")


@dataclass
class Taken:
    """Who defined each id so far, per kind: kind -> id -> owner ("the game" or "mod 'x'")."""

    owners: dict[str, dict[str, str]] = field(default_factory=dict)

    def owner(self, kind: str, item: str) -> str | None:
        return self.owners.get(kind, {}).get(item)

    def claim(self, kind: str, item: str, owner: str) -> None:
        self.owners.setdefault(kind, {})[item] = owner

    def copy(self) -> Taken:
        return Taken({k: dict(v) for k, v in self.owners.items()})

    @classmethod
    def of_the_game(cls, codex_ids: Iterable[str] = ()) -> Taken:
        """The ids the game itself ships: catalog, patrol kinds, tracks, level ids, Codex entries."""
        taken = cls()
        catalog = base_catalog()
        for kind, attr in CATALOG_KINDS[:4]:
            for item in getattr(catalog, attr):
                taken.claim(kind, item.id, THE_GAME)
        for kind_id in BASE_PATROL_KINDS:
            taken.claim("patrol_kind", kind_id, THE_GAME)
        for path in sorted(MUSIC_DIR.glob("*.json")) + sorted(MUSIC_DIR.glob("*.wav")):
            taken.claim("track", path.stem, THE_GAME)
        for folder in (ROOT / "levels" / "skirmish", ROOT / "levels" / "campaign"):
            for path in level_files(folder):
                taken.claim("level", _level_id(path), THE_GAME)
        for codex_id in codex_ids:
            taken.claim("codex", codex_id, THE_GAME)
        return taken


def _level_id(path: Path) -> str:
    """A shipped level's id, read cheaply (its file name if the file cannot say)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return path.stem
    return data.get("id", path.stem) if isinstance(data, dict) and isinstance(data.get("id"), str) else path.stem


@dataclass(frozen=True)
class ModLevel:
    """A level of a mod, ready to play: the level, the catalog it plays with, the music folders it may use."""

    path: Path
    level: Level
    catalog: Catalog
    music_dirs: tuple[Path, ...]
    mod_id: str


@dataclass(frozen=True)
class ModCampaign:
    path: Path
    campaign: Campaign
    chapters: tuple[ModLevel, ...]
    mod_id: str


@dataclass
class LoadedMod:
    """Everything one mod folder holds, checked. `ok` only when there is no problem at all."""

    folder: Path
    manifest: ModManifest | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    additions: ModCatalog = field(default_factory=ModCatalog)
    catalog: Catalog | None = None
    patrol_kinds: tuple[PatrolKindDef, ...] = ()
    music_dir: Path | None = None
    tracks: list[Track] = field(default_factory=list)
    codex: list[CodexEntry] = field(default_factory=list)
    levels: list[ModLevel] = field(default_factory=list)
    campaigns: list[ModCampaign] = field(default_factory=list)
    checked: list[Path] = field(default_factory=list)
    requires: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.manifest is not None and not self.problems

    @property
    def id(self) -> str:
        return self.manifest.id if self.manifest else self.folder.name

    @property
    def owner(self) -> str:
        return f"mod '{self.id}'"


def read_manifest(folder: Path) -> tuple[ModManifest | None, list[Problem]]:
    """A mod folder's `mod.json`, checked against its schema."""
    parsed = read_model(folder / "mod.json", "mod", ModManifest)
    return parsed.model, parsed.problems


def merge_catalog(catalog: Catalog, additions: ModCatalog) -> Catalog:
    """The catalog with a mod's additions: an id already present is replaced in place, new ids are appended."""
    update: dict[str, Any] = {}
    for _, attr in CATALOG_KINDS[:4]:
        items = {item.id: item for item in getattr(catalog, attr)}
        items.update({item.id: item for item in getattr(additions, attr)})
        update[attr] = list(items.values())
    return catalog.model_copy(update=update)


def merge_kinds(kinds: Sequence[PatrolKindDef], added: Sequence[PatrolKindDef]) -> tuple[PatrolKindDef, ...]:
    by_id = {k.id: k for k in kinds}
    by_id.update({k.id: k for k in added})
    return tuple(by_id.values())


class _Loader:
    """The steps of loading one mod, sharing its problem lists."""

    def __init__(self, folder: Path, taken: Taken, loaded: Mapping[str, LoadedMod]) -> None:
        self.mod = LoadedMod(folder)
        self.taken = taken
        self.loaded = loaded
        self.manifest_file = str(folder / "mod.json")

    def problem(self, file: str, where: str, message: str, hint: str = "") -> None:
        self.mod.problems.append(Problem(file, where, message, hint))

    def warn(self, file: str, where: str, message: str, hint: str = "") -> None:
        self.mod.warnings.append(Problem(file, where, message, hint))

    def path(self, rel: str, where: str, want: str = "file") -> Path | None:
        found = resolve(self.mod.folder, rel, self.manifest_file, where, want)
        if isinstance(found, Problem):
            self.mod.problems.append(found)
            return None
        return found

    def claim(self, kind: str, item: str, file: str, where: str) -> None:
        """Claim `kind:item` for this mod, reporting a conflict unless the manifest overrides it."""
        owner = self.taken.owner(kind, item)
        ref = f"{kind}:{item}"
        manifest = self.mod.manifest
        if owner is None and manifest is not None and ref in manifest.overrides:
            self.warn(file, where, f"mod.json overrides {ref}, but nothing loaded earlier defines it; it is simply "
                                   "added", f'remove "{ref}" from "overrides"')
        if owner == self.mod.owner:
            self.problem(file, where, f"{kind.replace('_', ' ')} id '{item}' is defined twice in this mod")
        elif owner is not None and (manifest is None or ref not in manifest.overrides):
            self.problem(file, where, f"{kind.replace('_', ' ')} '{item}' is already defined by {owner}",
                         f'to replace it on purpose add "{ref}" to "overrides" in mod.json; otherwise pick another id')
        self.taken.claim(kind, item, self.mod.owner)

    # ------------------------------------------------------------ steps

    def manifest(self) -> ModManifest | None:
        manifest, problems = read_manifest(self.mod.folder)
        self.mod.problems += problems
        self.mod.checked.append(self.mod.folder / "mod.json")
        self.mod.manifest = manifest
        if manifest is None:
            return None
        file = self.manifest_file
        if manifest.id != self.mod.folder.name:
            self.warn(file, "$.id", f"the mod's id is '{manifest.id}' but its folder is '{self.mod.folder.name}'",
                      "name the folder after the id so players can find it")
        if not in_range(GAME_VERSION, manifest.game):
            self.problem(file, "$.game", f"the mod is for game versions '{manifest.game}'; this game is {GAME_VERSION}")
        for i, need in enumerate(manifest.requires):
            other = self.loaded.get(need.id)
            where = f"$.requires[{i}]"
            if other is None or other.manifest is None:
                self.problem(file, where, f"needs mod '{need.id}', which is not installed and enabled (or loads "
                                          "later)", "install and enable it in the Mods screen")
            elif not other.ok:
                self.problem(file, where, f"needs mod '{need.id}', which has errors")
            elif not in_range(other.manifest.version, need.versions):
                self.problem(file, where, f"needs mod '{need.id}' {need.versions}; version "
                                          f"{other.manifest.version} is installed")
        return manifest

    def requirements(self, manifest: ModManifest) -> list[LoadedMod]:
        """The mods this one needs, transitively, in the order they loaded."""
        order: list[LoadedMod] = []
        todo = [r.id for r in manifest.requires]
        seen: set[str] = set()
        while todo:
            mod_id = todo.pop()
            other = self.loaded.get(mod_id)
            if mod_id in seen or other is None or other.manifest is None:
                continue
            seen.add(mod_id)
            order.append(other)
            todo += [r.id for r in other.manifest.requires]
        ranking = list(self.loaded)
        return sorted(order, key=lambda m: ranking.index(m.id))

    def catalog(self, manifest: ModManifest, needed: list[LoadedMod]) -> None:
        catalog, kinds = base_catalog(), ()
        for other in needed:
            catalog, kinds = merge_catalog(catalog, other.additions), merge_kinds(kinds, other.additions.patrol_kinds)
        if manifest.catalog is not None:
            path = self.path(manifest.catalog, "$.catalog")
            if path is not None:
                self.mod.checked.append(path)
                parsed = read_model(path, "catalog", ModCatalog)
                self.mod.problems += parsed.problems
                if parsed.model is not None:
                    self.mod.additions = parsed.model
                    for kind, attr in CATALOG_KINDS:
                        for i, item in enumerate(getattr(parsed.model, attr)):
                            self.claim(kind, item.id, str(path), f"$.{attr}[{i}].id")
        catalog = merge_catalog(catalog, self.mod.additions)
        for problem in catalog_problems("", catalog):
            self._place_catalog_problem(problem, catalog)
        self.mod.catalog = catalog
        self.mod.patrol_kinds = merge_kinds(kinds, self.mod.additions.patrol_kinds)

    def _place_catalog_problem(self, problem: Problem, merged: Catalog) -> None:
        """A problem of the merged catalog, moved to where the mod's catalog file wrote the thing at fault."""
        head, _, rest = problem.where.partition("]")
        attr, _, index = head.removeprefix("$.").partition("[")
        if not index.isdigit():
            self.problem(self.catalog_file(), problem.where, problem.message, problem.hint)
            return
        item = getattr(merged, attr)[int(index)]
        mine = [x.id for x in getattr(self.mod.additions, attr)]
        where = f"$.{attr}[{mine.index(item.id)}]{rest}" if item.id in mine else f"$.{attr} ('{item.id}')"
        self.problem(self.catalog_file(), where, problem.message, problem.hint)

    def catalog_file(self) -> str:
        manifest = self.mod.manifest
        return str(self.mod.folder / manifest.catalog) if manifest and manifest.catalog else self.manifest_file

    def music(self, manifest: ModManifest) -> None:
        if manifest.music is None:
            return
        folder = self.path(manifest.music, "$.music", want="folder")
        if folder is None:
            return
        checked = check_music_folder(folder)
        self.mod.problems += checked.problems
        self.mod.warnings += checked.warnings
        self.mod.music_dir = folder
        for track in checked.tracks:
            self.claim("track", track.id, str(track.path), "-")
            self.mod.checked.append(track.path)
        self.mod.tracks = checked.tracks

    def events(self, manifest: ModManifest) -> tuple[tuple[Any, ...], str]:
        if manifest.events is None:
            return (), ""
        path = self.path(manifest.events, "$.events")
        if path is None:
            return (), ""
        self.mod.checked.append(path)
        parsed = read_model(path, "events", ModEvents)
        self.mod.problems += parsed.problems
        return (tuple(parsed.model.events), str(path)) if parsed.model else ((), str(path))

    def codex(self, manifest: ModManifest) -> None:
        if manifest.codex is None:
            return
        path = self.path(manifest.codex, "$.codex")
        if path is None:
            return
        self.mod.checked.append(path)
        parsed = read_model(path, "codex", CodexFile)
        self.mod.problems += parsed.problems
        if parsed.model is not None:
            for i, entry in enumerate(parsed.model.entries):
                self.claim("codex", entry.id, str(path), f"$.entries[{i}].id")
            self.mod.codex = list(parsed.model.entries)

    def level(self, path: Path, context: LevelContext, kind: str) -> ModLevel | None:
        level, problems = check_level(path, context)
        self.mod.problems += problems
        self.mod.checked.append(path)
        if level is None:
            return None
        if level.kind != kind:
            where = "listed in a campaign's chapters" if kind == "campaign" else "listed under levels"
            self.problem(str(path), "$.kind", f"the level is a {level.kind} level but is {where}",
                         'set "kind" to "campaign" for chapters and "skirmish" for skirmish maps')
        self.claim("level", level.id, str(path), "$.id")
        catalog = context.the_catalog()
        self.mod.warnings += level_warnings(str(path), level)
        return ModLevel(path, level, catalog, context.music_dirs, self.mod.id)

    def campaign(self, rel: str, where: str, context: LevelContext) -> None:
        path = self.path(rel, where)
        if path is None:
            return
        self.mod.checked.append(path)
        parsed = read_model(path, "campaign", Campaign)
        self.mod.problems += parsed.problems
        if parsed.model is None:
            return
        self.claim("campaign", parsed.model.id, str(path), "$.id")
        chapters = []
        for j, chapter_rel in enumerate(parsed.model.chapters):
            found = resolve(self.mod.folder, chapter_rel, str(path), f"$.chapters[{j}]")
            if isinstance(found, Problem):
                self.mod.problems.append(found)
                continue
            chapter = self.level(found, context, "campaign")
            if chapter is not None:
                chapters.append(chapter)
        if len(chapters) == len(parsed.model.chapters):
            self.mod.campaigns.append(ModCampaign(path, parsed.model, tuple(chapters), self.mod.id))

    def unused_files(self, files: list[str]) -> None:
        used = {p.resolve() for p in self.mod.checked}
        music = self.mod.music_dir.resolve() if self.mod.music_dir else None
        for rel in files:
            path = (self.mod.folder / rel).resolve()
            if path in used or path.suffix in DOCUMENTS or path.name.endswith(".schema.json"):
                continue
            if music is not None and path.is_relative_to(music):
                continue
            self.warn(str(self.mod.folder / rel), "-", "not named in mod.json, so the game ignores this file",
                      "list it in mod.json (levels, campaigns, catalog, events, codex, music) or delete it")


def load_mod(folder: Path, taken: Taken | None = None, loaded: Mapping[str, LoadedMod] | None = None) -> LoadedMod:
    """Check one mod folder against the ids `taken` so far (default: the game's) and the mods `loaded`
    before it (its requirements must be among them). `taken` gains this mod's ids."""
    step = _Loader(Path(folder), taken if taken is not None else Taken.of_the_game(), loaded or {})
    mod = step.mod
    scanned = scan(mod.folder)
    mod.problems += scanned.problems
    if scanned.problems and not scanned.files:
        return mod
    manifest = step.manifest()
    if manifest is None:
        return mod
    needed = step.requirements(manifest)
    mod.requires = tuple(m.id for m in needed)
    step.catalog(manifest, needed)
    step.music(manifest)
    step.codex(manifest)
    events, events_file = step.events(manifest)
    music_dirs = tuple(m.music_dir for m in [*needed, mod] if m.music_dir is not None)
    context = LevelContext(mod.catalog, music_dirs, mod.patrol_kinds, events, events_file)
    for i, rel in enumerate(manifest.levels):
        path = step.path(rel, f"$.levels[{i}]")
        if path is not None:
            level = step.level(path, context, "skirmish")
            if level is not None:
                mod.levels.append(level)
    for i, rel in enumerate(manifest.campaigns):
        step.campaign(rel, f"$.campaigns[{i}]", context)
    for i, ref in enumerate(manifest.overrides):
        kind, _, item = ref.partition(":")
        if step.taken.owner(kind, item) != mod.owner:
            step.warn(step.manifest_file, f"$.overrides[{i}]", f"overrides {ref}, but this mod does not define it")
    step.unused_files(scanned.files)
    if manifest.catalog is not None and not mod.problems:  # with a level broken, "unused" would be noise
        played = [m.level for m in mod.levels] + [c.level for camp in mod.campaigns for c in camp.chapters]
        mod.warnings += unused_additions(step.catalog_file(), mod.additions, played)
    return mod
