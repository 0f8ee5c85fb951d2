"""Read plain-text documents (.txt, stdin) exactly as written.

The text is never normalised: findings give offsets into the file as it is on disk, so an
editor or a fix can find the words again. A byte-order mark is dropped by the codec and
counted by nobody, which is what editors do too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from langcheck.errors import InputError
from langcheck.sources.document import MAX_FILE_BYTES, ReadOptions, Source
from langcheck.sources.units import TextUnit

if TYPE_CHECKING:
    from langcheck.sources import InputFormat

MAX_BYTES = MAX_FILE_BYTES
"""Larger files are refused rather than read into memory whole."""


class NotTextError(InputError):
    """A file that should hold text holds binary data (an image renamed .txt, say)."""


def decode(data: bytes, where: str) -> str:
    """Decode UTF-8 (with or without a BOM); raise InputError naming the first bad byte."""
    if b"\x00" in data[:8192]:
        raise NotTextError(where, "looks like a binary file, not text", "check a text or Markdown file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            where,
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line})",
            "save it as UTF-8 (in Word or Notepad: Save As, Encoding: UTF-8)",
        ) from None


def load_text(source: Source, options: ReadOptions) -> str:
    """Return the decoded text of a source, after the size check."""
    return decode(source.read_bytes(options), source.name)


def read(source: Source, options: ReadOptions, fmt: InputFormat | None = None) -> Iterator[TextUnit]:
    """Yield the whole text as one unit; its positions are the file's own."""
    yield TextUnit(load_text(source, options))
