"""A connection to a host, run on its own thread and asyncio loop; the UI (or a bot) talks to it through a queue.

`ClientLink.start()` connects and says hello; every valid host message then lands in `inbox` as its model, and
the end of the connection as a `LinkClosed` with the reason. `send` may be called from any thread. The link
pings every `PING_SECONDS` (or a third of the idle timeout the host's welcome names, if shorter) so the host
never closes a player who is thinking. Host messages are
validated too (`parse_host`, the size limit): a broken or hostile host ends the link, it never crashes the game.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
import time
from dataclasses import dataclass

from pydantic import BaseModel

from game.net.framing import FrameError, encode, read_frame
from game.net.limits import Limits
from game.net.messages import BadMessage, Closing, Hello, Ping, Refused, Welcome, parse_host

PING_SECONDS = 10.0


@dataclass(frozen=True)
class LinkClosed:
    reason: str


class ClientLink:
    def __init__(self, host: str, port: int, hello: Hello, limits: Limits | None = None,
                 connect_timeout: float = 5.0, record: bool = False) -> None:
        self.host, self.port, self.hello = host, port, hello
        self.limits = limits or Limits()
        self.connect_timeout = connect_timeout
        self.inbox: queue.Queue[BaseModel | LinkClosed] = queue.Queue()
        self.frames: list[bytes] | None = [] if record else None  # every frame received, when recording
        self.ping_seconds = PING_SECONDS
        self._last_sent = time.monotonic()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._ready = threading.Event()
        self._closing = False
        self._thread = threading.Thread(target=self._run, name=f"link {host}:{port}", daemon=True)

    def start(self) -> ClientLink:
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        finally:
            self._ready.set()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection(self.host, self.port, limit=self.limits.max_host_message + 1),
                self.connect_timeout)
        except (OSError, TimeoutError) as exc:
            reason = "no answer" if isinstance(exc, TimeoutError) else (exc.strerror or str(exc))
            self.inbox.put(LinkClosed(f"cannot connect to {self.host}:{self.port}: {reason}"))
            return
        self._writer = writer
        writer.write(encode(self.hello))
        self._ready.set()
        pinger = asyncio.create_task(self._ping())
        reason = "the host closed the connection"
        try:
            while True:
                frame = await read_frame(reader, self.limits.max_host_message)
                if frame is None:
                    break
                if self.frames is not None:
                    self.frames.append(frame)
                message = parse_host(frame)
                self.inbox.put(message)
                if isinstance(message, Welcome):
                    self.ping_seconds = min(PING_SECONDS, message.idle_seconds / 3)
                if isinstance(message, (Closing, Refused)):
                    reason = message.reason
        except FrameError as exc:
            reason = f"the host sent {exc}"
        except BadMessage as exc:
            reason = f"the host sent an invalid message ({exc})"
        except (ConnectionError, OSError) as exc:
            reason = f"the connection broke: {exc.strerror or exc}" if isinstance(exc, OSError) else str(exc)
        except asyncio.CancelledError:
            reason = "left the game"
        finally:
            pinger.cancel()
            with contextlib.suppress(Exception):
                writer.close()
            self.inbox.put(LinkClosed("left the game" if self._closing else reason))

    async def _ping(self) -> None:
        """A ping whenever nothing has been sent for `ping_seconds`."""
        n = 0
        while True:
            await asyncio.sleep(0.25)
            if time.monotonic() - self._last_sent >= self.ping_seconds:
                n += 1
                self._write(encode(Ping(n=n)))

    def _write(self, data: bytes) -> None:
        if self._writer is not None and not self._writer.is_closing():
            self._writer.write(data)
            self._last_sent = time.monotonic()

    def send(self, message: BaseModel) -> None:
        """Queue a message for the host (from any thread)."""
        self._ready.wait(self.connect_timeout + 1)
        if self._loop is not None and not self._loop.is_closed():
            with contextlib.suppress(RuntimeError):
                self._loop.call_soon_threadsafe(self._write, encode(message))

    def close(self) -> None:
        """Close the connection (the host keeps the seat for its grace period)."""
        self._closing = True
        if self._loop is not None and not self._loop.is_closed():
            with contextlib.suppress(RuntimeError):
                self._loop.call_soon_threadsafe(self._shut)
        self._thread.join(timeout=2.0)

    def _shut(self) -> None:
        if self._writer is not None:
            self._writer.close()
