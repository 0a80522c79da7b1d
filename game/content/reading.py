"""Read a JSON content file the way a careful person would: bounded, placed, and never trusting a number.

Steps: check the size before reading (and read at most the limit) -> decode UTF-8 (line/column of a bad
byte) -> measure the nesting before parsing (line/column where it gets too deep) -> parse (line/column of a
syntax error) -> refuse NaN, Infinity, numbers that overflow and over-long integers, and duplicate keys,
each with its JSON path. Refused numbers stay in the data as `Refused` markers so that the schema check
goes on with the rest of the file; the schema problems at those paths are dropped (already reported).
Then `parse_model` validates the data against a content model (a top-level `"$schema"` string, the editor's
link to the published schema, is allowed in every file).
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from game.content.errors import ContentError, Problem
from game.content.jsonerrors import child_path, json_problem, show, validation_problems
from game.content.limits import MAX_DEPTH, MAX_INT_DIGITS, MAX_JSON_BYTES

M = TypeVar("M", bound=BaseModel)
WHAT = {"level": "a level", "catalog": "a catalog", "mod": "mod.json", "campaign": "a campaign",
        "events": "an events file", "codex": "a Codex file", "score": "a score", "track_meta": "a track's metadata"}


@dataclass(frozen=True)
class Refused:
    """A number the file wrote that no content may hold (NaN, Infinity, overflow, too many digits)."""

    text: str
    reason: str


class KeyedObject(dict[str, Any]):
    """A JSON object that remembers the keys it was given more than once."""

    repeated: tuple[str, ...] = ()


@dataclass
class JsonFile:
    """A parsed content file: its data plus the problems found while reading (the file could still be read)."""

    path: str
    data: Any
    problems: list[Problem] = field(default_factory=list)
    refused_paths: frozenset[str] = frozenset()


_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def where_in_text(text: str, offset: int) -> str:
    """`line L, column C` (both from 1) of a character offset."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def too_deep_at(text: str, limit: int = MAX_DEPTH) -> int | None:
    """Offset of the first bracket that opens nesting level `limit + 1`, or None (strings are skipped)."""
    depth = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return match.start()
        elif token in "]}":
            depth -= 1
    return None


def read_bytes(path: str | Path, limit: int, what: str) -> bytes:
    """The file's bytes, refusing anything that is not a regular file or is larger than `limit` bytes."""
    name = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ContentError.single(name, "-", "no such file") from None
    except OSError as exc:
        raise ContentError.single(name, "-", f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ContentError.single(name, "-", "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ContentError.single(name, "-", "is not a regular file (a device, pipe or socket)")
    if info.st_size > limit:
        raise ContentError.single(name, "-", too_big(info.st_size, limit, what),
                                  hint="split it up or remove unused content")
    try:
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise ContentError.single(name, "-", f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > limit:
        raise ContentError.single(name, "-", f"the file grew past {size_text(limit)} while it was read")
    return raw


def too_big(n: int, limit: int, what: str) -> str:
    """`the file is 12.0 MB; a level may be at most 1.0 MB` (exact bytes where rounding would hide it)."""
    size, most = size_text(n), size_text(limit)
    if size == most:
        size, most = f"{n} bytes", f"{limit} bytes"
    return f"the file is {size}; {what} may be at most {most}"


def size_text(n: int) -> str:
    """Bytes as people say them: 900 bytes, 12.5 kB, 1.0 MB."""
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} kB"
    return f"{n / (1024 * 1024):.1f} MB"


def decode(name: str, raw: bytes) -> str:
    """UTF-8 text without a byte-order mark, or ContentError at the first bad byte."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ContentError.single(name, f"line {line}, column {column}",
                                  f"not UTF-8 text (byte 0x{raw[exc.start]:02x})",
                                  hint="save the file as UTF-8 in your editor") from None
    return text[1:] if text.startswith("\ufeff") else text


def _parse_int(text: str) -> int | Refused:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        return Refused(text if len(text) <= 24 else text[:20] + "...", f"has {len(text.lstrip('-'))} digits; "
                                                                       f"at most {MAX_INT_DIGITS} are allowed")
    return int(text)


def _parse_float(text: str) -> float | Refused:
    value = float(text)
    if not math.isfinite(value):
        return Refused(text if len(text) <= 24 else text[:20] + "...", "is too large (it overflows to infinity)")
    return value


def _parse_constant(text: str) -> Refused:
    return Refused(text, "is not a number JSON allows (NaN and Infinity are refused everywhere)")


def _object(pairs: list[tuple[str, Any]]) -> KeyedObject:
    obj = KeyedObject(pairs)
    if len(obj) != len(pairs):
        obj.repeated = tuple(k for k, n in Counter(k for k, _ in pairs).items() if n > 1)
    return obj


def parse_text(name: str, text: str) -> JsonFile:
    """Parse JSON text (already decoded) with the depth, number and duplicate-key rules above."""
    deep = too_deep_at(text)
    if deep is not None:
        raise ContentError.single(name, where_in_text(text, deep),
                                  f"nested more than {MAX_DEPTH} levels deep",
                                  hint="content files need only a few levels of [ ] and { }; look for brackets "
                                       "that were never closed")
    try:
        data = json.loads(text, object_pairs_hook=_object, parse_int=_parse_int, parse_float=_parse_float,
                          parse_constant=_parse_constant)
    except json.JSONDecodeError as exc:
        raise ContentError([json_problem(name, exc)]) from None
    except (RecursionError, ValueError) as exc:  # not reachable with the depth and digit limits; kept placed
        raise ContentError.single(name, "-", f"invalid JSON: {exc}") from None
    problems, refused = _marks(name, data)
    return JsonFile(name, data, problems, frozenset(refused))


def _marks(name: str, data: Any) -> tuple[list[Problem], list[str]]:
    """Problems for every refused number and repeated key, with their JSON paths (walked without recursion)."""
    problems: list[Problem] = []
    refused: list[str] = []
    stack: list[tuple[str, Any]] = [("$", data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, Refused):
            refused.append(path)
            problems.append(Problem(name, path, f"the number {node.text} {node.reason}",
                                    hint="write a plain number within the range the field allows"))
        elif isinstance(node, dict):
            for key in getattr(node, "repeated", ()):
                problems.append(Problem(name, child_path(path, key), f"key {key!r} is written more than once in "
                                                                      "this object", hint="keep only one of them"))
            stack.extend((child_path(path, k), v) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((f"{path}[{i}]", v) for i, v in reversed(list(enumerate(node))))
    return problems, refused


def read_json(path: str | Path, limit: int, what: str) -> JsonFile:
    """Read and parse one content file; ContentError if it cannot be read at all (with file and place)."""
    name = str(path)
    return parse_text(name, decode(name, read_bytes(path, limit, what)))


@dataclass
class Parsed(Generic[M]):
    """One content file read and validated: the model (None if the schema refused it), the parsed data,
    and every problem found so far."""

    model: M | None
    data: Any
    problems: list[Problem] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)


def parse_model(jf: JsonFile, model: type[M]) -> Parsed[M]:
    """Validate parsed JSON against `model` (a top-level object; `$schema` allowed and ignored)."""
    data = jf.data
    if not isinstance(data, dict):
        return Parsed(None, data, jf.problems + [Problem(jf.path, "$", f"expected a JSON object at the top, got "
                                                                       f"{show(data)}")])
    schema_ref = data.pop("$schema", None)
    problems = list(jf.problems)
    if schema_ref is not None and not isinstance(schema_ref, str):
        problems.append(Problem(jf.path, "$.$schema", f"expected a string (the schema's path), got {show(schema_ref)}"))
    try:
        return Parsed(model.model_validate(data), data, problems)
    except ValidationError as exc:
        errors = [dict(e) for e in exc.errors(include_url=False)]
        return Parsed(None, data, problems + validation_problems(jf.path, exc, data, jf.refused_paths), errors)
    except RecursionError:  # not reachable under the depth limit; kept placed rather than a traceback
        return Parsed(None, data, problems + [Problem(jf.path, "$", "nested too deeply to check")])


def read_model(path: str | Path, kind: str, model: type[M]) -> Parsed[M]:
    """Read a content file of `kind` (a key of limits.MAX_JSON_BYTES) and validate it against `model`."""
    try:
        jf = read_json(path, MAX_JSON_BYTES[kind], WHAT[kind])
    except ContentError as exc:
        return Parsed(None, None, exc.problems)
    return parse_model(jf, model)
