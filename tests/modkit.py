"""Helpers for mod tests: real mod folders on disk, written the way a modder would."""

from __future__ import annotations

import json
import wave
from pathlib import Path
from typing import Any

from game.cli.newmod import skeleton
from game.content.errors import Problem

ROOT = Path(__file__).resolve().parents[1]
KOLOMNA = ROOT / "mods" / "kolomna_nights"


def new_mod(base: Path, ident: str = "test_mod", name: str = "Test Mod") -> Path:
    """A fresh skeleton mod (what `newmod` writes) in `base/ident`."""
    folder = base / ident
    skeleton(folder, name, ident, 1956)
    return folder


def read(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def write(path: Path, data: dict[str, Any] | list[Any] | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2, allow_nan=True), encoding="utf-8")
    return path


def edit(path: Path, **changes: Any) -> Path:
    """Change top-level fields of a JSON file in place."""
    return write(path, {**read(path), **changes})


def write_wav(path: Path, seconds: float, rate: int = 22_050, width: int = 2, channels: int = 1) -> Path:
    """A silent PCM WAV of the given shape."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(b"\x00" * int(seconds * rate) * width * channels)
    return path


def has(problems: list[Problem], words: tuple[str, ...], file_end: str = "", where: str | None = None) -> bool:
    return any(all(w in p.message for w in words) and p.file.endswith(file_end) and (where is None or p.where == where)
               for p in problems)
