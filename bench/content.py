"""Benchmark: how long content checks take on the largest shipped level, on a mod at the size limits, and on
each class of broken file a modder can write (every answer should take well under a second).

Every time is also printed as a ratio to a reference measured in the same run: parsing the largest shipped
level with plain `json.loads` (these machines are noisy; ratios drift less than absolute times).
Last line: `largest_level_ms <ms> limit_mod_ms <ms> worst_error_ms <ms>`.

    python bench/content.py [--copies 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.cli.newmod import skeleton  # noqa: E402
from game.content import limits  # noqa: E402
from game.content.citygen import LEGEND, City, CitySpec  # noqa: E402
from game.content.levelfmt import dump_level  # noqa: E402
from game.content.loader import check_level  # noqa: E402
from game.content.modload import load_mod  # noqa: E402

LARGEST = ROOT / "levels" / "skirmish" / "leningrad_1957.json"
TRACKS = ["st_louis_blues", "la_cumparsita", "maple_leaf_rag", "ochi_chyornye"]


def timed(work: Callable[[], Any], repeat: int = 5) -> tuple[float, Any]:
    """Median wall time in ms over `repeat` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def limit_level(ident: str) -> dict[str, Any]:
    """A level with every list at its limit on the largest map, within the file size limit."""
    side = limits.MAX_MAP_SIDE
    city = City(CitySpec(side, side, seed=7, block=(5, 9), rivers=((0.3, 3, 6), (0.7, 3, 6)), canals=((0.5, 2),)))
    tiles = sorted(city.reachable)
    n = limits.MAX_LIST
    step = max(1, len(tiles) // (n + 1))
    spots = tiles[::step]
    kinds = ["workshop"] * limits.MAX_PLAYERS + ["hospital", "market", "buyer", "contact", "dance_hall",
                                                  "militia_station"] * n
    masters = [{"id": f"m_{i}", "track": TRACKS[i % 4], "title": f"Master {i}", "genre": "jazz",
                "source_quality": 0.7, "price": 50} for i in range(n)]
    sites = []
    for i in range(n):
        kind = kinds[i]
        site: dict[str, Any] = {"id": f"s_{i}", "kind": kind, "name": f"Site {i}", "at": list(spots[i])}
        if kind == "hospital":
            site["films"] = {"chest": 5}
        elif kind in ("market", "buyer", "dance_hall"):
            site["demand"] = {"jazz": 1.2}
        elif kind == "contact":
            site["masters"] = [f"m_{i}", f"m_{(i + 1) % n}"]
        sites.append(site)
    route_len = 24  # 500 patrols of 64 waypoints would pass 1 MB; the file limit binds first
    patrols = [{"id": f"p_{i}", "kind": "militia", "route": [list(spots[(i * 7 + k * 13) % len(spots)])
                                                             for k in range(route_len)]} for i in range(n)]
    start = dt.date(1950, 1, 1)
    events = [{"id": f"e_{i}", "date": (start + dt.timedelta(days=i)).isoformat(), "title": f"Event {i}",
               "text": "Something happens.", "demand": [{"genre": "jazz", "factor": 1.1}]} for i in range(n)]
    return {"schema_version": 1, "id": ident, "name": "At the limits", "kind": "skirmish",
            "players": [2, limits.MAX_PLAYERS],
            "calendar": {"start": start.isoformat(), "end": (start + dt.timedelta(days=limits.MAX_TURNS)).isoformat()},
            "map": {"legend": LEGEND, "rows": city.rows()}, "sites": sites, "masters": masters, "patrols": patrols,
            "start": {"lathe": {"motor": "spring_gramophone", "platter": "burned_hole", "cutter": "sewing_needle",
                                "amplifier": "radio_set_amp"}}, "events": events}


def limit_mod(folder: Path, copies: int) -> Path:
    """A skeleton mod grown to the limits: `copies` levels at the limits, a catalog with MAX_LIST parts, a
    WAV of the longest length at the highest rate, and small files up to the file count."""
    skeleton(folder, "Limits", "limits", 1)
    level = limit_level("limits_0")
    text = dump_level(level)
    assert len(text.encode()) <= limits.MAX_JSON_BYTES["level"], len(text.encode())
    names = []
    for i in range(copies):
        path = folder / "levels" / f"limits_{i}.json"
        path.write_text(text.replace('"id": "limits_0"', f'"id": "limits_{i}"', 1), encoding="utf-8")
        names.append(f"levels/limits_{i}.json")
    manifest = json.loads((folder / "mod.json").read_text(encoding="utf-8"))
    manifest["levels"] += names
    (folder / "mod.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    catalog = json.loads((folder / "catalog.json").read_text(encoding="utf-8"))
    part = catalog["parts"][0]
    catalog["parts"] += [dict(part, id=f"limits_part_{i}") for i in range(limits.MAX_LIST - 1)]
    (folder / "catalog.json").write_text(json.dumps(catalog), encoding="utf-8")
    rate = max(limits.WAV_RATES)
    with wave.open(str(folder / "music" / "longest.wav"), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\x00\x01" * int(limits.MAX_TRACK_SECONDS * rate))
    count = sum(1 for _ in folder.rglob("*") if _.is_file())
    for i in range(limits.MAX_MOD_FILES - count):
        (folder / f"note_{i}.txt").write_text("notes", encoding="utf-8")
    return folder


def error_cases(tmp: Path) -> dict[str, Path]:
    """One broken file or folder per class of mistake."""
    base = json.loads((ROOT / "levels" / "skirmish" / "ligovka_nights.json").read_text(encoding="utf-8"))
    cases: dict[str, Path] = {}

    def level(name: str, change: Callable[[dict[str, Any]], Any] | None = None, text: str | None = None) -> None:
        data = json.loads(json.dumps(base))
        if change:
            change(data)
        path = tmp / f"{name}.json"
        path.write_text(text if text is not None else json.dumps(data, allow_nan=True), encoding="utf-8")
        cases[name] = path

    level("nan_demand", lambda d: d["sites"][3]["demand"].update(jazz=float("nan")))
    level("infinite_demand", lambda d: d["sites"][3]["demand"].update(jazz=float("inf")))
    level("negative_demand", lambda d: d["sites"][3]["demand"].update(jazz=-1.0))
    level("calendar_to_9999", lambda d: d["calendar"].update(end="9999-12-31"))
    level("empty_row", lambda d: d["map"]["rows"].__setitem__(0, ""))
    level("schema_and_semantic", lambda d: (d["masters"][0].update(price="x"), d["sites"][2].update(at=[1, 1])))
    level("deep_nesting_200k", text='{"id": ' + "[" * 200_000 + "]" * 200_000 + "}")
    level("huge_integer", text=json.dumps(base).replace('"money": 150', '"money": ' + "9" * 5000))
    patrol = base["patrols"][0]
    many = dict(base, patrols=[dict(patrol, id=f"p{i}") for i in range(400_000)])
    path = tmp / "patrols_400k.json"
    path.write_text(json.dumps(many), encoding="utf-8")
    cases[f"patrols_400k ({path.stat().st_size / 2**20:.0f} MB)"] = path
    path = tmp / "map_10000x10000.json"
    with open(path, "wb") as f:
        f.write(b'{"map": {"rows": ["')
        f.truncate(10_000 * 10_001)
    cases["map_10000x10000 (95 MB)"] = path
    mod = tmp / "escaping_mod"
    skeleton(mod, "Escaping", "escaping", 1)
    manifest = json.loads((mod / "mod.json").read_text(encoding="utf-8"))
    manifest["levels"] = ["../../etc/passwd", "/etc/passwd"]
    (mod / "mod.json").write_text(json.dumps(manifest), encoding="utf-8")
    os.symlink("/etc", mod / "link_out")
    cases["mod: path traversal and a link out"] = mod
    wav_mod = tmp / "wav_mod"
    skeleton(wav_mod, "Wav", "wav_mod", 1)
    with open(wav_mod / "music" / "big.wav", "wb") as f:
        f.truncate(limits.MAX_WAV_BYTES + 1)
    cases["mod: oversized WAV"] = wav_mod

    def mod_case(name: str, ident: str, change: Callable[[Path], Any]) -> None:
        folder = tmp / ident
        skeleton(folder, ident, ident, 1)
        change(folder)
        cases[name] = folder

    def slow_wav(folder: Path) -> None:
        with wave.open(str(folder / "music" / "slow.wav"), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(8000)
            w.writeframes(b"\0\0" * 16000)

    def bad_chord(folder: Path) -> None:
        score = folder / "music" / f"{folder.name}_theme.json"
        score.write_text(score.read_text(encoding="utf-8").replace("A7", "H7", 1), encoding="utf-8")

    def conflict(folder: Path) -> None:
        catalog = folder / "catalog.json"
        catalog.write_text(catalog.read_text(encoding="utf-8").replace(f"{folder.name}_cutter", "sapphire_stylus"),
                           encoding="utf-8")

    def crowded(folder: Path) -> None:
        for i in range(limits.MAX_MOD_FILES + 1):
            (folder / f"note_{i}.txt").write_text("x", encoding="utf-8")

    mod_case("mod: WAV at 8000 Hz", "slow_wav", slow_wav)
    mod_case("mod: a bad chord in a score", "bad_chord", bad_chord)
    mod_case("mod: a part id the game has, no override", "conflict", conflict)
    mod_case(f"mod: {limits.MAX_MOD_FILES + 1} files", "crowded", crowded)
    return cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3, help="levels at the limits in the limit mod (default 3)")
    args = parser.parse_args()

    text = LARGEST.read_text(encoding="utf-8")
    ref_ms, _ = timed(lambda: json.loads(text), repeat=21)
    print(f"reference: json.loads of {LARGEST.name} ({len(text) / 1024:.0f} kB): {ref_ms:.2f} ms")

    big_ms, (level, problems) = timed(lambda: check_level(LARGEST))
    assert level is not None and not problems
    print(f"validate {LARGEST.name} ({len(level.map.rows[0])}x{len(level.map.rows)}, {len(level.patrols)} patrols): "
          f"{big_ms:.1f} ms = {big_ms / ref_ms:.0f}x reference")

    with tempfile.TemporaryDirectory() as tmp:
        folder = limit_mod(Path(tmp) / "limits", args.copies)
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        files = sum(1 for p in folder.rglob("*") if p.is_file())
        one = folder / "levels" / "limits_0.json"
        one_ms, (lv, problems) = timed(lambda: check_level(one), repeat=3)
        assert lv is not None, [str(p) for p in problems[:5]]
        print(f"validate one level at the limits ({one.stat().st_size / 1024:.0f} kB, "
              f"{limits.MAX_MAP_SIDE}x{limits.MAX_MAP_SIDE}, {limits.MAX_LIST} sites/masters/patrols/events, "
              f"{limits.MAX_TURNS} turns): {one_ms:.0f} ms = {one_ms / ref_ms:.0f}x reference")
        mod_ms, mod = timed(lambda: load_mod(folder), repeat=3)
        assert mod.ok, [p.full() for p in mod.problems[:5]]
        print(f"validate a mod at the limits ({files} files, {size / 2**20:.1f} MB, {args.copies} such levels, "
              f"{limits.MAX_LIST} parts, a {limits.MAX_TRACK_SECONDS:.0f} s WAV): {mod_ms:.0f} ms "
              f"= {mod_ms / ref_ms:.0f}x reference")

    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        print("broken files (each must answer in well under a second):")
        for name, path in error_cases(Path(tmp)).items():
            if path.is_dir():
                ms, mod = timed(lambda p=path: load_mod(p), repeat=3)
                first = mod.problems[0] if mod.problems else None
            else:
                ms, (_, found) = timed(lambda p=path: check_level(p), repeat=3)
                first = found[0] if found else None
            assert first is not None, name
            worst = max(worst, ms)
            print(f"  {name:<40} {ms:7.1f} ms  {ms / ref_ms:6.0f}x  {first.where}: {first.message[:70]}")
    print(f"largest_level_ms {big_ms:.1f} limit_mod_ms {mod_ms:.0f} worst_error_ms {worst:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
