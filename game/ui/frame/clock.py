"""A fixed-step clock: real frame times in, a whole number of equal update steps out.

Animation and simulation playback advance only in `STEP` seconds, so they run the same at 30 or 240 FPS.
A long stall (window dragged, debugger) is capped at `max_steps` so the game never spirals to catch up.
"""

from __future__ import annotations

STEP = 1.0 / 60.0


class FixedStep:
    """Accumulates real time and hands out fixed steps."""

    def __init__(self, step: float = STEP, max_steps: int = 8) -> None:
        self.step = step
        self.max_steps = max_steps
        self.accumulator = 0.0

    def advance(self, real_dt: float) -> int:
        """Add `real_dt` seconds; return how many steps to run now."""
        self.accumulator += max(0.0, real_dt)
        steps = int(self.accumulator / self.step)
        if steps > self.max_steps:
            steps = self.max_steps
            self.accumulator = 0.0
        else:
            self.accumulator -= steps * self.step
        return steps

    @property
    def alpha(self) -> float:
        """How far (0-1) real time is between the last step and the next, for smooth interpolation."""
        return self.accumulator / self.step
