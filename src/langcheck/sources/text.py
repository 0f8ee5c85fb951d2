"""Read plain-text documents (.txt, .md, stdin) exactly as written.

The text is never normalised: findings give offsets into the file as it is on disk, so an
editor or a fix can find the words again. A byte-order mark is dropped by the codec and
counted by nobody, which is what editors do too.
"""

from __future__ import annotations

from pathlib import Path

from langcheck.errors import InputError

MAX_BYTES = 50 * 1024 * 1024
"""Larger files are refused rather than read into memory whole."""


def decode(data: bytes, where: str) -> str:
    """Decode UTF-8 (with or without a BOM); raise InputError naming the first bad byte."""
    if b"\x00" in data[:8192]:
        raise InputError(where, "looks like a binary file, not text", "check a text or Markdown file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            where,
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line})",
            "save it as UTF-8 (in Word or Notepad: Save As, Encoding: UTF-8)",
        ) from None


def read_text_file(path: Path) -> str:
    """Return the text of a file, or raise InputError that says what to do."""
    where = str(path)
    try:
        if path.is_dir():
            raise InputError(where, "is a folder", "give a file, or check the folder with langcheck check")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                where,
                f"is {size // (1024 * 1024)} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit",
                "split it into smaller files",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(where, "does not exist", "check the path and the spelling") from None
    except PermissionError:
        raise InputError(
            where, "cannot be read (permission denied)", "check the file's permissions"
        ) from None
    except IsADirectoryError:
        raise InputError(where, "is a folder", "give a file") from None
    except OSError as exc:
        raise InputError(where, f"cannot be read ({exc.strerror})", "check the file") from None
    return decode(data, where)
