"""Player settings: volumes, window, UI scale, key bindings, audio backend; one JSON file in the config folder.

The file is `$XDG_CONFIG_HOME/bone-music/settings.json` (or `~/.config/bone-music/settings.json`). It is written
atomically (a temporary file in the same folder, then `os.replace`). A missing file gives the defaults; a damaged
one gives the defaults *and* a notice for the player, never an exception. Unknown keys are ignored and bad
values fall back to their default one by one. No pygame here: key bindings are stored as pygame key names.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

AUDIO_BACKENDS: tuple[str, ...] = ("auto", "sounddevice", "pygame", "silent")
WINDOW_SIZES: tuple[tuple[int, int], ...] = ((1280, 720), (1366, 768), (1600, 900), (1920, 1080), (2560, 1440))
UI_SCALES: tuple[float, ...] = (0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)

#: action -> (label for the settings screen, default key name as pygame.key.name gives it)
ACTIONS: dict[str, tuple[str, str]] = {
    "pan_up": ("Pan map up", "w"),
    "pan_down": ("Pan map down", "s"),
    "pan_left": ("Pan map left", "a"),
    "pan_right": ("Pan map right", "d"),
    "zoom_in": ("Zoom in", "="),
    "zoom_out": ("Zoom out", "-"),
    "end_turn": ("End turn", "space"),
    "booth": ("Listening booth", "b"),
    "workshop": ("Workshop", "l"),
    "quick_save": ("Quick save", "f5"),
    "quick_load": ("Quick load", "f9"),
    "codex": ("Codex", "f1"),
}
#: keys that always work and cannot be rebound
FIXED_KEYS: dict[str, str] = {"Back / close": "escape", "Confirm": "return", "Next control": "tab", "Move focus": "arrows"}


def config_dir() -> Path:
    """The folder settings (and later saves) live in."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "bone-music"


def settings_path() -> Path:
    return config_dir() / "settings.json"


def _default_bindings() -> dict[str, str]:
    return {action: key for action, (_label, key) in ACTIONS.items()}


@dataclass
class Settings:
    """Everything the Settings screen edits. Volumes are 0-1."""

    music_volume: float = 0.8
    effects_volume: float = 0.8
    window_size: tuple[int, int] = (1280, 720)
    fullscreen: bool = False
    ui_scale: float = 1.0
    audio_backend: str = "auto"
    key_bindings: dict[str, str] = field(default_factory=_default_bindings)
    first_run: bool = True

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["window_size"] = list(self.window_size)
        return data

    @classmethod
    def from_json(cls, data: Any) -> tuple[Settings, list[str]]:
        """Settings from parsed JSON; values that are missing or wrong take their defaults. Returns the
        settings and a list of problems found (empty when the file was fine)."""
        problems: list[str] = []
        out = cls()
        if not isinstance(data, dict):
            return out, ["the file is not a JSON object"]
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            try:
                setattr(out, f.name, _coerce(f.name, value))
            except (TypeError, ValueError) as exc:
                problems.append(f"{f.name}: {exc}")
        return out, problems


def _coerce(name: str, value: Any) -> Any:
    """Validate one field's value, raising ValueError with a reason if it is unusable."""
    if name in ("music_volume", "effects_volume"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("expected a number 0-1")
        return min(1.0, max(0.0, float(value)))
    if name == "ui_scale":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("expected a number")
        return min(2.0, max(0.75, float(value)))
    if name == "window_size":
        if not (isinstance(value, list | tuple) and len(value) == 2 and all(isinstance(v, int) for v in value)):
            raise ValueError("expected [width, height]")
        w, h = value
        if not (320 <= w <= 10_000 and 240 <= h <= 10_000):
            raise ValueError("size out of range")
        return (w, h)
    if name in ("fullscreen", "first_run"):
        if not isinstance(value, bool):
            raise ValueError("expected true or false")
        return value
    if name == "audio_backend":
        if value not in AUDIO_BACKENDS:
            raise ValueError(f"expected one of {', '.join(AUDIO_BACKENDS)}")
        return value
    if name == "key_bindings":
        if not isinstance(value, dict):
            raise ValueError("expected an object of action -> key")
        bindings = _default_bindings()
        for action, key in value.items():
            if action in bindings and isinstance(key, str) and key:
                bindings[action] = key
        return bindings
    raise ValueError("unknown setting")


def load(path: Path | None = None) -> tuple[Settings, str | None]:
    """Read settings. Returns (settings, notice): notice is None when all was well, else a sentence for the
    player saying the file was damaged and what was done about it."""
    path = path or settings_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), None
    except OSError as exc:
        return Settings(), f"Could not read {path} ({exc.strerror}); using default settings."
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return Settings(), f"The settings file {path.name} was damaged (line {getattr(exc, 'lineno', '?')}); defaults restored."
    settings, problems = Settings.from_json(data)
    if problems:
        return settings, f"Some settings in {path.name} were unusable and were reset: {'; '.join(problems[:3])}."
    return settings, None


def save(settings: Settings, path: Path | None = None) -> Path:
    """Write settings atomically: a temporary file beside the target, flushed, then renamed over it."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(settings.to_json(), fh, indent=2, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path
