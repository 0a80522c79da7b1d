"""The mods this run of the game plays with: the player's saved choice, loaded once and again whenever the Mods
screen changes it. Enabled, error-free mods give Skirmish their levels, the Codex their notes and the music
library (the booth) their tracks. A mod with errors is left out and the game goes on; so does the game when
reading the mods fails altogether (the Mods screen then says why)."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from game.content.models import Level
from game.content.modset import ModSet, ModState, load_mods, read_state, user_mods_dir, write_state
from game.ui.files.codex_text import ENTRIES, CodexEntry

_current: ModSet | None = None
_failure = ""
_music_added: set[Path] = set()


def current() -> ModSet:
    """The mods as last loaded (loading them the first time)."""
    return _current if _current is not None else reload()


def failure() -> str:
    """Why reading the mods failed the last time, or ''."""
    return _failure


def reload() -> ModSet:
    """Read the installed mods and the saved choice again; enabled mods' music joins the library."""
    global _current, _failure
    try:
        _current, _failure = load_mods(codex_ids=[e.id for e in ENTRIES]), ""
    except Exception as exc:  # a bug while reading mods must not take the game down: say so, play without mods
        traceback.print_exc(file=sys.stderr)
        _current, _failure = ModSet(), f"{type(exc).__name__}: {exc}"
    _add_music(_current)
    return _current


def _add_music(mods: ModSet) -> None:
    """Let the library (and so the booth) play the enabled mods' checked tracks. A folder stays in the
    library until the game restarts, even if its mod is turned off."""
    from game.audio.library import add_music_dir

    for folder in mods.music_dirs():
        if folder not in _music_added:
            add_music_dir(folder)
            _music_added.add(folder)


def set_enabled(mod_id: str, on: bool) -> ModSet:
    """Turn a mod on (it loads last among the player's choices) or off, save the choice, and reload."""
    state, _ = read_state()
    enabled = [m for m in state.enabled if m != mod_id] + ([mod_id] if on else [])
    write_state(ModState(enabled=enabled))
    return reload()


def skirmish_levels() -> list[tuple[Path, Level]]:
    """The enabled mods' skirmish levels, for the Skirmish list."""
    return [(found.path, found.level) for found in current().levels()]


def with_mod_notes(entries: list[CodexEntry]) -> list[CodexEntry]:
    """The Codex notes with the enabled mods' added (a mod's note replaces one it overrides, by id)."""
    merged = {e.id: e for e in entries}
    merged.update({e.id: CodexEntry(e.id, e.title, e.years, e.text) for e in current().codex()})
    return list(merged.values())


def mods_folder() -> Path:
    """Where a player puts mods."""
    return user_mods_dir()
