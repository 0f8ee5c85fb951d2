"""What every reader shares: where a document's bytes come from, the reading options, the limits.

A reader never trusts a file: its size is checked before anything is read, and every operating
system error becomes one InputError that names the file, the problem and what to do.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from langcheck.errors import InputError

MB = 1024 * 1024
MAX_FILE_BYTES = 100 * MB
"""Larger files are refused: a case file this big is almost always an export gone wrong."""


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Choices that change what a reader takes from a document (picklable, for worker processes)."""

    columns: tuple[str, ...] = ()
    """The spreadsheet columns to check (.csv, .tsv, .xlsx), by header name; () means the prose ones."""
    max_bytes: int = MAX_FILE_BYTES


@dataclass(frozen=True, slots=True)
class Source:
    """A document's bytes: a file on disk, or data already read (standard input)."""

    name: str
    path: Path | None = None
    data: bytes | None = field(default=None, repr=False)

    @classmethod
    def from_path(cls, path: str | Path) -> Source:
        """Return the source for a file, named as the user gave it."""
        return cls(str(path), Path(path))

    @property
    def suffix(self) -> str:
        """Return the file's suffix in lower case ('' for standard input)."""
        return self.path.suffix.lower() if self.path is not None else ""

    def size(self) -> int:
        """Return the size in bytes; raise InputError if the file cannot be used at all."""
        if self.data is not None:
            return len(self.data)
        assert self.path is not None
        try:
            info = self.path.stat()
        except OSError as exc:
            raise os_error(self.name, exc) from None
        if stat.S_ISDIR(info.st_mode):
            raise InputError(self.name, "is a folder", "give a file, or check the folder with langcheck check")
        if not stat.S_ISREG(info.st_mode):  # opening a named pipe would wait for a writer forever
            raise InputError(self.name, f"is {_special(info.st_mode)}, not a file", "give the file to check")
        return info.st_size

    def check_size(self, options: ReadOptions) -> int:
        """Return the size, refusing a file over the limit before any of it is read."""
        size = self.size()
        if size > options.max_bytes:
            raise InputError(
                self.name,
                f"is {size // MB} MB, over the {options.max_bytes // MB} MB limit",
                "split it into smaller files",
            )
        return size

    def read_bytes(self, options: ReadOptions) -> bytes:
        """Return all the bytes, after checking the size limit."""
        self.check_size(options)
        if self.data is not None:
            return self.data
        with self.open(options) as handle:
            try:
                return handle.read()
            except OSError as exc:
                raise os_error(self.name, exc) from None

    @contextmanager
    def open(self, options: ReadOptions) -> Iterator[BinaryIO]:
        """Open the bytes for reading (a file is streamed, not loaded), after checking the size."""
        self.check_size(options)
        if self.data is not None:
            yield io.BytesIO(self.data)
            return
        assert self.path is not None
        try:  # non-blocking, so a file swapped for a pipe after the check still cannot hang the run
            handle = os.fdopen(os.open(self.path, os.O_RDONLY | os.O_NONBLOCK), "rb")
        except OSError as exc:
            raise os_error(self.name, exc) from None
        with handle:
            yield handle


def os_error(where: str, exc: OSError) -> InputError:
    """Return the InputError for an operating-system error, in words a user can act on."""
    if isinstance(exc, FileNotFoundError):
        return InputError(where, "does not exist", "check the path and the spelling")
    if isinstance(exc, PermissionError):
        return InputError(where, "cannot be read (permission denied)", "check the file's permissions")
    if isinstance(exc, IsADirectoryError):
        return InputError(where, "is a folder", "give a file")
    if exc.errno == errno.ELOOP:
        return InputError(where, "is a symbolic link that leads round in a loop", "check the link")
    reason = exc.strerror or os.strerror(exc.errno or 0) or type(exc).__name__
    return InputError(where, f"cannot be read ({reason})", "check the file")


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file"
