"""The one place the UI talks to the audio engine (game.audio). Everything here degrades safely: if a module,
a function or the sound device is missing, or a render fails, the booth still works visually and says
"sound unavailable" — never a crash.

    bridge = AudioBridge(backend="auto", volume=0.8)
    job = bridge.prepare(track_id, profile, plays)          # background thread: music + both streams
    ... poll job.fraction / job.done / job.error each frame ...
    bridge.play(); bridge.pause(); bridge.stop(); bridge.seek(s); bridge.set_source("clean"|"lathe")
    job = analyze(track_id, profile, plays, q)               # background: the record's measures, A/B loudness
    bridge.match_loudness(job.result)                        # the master then plays as loud as the record
    bridge.export(path, track_id, profile, plays)           # background thread, a 16-bit 44.1 kHz WAV

A record's noise, clicks and wow are seeded by its profile (`game.audio.chain.record_seed`), so what the
booth plays, measures and exports is one and the same sound.

pygame stays on the main thread: the worker threads only run numpy and file I/O.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.core.profile import CutProfile


@dataclass
class Job:
    """A background task: `fraction` 0-1 while it runs, then `done` with `result` or `error`."""

    label: str
    fraction: float = 0.0
    done: bool = False
    error: str | None = None
    result: Any = None
    thread: threading.Thread | None = field(default=None, repr=False)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until finished (tests); True if it finished."""
        if self.thread is not None:
            self.thread.join(timeout)
        return self.done


def _run(job: Job, work: Callable[[Callable[[float], None]], Any]) -> Job:
    def progress(f: float) -> None:
        job.fraction = max(job.fraction, min(1.0, float(f)))

    def target() -> None:
        try:
            job.result = work(progress)
        except Exception as exc:  # noqa: BLE001 - any failure becomes a message for the player
            job.error = f"{type(exc).__name__}: {exc}"
        job.fraction = 1.0
        job.done = True

    job.thread = threading.Thread(target=target, name=f"bone-music-{job.label}", daemon=True)
    job.thread.start()
    return job


def export_dir() -> Path:
    """~/Music/bone-music when ~/Music exists, else the user data folder ($XDG_DATA_HOME/bone-music/exports)."""
    music = Path.home() / "Music"
    if music.is_dir():
        return music / "bone-music"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "bone-music" / "exports"


def export_name(title: str, tag: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "record"
    return f"{slug}-{tag}.wav"


class AudioBridge:
    """Adapts game.audio's library, Player/RecordStream, render_record and write_wav for the booth."""

    def __init__(self, backend: str = "auto", volume: float = 1.0) -> None:
        self.reason: str | None = None  # why sound is unavailable (None = fine)
        self.player: Any = None
        self.streams: dict[str, Any] = {}
        self.source = "lathe"
        self._volume = volume
        self.backend_name = "none"
        try:
            from game.audio.player import Player

            wanted = None if backend in ("", "auto") else backend
            if os.environ.get("SDL_AUDIODRIVER") == "dummy":
                wanted = "silent"  # headless: no device to look for
            self.player = Player(wanted)
            self.player.volume = volume
            self.backend_name = getattr(self.player.backend, "name", "unknown")
        except Exception as exc:  # noqa: BLE001
            self.player = None
            self.reason = f"sound unavailable ({type(exc).__name__})"

    # ------------------------------------------------------------ state
    @property
    def available(self) -> bool:
        return self.player is not None

    @property
    def silent(self) -> bool:
        return self.backend_name == "silent"

    @property
    def loaded(self) -> bool:
        return bool(self.streams)

    @property
    def playing(self) -> bool:
        return bool(self.player is not None and self.player.playing)

    @property
    def position_s(self) -> float:
        return float(self.player.position_s) if self.player is not None and self.loaded else 0.0

    @property
    def duration_s(self) -> float:
        return float(self.player.duration_s) if self.player is not None and self.loaded else 0.0

    def set_volume(self, volume: float) -> None:
        self._volume = max(0.0, min(1.0, volume))
        if self.player is not None:
            self.player.volume = self._volume

    # ------------------------------------------------------------ loading
    def prepare(self, track_id: str, profile: CutProfile | None, plays: int = 0, seed: int | None = None,
                source_quality: float = 1.0) -> Job:
        """In the background: load the clean master and build the clean and lathe streams (they render as
        they play); on success the player holds the `source` stream, ready to play from the start."""
        self.stop()
        self.streams = {}

        def work(progress: Callable[[float], None]) -> dict[str, Any]:
            from game.audio.library import load_track
            from game.audio.player import RecordStream

            music = load_track(track_id, lambda f: progress(0.8 * f))
            q = _root_quality(profile) if profile is not None else source_quality
            streams = {"clean": RecordStream(music, None, 0, seed, q)}
            progress(0.85)
            if profile is not None:
                streams["lathe"] = RecordStream(music, profile, plays, seed)
            progress(1.0)
            return streams

        job = _run(Job("load"), work)
        self._pending = job
        return job

    def finish(self, job: Job) -> bool:
        """Adopt the streams of a finished `prepare` job (call from the main thread). False on error."""
        if job.error is not None or not isinstance(job.result, dict):
            self.reason = f"sound unavailable: {job.error}" if job.error else "sound unavailable"
            return False
        self.streams = job.result
        if self.source not in self.streams:
            self.source = "clean"
        self._attach(self.streams[self.source], 0.0)
        return True

    def _attach(self, stream: Any, at_s: float) -> None:
        if self.player is None:
            return
        use = getattr(self.player, "use", None)
        if use is not None:
            use(stream, at_s)
        else:  # pragma: no cover - an older Player
            self.player.stream = stream
            stream.seek(at_s)

    # ------------------------------------------------------------ transport
    def play(self) -> None:
        if self.player is not None and self.loaded:
            try:
                self.player.play()
            except Exception as exc:  # noqa: BLE001
                self.reason = f"sound unavailable ({type(exc).__name__})"

    def pause(self) -> None:
        if self.player is not None:
            self.player.pause()

    def stop(self) -> None:
        if self.player is not None and self.loaded:
            self.player.stop()

    def seek(self, seconds: float) -> None:
        if self.player is not None and self.loaded:
            self.player.seek(max(0.0, min(seconds, self.duration_s)))

    def set_source(self, source: str) -> None:
        """A/B: switch between "clean" (the master) and "lathe" (the record) at the same moment of the music
        (the record started with its lead-in groove and plays at its own speed)."""
        if source == self.source or source not in self.streams:
            self.source = source if source in ("clean", "lathe") else self.source
            return
        old = self.streams.get(self.source)
        music_s = old.music_at(self.position_s) if old is not None else 0.0
        was_playing = self.playing
        self.source = source
        new = self.streams[source]
        self._attach(new, max(0.0, new.at_music(music_s)) if music_s > 0 else 0.0)
        if was_playing:
            self.play()

    def match_loudness(self, analysis: Any) -> None:
        """Play the clean master at the record's loudness (`analysis` from `analyze`)."""
        comp = getattr(analysis, "comparison", None)
        clean = self.streams.get("clean")
        if comp is not None and clean is not None:
            clean.gain = comp.master_gain

    def close(self) -> None:
        if self.player is not None:
            with contextlib.suppress(Exception):
                self.player.close()

    # ------------------------------------------------------------ export
    def export(self, path: Path, track_id: str, profile: CutProfile | None, plays: int = 0, seed: int | None = None,
               seconds: float | None = None) -> Job:
        """In the background: render the record (or the clean master when `profile` is None) and write a
        16-bit 44.1 kHz WAV to `path`; the job's result is the path."""

        def work(progress: Callable[[float], None]) -> Path:
            from game.audio.chain import RATE, render_record
            from game.audio.library import load_track
            from game.audio.wav import write_wav

            music = load_track(track_id, lambda f: progress(0.3 * f))
            if seconds is not None:
                music = music[: int(seconds * RATE)]
            if profile is None:
                y = music
            else:
                y = render_record(music, profile, plays, seed, progress=lambda f: progress(0.3 + 0.65 * f))
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".part.wav")
            write_wav(tmp, y, RATE)
            os.replace(tmp, path)
            return path

        return _run(Job("export"), work)


def _root_quality(profile: CutProfile) -> float:
    while profile.parent is not None:
        profile = profile.parent
    return profile.source_quality


@dataclass(frozen=True)
class Analysis:
    """What the booth shows about a record or master, measured from its sound: `measures` (RecordMeasures
    or, for a master, MasterMeasures) and `comparison` (A/B loudness and spectra; None for a master)."""

    measures: Any
    comparison: Any


_analyses: dict[tuple, Analysis] = {}
_analyses_lock = threading.Lock()


def analyze(track_id: str, profile: CutProfile | None, plays: int = 0, source_quality: float = 1.0) -> Job:
    """In the background: measure the record (or master) and compare it with its master; once per record
    (cached for the session)."""
    key = (track_id, profile, plays, source_quality)

    def work(progress: Callable[[float], None]) -> Analysis:
        with _analyses_lock:
            if key in _analyses:
                return _analyses[key]
        if profile is None:
            from game.audio.measure import measure_master

            result = Analysis(measure_master(source_quality), None)
        else:
            from game.audio.compare import compare
            from game.audio.library import load_track
            from game.audio.measure import measure_record

            measures = measure_record(profile, plays)
            progress(0.6)
            result = Analysis(measures, compare(load_track(track_id), profile, plays))
        with _analyses_lock:
            _analyses[key] = result
        return result

    return _run(Job("analyze"), work)


def track_known(track_id: str) -> bool:
    """Is `track_id` in the music library? (False if the library cannot be read.)"""
    try:
        from game.audio.library import list_tracks

        return any(t.id == track_id for t in list_tracks())
    except Exception:  # noqa: BLE001
        return False


def first_track() -> str | None:
    try:
        from game.audio.library import list_tracks

        tracks = list_tracks()
        return tracks[0].id if tracks else None
    except Exception:  # noqa: BLE001
        return None
