"""Where the stylus is: the groove radius of a side as a function of the cutting lathe's time.

A side is lead-in groove (at the outer radius), music (the spiral runs linearly from the outer radius to
`INNER_GROOVE_RADIUS_MM`), then the run-out groove (a few mm further in). Radii in mm, times in samples of
the cut (the input of a `LatheChain`); playback finds the radius of the groove it reads at its position.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.core.figures import INNER_GROOVE_RADIUS_MM
from game.core.profile import CutProfile

RUN_OUT_RADIUS_MM = INNER_GROOVE_RADIUS_MM - 5.0


@dataclass(frozen=True)
class SideGeometry:
    """A side's layout: lead-in, music and run-out lengths in samples of the cut."""

    outer_mm: float
    lead_in: int
    music: int
    run_out: int

    @classmethod
    def for_profile(cls, profile: CutProfile, lead_in: int, music: int, run_out: int) -> SideGeometry:
        return cls(profile.outer_groove_radius_mm, lead_in, music, run_out)

    @property
    def music_end(self) -> int:
        return self.lead_in + self.music

    @property
    def total(self) -> int:
        return self.lead_in + self.music + self.run_out

    def radius(self, index: np.ndarray | float) -> np.ndarray:
        """Groove radius (mm) at cut sample `index`: r = r_out - (r_out - r_in) clip((n - lead_in) / music, 0, 1),
        then falling 5 mm more through the run-out."""
        n = np.asarray(index, dtype=np.float64)
        u = np.clip((n - self.lead_in) / max(self.music, 1), 0.0, 1.0)
        r = self.outer_mm - (self.outer_mm - INNER_GROOVE_RADIUS_MM) * u
        if self.run_out:
            v = np.clip((n - self.music_end) / self.run_out, 0.0, 1.0)
            r = r - (INNER_GROOVE_RADIUS_MM - RUN_OUT_RADIUS_MM) * v
        return r
