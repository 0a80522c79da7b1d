"""LAN play over TCP (asyncio streams) and UDP discovery; the wire format is JSON, one message a line.

- `framing`: newline-delimited JSON frames with a size limit;
- `messages`: every message as a pydantic model (what `docs/PROTOCOL.md` documents);
- `limits`: message size, rate, connections per address, deadlines;
- `content`: the level, catalog and scores a host sends a seat, and the client's checks of them;
- `server`: the host (a `HostSession` behind sockets); `client`: a connection on its own thread and loop;
- `discovery`: the host's UDP announcements and the listener that lists them.
"""

from __future__ import annotations

from importlib import metadata

PROTOCOL_VERSION = 1
DEFAULT_PORT = 47630
DISCOVERY_PORT = 47631


def game_version() -> str:
    """The installed game's version (the `bone-music` package), or the source tree's."""
    try:
        return metadata.version("bone-music")
    except metadata.PackageNotFoundError:
        return "0.1.0"


GAME_VERSION = game_version()
