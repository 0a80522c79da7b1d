"""A mod folder as a fenced area: paths a mod names stay inside it, and the folder itself is bounded.

A path in a mod file is relative, written with `/`, has no `..` part, and resolves (links followed) to a
place inside the mod folder. The folder holds at most MAX_MOD_FILES files, MAX_MOD_BYTES in all, nested at
most MAX_MOD_DEPTH folders deep, and no link that points outside it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from game.content.errors import Problem
from game.content.limits import MAX_MOD_BYTES, MAX_MOD_DEPTH, MAX_MOD_FILES
from game.content.reading import size_text


@dataclass
class FolderScan:
    """Every regular file found in a mod folder (relative, posix-style), and what was wrong with the folder."""

    files: list[str] = field(default_factory=list)
    total_bytes: int = 0
    problems: list[Problem] = field(default_factory=list)


def inside(root: Path, target: Path) -> bool:
    """Whether `target`, with every link resolved, lies within `root` (also resolved)."""
    try:
        return target.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False


def scan(root: Path) -> FolderScan:
    """Walk the mod folder without following links, recording files and any limit or fence broken."""
    result = FolderScan()
    root_text = str(root)
    for here, dirs, files in os.walk(root, followlinks=False):
        rel_dir = Path(here).relative_to(root)
        depth = len(rel_dir.parts)
        for name in sorted(dirs):
            path = Path(here) / name
            if path.is_symlink() and not inside(root, path):
                result.problems.append(Problem(str(path), "-", "this folder is a link that leads outside the mod "
                                                               "folder; a mod may only use its own files"))
        if depth >= MAX_MOD_DEPTH:
            result.problems.append(Problem(here, "-", f"folders nest deeper than {MAX_MOD_DEPTH} levels inside the mod"))
            dirs[:] = []
        dirs.sort()
        for name in sorted(files):
            path = Path(here) / name
            if path.is_symlink() and not inside(root, path):
                result.problems.append(Problem(str(path), "-", "this file is a link that leads outside the mod "
                                                               "folder; a mod may only use its own files"))
                continue
            try:
                result.total_bytes += path.lstat().st_size
            except OSError:
                continue
            result.files.append((rel_dir / name).as_posix())
            if len(result.files) > MAX_MOD_FILES:
                result.problems.append(Problem(root_text, "-", f"the mod has more than {MAX_MOD_FILES} files"))
                return result
    if result.total_bytes > MAX_MOD_BYTES:
        result.problems.append(Problem(root_text, "-", f"the mod's files add up to {size_text(result.total_bytes)}; "
                                                       f"a mod may be at most {size_text(MAX_MOD_BYTES)}"))
    return result


def resolve(root: Path, rel: str, file: str, where: str, want: str = "file") -> Path | Problem:
    """The path `rel` names inside the mod folder `root`, or a Problem (at `file`, `where`) saying why not.
    `want` is "file" or "folder"."""
    hint = "write a path relative to the mod folder with '/', such as levels/my_city.json"
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in rel):
        return Problem(file, where, f"{rel!r} has a control character in it (a file name cannot)", hint)
    if "\\" in rel:
        return Problem(file, where, f"'{rel}' uses '\\'; write paths with '/'", hint)
    pure = PurePosixPath(rel)
    if pure.is_absolute() or (len(rel) > 1 and rel[1] == ":"):
        return Problem(file, where, f"'{rel}' is an absolute path; a mod may only name its own files", hint)
    if ".." in pure.parts:
        return Problem(file, where, f"'{rel}' climbs out with '..'; a mod may only name its own files", hint)
    path = root.joinpath(*pure.parts)
    if not inside(root, path):
        return Problem(file, where, f"'{rel}' leads outside the mod folder (through a link)", hint)
    if want == "folder":
        return path if path.is_dir() else Problem(file, where, f"there is no folder '{rel}' in the mod")
    if not path.is_file():
        return Problem(file, where, f"there is no file '{rel}' in the mod", hint)
    return path
