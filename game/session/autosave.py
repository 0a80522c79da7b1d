"""The host's autosave, kept off the critical path of a turn without ever losing one.

Two files: the game file itself (`<save>`, the command log: a replay and a save) and a journal beside it
(`<save>.turns.jsonl`, one line per completed turn: `{"turn": N, "orders": {...}, "hash": "..."}`).
- Before anyone sees a new evening, its turn is appended to the journal (one short write: a crash of the server
  after that point loses nothing);
- the whole game file is rewritten on a worker thread (temporary file, fsync, rename): the latest text wins
  if turns come faster than the disk;
- `recover` reads the game file and appends the journal's turns it lacks (a torn last line from a crash is
  ignored; every recovered turn is re-resolved and hash-checked when the game is loaded).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from game.content.atomic import write_atomically
from game.session.replay import GameFile, TurnLog, read_game_file, write_game_file


def journal_path(save: Path) -> Path:
    return save.with_name(save.name + ".turns.jsonl")


class Autosave:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.journal = journal_path(self.path)
        self._text: str | None = None
        self._busy = False
        self._lock = threading.Condition()
        self._journal: TextIO | None = None
        self._thread = threading.Thread(target=self._run, name="autosave", daemon=True)
        self._thread.start()

    def begin(self, text: str) -> None:
        """A game (new, or recovered and complete on disk) starts: its file written now, the journal emptied."""
        write_atomically(self.path, text)
        if self._journal is not None:
            self._journal.close()
        self._journal = open(self.journal, "w", encoding="utf-8")  # noqa: SIM115 - open for the whole game

    def append_turn(self, index: int, turn: TurnLog) -> None:
        """Journal turn `index` (0-based) now, before the evening is announced (written through to the OS, so a
        crash of this process loses nothing)."""
        assert self._journal is not None, "begin() first"
        self._journal.write(f'{{"turn":{index},{turn.model_dump_json()[1:]}\n')
        self._journal.flush()

    def write(self, text: str) -> None:
        """Rewrite the whole game file with `text` on the worker thread."""
        with self._lock:
            self._text = text
            self._lock.notify_all()

    def _run(self) -> None:
        while True:
            with self._lock:
                self._busy = False
                self._lock.notify_all()
                self._lock.wait_for(lambda: self._text is not None)
                text, self._text, self._busy = self._text, None, True
            write_atomically(self.path, text)

    def flush(self, timeout: float = 10.0) -> None:
        """Wait until the latest text is on disk."""
        with self._lock:
            self._lock.wait_for(lambda: self._text is None and not self._busy, timeout)


def recover(path: Path) -> GameFile:
    """The game file with the journal's later turns appended (and written back); GameFileError if unreadable."""
    game = read_game_file(path)
    journal = journal_path(Path(path))
    if not journal.is_file():
        return game
    added = False
    for line in journal.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            entry = json.loads(line)
            index = entry.pop("turn")
            turn = TurnLog.model_validate(entry)
        except (ValueError, KeyError, TypeError, AttributeError, ValidationError):
            break  # a torn last line
        if index == len(game.turns):
            game.turns.append(turn)
            added = True
        elif index > len(game.turns):
            break
    if added:
        write_game_file(Path(path), game)
    return game
