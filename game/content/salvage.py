"""After schema errors, build the closest valid level so the semantic checks can still run: every error
of a file is then reported in one run.

Rules, per schema error at `$.<section>...`:
- an element of a list section (sites, masters, patrols, events, genres, parts) is dropped, and its id is
  remembered so that references to it are not reported again;
- a whole list section that is unusable becomes empty, and any reference into it is taken on trust;
- an optional section falls back to its default; an unknown top-level key is removed;
- a required section (map, calendar, start, id, name) gets a neutral stand-in, and the checks that read it
  are skipped (`Gaps.skipped`).
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from game.content.checks import EVERYTHING, Gaps

M = TypeVar("M", bound=BaseModel)

LIST_SECTIONS = ("sites", "masters", "patrols", "events", "genres", "parts")
STAND_INS: dict[str, Any] = {
    "id": "level",
    "name": "level",
    "calendar": {"start": "2000-01-01", "end": "2000-01-02"},
    "map": {"legend": {".": "street"}, "rows": ["...", "...", "..."]},
    "start": {"lathe": {}},
}


def salvage(data: dict[str, Any], errors: list[dict[str, Any]], model: type[M]) -> tuple[M, Gaps] | None:
    """The model built from `data` with the failing parts replaced as above, and the gaps that left; None if
    even that does not validate (the semantic checks are then skipped)."""
    fixed = dict(data)
    drops: dict[str, set[int]] = {}
    skipped: set[str] = set()
    dropped: dict[str, set[str]] = {}
    for err in errors:
        loc = tuple(err["loc"])
        top = loc[0] if loc else None
        if not isinstance(top, str):
            return None
        field = model.model_fields.get(top)
        value = data.get(top)
        if field is None:
            fixed.pop(top, None)
        elif top in LIST_SECTIONS and len(loc) >= 2 and isinstance(loc[1], int) and isinstance(value, list):
            drops.setdefault(top, set()).add(loc[1])
        elif top in LIST_SECTIONS:
            fixed[top] = []
            dropped[top] = {EVERYTHING}
        elif not field.is_required():
            fixed.pop(top, None)
        elif top in STAND_INS:
            fixed[top] = STAND_INS[top]
            skipped.add(top)
        else:
            return None
    for section, indexes in drops.items():
        items = data[section]
        ids = dropped.setdefault(section, set())
        for i in indexes:
            item = items[i] if 0 <= i < len(items) else None
            item_id = item.get("id") if isinstance(item, dict) else None
            ids.add(item_id if isinstance(item_id, str) else EVERYTHING)
        fixed[section] = [x for i, x in enumerate(items) if i not in indexes]
    try:
        built = model.model_validate(fixed)
    except ValidationError:
        return None
    return built, Gaps(frozenset(skipped), {k: frozenset(v) for k, v in dropped.items()})
