"""Read plain-text documents (.txt, stdin) exactly as written.

The text is never normalised: findings give offsets into the file as it is on disk, so an
editor or a fix can find the words again. A byte-order mark is dropped by the codec and
counted by nobody, which is what editors do too.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
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


@dataclass(frozen=True, slots=True)
class Encoding:
    """How a text file is written: its codec, its byte-order mark, and the name users know it by."""

    codec: str
    bom: bytes
    label: str


UTF8 = Encoding("utf-8", b"", "UTF-8")
_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    Encoding("utf-32-le", codecs.BOM_UTF32_LE, "UTF-32"),
    Encoding("utf-32-be", codecs.BOM_UTF32_BE, "UTF-32"),
    Encoding("utf-8", codecs.BOM_UTF8, "UTF-8"),
    Encoding("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16"),
    Encoding("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16"),
)
_SAVE_AS_UTF8 = "save it as UTF-8 (in Word or Notepad: Save As, Encoding: UTF-8)"
MAX_NUL_SHARE = 0.01
STRAY_NULS = 8
"""A UTF-8 file with a few stray NUL bytes is text with a flaw; one with more than STRAY_NULS
that are also more than MAX_NUL_SHARE of its characters is binary data that happens to decode."""


def encoding_of(data: bytes) -> Encoding:
    """Return the encoding a byte-order mark names, or UTF-8 (with no mark) if there is none."""
    return next((e for e in _BOMS if data.startswith(e.bom)), UTF8)


def decode(data: bytes, where: str) -> str:
    """Decode UTF-8, or UTF-16/UTF-32 with a byte-order mark; raise InputError saying exactly why not.

    The byte-order mark is dropped (editors do not count it either), so offsets are those of
    the text an editor shows.
    """
    encoding = encoding_of(data)
    body = data[len(encoding.bom) :]
    try:
        text = body.decode(encoding.codec)
    except UnicodeDecodeError as exc:
        raise _undecodable(body, exc, encoding, where) from None
    if encoding.codec == "utf-8" and text.count("\x00") > max(STRAY_NULS, MAX_NUL_SHARE * len(text)):
        if _looks_like_utf16(body):
            raise InputError(where, "looks like UTF-16 text without a byte-order mark", _SAVE_AS_UTF8)
        raise NotTextError(
            where,
            f"looks like a binary file, not text ({text.count(chr(0))} of its {len(data)} bytes are NUL)",
            "check a text or Markdown file",
        )
    return text


def _undecodable(body: bytes, exc: UnicodeDecodeError, encoding: Encoding, where: str) -> InputError:
    """Return the error for bytes that are not text in the encoding they claim (or UTF-8)."""
    if encoding.bom:
        return InputError(
            where,
            f"starts with a {encoding.label} byte-order mark but is not valid {encoding.label} text "
            f"(at byte {exc.start + len(encoding.bom)}: {exc.reason})",
            _SAVE_AS_UTF8,
        )
    if _looks_like_utf16(body):
        return InputError(where, "looks like UTF-16 text without a byte-order mark", _SAVE_AS_UTF8)
    line = body[: exc.start].count(b"\n") + 1
    if b"\x00" in body[:8192]:
        return NotTextError(
            where,
            f"looks like a binary file, not text (it holds NUL bytes, and byte 0x{body[exc.start]:02x} "
            f"on line {line} is not UTF-8)",
            "check a text or Markdown file",
        )
    return InputError(where, f"is not UTF-8 text (byte 0x{body[exc.start]:02x} on line {line})", _SAVE_AS_UTF8)


def _looks_like_utf16(body: bytes) -> bool:
    """Return True if every other byte of the start is NUL, as in English written as UTF-16."""
    head = body[:4096]
    if len(head) < 4:
        return False
    for parity in (0, 1):
        zeros = head[parity::2].count(0)
        if zeros > 0.9 * len(head[parity::2]) and head[1 - parity :: 2].count(0) == 0:
            return True
    return False


def load_text(source: Source, options: ReadOptions) -> str:
    """Return the decoded text of a source, after the size check."""
    return decode(source.read_bytes(options), source.name)


def read_text_file(path: Path) -> str:
    """Return the text of a file, or raise InputError that says what to do."""
    return load_text(Source.from_path(path), ReadOptions())


def read(source: Source, options: ReadOptions, fmt: InputFormat | None = None) -> Iterator[TextUnit]:
    """Yield the whole text as one unit; its positions are the file's own."""
    yield TextUnit(load_text(source, options))
