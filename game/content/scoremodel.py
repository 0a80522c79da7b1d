"""The score file format (`<track>.json` in a music folder) as a model, for editors' schema and for checking
a mod's scores with JSON paths. The audio package owns the format's meaning (`game.audio.score`,
`game.audio.patterns`); tests keep the names below equal to what it plays.

Chords: bars separated by `|`, chord symbols split a bar evenly, `%` repeats a bar. Melody: tokens
NOTE[:BEATS] such as `C4:1 E4 r:0.5` (`r` is a rest; a missing length repeats the last one).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from game.content.limits import MAX_NAME
from game.content.models import Id, Strict

Instrument = Literal["piano", "upright_bass", "guitar", "electric_guitar", "clarinet", "sax", "trumpet", "violin",
                     "accordion", "bandoneon"]
BassStyle = Literal["walking", "two_beat", "boogie", "rock_walk", "tango", "habanera", "waltz", "romance", "none"]
CompStyle = Literal["swing_chords", "charleston", "stride", "boogie_rh", "tango_marcato", "habanera_chords",
                    "rock_eighths", "waltz", "arpeggio", "pads", "none"]
DrumStyle = Literal["brushes", "brushes_two", "rock", "waltz", "none"]
Voice = Literal["melody", "melody2", "bass", "comp", "drums"]
SectionName = Annotated[str, Field(min_length=1, max_length=16)]


class Style(Strict):
    """The rhythm section: who plays the bass line, the comping and the drums, and how."""

    bass: BassStyle | None = None
    comp: CompStyle | None = None
    drums: DrumStyle | None = None
    bass_instrument: Instrument | None = None
    comp_instrument: Instrument | None = None


class Section(Strict):
    chords: str = Field(min_length=1, description="bars of chord symbols: 'C | C7 | F Fm | C G7'")
    melody: str = Field("", description="NOTE[:BEATS] tokens: 'C4:1 E4 F4 G4:4 r:1'")
    melody2: str = Field("", description="a second voice, same notation")
    lead: Instrument | None = None
    lead2: Instrument | None = None
    style: Style | None = None
    tacet: list[Voice] = Field(default_factory=list, description="voices that rest in this section")


class FormEntry(Strict):
    """One pass through a section, with who leads it."""

    section: SectionName
    lead: Instrument | None = None
    lead2: Instrument | None = None
    octave: int = Field(0, ge=-3, le=3)
    solo: Instrument | None = Field(None, description="an improvised solo instead of the melody")
    double: Instrument | None = Field(None, description="doubles the melody an octave down")
    style: Style | None = None
    tacet: list[Voice] = Field(default_factory=list)
    gain: float = Field(1.0, ge=0.0, le=2.0)
    comp_instrument: Instrument | None = None
    tempo: float | None = Field(None, ge=30.0, le=320.0, description="quarter notes per minute from this pass on")
    accel: float | None = Field(None, ge=30.0, le=320.0,
                                description="the tempo this pass ends at, changing evenly from its start")


class ScoreFile(Strict):
    """A track written as a score and played by the game's synthesizer."""

    id: Id = Field(description="the track id: must equal the file name without .json")
    title: str = Field(min_length=1, max_length=MAX_NAME)
    composer: str = Field(max_length=MAX_NAME)
    year: int = Field(ge=1800, le=1965)
    genre: Id
    tempo: float = Field(ge=30.0, le=320.0, description="quarter notes per minute")
    meter: int = Field(4, ge=2, le=12, description="beats per bar")
    swing: float = Field(0.5, ge=0.5, le=0.75, description="where the off-beat eighth falls: 0.5 straight, 0.67 swung")
    lead: Instrument = "clarinet"
    style: Style = Style()
    sections: dict[SectionName, Section] = Field(min_length=1, max_length=26)
    form: list[str | FormEntry] = Field(min_length=1, max_length=64, description="section names in playing order")
