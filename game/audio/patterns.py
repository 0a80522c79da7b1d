"""The rhythm section: chord symbols expanded into bass lines, comping and drum patterns by style.

Bass: walking (4 to the bar, chromatic approach to the next root), two_beat (root and fifth), boogie
(eighths 1-3-5-6-b7-6-5-3), rock_walk (quarters of the same figure), tango (marcato: 1 2 3 4 with accents),
habanera (dotted eighth, sixteenth, two eighths), waltz, romance. Comp: swing_chords, charleston, stride,
boogie_rh, tango_marcato, habanera_chords, rock_eighths, waltz, arpeggio, pads. Drums: brushes,
brushes_two, rock, waltz. A seeded numpy Generator makes the choices, so a score always renders the same.
"""

from __future__ import annotations

import numpy as np

from game.audio.score import Chord, Hit, Note, Score, parse_melody

BASS_LOW = 36  # C2: the octave roots are placed in
COMP_LOW = 53  # F3: the octave comping chords start in


def _spans(bars: list[list[Chord]], meter: int) -> list[tuple[float, float, Chord, int]]:
    """(start beat, length beats, chord, bar index) for every chord of a section."""
    out = []
    for b, chords in enumerate(bars):
        step = meter / len(chords)
        out += [(b * meter + i * step, step, c, b) for i, c in enumerate(chords)]
    return out


def _root(c: Chord, low: int = BASS_LOW) -> int:
    return low + (c.bass - low) % 12


def bass_line(style: str, bars: list[list[Chord]], meter: int, inst: str, t0: float,
              rng: np.random.Generator) -> list[Note]:
    spans = _spans(bars, meter)
    out: list[Note] = []

    def add(t: float, length: float, pitch: int, vel: float) -> None:
        out.append(Note(t0 + t, length, int(pitch), vel, inst))

    for k, (t, n, c, b) in enumerate(spans):
        r = _root(c)
        third = 3 if c.minor else 4
        fifth = 6 if 6 in c.intervals and 7 not in c.intervals else 7
        nxt = _root(spans[k + 1][2]) if k + 1 < len(spans) else r
        if style == "walking":
            beats = int(round(n))
            tones = [r]
            for i in range(1, beats):
                if i == beats - 1:
                    tones.append(nxt + (1 if rng.random() < 0.5 else -1))
                else:
                    tones.append(r + int(rng.choice([third, fifth, 12, fifth + 2 if not c.minor else fifth])))
            for i, p in enumerate(tones):
                add(t + i, 0.92, p, 0.85 if i == 0 else 0.75)
        elif style == "two_beat":
            add(t, min(n, 2) * 0.8, r, 0.9)
            if n >= 4:
                add(t + 2, 1.6, r + fifth - 12 if r + fifth > 47 else r + fifth, 0.8)
        elif style in ("boogie", "rock_walk"):
            fig = [0, third, 7, 9, 10, 9, 7, third]
            if style == "boogie":
                for i in range(int(round(n * 2))):
                    add(t + 0.5 * i, 0.45, r + fig[i % 8], 0.85 if i % 2 == 0 else 0.7)
            else:
                half = fig[4:] if b % 2 else fig[:4]
                for i in range(int(round(n))):
                    add(t + i, 0.85, r + half[i % 4], 0.85)
        elif style == "tango":
            for i in range(int(round(n))):
                p = r + (fifth if i == 2 else 0) - (12 if i == 3 and r >= 43 else 0)
                add(t + i, 0.45, p, 0.95 if i in (0, 2) else 0.7)
        elif style == "habanera":
            for i in range(int(round(n / 2))):
                for dt, ln, iv, v in ((0, 0.7, 0, 0.95), (0.75, 0.25, fifth, 0.7), (1, 0.45, 12, 0.8),
                                      (1.5, 0.45, fifth, 0.75)):
                    add(t + 2 * i + dt, ln, r + iv if r + iv < 52 else r + iv - 12, v)
        elif style == "waltz":
            add(t, 0.9, r if b % 2 == 0 else r + fifth - (12 if r + fifth > 47 else 0), 0.9)
        elif style == "romance":
            add(t, min(n, 2) * 0.9, r, 0.85)
            if n >= 4:
                add(t + 2, 1.8, r + fifth - (12 if r + fifth > 47 else 0), 0.75)
    return out


def _voicing(c: Chord, low: int = COMP_LOW) -> list[int]:
    tones = c.pitches(low)
    return tones[:4]


def comping(style: str, bars: list[list[Chord]], meter: int, inst: str, t0: float,
            rng: np.random.Generator) -> list[Note]:
    out: list[Note] = []

    def chord(t: float, length: float, pitches: list[int], vel: float) -> None:
        for i, p in enumerate(pitches):
            out.append(Note(t0 + t + 0.004 * i, length, int(p), vel * (0.85 if i else 1.0), inst))

    for t, n, c, _b in _spans(bars, meter):
        v = _voicing(c)
        beats = int(round(n))
        if style == "swing_chords":
            for i in range(beats):
                chord(t + i, 0.55, v, 0.55 if i % 2 == 0 else 0.65)
        elif style == "charleston":
            for i in range(0, beats, 2):
                chord(t + i, 0.6, v, 0.6)
                if rng.random() < 0.8:
                    chord(t + i + 1.5, 0.4, v, 0.5)
        elif style == "stride":
            r = _root(c, 40)
            for i in range(beats):
                if i % 2 == 0:
                    out.append(Note(t0 + t + i, 0.8, r if (i // 2) % 2 == 0 else r - 5 + (12 if r - 5 < 36 else 0),
                                    0.8, inst))
                else:
                    chord(t + i, 0.6, v, 0.6)
        elif style == "boogie_rh":
            top = [p + 12 for p in v[:3]]
            for dt in (0.0, 1.5, 2.5):
                if dt < n:
                    chord(t + dt, 0.35, top, 0.55)
        elif style == "tango_marcato":
            for i in range(beats):
                chord(t + i, 0.4, v, 0.8 if i % 2 == 0 else 0.55)
        elif style == "habanera_chords":
            for i in range(beats // 2):
                chord(t + 2 * i + 1, 0.4, v, 0.6)
                chord(t + 2 * i + 1.5, 0.4, v, 0.5)
        elif style == "rock_eighths":
            r = _root(c, 45)
            fifth = 7 if 7 in c.intervals else 6
            for i in range(int(round(n * 2))):
                top = r + (fifth if (i // 2) % 2 == 0 else 9)
                chord(t + 0.5 * i, 0.42, [r, top], 0.7 if i % 2 == 0 else 0.55)
        elif style == "waltz":
            for i in range(1, beats):
                chord(t + i, 0.6, v, 0.5)
        elif style == "arpeggio":
            tones = _voicing(c, 48) + [p + 12 for p in _voicing(c, 48)[:2]]
            seq = tones + tones[-2:0:-1]
            for i in range(int(round(n * 2))):
                out.append(Note(t0 + t + 0.5 * i, 1.2, seq[i % len(seq)], 0.45, inst))
        elif style == "pads":
            chord(t, n * 0.97, v, 0.4)
    return out


DRUM_PATTERNS: dict[str, list[tuple[float, str, float]]] = {
    # (beat within the bar, drum, velocity); repeated every bar of 4 (or 3) beats
    "brushes": [(0, "ride", 0.5), (1, "ride", 0.6), (1.5, "ride", 0.35), (2, "ride", 0.5), (3, "ride", 0.6),
                (3.5, "ride", 0.35), (1, "swish", 0.6), (3, "swish", 0.6), (1, "hat", 0.4), (3, "hat", 0.4),
                (0, "kick", 0.3), (2, "kick", 0.25)],
    "brushes_two": [(0, "tap", 0.45), (1, "swish", 0.6), (2, "tap", 0.45), (3, "swish", 0.6),
                    (0, "kick", 0.45), (2, "kick", 0.4), (1, "hat", 0.35), (3, "hat", 0.35)],
    "rock": [(0, "kick", 0.95), (2, "kick", 0.85), (2.5, "kick", 0.5), (1, "snare", 0.95), (3, "snare", 0.95)]
    + [(i * 0.5, "hat", 0.55 if i % 2 == 0 else 0.4) for i in range(8)],
    "waltz": [(0, "kick", 0.4), (1, "tap", 0.35), (2, "tap", 0.35)],
}


def drums(style: str, n_bars: int, meter: int, t0: float) -> list[Hit]:
    pat = DRUM_PATTERNS.get(style, [])
    return [Hit(t0 + b * meter + t, d, v) for b in range(n_bars) for t, d, v in pat if t < meter]


SOLO_RANGE = {"piano": (62, 86), "clarinet": (60, 84), "sax": (55, 79), "trumpet": (58, 82),
              "guitar": (55, 79), "electric_guitar": (57, 81), "violin": (62, 88), "accordion": (60, 84),
              "bandoneon": (57, 81)}


def solo(bars: list[list[Chord]], meter: int, inst: str, t0: float, rng: np.random.Generator) -> list[Note]:
    """An improvised line: two-bar phrases of eighths and quarters on chord tones with passing notes,
    moving stepwise through the chord's tones and resting at phrase ends."""
    lo, hi = SOLO_RANGE.get(inst, (60, 84))
    out: list[Note] = []
    cur = (lo + hi) // 2
    for t, n, c, b in _spans(bars, meter):
        if b % 4 == 3 and t + n >= (b + 1) * meter:  # breathe at the end of a 4-bar phrase
            out.append(Note(t0 + t, n * 0.5, _nearest(c, cur, lo, hi), 0.7, inst))
            continue
        pos = 0.0
        while pos < n - 1e-6:
            length = 0.5 if rng.random() < 0.7 else 1.0
            length = min(length, n - pos)
            step = int(rng.choice([-2, -1, 1, 2, 3, -3]))
            target = _nearest(c, cur + step * 2, lo, hi)
            if pos % 1 > 0.1 and rng.random() < 0.4:  # off-beat passing tone
                target = cur + (1 if step > 0 else -1)
            cur = int(np.clip(target, lo, hi))
            out.append(Note(t0 + t + pos, length * 0.9, cur, 0.75 if pos % 1 == 0 else 0.65, inst))
            pos += length
    return out


def _nearest(c: Chord, p: int, lo: int, hi: int) -> int:
    cands = [q for q in range(lo, hi + 1) if (q - c.root) % 12 in [i % 12 for i in c.intervals]]
    return min(cands, key=lambda q: abs(q - p))


def expand(score: Score, seed: int = 0) -> tuple[list[Note], list[Hit]]:
    """Every note and drum hit of the score's form, in beats from the start."""
    rng = np.random.default_rng([seed, 11])
    notes: list[Note] = []
    hits: list[Hit] = []
    t0 = 0.0
    for entry in score.form:
        name = entry["section"]
        sec = score.sections[name]
        bars = score.bars(name)
        style = {**score.style, **sec.get("style", {}), **entry.get("style", {})}
        tacet = set(entry.get("tacet", sec.get("tacet", [])))
        gain = float(entry.get("gain", 1.0))
        part: list[Note] = []
        if "solo" in entry:
            part += solo(bars, score.meter, entry["solo"], t0, rng)
        elif "melody" in sec and "melody" not in tacet:
            lead = entry.get("lead", sec.get("lead", score.lead))
            shift = 12 * int(entry.get("octave", 0))
            for t, length, p in parse_melody(sec["melody"]):
                if p is not None and t < len(bars) * score.meter:
                    part.append(Note(t0 + t, length, p + shift, 0.8, lead))
                    if "double" in entry:
                        part.append(Note(t0 + t, length, p + shift - 12, 0.6, entry["double"]))
        for key, inst in (("melody2", "lead2"),):
            if key in sec and "melody2" not in tacet:
                for t, length, p in parse_melody(sec[key]):
                    if p is not None:
                        part.append(Note(t0 + t, length, p, 0.6, entry.get(inst, sec.get(inst, "piano"))))
        if "bass" not in tacet:
            part += bass_line(style.get("bass", "walking"), bars, score.meter,
                              style.get("bass_instrument", "upright_bass"), t0, rng)
        if "comp" not in tacet:
            part += comping(style.get("comp", "swing_chords"), bars, score.meter,
                            entry.get("comp_instrument", style.get("comp_instrument", "piano")), t0, rng)
        if "drums" not in tacet:
            hits += [Hit(h.start, h.drum, h.velocity * gain)
                     for h in drums(style.get("drums", "none"), len(bars), score.meter, t0)]
        notes += [Note(n.start, n.length, n.pitch, n.velocity * gain, n.instrument) for n in part]
        t0 += len(bars) * score.meter
    return notes, hits
