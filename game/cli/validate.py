"""`python main.py validate PATH...`: check levels, a mod folder, or a whole mods folder, naming every problem.

PATH may be a level file, a catalog.json, a folder of levels (with its campaign.json, if any), a campaign.json, a mod folder (it has a mod.json), a file inside
a mod (the whole mod is checked), or a folder of mods (each is checked; requirements among them are honoured).
Prints `error` lines (file, line/column or JSON path, message, and a hint), then `warning` lines (the content
loads, but probably not as meant), `OK <file>` for each good file, and a summary.
Exit status: 0 when nothing has an error (warnings allowed), 1 when something does, 2 when a check itself
failed: that is a bug in the game, shown with its traceback, never passed off as a mistake in the file.
Never imports pygame.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from game.content.campaigns import campaign_problems
from game.content.catalog import load_catalog
from game.content.errors import ContentError, Problem
from game.content.lint import level_warnings
from game.content.loader import LevelContext, check_level, level_files
from game.content.models import Catalog, Level
from game.content.modload import LoadedMod
from game.content.modset import ModSet, check_mod_folder, discover, load_mods, mod_folder_of

WarningProvider = Callable[[str, Level, Catalog], list[Problem]]
CAMPAIGN = "campaign.json"  # a campaign manifest in a folder of levels (levels/campaign/)

#: Warnings for every level that loads: each provider gets (file, level, catalog) and returns problems that are
#: printed as warnings, never as errors. One line adds a provider here (e.g. the engine's start fairness).
WARNING_PROVIDERS: list[WarningProvider] = [
    lambda file, level, catalog: level_warnings(file, level),
    lambda file, level, catalog: [Problem(file, "$.sites", text) for text in _start_warnings(level, catalog)],
]


def _start_warnings(level: Level, catalog: Catalog) -> list[str]:
    """The engine's judgement of the starts (`game.core.fairness`), loaded only when a level is checked."""
    from game.core.fairness import start_warnings

    return start_warnings(level, catalog)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="level files, catalog.json, folders of levels, mod folders or a folder of mods")
    parser.add_argument("--catalog", type=Path, default=None,
                        help="catalog to check plain levels against (default levels/catalog.json)")


@dataclass
class Report:
    """What one run found: errors, warnings, the files that passed, and internal failures."""

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    good: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    crashed: bool = False

    def level_warnings(self, file: str, level: Level, catalog: Catalog) -> None:
        for provider in WARNING_PROVIDERS:
            self.warnings += provider(file, level, catalog)


def _check_levels(files: list[Path], context: LevelContext, report: Report) -> None:
    for file in files:
        if file.name == "catalog.json":
            try:
                load_catalog(file)
            except ContentError as exc:
                report.errors += exc.problems
            else:
                report.good.append(str(file))
            continue
        level, problems = check_level(file, context)
        report.errors += problems
        if level is not None:
            report.good.append(str(file))
            report.level_warnings(str(file), level, context.the_catalog())


def _report_mod(mod: LoadedMod, report: Report) -> None:
    report.errors += mod.problems
    report.warnings += mod.warnings
    for level in [*mod.levels, *(c for camp in mod.campaigns for c in camp.chapters)]:
        report.level_warnings(str(level.path), level.level, level.catalog)
    report.good += [str(p) for p in mod.checked]  # the ones with errors are left out when printing
    if mod.ok:
        report.notes.append(f"mod '{mod.id}' {mod.manifest.version if mod.manifest else ''}: "
                            f"{len(mod.levels)} level(s), {len(mod.campaigns)} campaign(s), {len(mod.tracks)} "
                            f"track(s), {len(mod.codex)} Codex entr{'y' if len(mod.codex) == 1 else 'ies'}")


def _check_mods_folder(folder: Path, report: Report) -> None:
    installed, _ = discover([folder])
    result: ModSet = load_mods([folder], enabled=[m.id for m in installed], check_disabled=False)
    report.errors += result.problems
    for mod in result.loaded.values():
        _report_mod(mod, report)


def _check_path(path: Path, catalog: Catalog | None, report: Report) -> None:
    mod_folder = mod_folder_of(path)
    if mod_folder is not None:
        if mod_folder != path:
            report.notes.append(f"{path} is part of the mod in {mod_folder}: checking the whole mod")
        _report_mod(check_mod_folder(mod_folder), report)
    elif path.is_dir() and any((p / "mod.json").is_file() for p in path.iterdir()):
        _check_mods_folder(path, report)
    elif path.is_dir():
        files = level_files(path)
        if not files:
            report.notes.append(f"{path}: no level files found")
        _check_levels(files, LevelContext(catalog), report)
        if (path / CAMPAIGN).is_file():
            _check_campaign(path / CAMPAIGN, report)
    elif path.name == CAMPAIGN:
        _check_campaign(path, report)
    else:
        _check_levels([path], LevelContext(catalog), report)


def _check_campaign(path: Path, report: Report) -> None:
    """A campaign manifest outside a mod (the game's own): the manifest and every chapter it lists."""
    campaign, problems = campaign_problems(path)
    report.errors += problems
    if campaign is not None:
        report.good.append(str(path))
        for chapter in campaign.chapters:
            report.good.append(str(chapter.path))
            report.level_warnings(str(chapter.path), chapter.level, chapter.catalog)
        report.notes.append(f"campaign '{campaign.campaign.id}': {len(campaign.chapters)} chapter(s)")


def run(args: argparse.Namespace) -> int:
    report = Report()
    catalog: Catalog | None = None
    if args.catalog:
        try:
            catalog = load_catalog(args.catalog)
        except ContentError as exc:
            report.errors += exc.problems
    for raw in args.paths:
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            report.errors.append(Problem(raw, "-", "no such file or folder"))
            continue
        try:
            _check_path(path, catalog, report)
        except Exception:  # a bug in a check: say so plainly, with the traceback, and never blame the file
            report.crashed = True
            print(f"internal error while checking {raw}: this is a bug in the game, not a mistake in your "
                  "files; please report it with the text below", file=sys.stderr)
            traceback.print_exc()
    _print(report)
    return 2 if report.crashed else (1 if report.errors else 0)


def _print(report: Report) -> None:
    for note in report.notes:
        print(f"note {note}")
    for problem in dict.fromkeys(report.errors):
        print("error " + problem.full().replace("\n    hint:", "\n      hint:"))
    for problem in dict.fromkeys(report.warnings):
        print("warning " + problem.full().replace("\n    hint:", "\n        hint:"))
    bad_files = {p.file for p in report.errors}
    good = [f for f in dict.fromkeys(report.good) if f not in bad_files]
    for file in good:
        print(f"OK {file}")
    print(f"summary: {len(good)} file(s) OK, {len(set(report.errors))} error(s) in {len(bad_files)} file(s), "
          f"{len(set(report.warnings))} warning(s)")
