"""Turn json and pydantic errors into `Problem`s with a line/column or a JSON path and plain words."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import ValidationError

from game.content.errors import Problem

EXPECTED: dict[str, str] = {
    "int_type": "an integer",
    "int_parsing": "an integer",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "string_type": "a string",
    "list_type": "a list",
    "tuple_type": "a list",
    "dict_type": "an object",
    "model_type": "an object",
    "model_attributes_type": "an object",
    "date_type": "a date written YYYY-MM-DD",
    "date_parsing": "a date written YYYY-MM-DD",
    "date_from_datetime_parsing": "a date written YYYY-MM-DD",
    "date_from_datetime_inexact": "a date written YYYY-MM-DD",
    "none_required": "null",
}


def show(value: Any, limit: int = 60) -> str:
    """A short readable rendering of a JSON value found in a file."""
    if isinstance(value, dict):
        text = "an object"
    elif isinstance(value, list):
        text = f"a list of {len(value)}"
    elif isinstance(value, str):
        text = repr(value) if len(value) <= limit else repr(value[: limit - 5] + "...")
    elif value is None or isinstance(value, bool | int | float):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(getattr(value, "text", type(value).__name__))
    return text if len(text) <= limit else text[: limit - 3] + "..."


def json_problem(file: str, err: json.JSONDecodeError) -> Problem:
    """Broken JSON: the line and column where the parser stopped."""
    return Problem(file, f"line {err.lineno}, column {err.colno}", f"invalid JSON: {err.msg}")


def child_path(path: str, key: str) -> str:
    """`path` extended by an object key: `.name` for plain keys, `["odd key"]` for the rest."""
    return f"{path}.{key}" if key.isidentifier() else f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def json_path(loc: tuple[Any, ...], data: Any) -> str:
    """Pydantic's `loc` as a JSON path like `$.sites[3].at[0]`, walking the parsed data so that pydantic's
    union-member tags (`constrained-str`, `literal['all']`) are dropped; `(key)` marks a bad dict key."""
    path = "$"
    node = data
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if part == "[key]":
            path += " (key)"
        elif isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
            path += f"[{part}]"
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and (part in node or last):
            path = child_path(path, part)
            node = node.get(part)
        elif isinstance(part, int) and isinstance(node, list) and last:
            path += f"[{part}]"
        # anything else is a union tag of pydantic's, not a place in the file
    return path


def _words(err: dict[str, Any]) -> tuple[str | None, str]:
    """(expected-phrase or None, full message) for one pydantic error."""
    kind, ctx, found = err["type"], err.get("ctx") or {}, err.get("input")
    if kind == "missing":
        return None, f"missing required field '{err['loc'][-1]}'" if err["loc"] else "missing value"
    if kind == "extra_forbidden":
        return None, f"unknown field '{err['loc'][-1]}' (check the spelling; MODDING.md lists every field)"
    if kind in EXPECTED:
        expected = EXPECTED[kind]
        if kind.startswith("date") and ctx.get("error"):
            return expected, f"expected {expected}, got {show(found)} ({ctx['error']})"
        return expected, f"expected {expected}, got {show(found)}"
    if kind in ("literal_error", "enum"):
        expected = f"one of {ctx.get('expected', '?')}"
        return expected, f"expected {expected}, got {show(found)}"
    if kind == "string_pattern_mismatch":
        return None, f"expected a lower_snake_case id (a-z, 0-9, _), got {show(found)}"
    bounds = {"greater_than_equal": ">=", "greater_than": ">", "less_than_equal": "<=", "less_than": "<"}
    if kind in bounds:
        limit = next(iter(ctx.values()), "?")
        return None, f"expected a number {bounds[kind]} {limit}, got {show(found)}"
    if kind == "finite_number":
        return None, f"expected a finite number, got {show(found)}"
    if kind == "string_too_long":
        return None, (f"expected at most {ctx.get('max_length', '?')} characters, got "
                      f"{len(found) if isinstance(found, str) else '?'}")
    if kind == "string_too_short":
        return None, f"expected at least {ctx.get('min_length', '?')} character(s), got {show(found)}"
    if kind == "too_short":
        return None, f"expected at least {ctx.get('min_length', '?')} item(s), got {show(found)}"
    if kind == "too_long":
        return None, f"expected at most {ctx.get('max_length', '?')} item(s), got {show(found)}"
    message = err["msg"].rstrip(".")
    message = message[0].lower() + message[1:] if message else "invalid value"
    return None, f"{message}, got {show(found)}" if kind != "value_error" else message


def validation_problems(file: str, exc: ValidationError, data: Any,
                        skip: frozenset[str] = frozenset()) -> list[Problem]:
    """Every pydantic error as a Problem; alternatives of a union at one place are merged into one line.
    Errors at the paths in `skip` (numbers the reader already refused) are left out."""
    grouped: dict[str, list[tuple[str | None, str, Any]]] = {}
    for err in exc.errors(include_url=False):
        where = json_path(tuple(err["loc"]), data)
        expected, message = _words(dict(err))
        grouped.setdefault(where, []).append((expected, message, err.get("input")))
    problems: list[Problem] = []
    for where, entries in grouped.items():
        if where in skip:
            continue
        alternatives = [e for e, _, _ in entries if e]
        if len(entries) > 1 and len(alternatives) == len(entries):
            unique = list(dict.fromkeys(alternatives))
            message = f"expected {' or '.join(unique)}, got {show(entries[0][2])}"
            problems.append(Problem(file, where, message))
        else:
            for message in dict.fromkeys(m for _, m, _ in entries):
                problems.append(Problem(file, where, message))
    return collapse(problems)


def collapse(problems: list[Problem], keep: int = 3) -> list[Problem]:
    """The same message at more than `keep` places that differ only in list indexes (every row of a map,
    every patrol) becomes one problem at the first place, saying how many more share it."""
    groups: dict[tuple[str, str], list[Problem]] = {}
    for p in problems:
        groups.setdefault((re.sub(r"\[\d+\]", "[*]", p.where), p.message), []).append(p)
    out = []
    for p in problems:
        group = groups[(re.sub(r"\[\d+\]", "[*]", p.where), p.message)]
        if len(group) <= keep:
            out.append(p)
        elif p is group[0]:
            out.append(Problem(p.file, p.where, f"{p.message} (and the same at {len(group) - 1} more places, "
                                                f"like {group[1].where})", p.hint))
    return out
