"""TurnPlayback: the resolved evening replayed tile by tile from `session.report(seat).steps`.

Driven by the fixed-step clock (`update(dt)`), about STEP_SECONDS a movement step. Events that carry a step
(sightings, informers, encounters) fire when the playback reaches that step: `update` returns them, and an
encounter pauses the playback until `resume()` (the scene shows its dialog). `skip()` jumps to the next
encounter, or to the end."""

from __future__ import annotations

from collections.abc import Mapping

from game.core.grid import Point
from game.core.report import TurnEvent, TurnReport
from game.ui.play.map_view import interpolate

STEP_SECONDS = 0.25
ENCOUNTER_KINDS = frozenset({"slipped", "bribed", "confiscated", "arrested"})
FLASH_SECONDS = 0.9


class TurnPlayback:
    """Positions over time for the units the seat saw; events released at their step."""

    def __init__(self, report: TurnReport, start: Mapping[str, Point]) -> None:
        self.report = report
        self.frames: list[dict[str, Point]] = [dict(start), *[dict(s) for s in report.steps]]
        self.t = 0.0  # in steps
        self.paused = False
        self.fired = 0  # how many of `timed` have been released
        self.timed = sorted((e for e in report.events if e.step >= 0), key=lambda e: e.step)
        self.flashes: list[tuple[Point, float, str]] = []  # tile, seconds left, kind

    @property
    def still(self) -> bool:
        """Nothing to watch: no unit you saw moved (you included) and nothing happened on the way."""
        if self.timed:
            return False
        first = self.frames[0]
        return all(frame.get(uid) == pos for frame in self.frames[1:] for uid, pos in first.items()) and \
            all(uid in first for frame in self.frames[1:] for uid in frame)

    @property
    def steps(self) -> int:
        return len(self.frames) - 1

    @property
    def done(self) -> bool:
        return self.t >= self.steps and self.fired >= len(self.timed) and not self.paused

    def _release(self) -> list[TurnEvent]:
        """Events whose step has been reached (the step index i is shown at t = i + 1)."""
        out: list[TurnEvent] = []
        while self.fired < len(self.timed) and self.timed[self.fired].step + 1 <= self.t + 1e-9:
            event = self.timed[self.fired]
            self.fired += 1
            out.append(event)
            if event.pos is not None:
                self.flashes.append((event.pos, FLASH_SECONDS, event.kind))
            if event.kind in ENCOUNTER_KINDS:
                self.paused = True
                self.t = float(event.step + 1)
                break
        return out

    def update(self, dt: float) -> list[TurnEvent]:
        """Advance by one fixed step of `dt` seconds; returns the events reached."""
        self.flashes = [(p, s - dt, k) for p, s, k in self.flashes if s - dt > 0]
        if self.paused:
            return []
        self.t = min(float(self.steps), self.t + dt / STEP_SECONDS)
        return self._release()

    def resume(self) -> None:
        self.paused = False

    def skip(self) -> list[TurnEvent]:
        """Jump to the next encounter (which pauses) or to the end; returns the events passed over."""
        if self.paused:
            return []
        nxt = next((e for e in self.timed[self.fired:] if e.kind in ENCOUNTER_KINDS), None)
        self.t = float(self.steps if nxt is None else nxt.step + 1)
        self.flashes = []
        return self._release()

    def positions(self) -> dict[str, tuple[float, float]]:
        """Every unit's position now, between the two steps around `t`."""
        i = min(int(self.t), self.steps)
        if i >= self.steps:
            return {k: (float(x), float(y)) for k, (x, y) in self.frames[-1].items()}
        return interpolate(self.frames[i], self.frames[i + 1], self.t - i)
