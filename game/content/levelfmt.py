"""Write level JSON that people can edit: one map row per line, one site/patrol/master per line."""

from __future__ import annotations

import json
from typing import Any


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def dump_level(data: dict[str, Any]) -> str:
    """The level as JSON text: top-level keys one per line, lists of objects one object per line,
    the map's rows one per line."""
    parts = []
    for key, value in data.items():
        head = f"  {json.dumps(key)}: "
        if key == "map":
            rows = ",\n".join(f"      {json.dumps(r)}" for r in value["rows"])
            body = f'{{\n    "legend": {_compact(value["legend"])},\n    "rows": [\n{rows}\n    ]\n  }}'
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            items = ",\n".join(f"    {_compact(v)}" for v in value)
            body = f"[\n{items}\n  ]"
        else:
            body = _compact(value)
        parts.append(head + body)
    return "{\n" + ",\n".join(parts) + "\n}\n"
