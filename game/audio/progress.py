"""Progress reporting: callbacks take a fraction 0-1; `TerminalBar` draws one on a terminal."""

from __future__ import annotations

import sys
from typing import TextIO


class TerminalBar:
    """`label [#########.........]  45%` redrawn in place on `stream` (stderr by default)."""

    def __init__(self, label: str, width: int = 30, stream: TextIO | None = None) -> None:
        self.label, self.width, self.stream = label, width, stream or sys.stderr
        self.last = -1

    def __call__(self, fraction: float) -> None:
        pct = int(max(0.0, min(1.0, fraction)) * 100)
        if pct == self.last:
            return
        self.last = pct
        filled = pct * self.width // 100
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (self.width - filled)}] {pct:3d}%")
        if pct >= 100:
            self.stream.write("\n")
        self.stream.flush()
