"""Keep document libraries from printing: a reader's output is never the user's to see.

A parsing library may print what it could not parse, and what it could not parse is the note:
odfpy, given a damaged content.xml, prints "SAX FAILED TO PARSE" and the whole XML to standard
output, then carries on as if the document were empty. Every reader therefore runs with
standard output and standard error captured, warnings silenced and logging below errors held
back; anything a library printed is thrown away unread and the document is refused as damaged,
since a library that prints has met something it could not handle.
"""

from __future__ import annotations

import contextlib
import io
import logging
import threading
import warnings
from collections.abc import Iterator

from langcheck.errors import InputError
from langcheck.sources.units import Unit

_LOCK = threading.Lock()
"""sys.stdout is one for the whole process: two threads swapping it at once could leave it swapped."""


@contextlib.contextmanager
def captured() -> Iterator[io.StringIO]:
    """Run the block with standard output, standard error and warnings captured in one buffer."""
    buffer = io.StringIO()
    with (
        _LOCK,
        contextlib.redirect_stdout(buffer),
        contextlib.redirect_stderr(buffer),
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("ignore")
        previous = logging.root.manager.disable
        logging.disable(logging.WARNING)
        try:
            yield buffer
        finally:
            logging.disable(previous)


def quietly(units: Iterator[Unit], name: str, what: str) -> Iterator[Unit]:
    """Yield a reader's units, each produced with its library's output captured.

    Raises InputError (one line, none of the document's text) if the library printed anything.
    """
    while True:
        with captured() as buffer:
            unit = next(units, None)
        if buffer.getvalue():
            raise InputError(
                name,
                f"is damaged: the {what} reader met something it could not read",
                "open it in the program that made it and save it again",
            )
        if unit is None:
            return
        yield unit
