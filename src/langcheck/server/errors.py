"""Errors the server raises; the app turns a RequestError into an HTTP status and a JSON body."""

from __future__ import annotations

from langcheck.errors import LangcheckError


class RequestError(LangcheckError):
    """A request the server will not check: bad parameters, too large, too slow.

    The message must never quote the request's text: it is sent back to the client and may be
    shown or logged by it, and case notes are sensitive.
    """

    def __init__(self, status: int, message: str) -> None:
        self.status = status
        self.message = message
        super().__init__(message)


class ServerError(LangcheckError):
    """The server could not start (the address is taken, the host is not this machine's)."""
