"""Pieces shared by the readers of lightweight markup (Markdown, reStructuredText).

Both keep every line break of the file, one for one, so a finding's line in the checked text is
its line in the file and `langcheck: ignore` comments mean the same lines as in plain text.
Within a line, markup characters are left out and the words are copied, with the map back to
the file kept by the TextBuilder.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from langcheck.sources.units import TextBuilder

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")

DIRECTIVE = re.compile(r"langcheck:[^\n]*", re.IGNORECASE)
URL = r"(?:https?://|ftp://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"*_~]"
ENTITY = r"&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"  # '#' escaped for re.VERBOSE
EMPHASIS = r"(?<![\w\\*_~])[*_~]{1,3}(?=[^\s*_~])|(?<=[^\s*_~\\])[*_~]{1,3}(?![\w*_~])"


def lines(source: str) -> Iterator[tuple[int, int, int]]:
    """Yield (start, end of content, end with the line break) for each line of the text."""
    for m in _LINE.finditer(source):
        start, stop = m.start(), m.end()
        end = stop
        while end > start and source[end - 1] in "\r\n":
            end -= 1
        yield start, end, stop


def keep_directives(b: TextBuilder, start: int, end: int) -> None:
    """Copy only the `langcheck: ...` directives from a comment, so suppressions keep working."""
    for m in DIRECTIVE.finditer(b.source, start, end):
        stop = m.end()
        text = b.source[m.start() : stop]
        stop -= len(text) - len(text.rstrip())
        if b.last_char() not in ("", " ", "\t", "\n", "\r"):
            b.put(" ", m.start(), m.start())
        b.keep(m.start(), stop)
        b.put(" ", stop, stop)


def put_entity(b: TextBuilder, start: int, end: int) -> None:
    """Add the character an HTML entity stands for, mapped to the whole entity."""
    entity = b.source[start:end]
    char = html.unescape(entity)
    b.put(" " if char == "\xa0" else char, start, end)
