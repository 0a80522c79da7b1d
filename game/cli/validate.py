"""`python main.py validate PATH...`: check level files, folders of levels and mod folders.

Prints `OK <path>` for each good file and `<file>: <where>: <message>` for every problem; exit 0 if all
files are good, else 1. Never imports pygame and never shows a traceback for bad content.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from game.content.errors import ContentError, Problem
from game.content.loader import level_files, load_catalog, load_level
from game.content.models import Catalog


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="level files, folders of levels (every *.json but schema files) or mod folders "
                             "(a folder with mod.json: its levels/*.json)")
    parser.add_argument("--catalog", type=Path, default=None, help="catalog to check levels against "
                                                                   "(default levels/catalog.json)")


def _targets(path: Path) -> tuple[list[Path], list[Path], list[str]]:
    """(files to check, extra music folders, notes) for one PATH argument."""
    if path.is_dir():
        if (path / "mod.json").is_file():
            note = f"note {path}: mod folder; only its levels/*.json are checked for now"
            return level_files(path / "levels"), [path / "music", path / "assets" / "music"], [note]
        return level_files(path), [], []
    return [path], [], []


def _check(file: Path, catalog: Catalog | None, music: list[Path]) -> list[Problem]:
    try:
        if file.name == "catalog.json":
            load_catalog(file)
        else:
            load_level(file, catalog, music)
    except ContentError as exc:
        return exc.problems
    except Exception as exc:  # noqa: BLE001 - a checker bug must still not show a traceback
        return [Problem(str(file), "-", f"internal error while checking: {type(exc).__name__}: {exc}")]
    return []


def run(args: argparse.Namespace) -> int:
    ok = True
    catalog: Catalog | None = None
    try:
        catalog = load_catalog(args.catalog) if args.catalog else load_catalog()
    except ContentError as exc:
        for problem in exc.problems:
            print(problem)
        return 1
    for raw in args.paths:
        path = Path(raw)
        if not path.exists():
            print(Problem(raw, "-", "no such file or folder"))
            ok = False
            continue
        files, music, notes = _targets(path)
        for note in notes:
            print(note)
        if path.is_dir() and not files:
            print(f"note {path}: no level files found")
        for file in files:
            problems = _check(file, catalog, music)
            for problem in problems:
                print(problem)
            if not problems:
                print(f"OK {file}")
            ok = ok and not problems
    return 0 if ok else 1
