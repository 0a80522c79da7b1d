"""A `GameServer` on its own thread and asyncio loop: how the menu's Host (and tests) run a host inside a process
that has a pygame main thread. The host's own player joins it over loopback like anyone else."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable

from game.net.limits import Limits
from game.net.server import GameServer
from game.session.host import HostSession


class ServerThread:
    def __init__(self, host: HostSession, limits: Limits | None = None, announce_to: tuple[str, int] | None = None,
                 address: str = "0.0.0.0", port: int = 0, log: Callable[[str], None] | None = None) -> None:
        self.lines: list[str] = []
        self.server = GameServer(host, limits, log or self.lines.append, announce_to)
        self.address, self.port = address, port
        self.error: BaseException | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._started = threading.Event()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, name="host", daemon=True)

    def start(self, timeout: float = 5.0) -> int:
        """Start listening; returns the port (raises what went wrong, e.g. the port is taken)."""
        self._thread.start()
        self._started.wait(timeout)
        if self.error is not None:
            raise self.error
        return self.port

    def _run(self) -> None:
        asyncio.run(self._main())

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        try:
            self.port = await self.server.start(self.address, self.port)
        except OSError as exc:
            self.error = exc
            self._started.set()
            return
        self._started.set()
        await self._stop.wait()
        await self.server.close()

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None:
            with contextlib.suppress(RuntimeError):
                self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout=5.0)
