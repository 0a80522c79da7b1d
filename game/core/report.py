"""What a turn produced: events (private to a player or public news) and every unit's position after each step."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.core.grid import Point


@dataclass(frozen=True)
class TurnEvent:
    """kind: refused, action, watched, slipped, bribed, confiscated, arrested, raid, released, news,
    informer_spotted, evidence, offer, trade, note. `player` is who it concerns (None: public news); `step` is the movement step (-1: after
    movement)."""

    kind: str
    text: str
    player: int | None = None
    step: int = -1
    pos: Point | None = None
    patrol: str | None = None


@dataclass
class TurnReport:
    turn: int  # the turn that was resolved
    date: str  # ISO date of that evening
    events: list[TurnEvent] = field(default_factory=list)
    steps: list[dict[str, Point]] = field(default_factory=list)  # unit id ("p0", patrol id) -> tile, per step
    state_hash: str = ""
    units: dict[str, tuple[str, int]] = field(default_factory=dict)  # unit id -> (kind, sight radius), per seat
