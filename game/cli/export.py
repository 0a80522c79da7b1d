"""`python main.py export`: render a track through a lathe model to a 16-bit WAV, or list what can be
rendered. Presets are the catalog's lathe presets (worst first), films the catalog's X-ray film kinds."""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--list", action="store_true", help="list tracks, lathe presets (worst first) and films")
    parser.add_argument("--json", action="store_true", help="with --list: print JSON")
    parser.add_argument("--track", help="track id (see --list)")
    parser.add_argument("--lathe", default="workshop", help="lathe preset id (default: workshop)")
    parser.add_argument("--film", default="chest", help="X-ray film kind (default: chest)")
    parser.add_argument("--plays", type=int, default=0, help="times the record has been played (wear)")
    parser.add_argument("--generation", type=int, default=1, help="1 = cut from the master, 2 = a copy of a copy...")
    parser.add_argument("--seed", type=int, default=0, help="seed of the record's noise and clicks")
    parser.add_argument("--clean", action="store_true", help="export the clean master instead of a record")
    parser.add_argument("--seconds", type=float, default=None, help="only the first N seconds of the music")
    parser.add_argument("--out", help="output WAV file")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def listing() -> dict[str, list[dict]]:
    """{"tracks": [...], "presets": [...] (worst first), "films": [...]}."""
    from game.audio.library import list_tracks
    from game.content.catalog import base_catalog

    cat = base_catalog()
    return {
        "tracks": [{"id": t.id, "title": t.title, "genre": t.genre, "duration_s": t.duration_s,
                    "composer": t.composer, "year": t.year} for t in list_tracks()],
        "presets": [{"id": p.id, "name": p.name} for p in cat.presets],
        "films": [{"id": f.id, "name": f.name} for f in cat.films],
    }


def export_record(track_id: str, out: str, lathe: str = "workshop", film: str = "chest", plays: int = 0,
                  generation: int = 1, seed: int = 0, clean: bool = False, seconds: float | None = None,
                  progress=None) -> float:  # noqa: ANN001
    """Render `track_id` as a bone record cut on preset `lathe` onto `film`, copied `generation` times,
    played `plays` times, to a 16-bit mono 44.1 kHz WAV at `out`. Returns the duration in seconds."""
    from dataclasses import replace

    from game.audio.chain import RATE, render_record
    from game.audio.library import load_track
    from game.audio.wav import write_wav
    from game.core.presets import preset_profile

    music = load_track(track_id, (lambda f: progress(0.5 * f)) if progress else None)
    if seconds is not None:
        music = music[: int(seconds * RATE)]
    if clean:
        y = music
    else:
        profile = preset_profile(lathe, film)
        for _ in range(max(1, generation) - 1):
            profile = replace(preset_profile(lathe, film), parent=profile, generation=profile.generation + 1)
        y = render_record(music, profile, plays, seed, progress=(lambda f: progress(0.5 + 0.5 * f)) if progress else None)
    write_wav(out, y)
    if progress:
        progress(1.0)
    return len(y) / RATE


def run(args: argparse.Namespace) -> int:
    if args.list:
        data = listing()
        if args.json:
            print(json.dumps(data, ensure_ascii=False, indent=1))
        else:
            print("tracks:")
            for t in data["tracks"]:
                print(f"  {t['id']:22s} {t['genre']:14s} {t['duration_s']:6.1f} s  {t['title']} ({t['composer']}, {t['year']})")
            print("lathe presets (worst first):")
            for p in data["presets"]:
                print(f"  {p['id']:22s} {p['name']}")
            print("films:")
            for f in data["films"]:
                print(f"  {f['id']:22s} {f['name']}")
        return 0
    data = listing()
    errors = []
    if not args.track or not args.out:
        errors.append("--track and --out are required (or --list)")
    elif args.track not in {t["id"] for t in data["tracks"]}:
        errors.append(f"unknown track {args.track!r} (see --list)")
    if args.lathe not in {p["id"] for p in data["presets"]}:
        errors.append(f"unknown lathe preset {args.lathe!r} (see --list)")
    if args.film not in {f["id"] for f in data["films"]}:
        errors.append(f"unknown film {args.film!r} (see --list)")
    if args.plays < 0 or args.generation < 1:
        errors.append("--plays must be >= 0 and --generation >= 1")
    if errors:
        for e in errors:
            print(f"export: {e}", file=sys.stderr)
        return 2
    from game.audio.progress import TerminalBar

    bar = None if args.quiet else TerminalBar(f"{args.track} on {args.lathe}")
    dur = export_record(args.track, args.out, args.lathe, args.film, args.plays, args.generation, args.seed,
                        args.clean, args.seconds, bar)
    print(f"wrote {args.out}: {dur:.1f} s, 44.1 kHz 16-bit mono")
    return 0
