"""The installed mods: where they live, which ones the player enabled (saved between games), the order they
load in, and what the enabled, error-free ones add to the game.

Mods live in the user's mods folder (`$XDG_DATA_HOME/bone-music/mods`, else `~/.local/share/bone-music/mods`)
and in `mods/` beside the game (bundled examples). The enabled list is `mods.json` in the config folder
(`$XDG_CONFIG_HOME/bone-music/`, else `~/.config/bone-music/`). Load order: a mod loads after the mods it
requires or names in `load_after` (when enabled); otherwise in the order the player enabled them. A mod with
any problem is not loaded, and neither is a mod that requires it; the others go on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from game.content.atomic import write_atomically
from game.content.catalog import base_catalog
from game.content.errors import ContentError, Problem
from game.content.limits import MAX_MODS
from game.content.loader import check_level
from game.content.models import Id
from game.content.modload import LoadedMod, ModCampaign, ModLevel, Taken, load_mod, read_manifest
from game.content.modmodels import CodexEntry, ModManifest
from game.content.reading import read_model

BUNDLED_DIR = Path(__file__).resolve().parents[2] / "mods"


def user_mods_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "bone-music" / "mods"


def mods_dirs() -> list[Path]:
    """Where mods are looked for, the player's own folder first."""
    return [user_mods_dir(), BUNDLED_DIR]


def state_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "bone-music" / "mods.json"


class ModState(BaseModel):
    """`mods.json`: the mods the player enabled, in the order they enabled them."""

    model_config = ConfigDict(extra="forbid")
    enabled: list[Id] = Field(default_factory=list, max_length=MAX_MODS)


def read_state(path: Path | None = None) -> tuple[ModState, list[Problem]]:
    """The saved choice (nothing enabled if there is no file; a broken file is reported and ignored)."""
    path = path or state_path()
    if not path.exists():
        return ModState(), []
    parsed = read_model(path, "mod", ModState)
    return (parsed.model or ModState()), parsed.problems


def write_state(state: ModState, path: Path | None = None) -> None:
    """Save atomically: a temporary file in the same folder, then renamed over the old one."""
    write_atomically(path or state_path(), state.model_dump_json(indent=2) + "\n")


@dataclass(frozen=True)
class Installed:
    """A mod folder found on disk, with its manifest (None if mod.json is broken)."""

    folder: Path
    manifest: ModManifest | None
    problems: tuple[Problem, ...] = ()

    @property
    def id(self) -> str:
        return self.manifest.id if self.manifest else self.folder.name


def discover(dirs: Sequence[Path] | None = None) -> tuple[list[Installed], list[Problem]]:
    """Every folder with a mod.json directly inside one of `dirs`. A mod id found twice is reported and the
    first copy (the player's own folder comes first) is the one used."""
    found: list[Installed] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for base in dirs if dirs is not None else mods_dirs():
        if not base.is_dir():
            continue
        folders = sorted(p for p in base.iterdir() if (p / "mod.json").is_file())
        if len(folders) > MAX_MODS:
            problems.append(Problem(str(base), "-", f"more than {MAX_MODS} mods; only the first {MAX_MODS} are read"))
        for folder in folders[:MAX_MODS]:
            manifest, manifest_problems = read_manifest(folder)
            mod = Installed(folder, manifest, tuple(manifest_problems))
            if mod.id in seen:
                problems.append(Problem(str(folder / "mod.json"), "$.id", f"mod '{mod.id}' is installed twice; the "
                                                                           f"copy in {seen[mod.id]} is used",
                                        "remove one of the two folders"))
                continue
            seen[mod.id] = folder
            found.append(mod)
    return found, problems


def load_order(installed: Sequence[Installed], enabled: Sequence[str]) -> tuple[list[str], list[Problem]]:
    """The enabled mods in load order: after what they require or `load_after` (if enabled), else in the
    order they were enabled. Mods in a circle of requirements come last and are reported."""
    by_id = {m.id: m for m in installed}
    wanted = [i for i in dict.fromkeys(enabled) if i in by_id]
    before: dict[str, set[str]] = {}
    for mod_id in wanted:
        manifest = by_id[mod_id].manifest
        names = [r.id for r in manifest.requires] + list(manifest.load_after) if manifest else []
        before[mod_id] = {n for n in names if n in wanted and n != mod_id}
    order: list[str] = []
    while len(order) < len(wanted):
        ready = [m for m in wanted if m not in order and before[m] <= set(order)]
        if not ready:
            stuck = [m for m in wanted if m not in order]
            problems = [Problem(str(by_id[m].folder / "mod.json"), "$.requires",
                                f"mods {', '.join(stuck)} wait for each other in a circle (requires / load_after)")
                        for m in stuck]
            return order + stuck, problems
        order.append(ready[0])
    return order, []


@dataclass
class ModSet:
    """The outcome of loading the installed mods: each enabled one in load order (with its problems), each
    disabled one checked on its own (so the Mods screen can show its errors), and problems of the whole."""

    installed: list[Installed] = field(default_factory=list)
    enabled: list[str] = field(default_factory=list)
    loaded: dict[str, LoadedMod] = field(default_factory=dict)
    disabled: dict[str, LoadedMod] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def active(self) -> list[LoadedMod]:
        """The enabled mods that load without a problem, in load order."""
        return [m for m in self.loaded.values() if m.ok]

    def levels(self) -> list[ModLevel]:
        return [level for mod in self.active() for level in mod.levels]

    def campaigns(self) -> list[ModCampaign]:
        return [c for mod in self.active() for c in mod.campaigns]

    def music_dirs(self) -> list[Path]:
        return [mod.music_dir for mod in self.active() if mod.music_dir is not None]

    def codex(self) -> list[CodexEntry]:
        return [entry for mod in self.active() for entry in mod.codex]

    def status(self, mod_id: str) -> LoadedMod | None:
        return self.loaded.get(mod_id) or self.disabled.get(mod_id)


def _load_in_order(order: Iterable[str], by_id: dict[str, Installed], taken: Taken) -> dict[str, LoadedMod]:
    loaded: dict[str, LoadedMod] = {}
    for mod_id in order:
        mod = load_mod(by_id[mod_id].folder, taken, loaded)
        loaded[mod_id] = mod
    return loaded


def requirement_closure(mod_id: str, by_id: dict[str, Installed]) -> list[str]:
    """`mod_id` and every installed mod it requires, directly or not."""
    found: list[str] = []
    todo = [mod_id]
    while todo:
        current = todo.pop()
        if current in found or current not in by_id:
            continue
        found.append(current)
        manifest = by_id[current].manifest
        todo += [r.id for r in manifest.requires] if manifest else []
    return found


def check_alone(mod_id: str, installed: Sequence[Installed], codex_ids: Iterable[str] = ()) -> LoadedMod:
    """One installed mod checked with just the mods it requires loaded before it."""
    by_id = {m.id: m for m in installed}
    closure = requirement_closure(mod_id, by_id)
    order, _ = load_order(installed, list(reversed(closure)))
    order = [m for m in order if m != mod_id] + [mod_id]
    return _load_in_order(order, by_id, Taken.of_the_game(codex_ids))[mod_id]


def load_mods(dirs: Sequence[Path] | None = None, enabled: Sequence[str] | None = None,
              codex_ids: Iterable[str] = (), check_disabled: bool = True) -> ModSet:
    """Discover the installed mods and load the enabled ones (default: the saved choice)."""
    codex_ids = tuple(codex_ids)
    installed, problems = discover(dirs)
    if enabled is None:
        state, state_problems = read_state()
        enabled, problems = state.enabled, problems + state_problems
    by_id = {m.id: m for m in installed}
    for mod_id in enabled:
        if mod_id not in by_id:
            problems.append(Problem(str(state_path()), "$.enabled", f"mod '{mod_id}' is enabled but not installed"))
    order, order_problems = load_order(installed, enabled)
    result = ModSet(installed, list(order), problems=problems + order_problems)
    result.loaded = _load_in_order(order, by_id, Taken.of_the_game(codex_ids))
    if check_disabled:
        for mod in installed:
            if mod.id not in result.loaded:
                result.disabled[mod.id] = check_alone(mod.id, installed, codex_ids)
    return result


def mod_folder_of(path: Path) -> Path | None:
    """The mod folder holding `path` (the path itself or up to three folders up), if any."""
    path = Path(path)
    for folder in [path if path.is_dir() else path.parent, *list(path.parents)[:3]]:
        if (folder / "mod.json").is_file():
            return folder
    return None


def check_mod_folder(folder: Path, dirs: Sequence[Path] | None = None, codex_ids: Iterable[str] = ()) -> LoadedMod:
    """The mod in `folder`, checked with the mods it requires (found beside it or in the mods folders)."""
    manifest, problems = read_manifest(folder)
    target = Installed(folder, manifest, tuple(problems))
    others, _ = discover([folder.parent, *(dirs if dirs is not None else mods_dirs())])
    return check_alone(target.id, [target, *(m for m in others if m.id != target.id)], codex_ids)


def playable_level(path: Path, dirs: Sequence[Path] | None = None) -> ModLevel:
    """A level file ready to play: inside a mod folder, with that mod's catalog, music and patrol kinds (the
    whole mod must be free of problems); else against the game's own catalog. ContentError otherwise."""
    path = Path(path)
    folder = mod_folder_of(path)
    if folder is None:
        level, problems = check_level(path)
        if level is None:
            raise ContentError(problems)
        return ModLevel(path, level, base_catalog(), (), "")
    mod = check_mod_folder(folder, dirs)
    if not mod.ok:
        raise ContentError(mod.problems)
    for candidate in [*mod.levels, *(c for camp in mod.campaigns for c in camp.chapters)]:
        if candidate.path.resolve() == path.resolve():
            return candidate
    raise ContentError.single(str(path), "-", f"this level is not listed in {folder / 'mod.json'}",
                              'add it to "levels" (or to a campaign\'s chapters)')
