"""What a host tolerates from a connection, and the token bucket that meters messages.

Breaking a limit closes the connection with a reason (see docs/PROTOCOL.md, "Limits"). The defaults suit a game
night on a LAN; tests and the benchmark pass their own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_message: int = 64 * 1024  # bytes of one client message, newline included
    max_host_message: int = 16 * 1024 * 1024  # bytes of one host message a client accepts (the level and scores)
    rate: float = 20.0  # messages per second a connection may send, on average
    burst: int = 40  # ... and at once
    per_turn: int = 10  # messages every connection is granted on top when a new evening starts (fast games)
    per_address: int = 8  # open connections from one IP address
    connections: int = 64  # open connections in all
    handshake_seconds: float = 5.0  # from connecting to a valid hello
    idle_seconds: float = 60.0  # without a complete message (clients ping every 10 s)
    bad_messages: int = 10  # malformed or refused-as-invalid messages before the connection is closed
    max_unsent: int = 4 * 1024 * 1024  # bytes queued for a peer that does not read before it is dropped
    chat_chars: int = 300
    name_chars: int = 24


class TokenBucket:
    """`rate` tokens a second up to `burst`; each message takes one; `grant` adds tokens (a new evening: a game
    of bots may play many evenings a second). Time is passed in (seconds, monotonic)."""

    def __init__(self, rate: float, burst: int, now: float) -> None:
        self.rate, self.burst = rate, burst
        self.tokens = float(burst)
        self.stamp = now

    def grant(self, tokens: int) -> None:
        self.tokens = min(self.burst + tokens, self.tokens + tokens)

    def take(self, now: float) -> bool:
        """Whether a message arriving at `now` is within the rate (and takes its token)."""
        self.tokens = max(self.tokens, min(self.burst, self.tokens + (now - self.stamp) * self.rate))
        self.stamp = now
        if self.tokens < 1.0:
            return False
        self.tokens -= 1.0
        return True
