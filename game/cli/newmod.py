"""`python main.py newmod NAME`: write a working skeleton mod to start from.

The skeleton is a mod folder (in the user's mods folder unless `--into` says otherwise) with a `mod.json`, a
generated city (`levels/<id>.json`), a catalog with one new lathe part (`catalog.json`) and one new track
(`music/<id>_theme.json`, an original score). It validates without a problem and plays as it is; MODDING.md
walks through changing each file. Nothing is ever overwritten.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path
from typing import Any

SCHEMAS = Path(__file__).resolve().parents[2] / "levels"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help='the mod\'s name as players see it, e.g. "Vyborg Side"')
    parser.add_argument("--into", type=Path, default=None,
                        help="folder to create the mod in (default: your mods folder, see MODDING.md)")
    parser.add_argument("--seed", type=int, default=1956, help="seed of the generated city (default 1956)")


def mod_id(name: str) -> str:
    """A lower_snake_case id from a name: 'Vyborg Side' -> 'vyborg_side'."""
    words = re.findall(r"[a-z0-9]+", name.lower())
    return "_".join(words)[:40].strip("_")


def _schema_ref(file: Path, schema: str) -> str:
    """How `file` names a published schema: a relative path inside the game's folder, else a file URI."""
    target = SCHEMAS / schema
    if file.resolve().is_relative_to(SCHEMAS.parent):
        return Path(os.path.relpath(target, file.resolve().parent)).as_posix()
    return target.as_uri()


def _write(path: Path, data: dict[str, Any] | str, schema: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
        return
    if schema:
        data = {"$schema": _schema_ref(path, schema), **data}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def skeleton(folder: Path, name: str, ident: str, seed: int) -> list[Path]:
    """Write the skeleton mod into `folder` (which must not exist); returns the files written."""
    from game.content.citygen import CitySpec
    from game.content.citylevel import new_level
    from game.content.levelfmt import dump_level

    track, part = f"{ident}_theme", f"{ident}_cutter"
    folder.mkdir(parents=True)
    files = {
        "mod.json": ({"schema_version": 1, "id": ident, "name": name, "version": "0.1.0", "author": "",
                      "description": f"{name}: a new city, a new track and a new lathe part.",
                      "game": ">=0.1, <1", "levels": [f"levels/{ident}.json"], "catalog": "catalog.json",
                      "music": "music"}, "mod.schema.json"),
        "catalog.json": ({"schema_version": 1, "parts": [
            {"id": part, "name": "Home-made cutting stylus", "slot": "cutter", "price": 60, "wear_per_cut": 0.025,
             "description": "Ground from a gramophone needle and set in a brass holder.",
             "cutter": {"bandwidth_hz": 5000, "low_cut_hz": 120, "groove_noise": 0.028, "tracing_distortion": 0.3}}]},
            "mod_catalog.schema.json"),
        f"music/{track}.json": ({"id": track, "title": f"{name} Theme", "composer": "", "year": 1956, "genre": "jazz",
                                 "tempo": 120, "meter": 4, "swing": 0.62, "lead": "clarinet",
                                 "style": {"bass": "walking", "comp": "swing_chords", "drums": "brushes"},
                                 "sections": {"A": {"chords": "C | A7 | Dm7 | G7 | C | A7 | Dm7 G7 | C",
                                                    "melody": "E4:1 G4 A4 G4 E4:2 C#4:2 D4:1 F4 A4 C5 B4:3 r:1 "
                                                              "E4:1 G4 A4 G4 A4:2 G4:2 F4:1 E4 D4 B3 C4:3 r:1"}},
                                 "form": ["A", {"section": "A", "lead": "trumpet"}, {"section": "A", "solo": "piano"},
                                          "A"]}, "score.schema.json"),
    }
    masters = [{"id": f"m_{track}", "track": track, "title": f"{name} Theme", "genre": "jazz",
                "source_quality": 0.8, "price": 90},
               {"id": "m_st_louis", "track": "st_louis_blues", "title": "St. Louis Blues", "genre": "jazz",
                "source_quality": 0.85, "price": 120},
               {"id": "m_cumparsita", "track": "la_cumparsita", "title": "La Cumparsita", "genre": "tango",
                "source_quality": 0.85, "price": 70}]
    level = new_level(ident, name, masters, [part, "gramophone_needle", "homemade_valve_amp"],
                      {"jazz": 1.3, "tango": 1.1, "swing": 1.0},
                      CitySpec(24, 18, seed=seed, block=(3, 5), rivers=((0.55, 2, 3),), meander=False))
    written = []
    for rel, (data, schema) in files.items():
        _write(folder / rel, data, schema)
        written.append(folder / rel)
    level_path = folder / "levels" / f"{ident}.json"
    level = {"$schema": _schema_ref(level_path, "schema.json"), **level}
    _write(level_path, dump_level(level))
    written.append(level_path)
    return written


def run(args: argparse.Namespace) -> int:
    from game.content.modset import user_mods_dir

    ident = mod_id(args.name)
    if not ident:
        print(f"'{args.name}' has no letters or digits to make an id from; try a name like \"Vyborg Side\"")
        return 1
    folder = (args.into or user_mods_dir()) / ident
    if folder.exists():
        print(f"{folder} already exists; nothing was written (pick another name or remove that folder)")
        return 1
    for path in skeleton(folder, args.name, ident, args.seed):
        print(f"wrote {path}")
    print(f"\nNext: python3 main.py validate {folder}\n      then turn it on in the game's Mods screen "
          "(see MODDING.md).")
    return 0
