"""Check a music folder before the game's library may read it: every score parses and plays within limits,
every WAV is PCM of an accepted rate, width, channel count and length.

Scores are checked with the audio package's own parser and note expansion (`game.audio.score`,
`game.audio.patterns`, imported here on first use), so a score that passes is one the synthesizer renders.
A track's id is its file name without the extension (`la_cumparsita.json`, `harbor_blues.wav`); a WAV may
have a `<id>.meta.json` beside it with its title, genre, composer and year.
"""

from __future__ import annotations

import math
import re
import wave
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from game.content.errors import Problem
from game.content.limits import (
    MAX_TRACK_SECONDS,
    MAX_WAV_BYTES,
    MIN_TRACK_SECONDS,
    WAV_CHANNELS,
    WAV_RATES,
    WAV_SAMPLE_BYTES,
)
from game.content.modmodels import TrackMeta
from game.content.reading import read_model, too_big
from game.content.scoremodel import ScoreFile

TRACK_ID = re.compile(r"^[a-z0-9_]{1,48}$")
LOWEST_PITCH, HIGHEST_PITCH = 24, 108  # MIDI notes the synthesizer is tuned for (C1 .. C8)


@dataclass(frozen=True)
class Track:
    """A checked track: what the library and a level's masters may use."""

    id: str
    path: Path
    kind: Literal["score", "wav"]
    title: str
    genre: str
    seconds: float


@dataclass
class MusicFolder:
    """The checked contents of one music folder."""

    folder: Path
    tracks: list[Track] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def check_score(path: Path) -> tuple[Track | None, list[Problem]]:
    """A score file: the schema, then every section's chords and melody, then the expanded notes (finite,
    positive lengths, pitches in range) and the length of the piece."""
    name = str(path)
    parsed = read_model(path, "score", ScoreFile)
    model, data, problems = parsed.model, parsed.data, parsed.problems
    if model is None or problems:
        return None, problems
    if model.id != path.stem:
        return None, [Problem(name, "$.id", f"the score's id is '{model.id}' but the file is {path.name}; "
                                            "they must match", hint=f"rename the file to {model.id}.json")]
    from game.audio.patterns import expand
    from game.audio.score import Score, parse_melody

    for section in model.form:
        key = section if isinstance(section, str) else section.section
        if key not in model.sections:
            problems.append(Problem(name, "$.form", f"the form plays section '{key}', which $.sections does not "
                                                    "have", hint="sections: " + ", ".join(model.sections)))
    if problems:
        return None, problems
    score = Score.from_dict(data)  # the parsed file itself, exactly what the library will read
    for key, sec in model.sections.items():
        where = f"$.sections.{key}" if key.isidentifier() else f"$.sections[{key!r}]"
        try:
            bars = score.bars(key)
        except IndexError:
            problems.append(Problem(name, f"{where}.chords", "'%' repeats the previous bar, but it is the first bar"))
        except ValueError as exc:
            problems.append(Problem(name, f"{where}.chords", f"{exc}", hint="chords look like C, Am7, G7, F#dim, "
                                                                             "Bb/D; bars are separated by |"))
        else:
            if any(not bar for bar in bars):
                problems.append(Problem(name, f"{where}.chords", "a bar between two | has no chord"))
        for voice in ("melody", "melody2"):
            try:
                parse_melody(getattr(sec, voice))
            except ValueError as exc:
                problems.append(Problem(name, f"{where}.{voice}", f"{exc}",
                                        hint="notes look like C4, Eb5:0.5, F#3:2; a rest is r or r:1"))
    if problems:
        return None, problems
    try:
        notes, _ = expand(score)
    except (ValueError, KeyError, IndexError) as exc:
        return None, [Problem(name, "$", f"the score cannot be played: {exc}")]
    for note in notes:
        if not (math.isfinite(note.start) and math.isfinite(note.length) and note.length > 0):
            return None, [Problem(name, "$.sections", f"a note at beat {note.start} has length {note.length}; "
                                                      "lengths must be positive numbers")]
        if not LOWEST_PITCH <= note.pitch <= HIGHEST_PITCH:
            return None, [Problem(name, "$.sections", f"a {note.instrument} note at beat {note.start:g} is MIDI "
                                                      f"pitch {note.pitch}, outside {LOWEST_PITCH}..{HIGHEST_PITCH}",
                                  hint="move the melody or the form's octave shift into C1..C8")]
    seconds = score.duration_s
    if not MIN_TRACK_SECONDS <= seconds <= MAX_TRACK_SECONDS:
        return None, [Problem(name, "$.form", f"the piece lasts {seconds:.0f} s; a track must last "
                                              f"{MIN_TRACK_SECONDS:g} to {MAX_TRACK_SECONDS:g} s",
                              hint="a 78 rpm side holds about three minutes")]
    return Track(model.id, path, "score", model.title, model.genre, round(seconds, 1)), []


def check_wav(path: Path) -> tuple[Track | None, list[Problem]]:
    """A WAV recording: uncompressed PCM, 8 or 16 bit, mono or stereo, an accepted rate, a bounded size and
    length, and data as long as its header says; plus its optional `.meta.json`."""
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return None, [Problem(name, "-", f"cannot read: {exc.strerror or exc}")]
    if size > MAX_WAV_BYTES:
        return None, [Problem(name, "-", too_big(size, MAX_WAV_BYTES, "a WAV"))]
    try:
        with wave.open(str(path), "rb") as w:
            channels, width, rate, frames = w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()
            compression = w.getcomptype()
    except (wave.Error, EOFError, OSError) as exc:
        return None, [Problem(name, "-", f"not a PCM WAV file the game can read ({exc})",
                              hint="export as WAV, 16-bit PCM, 44100 Hz")]
    problems = []
    where = "-"
    if compression != "NONE":
        problems.append(Problem(name, where, f"compressed WAV ({compression}); only plain PCM is read"))
    if width not in WAV_SAMPLE_BYTES:
        problems.append(Problem(name, where, f"{8 * width}-bit samples; use 16-bit (or 8-bit) PCM"))
    if channels not in WAV_CHANNELS:
        problems.append(Problem(name, where, f"{channels} channels; use mono or stereo"))
    if rate not in WAV_RATES:
        problems.append(Problem(name, where, f"sample rate {rate} Hz; use one of "
                                             + ", ".join(f"{r} Hz" for r in WAV_RATES)))
    if problems:
        return None, problems
    if frames * width * channels > size:
        return None, [Problem(name, where, f"the header promises {frames} frames but the file is too short for "
                                           "them (a cut-off download?)")]
    seconds = frames / rate
    if not MIN_TRACK_SECONDS <= seconds <= MAX_TRACK_SECONDS:
        return None, [Problem(name, where, f"the recording lasts {seconds:.1f} s; a track must last "
                                           f"{MIN_TRACK_SECONDS:g} to {MAX_TRACK_SECONDS:g} s")]
    title, genre = path.stem.replace("_", " ").title(), "jazz"
    meta_path = path.with_suffix(".meta.json")
    if meta_path.exists():
        parsed_meta = read_model(meta_path, "track_meta", TrackMeta)
        meta = parsed_meta.model
        if meta is None or parsed_meta.problems:
            return None, parsed_meta.problems
        title, genre = meta.title, meta.genre
    return Track(path.stem, path, "wav", title, genre, round(seconds, 1)), []


def check_music_folder(folder: Path) -> MusicFolder:
    """Every track in `folder` (not its sub-folders) checked; stray files are warnings."""
    result = MusicFolder(folder)
    files = sorted(p for p in folder.iterdir()) if folder.is_dir() else []
    stems: dict[str, Path] = {}
    for path in files:
        if path.name.endswith(".meta.json"):
            if not path.with_name(path.name[: -len(".meta.json")] + ".wav").exists():
                result.warnings.append(Problem(str(path), "-", "metadata without a WAV of the same name; ignored"))
            continue
        if path.is_dir() or path.suffix not in (".json", ".wav"):
            result.warnings.append(Problem(str(path), "-", "not a track (.json score or .wav); ignored"))
            continue
        if not TRACK_ID.match(path.stem):
            result.problems.append(Problem(str(path), "-", f"track file names are lower_snake_case ids "
                                                           f"(a-z, 0-9, _), got '{path.stem}'"))
            continue
        if path.stem in stems:
            result.problems.append(Problem(str(path), "-", f"track '{path.stem}' is both {stems[path.stem].name} "
                                                           f"and {path.name}; keep one"))
            continue
        stems[path.stem] = path
        track, problems = check_score(path) if path.suffix == ".json" else check_wav(path)
        result.problems += problems
        if track is not None:
            result.tracks.append(track)
    return result
