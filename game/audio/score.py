"""Scores: the JSON music format and its expansion into timed note and drum events.

A score names its tempo (quarter notes per minute), meter (beats per bar), swing (where the off-beat
eighth falls, 0.5 straight .. 0.67 triplet swing), a rhythm-section `style`, `sections` and a `form`:

    "sections": {"A": {"chords": "C | C7 | F Fm | C G7", "melody": "C4:1 E4 F4 G4:4 r:1"}}
    "form": ["A", {"section": "A", "lead": "trumpet", "octave": 1}, {"section": "A", "solo": "piano"}]

A form entry may set `tempo` (quarter notes per minute from its first beat) and `accel` (the tempo its last
beat reaches, changing linearly in between: a Gypsy romance speeding up); an entry without them keeps the
tempo the previous one ended at.

Chords: bars separated by `|`, one or more chord symbols per bar (they split the bar evenly), `%` repeats
the previous bar. Melody: tokens NOTE[:BEATS] (C4, Eb5, F#3, `r` a rest); a missing length repeats the
previous one. The renderer expands chords into bass lines, comping and drum patterns (`patterns.py`).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NOTE_BASE = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
CHORD_INTERVALS: dict[str, tuple[int, ...]] = {
    "": (0, 4, 7), "maj": (0, 4, 7), "m": (0, 3, 7), "7": (0, 4, 7, 10), "m7": (0, 3, 7, 10),
    "maj7": (0, 4, 7, 11), "6": (0, 4, 7, 9), "m6": (0, 3, 7, 9), "dim": (0, 3, 6), "dim7": (0, 3, 6, 9),
    "aug": (0, 4, 8), "9": (0, 4, 7, 10, 14), "7b9": (0, 4, 7, 10, 13), "sus4": (0, 5, 7), "m7b5": (0, 3, 6, 10),
    "mmaj7": (0, 3, 7, 11),
}
_CHORD_RE = re.compile(r"^([A-G])([#b]?)([a-z0-9#]*)(?:/([A-G])([#b]?))?$")
_NOTE_RE = re.compile(r"^([A-G])([#b]?)(-?\d)$")


def note_number(name: str) -> int:
    """MIDI note number: C4 = 60, A4 = 69."""
    m = _NOTE_RE.match(name)
    if not m:
        raise ValueError(f"bad note {name!r}")
    letter, acc, octave = m.groups()
    return 12 * (int(octave) + 1) + NOTE_BASE[letter] + {"#": 1, "b": -1, "": 0}[acc]


@dataclass(frozen=True)
class Chord:
    """A chord symbol: root pitch class 0-11, intervals above it, and the bass pitch class."""

    root: int
    intervals: tuple[int, ...]
    bass: int

    @classmethod
    def parse(cls, symbol: str) -> Chord:
        m = _CHORD_RE.match(symbol)
        if not m or m.group(3) not in CHORD_INTERVALS:
            raise ValueError(f"bad chord {symbol!r}")
        letter, acc, quality, bl, ba = m.groups()
        root = (NOTE_BASE[letter] + {"#": 1, "b": -1, "": 0}[acc]) % 12
        bass = root if bl is None else (NOTE_BASE[bl] + {"#": 1, "b": -1, "": 0}[ba]) % 12
        return cls(root, CHORD_INTERVALS[quality], bass)

    @property
    def minor(self) -> bool:
        return 3 in self.intervals and 4 not in self.intervals

    def pitches(self, low: int) -> list[int]:
        """Chord tones (MIDI) in the octave starting at or above `low`, one each."""
        base = low + (self.root - low) % 12
        return sorted(base + i if base + i < low + 12 else base + i - 12 for i in self.intervals)


@dataclass(frozen=True)
class Note:
    """One note: start and length in beats, MIDI pitch, velocity 0-1, instrument."""

    start: float
    length: float
    pitch: int
    velocity: float
    instrument: str


@dataclass(frozen=True)
class Hit:
    """One drum hit at `start` beats."""

    start: float
    drum: str
    velocity: float


@dataclass
class Score:
    """A parsed score file."""

    id: str
    title: str
    composer: str
    year: int
    genre: str
    tempo: float
    meter: int
    swing: float
    style: dict[str, str]
    sections: dict[str, dict[str, Any]]
    form: list[dict[str, Any]]
    lead: str
    raw: bytes = field(repr=False, default=b"")

    @classmethod
    def load(cls, path: str | Path) -> Score:
        data = Path(path).read_bytes()
        return cls.from_dict(json.loads(data), data)

    @classmethod
    def from_dict(cls, d: dict[str, Any], raw: bytes | None = None) -> Score:
        for key in ("id", "title", "composer", "year", "genre", "tempo", "sections", "form"):
            if key not in d:
                raise ValueError(f"score {d.get('id', '?')}: missing {key!r}")
        form = [{"section": f} if isinstance(f, str) else dict(f) for f in d["form"]]
        for f in form:
            if f["section"] not in d["sections"]:
                raise ValueError(f"score {d['id']}: form names unknown section {f['section']!r}")
            for key in ("tempo", "accel"):
                if key in f and not (isinstance(f[key], int | float) and 30 <= f[key] <= 320):
                    raise ValueError(f"score {d['id']}: form {key} must be a number from 30 to 320")
        return cls(d["id"], d["title"], d["composer"], int(d["year"]), d["genre"], float(d["tempo"]),
                   int(d.get("meter", 4)), float(d.get("swing", 0.5)), dict(d.get("style", {})),
                   d["sections"], form, d.get("lead", "clarinet"),
                   raw if raw is not None else json.dumps(d, sort_keys=True).encode())

    def bars(self, section: str) -> list[list[Chord]]:
        """The chords of each bar of a section."""
        out: list[list[Chord]] = []
        for bar in self.sections[section]["chords"].split("|"):
            syms = bar.split()
            if syms == ["%"]:
                out.append(out[-1])
            else:
                out.append([Chord.parse(s) for s in syms])
        return out

    def section_beats(self, section: str) -> float:
        return len(self.bars(section)) * self.meter

    @property
    def total_beats(self) -> float:
        return sum(self.section_beats(f["section"]) for f in self.form)

    def tempo_spans(self) -> list[tuple[float, float, float, float]]:
        """(first beat, beats, tempo at its start, tempo at its end) of each form entry."""
        out, beat, tempo = [], 0.0, self.tempo
        for f in self.form:
            start = float(f.get("tempo", tempo))
            end = float(f.get("accel", start))
            n = self.section_beats(f["section"])
            out.append((beat, n, start, end))
            beat, tempo = beat + n, end
        return out

    def seconds_at(self, beat: float) -> float:
        """When `beat` sounds, in seconds: the integral of 60 / tempo over the beats before it (within an entry
        the tempo moves linearly, T(x) = T0 + (T1 - T0) x / n, so that part is 60 n / (T1 - T0) ln(T(x) / T0))."""
        t = 0.0
        for first, n, t0, t1 in self.tempo_spans():
            x = min(max(beat - first, 0.0), n)
            if abs(t1 - t0) < 1e-9:
                t += 60.0 * x / t0
            else:
                t += 60.0 * n / (t1 - t0) * math.log((t0 + (t1 - t0) * x / n) / t0)
            if beat <= first + n:
                return t
        return t + 60.0 * (beat - self.total_beats) / (self.tempo_spans()[-1][3] if self.form else self.tempo)

    @property
    def duration_s(self) -> float:
        """Length of the music in seconds: when its last beat ends (plus a 1.5 s ring-out)."""
        return self.seconds_at(self.total_beats) + 1.5


def parse_melody(text: str) -> list[tuple[float, float, int | None]]:
    """Melody tokens -> (start beat, length beats, MIDI pitch or None for a rest)."""
    out: list[tuple[float, float, int | None]] = []
    t, length = 0.0, 1.0
    for tok in text.split():
        name, _, dur = tok.partition(":")
        if dur:
            length = float(dur)
        out.append((t, length, None if name == "r" else note_number(name)))
        t += length
    return out
