"""`python main.py export`: render a track (or a test tone) through a lathe model to a 16-bit WAV, or list
what can be rendered. Presets are the catalog's lathe presets (worst first), films the catalog's X-ray films.

    export --track la_cumparsita --lathe gramophone --film spine --plays 10 --out side.wav
    export --tone 1000 --lathe telefunken --seconds 10 --out tone.wav   (a -6 dBFS sine through the chain)
    export --list --json                                                (presets with their stated figures)
"""

from __future__ import annotations

import argparse
import json
import math
import sys

TONE_PEAK = 0.5  # -6 dBFS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--list", action="store_true", help="list tracks, lathe presets (worst first) and films")
    parser.add_argument("--json", action="store_true", help="with --list: print JSON")
    parser.add_argument("--track", help="track id (see --list)")
    parser.add_argument("--tone", type=float, default=None, metavar="HZ",
                        help="instead of music, a steady sine of HZ at -6 dBFS (default length 10 s)")
    parser.add_argument("--lathe", default="workshop", help="lathe preset id (default: workshop)")
    parser.add_argument("--film", default="chest", help="X-ray film kind (default: chest)")
    parser.add_argument("--plays", type=int, default=0, help="times the record has been played (wear)")
    parser.add_argument("--generation", type=int, default=1, help="1 = cut from the master, 2 = a copy of a copy...")
    parser.add_argument("--seed", type=int, default=None, help="seed of the record's noise, clicks and wow "
                        "(default: the record's own, from its profile)")
    parser.add_argument("--clean", action="store_true", help="export the clean master instead of a record")
    parser.add_argument("--seconds", type=float, default=None, help="only the first N seconds of the music")
    parser.add_argument("--out", help="output WAV file")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def preset_figures(preset_id: str) -> dict[str, float]:
    """The stated figures of a preset's new parts on chest film: what its cut profile says."""
    from game.core.presets import preset_profile

    p = preset_profile(preset_id)
    return {"bandwidth_hz": p.bandwidth_hz, "speed_error": p.speed_error, "speed_drift": p.speed_drift,
            "wow": p.wow, "flutter": p.flutter, "spindle_offset_mm": p.spindle_offset_mm}


def listing() -> dict[str, list[dict]]:
    """{"tracks": [...], "presets": [...] (worst first, with stated figures), "films": [...]}."""
    from game.audio.library import list_tracks
    from game.content.catalog import base_catalog

    cat = base_catalog()
    return {
        "tracks": [{"id": t.id, "title": t.title, "genre": t.genre, "duration_s": t.duration_s,
                    "composer": t.composer, "year": t.year} for t in list_tracks()],
        "presets": [{"id": p.id, "name": p.name, **preset_figures(p.id)} for p in cat.presets],
        "films": [{"id": f.id, "name": f.name, "diameter_in": f.diameter_in, "film_noise": f.film_noise,
                   "crackle_rate": f.crackle_rate, "max_plays": f.max_plays} for f in cat.films],
    }


def _profile(lathe: str, film: str, generation: int):  # noqa: ANN202
    """The preset's profile; a generation-g copy is cut on the same lathe from the (g-1)-th."""
    from game.content.catalog import base_catalog
    from game.core.lathe import cut_profile, preset_lathe
    from game.core.presets import preset_profile

    profile = preset_profile(lathe, film)
    cat = base_catalog()
    parts = {p.id: p for p in cat.parts}
    preset = next(p for p in cat.presets if p.id == lathe)
    film_kind = next(f for f in cat.films if f.id == film)
    for _ in range(max(1, generation) - 1):
        profile = cut_profile(preset_lathe(preset.parts), parts, film_kind, parent=profile)
    return profile


def tone(hz: float, seconds: float):  # noqa: ANN201
    """A steady sine of `hz` at -6 dBFS, `seconds` long, with 5 ms fades."""
    import numpy as np

    from game.audio.chain import RATE

    n = int(seconds * RATE)
    x = TONE_PEAK * np.sin(2 * math.pi * hz * np.arange(n) / RATE)
    fade = min(n // 2, int(0.005 * RATE))
    ramp = np.linspace(0.0, 1.0, fade)
    x[:fade] *= ramp
    x[n - fade :] *= ramp[::-1]
    return x.astype(np.float32)


def export_record(track_id: str | None, out: str, lathe: str = "workshop", film: str = "chest", plays: int = 0,
                  generation: int = 1, seed: int | None = None, clean: bool = False, seconds: float | None = None,
                  progress=None, tone_hz: float | None = None) -> float:  # noqa: ANN001
    """Render `track_id` (or a -6 dBFS sine of `tone_hz`) as a bone record cut on preset `lathe` onto `film`,
    copied `generation` times, played `plays` times, to a 16-bit mono 44.1 kHz WAV at `out`; the same
    samples the booth plays. Returns the duration in seconds."""
    from game.audio.chain import RATE, render_record
    from game.audio.wav import write_wav

    if tone_hz is not None:
        music = tone(tone_hz, 10.0 if seconds is None else seconds)
    else:
        from game.audio.library import load_track

        music = load_track(track_id, (lambda f: progress(0.5 * f)) if progress else None)
        if seconds is not None:
            music = music[: int(seconds * RATE)]
    if clean:
        y = music
    else:
        y = render_record(music, _profile(lathe, film, generation), plays, seed,
                          progress=(lambda f: progress(0.5 + 0.5 * f)) if progress else None)
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
            print("lathe presets (worst first): stated treble limit, speed error, wow, flutter, hole offset")
            for p in data["presets"]:
                print(f"  {p['id']:16s} {p['bandwidth_hz']:6.0f} Hz  {p['speed_error']:+.1%}  wow {p['wow']:.2%}"
                      f"  flutter {p['flutter']:.2%}  hole {p['spindle_offset_mm']:.1f} mm  {p['name']}")
            print("films:")
            for f in data["films"]:
                print(f"  {f['id']:22s} {f['name']}")
        return 0
    data = listing()
    errors = []
    if (not args.track and args.tone is None) or not args.out:
        errors.append("--out and one of --track or --tone are required (or --list)")
    elif args.track and args.tone is not None:
        errors.append("give --track or --tone, not both")
    elif args.track and args.track not in {t["id"] for t in data["tracks"]}:
        errors.append(f"unknown track {args.track!r} (see --list)")
    if args.tone is not None and not (math.isfinite(args.tone) and 10.0 <= args.tone <= 22_000.0):
        errors.append("--tone must be a frequency from 10 to 22000 Hz")
    if args.seconds is not None and not (math.isfinite(args.seconds) and 0 < args.seconds <= 600):
        errors.append("--seconds must be more than 0 and at most 600")
    if args.lathe not in {p["id"] for p in data["presets"]}:
        errors.append(f"unknown lathe preset {args.lathe!r} (see --list)")
    if args.film not in {f["id"] for f in data["films"]}:
        errors.append(f"unknown film {args.film!r} (see --list)")
    if args.plays < 0 or args.generation < 1 or args.generation > 6:
        errors.append("--plays must be >= 0 and --generation from 1 to 6")
    if errors:
        for e in errors:
            print(f"export: {e}", file=sys.stderr)
        return 2
    from game.audio.progress import TerminalBar

    what = args.track or f"{args.tone:g} Hz tone"
    bar = None if args.quiet else TerminalBar(f"{what} on {args.lathe}")
    dur = export_record(args.track, args.out, args.lathe, args.film, args.plays, args.generation, args.seed,
                        args.clean, args.seconds, bar, args.tone)
    print(f"wrote {args.out}: {dur:.1f} s, 44.1 kHz 16-bit mono")
    return 0
