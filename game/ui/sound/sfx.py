"""Sound outside the booth: short effects and the menu theme through pygame.mixer, under the settings'
effects and music volumes, plus the first-start warm-up that renders every score into the disk cache.

    sfx.play(app, "coins")        # an effect from game.audio.effects, at settings.effects_volume
    sfx.theme(app, True)          # the menu theme (a shipped score cut on the workshop lathe), looped
    sfx.warm_up(app)              # background: render scores not yet in the disk cache; sfx.warm_up_state(app)
    sfx.on_event(app, event, action)  # the effect for a turn event (encounter, sale, cut)

Everything degrades to silence: no mixer, no device, a failed render. Under SDL's dummy audio driver (tests,
screenshots) effects go to the dummy mixer, and the theme and the warm-up are not started.
"""

from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import dataclass
from typing import Any

THEME_TRACK = "harbin_evening"  # a slow foxtrot: the theme of the menus
THEME_SECONDS = 48.0
THEME_CHANNEL = 1  # channel 0 is the booth's pygame backend
RESERVED = 2


@dataclass
class WarmUp:
    """The first-start render of the score cache: `fraction` 0-1 and the track being rendered."""

    fraction: float = 0.0
    track: str = ""
    done: bool = False
    error: str | None = None


class SoundBoard:
    """One per app: the mixer, the effects' Sounds, the theme channel, the warm-up."""

    def __init__(self, settings: Any) -> None:
        self.effects_volume = getattr(settings, "effects_volume", 0.8)
        self.music_volume = getattr(settings, "music_volume", 0.8)
        self.headless = os.environ.get("SDL_AUDIODRIVER") == "dummy"
        self.mixer = None
        self._sounds: dict[str, Any] = {}
        self._theme: Any = None
        self._theme_wanted = False
        self._theme_thread: threading.Thread | None = None
        self.warm = WarmUp(done=True)
        try:
            import pygame

            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=44_100, size=-16, channels=2, buffer=1024)
            pygame.mixer.set_reserved(RESERVED)
            self.mixer = pygame.mixer
        except Exception:  # noqa: BLE001 - no mixer: the game is silent, never broken
            self.mixer = None

    # ------------------------------------------------------------ volumes
    def set_volumes(self, settings: Any) -> None:
        self.effects_volume = settings.effects_volume
        self.music_volume = settings.music_volume
        if self.mixer is not None:
            with contextlib.suppress(Exception):
                self.mixer.Channel(THEME_CHANNEL).set_volume(self.music_volume)

    # ------------------------------------------------------------ effects
    def _sound(self, x: Any) -> Any:
        import numpy as np

        pcm = np.clip(np.asarray(x) * 32767.0, -32768, 32767).astype(np.int16)
        return self.mixer.Sound(buffer=np.repeat(pcm, 2).tobytes())

    def play(self, name: str) -> None:
        if self.mixer is None or self.effects_volume <= 0:
            return
        try:
            if name not in self._sounds:
                from game.audio.effects import effect

                self._sounds[name] = self._sound(effect(name))
            channel = self.mixer.find_channel()
            if channel is not None:
                channel.set_volume(self.effects_volume)
                channel.play(self._sounds[name])
        except Exception:  # noqa: BLE001
            return

    # ------------------------------------------------------------ theme
    def theme(self, on: bool) -> None:
        self._theme_wanted = on
        if self.mixer is None:
            return
        channel = self.mixer.Channel(THEME_CHANNEL)
        if not on:
            with contextlib.suppress(Exception):
                channel.fadeout(600)
            return
        if self._theme is not None:
            if not channel.get_busy():
                channel.set_volume(self.music_volume)
                channel.play(self._theme, loops=-1, fade_ms=1500)
            return
        if self.headless or (self._theme_thread is not None and self._theme_thread.is_alive()):
            return
        self._theme_thread = threading.Thread(target=self._render_theme, name="bone-music-theme", daemon=True)
        self._theme_thread.start()

    def _render_theme(self) -> None:
        """An excerpt of THEME_TRACK as a bone record cut on the workshop lathe, its ends crossfaded so it
        loops without a seam; starts playing if the menu still wants it."""
        try:
            import numpy as np

            from game.audio.chain import RATE, render_record
            from game.audio.library import load_track
            from game.core.presets import preset_profile

            music = load_track(THEME_TRACK)
            n, fade = int(THEME_SECONDS * RATE), int(2.0 * RATE)
            start = min(len(music) // 5, max(0, len(music) - n - fade))
            y = render_record(music[start : start + n + fade], preset_profile("workshop"), lead_in_s=0.0, run_out_s=0.0)
            body, tail = y[: len(y) - fade].copy(), y[len(y) - fade :]
            ramp = np.linspace(0.0, 1.0, len(tail))
            body[: len(tail)] = body[: len(tail)] * ramp + tail * (1.0 - ramp)
            self._theme = self._sound(body * 0.8)
            if self._theme_wanted:
                self.theme(True)
        except Exception:  # noqa: BLE001 - no theme, no harm
            self._theme = None

    # ------------------------------------------------------------ warm-up
    def warm_up(self) -> WarmUp:
        """Start rendering the scores that are not in the disk cache yet (once)."""
        if self.headless or not self.warm.done or self.warm.fraction > 0:
            return self.warm
        from game.audio.library import uncached_scores

        todo = uncached_scores()
        if not todo:
            return self.warm
        self.warm = WarmUp()

        def work() -> None:
            from game.audio.library import load_track

            try:
                for i, track in enumerate(todo):
                    self.warm.track = track
                    load_track(track, lambda f, i=i: setattr(self.warm, "fraction", (i + f) / len(todo)))
            except Exception as exc:  # noqa: BLE001
                self.warm.error = str(exc)
            self.warm.fraction, self.warm.done = 1.0, True

        threading.Thread(target=work, name="bone-music-warm-up", daemon=True).start()
        return self.warm


def board(app: Any) -> SoundBoard | None:
    """The app's sound board (made on first use; it follows the app's settings). None without an app."""
    if app is None:
        return None
    sb = getattr(app, "sound_board", None)
    if sb is None:
        sb = SoundBoard(getattr(app, "settings", None))
        app.sound_board = sb
        listeners = getattr(app, "settings_listeners", None)
        if listeners is not None:
            listeners.append(sb.set_volumes)
    return sb


def play(app: Any, name: str) -> None:
    sb = board(app)
    if sb is not None:
        sb.play(name)


def theme(app: Any, on: bool) -> None:
    sb = board(app)
    if sb is not None:
        sb.theme(on)


def warm_up(app: Any) -> WarmUp | None:
    sb = board(app)
    return sb.warm_up() if sb is not None else None


ENCOUNTER_EFFECTS = {"slipped": "militia_whistle", "bribed": "militia_whistle", "confiscated": "militia_whistle",
                     "arrested": "militia_whistle", "raid": "militia_whistle"}


def on_event(app: Any, event: Any, action: Any = None) -> None:
    """The effect for a turn event as the playback reaches it: a whistle for an encounter or a raid; for the
    player's own action, coins for a sale or a purchase, the lathe for a cut."""
    kind = getattr(event, "kind", "")
    if kind in ENCOUNTER_EFFECTS:
        play(app, ENCOUNTER_EFFECTS[kind])
    elif kind == "action" and action is not None:
        name = type(action).__name__
        if name == "CutRecords":
            play(app, "lathe_cutting")
        elif name in ("SellRecords", "BuyMaster", "BuyPart", "SellPart"):
            play(app, "coins")
