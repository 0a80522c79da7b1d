"""Player settings: volumes, window, UI scale, key bindings, audio backend, how evenings are shown, the colour
palette; one JSON file in the config folder, with a `version` field.

The file is `$XDG_CONFIG_HOME/bone-music/settings.json` (or `~/.config/bone-music/settings.json`). It is written
atomically (a temporary file in the same folder, then `os.replace`). A settings file is outside input: a missing
file gives the defaults; a damaged one (not UTF-8, not JSON, nested too deep, bigger than `MAX_BYTES`, NaN or
infinite numbers, wrong types) gives the defaults for what is unusable *and* a sentence for the player naming the
file and the problem, never an exception. Unknown keys are ignored. No pygame here: keys are pygame key names.

Versions: 0 (no field, before 0.2) named the Help key "codex"; version 1 calls it "help".
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from game.content.atomic import write_atomically

SETTINGS_VERSION = 1
MAX_BYTES = 64 * 1024  # a settings file is a few hundred bytes; anything this big is not ours
AUDIO_BACKENDS: tuple[str, ...] = ("auto", "sounddevice", "pygame", "silent")
WINDOW_SIZES: tuple[tuple[int, int], ...] = ((1024, 576), (1280, 720), (1366, 768), (1600, 900), (1920, 1080), (2560, 1440))
MIN_WINDOW: tuple[int, int] = (1024, 576)
UI_SCALES: tuple[float, ...] = (0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)
PALETTES: tuple[str, ...] = ("standard", "colour_blind")

#: action -> (label for the settings screen, default key name as pygame.key.name gives it)
ACTIONS: dict[str, tuple[str, str]] = {
    "pan_up": ("Pan map up", "w"),
    "pan_down": ("Pan map down", "s"),
    "pan_left": ("Pan map left", "a"),
    "pan_right": ("Pan map right", "d"),
    "zoom_in": ("Zoom in", "="),
    "zoom_out": ("Zoom out", "-"),
    "end_turn": ("End turn", "space"),
    "undo": ("Undo a change to tonight's plan", "z"),
    "centre": ("Centre on your bootlegger", "c"),
    "booth": ("Listening booth", "b"),
    "workshop": ("Workshop", "l"),
    "quick_save": ("Quick save", "f5"),
    "quick_load": ("Quick load", "f9"),
    "help": ("Help", "f1"),
}
#: keys that always work and cannot be rebound
FIXED_KEYS: dict[str, str] = {"Back / pause": "escape", "Confirm / end turn": "return", "Next control": "tab",
                              "Move focus / pan": "arrows"}
RENAMED_ACTIONS = {"codex": "help"}  # version 0 -> 1


class SettingsFileError(ValueError):
    """The settings file cannot be used at all (the message names the file and the problem)."""


def config_dir() -> Path:
    """The folder settings live in."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "bone-music"


def settings_path() -> Path:
    return config_dir() / "settings.json"


def _default_bindings() -> dict[str, str]:
    return {action: key for action, (_label, key) in ACTIONS.items()}


@dataclass
class Settings:
    """Everything the Settings screen edits. Volumes are 0-1; `ui_scale` is what the player chose (the window
    may allow less: see `effective_scale`)."""

    version: int = SETTINGS_VERSION
    music_volume: float = 0.8
    effects_volume: float = 0.8
    window_size: tuple[int, int] = (1280, 720)
    fullscreen: bool = False
    ui_scale: float = 1.0
    audio_backend: str = "auto"
    key_bindings: dict[str, str] = field(default_factory=_default_bindings)
    first_run: bool = True
    skip_still_evenings: bool = True  # no animation when nothing you can see moved
    auto_close_paper: bool = False  # the evening paper closes itself after a few seconds
    confirm_end_turn: bool = True  # ask before ending an evening with no orders
    guide: bool = True  # the "first steps" goal tracker
    palette: str = "standard"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["window_size"] = list(self.window_size)
        data["version"] = SETTINGS_VERSION
        return data

    @classmethod
    def from_json(cls, data: Any) -> tuple[Settings, list[str]]:
        """Settings from parsed JSON; values that are missing or wrong take their defaults. Returns the
        settings and a list of problems found (empty when the file was fine)."""
        problems: list[str] = []
        out = cls()
        if not isinstance(data, dict):
            return out, ["the file is not a JSON object"]
        version = data.get("version", 0)
        if isinstance(version, bool) or not isinstance(version, int):
            problems.append("version: expected a whole number")
            version = 0
        for f in fields(cls):
            if f.name == "version" or f.name not in data:
                continue
            try:
                setattr(out, f.name, _coerce(f.name, data[f.name], version))
            except (TypeError, ValueError, OverflowError) as exc:
                problems.append(f"{f.name}: {exc}")
        if version > SETTINGS_VERSION:
            problems.append(f"written by a newer version of the game (settings version {version})")
        return out, problems


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected {what}")
    x = float(value)  # OverflowError for ints beyond float range
    if not math.isfinite(x):
        raise ValueError(f"expected {what}, got {value!r}")
    return x


def _coerce(name: str, value: Any, version: int = SETTINGS_VERSION) -> Any:
    """Validate one field's value, raising ValueError with a reason if it is unusable."""
    if name in ("music_volume", "effects_volume"):
        return min(1.0, max(0.0, _number(value, "a number 0-1")))
    if name == "ui_scale":
        x = _number(value, "a number such as 1.25")
        return min(UI_SCALES, key=lambda s: abs(s - x))
    if name == "window_size":
        if not (isinstance(value, list | tuple) and len(value) == 2
                and all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
            raise ValueError("expected [width, height]")
        w, h = value
        if not (320 <= w <= 16_384 and 240 <= h <= 16_384):
            raise ValueError(f"size {w}x{h} out of range")
        return (w, h)
    if name in ("fullscreen", "first_run", "skip_still_evenings", "auto_close_paper", "confirm_end_turn", "guide"):
        if not isinstance(value, bool):
            raise ValueError("expected true or false")
        return value
    if name == "audio_backend":
        if value not in AUDIO_BACKENDS:
            raise ValueError(f"expected one of {', '.join(AUDIO_BACKENDS)}")
        return value
    if name == "palette":
        if value not in PALETTES:
            raise ValueError(f"expected one of {', '.join(PALETTES)}")
        return value
    if name == "key_bindings":
        if not isinstance(value, dict):
            raise ValueError("expected an object of action -> key")
        bindings = _default_bindings()
        for action, key in value.items():
            action = RENAMED_ACTIONS.get(action, action) if version < 1 else action
            if action in bindings and isinstance(key, str) and 0 < len(key) <= 24:
                bindings[action] = key
        return bindings
    raise ValueError("unknown setting")


def read_json(path: Path, max_bytes: int = MAX_BYTES) -> Any:
    """Parse a small JSON file from outside, raising SettingsFileError naming the file and the problem
    (missing file: FileNotFoundError). Guards size, encoding, syntax and nesting depth."""
    with path.open("rb") as fh:
        raw = fh.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise SettingsFileError(f"{path.name} is larger than {max_bytes // 1024} KB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SettingsFileError(f"{path.name} is not UTF-8 text (byte {exc.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SettingsFileError(f"{path.name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise SettingsFileError(f"{path.name} is nested too deeply") from None


def load(path: Path | None = None) -> tuple[Settings, str | None]:
    """Read settings. Returns (settings, notice): notice is None when all was well, else a sentence for the
    player saying what was wrong with the file and what was done about it."""
    path = path or settings_path()
    try:
        data = read_json(path)
    except FileNotFoundError:
        return Settings(), None
    except SettingsFileError as exc:
        return Settings(), f"The settings file was damaged: {exc}. Default settings are used; {path} is rewritten when you change one."
    except OSError as exc:
        return Settings(), f"Could not read {path} ({exc.strerror or exc}); default settings are used."
    settings, problems = Settings.from_json(data)
    if problems:
        return settings, (f"Some settings in {path.name} were unusable and were reset to their defaults: "
                          f"{'; '.join(problems[:3])}{' …' if len(problems) > 3 else ''}.")
    return settings, None


def save(settings: Settings, path: Path | None = None) -> Path:
    """Write settings atomically: a temporary file beside the target, flushed, then renamed over it."""
    path = path or settings_path()
    write_atomically(path, json.dumps(settings.to_json(), indent=2, sort_keys=True))
    return path


def effective_scale(chosen: float, window: tuple[int, int], minimum: tuple[int, int] = MIN_WINDOW) -> float:
    """The UI scale actually used: the player's choice, lowered when the window is too small to hold a
    `minimum`-sized layout at that scale (every screen is laid out to fit 1024x576 design pixels)."""
    room = min(window[0] / minimum[0], window[1] / minimum[1])
    return max(0.5, min(chosen, room))
