"""`langcheck serve`: a LanguageTool-compatible HTTP API and a paste-and-check page.

LanguageTool's clients (the browser add-on, LibreOffice, Word add-ins, ltex-ls,
language_tool_python) can be pointed at a self-hosted server; speaking its API puts langcheck's
findings into the tools people already write in, with nothing leaving the machine. Modules:
`ltapi` reads requests (`writerform` reads LibreOffice Writer's unencoded ones) and `ltresponse`
builds answers (`underline` chooses how clients draw a finding), all pure functions; `annotation`
and `offsets` keep positions right; `service` runs the checks; `app` routes, with `body`,
`middleware` and `replies` at the HTTP edge; `page` and `page_assets` are the HTML; `runner`
serves it all.

The stack is Starlette on uvicorn (h11): maintained, pure-Python, bounded where the standard
library's http.server is not (see runner.py for the reasons).
"""

from __future__ import annotations

from langcheck.server.app import create_app
from langcheck.server.errors import RequestError, ServerError
from langcheck.server.runner import ServerThread, bind, is_loopback, run, url_of
from langcheck.server.service import CheckService, Limits

__all__ = [
    "CheckService",
    "Limits",
    "RequestError",
    "ServerError",
    "ServerThread",
    "bind",
    "create_app",
    "is_loopback",
    "run",
    "url_of",
]
