"""ASGI middleware: safety headers on every answer, exceptions that never reach a log whole, and
paths read as people type them."""

from __future__ import annotations

import logging
import re
import traceback
from pathlib import PurePath

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from langcheck.server.replies import error_response

log = logging.getLogger("langcheck.server")

SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)


class Guard:
    """Add safety headers to every answer, CORS preflights included (so outside CORS)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                if b"cache-control" not in names:
                    headers.append((b"cache-control", b"no-store"))  # answers hold case-note text
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Slashes:
    """Read `//` in a path as `/`, so a base URL typed with a trailing slash still works.

    Clients join their base URL and the endpoint with a slash of their own: LibreOffice given
    `http://127.0.0.1:8081/v2/` asks for `/v2//languages`, gets 404 and silently checks nothing.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and "//" in path:
            raw = scope.get("raw_path")
            scope = {**scope, "path": _SLASHES.sub("/", path)}
            if isinstance(raw, bytes):
                scope["raw_path"] = _RAW_SLASHES.sub(b"/", raw)
        await self.app(scope, receive, send)


_SLASHES = re.compile("/{2,}")
_RAW_SLASHES = re.compile(b"/{2,}")


class Shield:
    """Turn an unexpected exception into a JSON 500, logged by type and place only.

    An exception's message could quote the note, so it goes neither to the log nor to the client.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            kind, where = type(exc).__name__, _where(exc)
            log.error("internal error (%s at %s) answering %s %s", kind, where, scope["method"], scope["path"])
            if not started:
                await error_response(500, "internal error; the server log names the place")(scope, receive, send)


def _where(exc: BaseException) -> str:
    """Return file:line of the innermost frame: enough to find the bug, without any values."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "unknown place"
    last = frames[-1]
    return f"{PurePath(last.filename).name}:{last.lineno} in {last.name}"
