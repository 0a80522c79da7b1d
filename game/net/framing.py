"""Frames: one JSON message per line, UTF-8, ended by a newline (b"\\n"). JSON text never contains a raw newline
(it escapes them), so a line is a message. A frame longer than the reader's limit is an error, never buffered."""

from __future__ import annotations

import asyncio

from pydantic import BaseModel


class FrameError(Exception):
    """The peer broke the framing (a frame over the limit); the connection must close."""


def encode(message: BaseModel) -> bytes:
    """A message as one frame."""
    return message.model_dump_json().encode("utf-8") + b"\n"


async def read_frame(reader: asyncio.StreamReader, limit: int) -> bytes | None:
    """The next frame without its newline, or None at the end of the stream (a truncated last frame counts as the
    end). Raises FrameError for a frame of more than `limit` bytes (the reader's own buffer limit must be at
    least `limit`)."""
    try:
        line = await reader.readuntil(b"\n")
    except asyncio.IncompleteReadError:
        return None
    except asyncio.LimitOverrunError:
        raise FrameError(f"a message longer than {limit} bytes") from None
    if len(line) > limit:
        raise FrameError(f"a message longer than {limit} bytes")
    return line[:-1]
