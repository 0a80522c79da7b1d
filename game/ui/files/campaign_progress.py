"""Campaign progress in the user's data folder: `$XDG_DATA_HOME/bone-music/campaign.json` (else
`~/.local/share/bone-music/campaign.json`): the difficulty chosen, and per campaign and chapter the best result.

A chapter's best result: won or not, the fewest evenings it was won in, the most money held at its end (kopecks),
the most objectives met (bonuses too), and how often it was played. A chapter is open when it is the first of its
campaign or the one before it has been won.

Written atomically (a temporary file in the same folder, renamed over the old one). The file is outside input: a
damaged one (not JSON, wrong shape, NaN, huge, not UTF-8) is reported by `read` with a message and left alone;
the next `write` first moves it aside to `campaign.json.damaged` (an older damaged copy is replaced), so nothing
is lost and the rest of the game is never touched."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.content.atomic import write_atomically

MAX_BYTES = 1024 * 1024
FILE_NAME = "campaign.json"
Difficulty = Literal["easy", "normal", "hard"]


class ChapterBest(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    won: bool = False
    turns: int | None = Field(None, ge=0, le=100_000, description="fewest evenings a win took")
    money: int = Field(0, ge=-10**12, le=10**12, description="most kopecks held at a chapter's end")
    objectives: int = Field(0, ge=0, le=1000, description="most objectives met in one game")
    played: int = Field(0, ge=0, le=10**9)


class Progress(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    version: Literal[1] = 1
    difficulty: Difficulty = "normal"
    campaigns: dict[str, dict[str, ChapterBest]] = Field(default_factory=dict, max_length=1000)

    def best(self, campaign: str, chapter: str) -> ChapterBest:
        return self.campaigns.get(campaign, {}).get(chapter, ChapterBest())

    def is_open(self, campaign: str, chapters: list[str], index: int) -> bool:
        """Whether chapter `index` of a campaign whose chapters are `chapters` (level ids in order) may be played."""
        return index == 0 or self.best(campaign, chapters[index - 1]).won

    def won_chapters(self, campaign: str) -> list[str]:
        return [c for c, best in self.campaigns.get(campaign, {}).items() if best.won]

    def record(self, campaign: str, chapter: str, won: bool, turns: int, money: int, objectives: int) -> ChapterBest:
        """Count one finished game of a chapter and keep the best of each figure; returns the new best."""
        old = self.best(campaign, chapter)
        fewest = old.turns
        if won:
            fewest = turns if fewest is None else min(fewest, turns)
        new = ChapterBest(won=old.won or won, turns=fewest, money=max(old.money, money) if old.played else money,
                          objectives=max(old.objectives, objectives), played=old.played + 1)
        self.campaigns.setdefault(campaign, {})[chapter] = new
        return new


@dataclass(frozen=True)
class Loaded:
    """What `read` found: the progress (empty when there is none or it is damaged) and a message if damaged."""

    progress: Progress
    error: str = ""


def progress_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "bone-music" / FILE_NAME


def read(path: Path | None = None) -> Loaded:
    """The saved progress; an empty one (and a message naming the file and the problem) if it is damaged."""
    path = path or progress_path()
    try:
        if not path.exists():
            return Loaded(Progress())
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Loaded(Progress(), f"{path}: {size} bytes is too big for a progress file (at most {MAX_BYTES})")
        raw = path.read_bytes()
    except OSError as exc:
        return Loaded(Progress(), f"{path}: cannot be read ({exc.strerror or exc})")
    try:
        text = raw.decode("utf-8")
        return Loaded(Progress.model_validate_json(text))
    except UnicodeDecodeError as exc:
        return Loaded(Progress(), f"{path}: not UTF-8 text (byte {exc.start})")
    except ValidationError as exc:
        first = exc.errors()[0]
        where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"])
        return Loaded(Progress(), f"{path}: {where}: {first['msg']}")
    except (ValueError, RecursionError) as exc:
        return Loaded(Progress(), f"{path}: not a progress file ({exc})")


def write(progress: Progress, path: Path | None = None) -> None:
    """Save atomically; a damaged file at `path` is first kept as `<name>.damaged`."""
    path = path or progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and read(path).error:
        os.replace(path, path.with_name(path.name + ".damaged"))
    write_atomically(path, progress.model_dump_json(indent=2) + "\n")
