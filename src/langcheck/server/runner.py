"""Serve the app with uvicorn: open the socket, keep request text out of the logs, stop cleanly.

Why uvicorn (with its pure-Python h11 protocol) and Starlette rather than the standard library's
http.server: the standard library's server is documented as not for production (no limits on
header sizes or idle connections, a thread per connection), while uvicorn is the most used ASGI
server, maintained, and bounds headers, idle keep-alive connections and malformed requests for us;
Starlette is its small companion toolkit (routing, CORS) with no further dependencies. Both are
pure Python wheels on PyPI, so an offline install from a wheelhouse works.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from types import TracebackType
from typing import Any

import uvicorn

from langcheck.server.errors import ServerError
from langcheck.server.protocol import LingeringH11Protocol

LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "langcheck serve: %(levelname)s: %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}},
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "langcheck.server": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}
"""Warnings and errors only, one line each; no access log (its request line holds the query
string, which can hold the note)."""


def bind(host: str, port: int) -> socket.socket:
    """Open the listening socket, so a taken port is reported before the slow warm-up."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ServerError(
            f"cannot listen on {host!r} ({exc.strerror}); give --host an address of this computer"
        ) from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(1024)
    except OSError as exc:
        sock.close()
        raise ServerError(
            f"cannot listen on {host}:{port} ({exc.strerror}); choose another --port or stop the program using it"
        ) from None
    return sock


def url_of(sock: socket.socket) -> str:
    """Return the http:// address a client on this machine would use for the socket."""
    host, port = sock.getsockname()[:2]
    if host in ("0.0.0.0", "::"):
        host = "127.0.0.1" if host == "0.0.0.0" else "::1"
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def is_loopback(host: str) -> bool:
    """Return True if `host` names only this machine (so no one else can send notes to it)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


HEADER_ROOM = 64 * 1024
"""Bytes of request line and headers allowed beyond the app's request size limit."""


def make_server(app: Any, *, configure_logging: bool = True) -> uvicorn.Server:
    """Return a uvicorn server for the app: h11, no access log, short idle keep-alive.

    h11 refuses a request line or headers that arrive in pieces adding up to more than its
    buffer (16 KiB by default) with a bare 400, but passes them on when they arrive in one read:
    a long GET query got a 400 or the app's own 413 depending on timing. The buffer is sized to
    the app's request limit, so the app always decides, with its own message.
    """
    state = getattr(app, "state", None)
    limit = getattr(state, "max_request_bytes", None)
    config = uvicorn.Config(
        app,
        http=LingeringH11Protocol,  # h11, answering a too-long request line or header (see protocol.py)
        h11_max_incomplete_event_size=limit + HEADER_ROOM if isinstance(limit, int) else None,
        ws="none",
        lifespan="off",
        access_log=False,
        log_config=LOG_CONFIG if configure_logging else None,
        log_level="warning",
        server_header=False,
        timeout_keep_alive=15,
        timeout_graceful_shutdown=5,
    )
    return uvicorn.Server(config)


def run(app: Any, sock: socket.socket) -> None:
    """Serve until interrupted (Ctrl+C or SIGTERM)."""
    make_server(app).run(sockets=[sock])


class ServerThread:
    """Run the server on a background thread: for tests, benchmarks and embedding.

    >>> with ServerThread(app, bind("127.0.0.1", 0)) as url: ...   # doctest: +SKIP
    """

    def __init__(self, app: Any, sock: socket.socket) -> None:
        self.sock = sock
        self.url = url_of(sock)
        self.server = make_server(app, configure_logging=False)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]}, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise ServerError("the server thread did not start")
            time.sleep(0.01)
        return self.url

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()
