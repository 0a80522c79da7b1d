"""Finding games on the LAN: a host announces itself over UDP once a second; a listener lists what it hears.

The announcement is one JSON datagram (`Announcement`, at most 2 KiB) sent to a configurable address: by default
the broadcast address 255.255.255.255 on port 47631; the environment variable `BONE_MUSIC_DISCOVERY` sets
"HOST:PORT" (tests use 127.0.0.1 only) or "off". A listener binds to that port (on every interface for a
broadcast address, else on the given address), ignores anything that is not a valid announcement, and forgets a
game it has not heard for 5 seconds. The address to connect to is the datagram's sender and the announced port.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.net import DISCOVERY_PORT

MAX_DATAGRAM = 2048
FORGET_SECONDS = 5.0
BROADCAST = "255.255.255.255"


class Announcement(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    game: Literal["bone-music"] = "bone-music"
    name: str = Field(max_length=64)
    level: str = Field(max_length=200)
    version: str = Field(max_length=32)
    protocol: int = Field(ge=0, le=1_000_000)
    port: int = Field(ge=1, le=65535)
    seats: int = Field(ge=1, le=64)
    players: int = Field(ge=0, le=64)
    password: bool
    phase: Literal["lobby", "playing", "over"]


def discovery_target() -> tuple[str, int] | None:
    """Where announcements go (and listeners listen): `BONE_MUSIC_DISCOVERY` or the LAN broadcast address."""
    value = os.environ.get("BONE_MUSIC_DISCOVERY", "").strip()
    if value.lower() == "off":
        return None
    if not value:
        return BROADCAST, DISCOVERY_PORT
    return parse_address(value, DISCOVERY_PORT)


def parse_address(text: str, default_port: int) -> tuple[str, int]:
    """"host:port", "host" or "[::1]:port" -> (host, port); ValueError with a plain message otherwise."""
    text = text.strip()
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port_text = rest[1:] if rest.startswith(":") else ""
    elif text.count(":") == 1:
        host, port_text = text.split(":")
    else:
        host, port_text = text, ""
    if not host:
        raise ValueError(f"no host in {text!r}; expected HOST:PORT such as 192.168.1.20:47630")
    try:
        port = int(port_text) if port_text else default_port
    except ValueError:
        raise ValueError(f"the port in {text!r} is not a number") from None
    if not 1 <= port <= 65535:
        raise ValueError(f"port {port} is outside 1-65535")
    return host, port


class _Quiet(asyncio.DatagramProtocol):
    def error_received(self, exc: Exception) -> None:  # pragma: no cover - e.g. no route for a broadcast
        pass


class Announcer:
    """Sends `make()` to `target` every `interval` seconds on the running asyncio loop."""

    def __init__(self, target: tuple[str, int], make: Callable[[], Announcement], interval: float = 1.0) -> None:
        self.target, self.make, self.interval = target, make, interval
        self._transport: asyncio.DatagramTransport | None = None
        self._task: asyncio.Task | None = None

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        family = socket.AF_INET6 if ":" in self.target[0] else socket.AF_INET
        self._transport, _ = await loop.create_datagram_endpoint(
            _Quiet, family=family, allow_broadcast=self.target[0] == BROADCAST or self.target[0].endswith(".255"))
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            if self._transport is not None:
                with contextlib.suppress(OSError):
                    self._transport.sendto(self.make().model_dump_json().encode("utf-8"), self.target)
            await asyncio.sleep(self.interval)

    def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
        if self._transport is not None:
            self._transport.close()


@dataclass(frozen=True)
class FoundGame:
    host: str
    announcement: Announcement
    seen: float  # time.monotonic() of the last datagram

    @property
    def address(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.announcement.port}"


class Listener:
    """Listens on its own thread; `games()` is safe to call from the UI thread."""

    def __init__(self, target: tuple[str, int] | None = None) -> None:
        target = target or discovery_target() or (BROADCAST, DISCOVERY_PORT)
        host, port = target
        bind = ("0.0.0.0" if host == BROADCAST or host.endswith(".255") else host, port)
        family = socket.AF_INET6 if ":" in bind[0] else socket.AF_INET
        self.sock = socket.socket(family, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if hasattr(socket, "SO_REUSEPORT"):
            with contextlib.suppress(OSError):
                self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        self.sock.bind(bind)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self._found: dict[tuple[str, int], FoundGame] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="discovery", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                data, sender = self.sock.recvfrom(MAX_DATAGRAM + 1)
            except TimeoutError:
                continue
            except OSError:
                return
            if len(data) > MAX_DATAGRAM:
                continue
            try:
                found = Announcement.model_validate_json(data)
            except ValidationError:
                continue
            with self._lock:
                self._found[(sender[0], found.port)] = FoundGame(sender[0], found, time.monotonic())

    def games(self) -> list[FoundGame]:
        """Games heard in the last few seconds, by name."""
        now = time.monotonic()
        with self._lock:
            self._found = {k: g for k, g in self._found.items() if now - g.seen < FORGET_SECONDS}
            return sorted(self._found.values(), key=lambda g: (g.announcement.name, g.host, g.announcement.port))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=1.0)
        self.sock.close()
