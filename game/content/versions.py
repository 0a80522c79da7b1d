"""Versions and version ranges as mods write them: `1.2` or `1.2.3`; ranges like `>=0.1, <1`.

A version compares as a tuple of three numbers (missing parts are 0). A range is comparisons joined by commas;
a version is inside when it passes every comparison.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable

GAME_VERSION = "0.1.0"  # kept equal to pyproject.toml's version by a test

VERSION_PATTERN = r"^\d{1,4}(\.\d{1,4}){0,2}$"
_COMPARISON = r"\s*(>=|<=|==|>|<)\s*(\d{1,4}(?:\.\d{1,4}){0,2})\s*"
RANGE_PATTERN = rf"^{_COMPARISON}(,{_COMPARISON})*$"
_OPS: dict[str, Callable[[tuple[int, ...], tuple[int, ...]], bool]] = {
    ">=": operator.ge, "<=": operator.le, "==": operator.eq, ">": operator.gt, "<": operator.lt}


def parse_version(text: str) -> tuple[int, int, int]:
    """`1.2` -> (1, 2, 0); ValueError for anything else."""
    if not re.match(VERSION_PATTERN, text):
        raise ValueError(f"not a version: {text!r}")
    parts = [int(p) for p in text.split(".")] + [0, 0]
    return parts[0], parts[1], parts[2]


def in_range(version: str, spec: str) -> bool:
    """Whether `version` passes every comparison of `spec` (e.g. `>=0.1, <1`)."""
    if not re.match(RANGE_PATTERN, spec):
        raise ValueError(f"not a version range: {spec!r}")
    v = parse_version(version)
    return all(_OPS[op](v, parse_version(bound)) for op, bound in re.findall(_COMPARISON, spec))
