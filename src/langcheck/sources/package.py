"""Check a zip-based document (.docx, .odt, .xlsx) before any library parses it.

Office documents are zip archives of XML. A damaged or hostile one can claim to unpack to
gigabytes (a zip bomb) or be a password-protected file that only looks like .docx; parsing
either would exhaust memory or fail with a library's traceback. The sizes each entry declares
are checked first, but a declared size can lie: Python's zipfile hands out at most the declared
size, yet a library that reads an entry in one call makes it inflate everything the entry holds
first (gigabytes for a hostile 50 KB entry). So every entry is also inflated here, a piece at a
time, counting the bytes it actually produces and stopping at its declared size; an entry that
holds more is refused before any library sees it.
"""

from __future__ import annotations

import copy
import zipfile
import zlib
from collections.abc import Callable

from langcheck.errors import InputError
from langcheck.sources.document import MB, ReadOptions, Source

MAX_EXPANDED = 256 * MB
"""No document langcheck reads unpacks to more than this; a larger one is refused unparsed."""
MAX_RATIO = 100
"""XML compresses about tenfold; an archive past 32 MB that expands a hundredfold is a bomb."""
MAX_ENTRIES = 20_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")


def check_package(
    source: Source,
    options: ReadOptions,
    *,
    what: str,
    resave: str,
    inspect: Callable[[zipfile.ZipFile], str | None] | None = None,
) -> None:
    """Raise InputError unless the source is a sound zip archive of a sensible unpacked size.

    `what` names the document kind ("Word document"), `resave` says how to get a good copy,
    and `inspect` may return a problem found inside the archive (an encrypted ODF entry).
    """
    with source.open(options) as handle:
        head = handle.read(len(_OLE_MAGIC))
        if head == _OLE_MAGIC:
            handle.seek(0)
            if _ENCRYPTED_MARK in handle.read():
                raise InputError(
                    source.name, "is password-protected", "save a copy without the password and check that"
                )
            raise InputError(source.name, f"is an old binary Office file, not a {what} in the current format", resave)
        handle.seek(0)
        try:
            with zipfile.ZipFile(handle) as archive:
                entries = archive.infolist()
                if len(entries) > MAX_ENTRIES:
                    raise InputError(source.name, f"holds {len(entries)} files inside, too many for a {what}", resave)
                expanded = sum(e.file_size for e in entries)
                packed = sum(e.compress_size for e in entries)
                if expanded > MAX_EXPANDED or (expanded > 32 * MB and expanded > MAX_RATIO * max(packed, 1)):
                    raise InputError(
                        source.name,
                        f"would unpack to {_size(expanded)} from {_size(packed)}, "
                        "which no real document does (a damaged file or a zip bomb)",
                        "check the original document",
                    )
                for entry in entries:
                    _check_entry(archive, entry, source.name, resave)
                problem = inspect(archive) if inspect is not None else None
        except zipfile.BadZipFile as exc:
            raise InputError(source.name, f"is not a readable {what} (the file is damaged: {exc})", resave) from None
        except (OSError, EOFError, ValueError, RuntimeError, NotImplementedError, zlib.error) as exc:
            raise InputError(source.name, f"is not a readable {what} ({exc})", resave) from None
    if problem is not None:
        raise InputError(source.name, problem, resave)


STREAM_PIECE = 1024 * 1024
"""Bytes inflated at a time while an entry's true size is counted."""


def _check_entry(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, name: str, resave: str) -> None:
    """Inflate one entry a piece at a time; refuse it if it produces more than it declares.

    The entry is opened as if it declared one byte more, so zipfile does not stop at the
    declared size, and read in pieces, so at most STREAM_PIECE bytes exist at once.
    """
    if entry.is_dir():
        return
    probe = copy.copy(entry)
    probe.file_size = entry.file_size + 1
    del probe.CRC  # no checksum test here: the declared+1 bytes of a lying entry never match it
    produced = 0
    with archive.open(probe) as stream:
        while piece := stream.read(STREAM_PIECE):
            produced += len(piece)
            if produced > entry.file_size:
                raise InputError(
                    name,
                    f"holds a part ({entry.filename}) that unpacks to more than the "
                    f"{_size(entry.file_size)} it declares (a damaged file or a zip bomb)",
                    "check the original document",
                )


def _size(n: int) -> str:
    return f"{n // MB} MB" if n >= MB else f"{max(n // 1024, 1)} KB"


def reason(exc: BaseException) -> str:
    """Return a library exception as a short phrase for an error line."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."
