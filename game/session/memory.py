"""Garbage collection at a moment of our choosing. A game keeps many long-lived objects (records, profiles, views,
the interface's surfaces), so CPython's occasional full collection scans them all and stalls whatever runs then:
40-90 ms in the middle of an AI decision or a frame. Instead, after each evening the session collects what the
turn left behind and freezes the survivors (`gc.freeze`): later collections only look at what is new, so they
stay short, and the one pause happens between evenings, where it is budgeted."""

from __future__ import annotations

import gc


def settle_memory() -> None:
    """Collect the turn's garbage, then move everything still alive out of the collector's regular rounds."""
    gc.collect()
    gc.freeze()
