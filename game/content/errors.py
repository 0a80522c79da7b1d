"""Content errors: every problem names the file, the place in it, what is wrong and, where it helps, what to
do about it. Never a traceback."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content file.

    `where` is `line L, column C` for broken JSON, a JSON path such as `$.sites[3].at` for a wrong or
    missing value, or `-` when the problem is the file as a whole (missing, unreadable, too big).
    `hint` is an optional next step in plain words.
    """

    file: str
    where: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.message}"

    def full(self) -> str:
        """The problem with its hint on a second, indented line."""
        return f"{self}\n    hint: {self.hint}" if self.hint else str(self)


class ContentError(Exception):
    """A content file could not be loaded; `problems` lists every problem found (at least one)."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("ContentError needs at least one problem")
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, file: str | Path, where: str, message: str, hint: str = "") -> ContentError:
        return cls([Problem(str(file), where, message, hint)])
