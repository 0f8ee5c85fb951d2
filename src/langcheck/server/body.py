"""Read request bodies within the server's limits: per request, and across all requests at once.

A server that closes the connection on unread data makes the client's network stack discard the
answer, so an oversized or refused body is read and dropped (up to a bound) before the error
goes out: the client then sees its 413 or 503 instead of a reset connection.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterator

from starlette.requests import Request
from starlette.types import Receive

from langcheck.server.errors import RequestError

DRAIN_BYTES = 16 * 1024 * 1024
"""The most of an oversized body that is read and dropped before answering."""
DRAIN_IDLE = 1.0
"""Seconds without a byte of body after which a refused request is answered anyway."""


class Budget:
    """The bytes of request bodies the server holds at once, across all requests in progress.

    Requests wait their turn for the one worker holding their text; without a bound, many large
    requests at once could exhaust memory. Only the event loop's thread touches it.
    """

    def __init__(self, total: int) -> None:
        self.total = total
        self.used = 0

    @contextlib.contextmanager
    def hold(self) -> Iterator[Callable[[int], None]]:
        """Yield a function that takes bytes from the budget; they are given back on exit."""
        held = 0

        def take(size: int) -> None:
            nonlocal held
            if self.used + size > self.total:
                raise RequestError(503, "the server is busy with other requests; try again in a moment")
            self.used += size
            held += size

        try:
            yield take
        finally:
            self.used -= held


async def read_body(request: Request, limit: int, take: Callable[[int], None] = lambda size: None) -> bytes:
    """Return the request body, or raise RequestError 413 once it passes `limit` bytes.

    The body's bytes are first taken from the server's budget (`take` raises 503 when the server
    already holds too much); a refused body is read and dropped so the client sees the answer.
    """
    declared_text = request.headers.get("content-length", "").strip()
    declared = int(declared_text) if declared_text.isdigit() else None
    expects_continue = request.headers.get("expect", "").lower() == "100-continue"
    if declared is not None and declared > limit:
        if not expects_continue and declared <= DRAIN_BYTES:  # a larger body could never be drained
            await _drain(request.receive, declared)
        raise _too_large(limit)
    try:
        take(declared or 0)  # reserve the whole body up front when its size is known
    except RequestError:
        if not expects_continue:
            await _drain(request.receive, declared or 0)
        raise
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            raise RequestError(400, "the client closed the connection before sending the whole request")
        chunk = message.get("body", b"")
        more = bool(message.get("more_body", False))
        size += len(chunk)
        if size > limit:
            if more:
                await _drain(request.receive, DRAIN_BYTES)
            raise _too_large(limit)
        if declared is None:
            try:
                take(len(chunk))
            except RequestError:
                if more:
                    await _drain(request.receive, limit)
                raise
        chunks.append(chunk)
    return b"".join(chunks)


async def _drain(receive: Receive, most: int) -> None:
    """Read and drop up to `most` more bytes of body, so the client reads our answer.

    A client that waits for the answer before sending (it announced a body it will not send)
    is answered after DRAIN_IDLE seconds of silence, not at the request's time limit.
    """
    dropped = 0
    while dropped <= min(most, DRAIN_BYTES):
        try:
            async with asyncio.timeout(DRAIN_IDLE):
                message = await receive()
        except TimeoutError:
            return
        if message["type"] != "http.request":
            return
        dropped += len(message.get("body", b""))
        if not message.get("more_body", False):
            return


def _too_large(limit: int) -> RequestError:
    return RequestError(413, f"the request is larger than {limit:,} bytes; send a shorter text")
