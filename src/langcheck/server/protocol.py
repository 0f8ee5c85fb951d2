"""uvicorn's h11 protocol, answering an oversized request line or header with HTTP, not a reset.

h11 refuses a request whose line or headers outgrow its buffer, and uvicorn then writes a bare
400 and closes at once. The client is usually still sending the rest of its huge request, and
closing a socket with unread data makes the kernel send a reset, which throws away the answer:
the client sees "connection reset". Here the answer says what was too long (414 for the request
line, 431 for the headers, as JSON like every other error), and the connection then reads and
drops what the client goes on sending, for a bounded time and amount, before closing: a
"lingering close", as web servers do, so the answer is read.
"""

from __future__ import annotations

from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from langcheck.server.replies import json_bytes

LINGER_SECONDS = 5.0
"""How long a refused connection keeps reading (and dropping) before it closes."""
LINGER_BYTES = 64 * 1024 * 1024
"""The most a refused connection reads and drops before it closes."""


class LingeringH11Protocol(H11Protocol):
    """The h11 protocol, with 414/431 answers and a lingering close for a request too long to parse."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._dropped: int | None = None  # bytes dropped since the refusal; None until then

    def data_received(self, data: bytes) -> None:
        """Drop data after a refusal; otherwise let h11 parse it."""
        if self._dropped is not None:
            self._dropped += len(data)
            if self._dropped > LINGER_BYTES:
                self.transport.close()
            return
        super().data_received(data)

    def send_400_response(self, msg: str) -> None:
        """Answer a request h11 could not parse, then linger so the client reads the answer."""
        pending, _ = self.conn.trailing_data
        if len(pending) <= self.conn._max_incomplete_event_size:  # h11 has no public getter
            status, message = 400, "the request is not valid HTTP"
        elif b"\r\n" not in pending:
            status, message = 414, "the request line (address and query) is too long; send the text with POST"
        else:
            status, message = 431, "the request headers are too large; send smaller headers"
        body = json_bytes({"status": status, "error": _PHRASES[status], "message": message})
        head = (
            f"HTTP/1.1 {status} {_PHRASES[status]}\r\ncontent-type: application/json\r\n"
            f"content-length: {len(body)}\r\nconnection: close\r\nx-content-type-options: nosniff\r\n"
            "cache-control: no-store\r\n\r\n"
        )
        self.transport.write(head.encode("ascii") + body)  # h11 is in its error state: write directly
        self._dropped = 0
        self.loop.call_later(LINGER_SECONDS, self.transport.close)


_PHRASES = {400: "Bad Request", 414: "URI Too Long", 431: "Request Header Fields Too Large"}
