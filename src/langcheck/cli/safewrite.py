"""Replace a file's text safely for `langcheck fix --write`: never what the user could not change.

A fix is written to a temporary file beside the original, flushed to disk (fsync) and renamed
over it, so a crash or power cut leaves either the old text or the new, never half of either.
A rename makes a new file, though, and that is only safe for a file the user owns outright:

- the user must be able to write the file itself (write access to its folder is not enough);
- the new file must keep the old one's owner, group and permissions, or the file is refused;
- a file with other names (hard links) is refused, as a rename would leave the old text
  under the other names; a symbolic link is followed and its target fixed, once;
- a file changed by anyone between reading and replacing (size, time, inode or content) is
  left as it is, so another editor's work is never lost.
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from langcheck.errors import InputError
from langcheck.sources.document import ReadOptions, Source, os_error
from langcheck.sources.text import encoding_of


class WriteRefusedError(Exception):
    """The file was not changed: the message says why and what to do (one clause)."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A file as it was read: where it really is, what it held, and how to tell if it changed."""

    name: str
    real: Path
    device: int
    inode: int
    size: int
    mtime_ns: int
    links: int
    mode: int
    uid: int
    gid: int
    data: bytes = field(repr=False)

    @property
    def identity(self) -> tuple[int, int]:
        """Return (device, inode): the same file under any name or link."""
        return self.device, self.inode


def snapshot(path: Path, options: ReadOptions) -> Snapshot:
    """Read a file once (through any symbolic link) and note what it is; raise InputError if unreadable."""
    name = str(path)
    source = Source.from_path(path)
    source.check_size(options)  # refuses folders, pipes and devices before anything is opened
    real = Path(os.path.realpath(path))
    try:
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise os_error(name, exc) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, "is not a regular file", "give the file to fix")
        data = handle.read()
    return Snapshot(
        name,
        real,
        info.st_dev,
        info.st_ino,
        info.st_size,
        info.st_mtime_ns,
        info.st_nlink,
        stat.S_IMODE(info.st_mode),
        info.st_uid,
        info.st_gid,
        data,
    )


def encode(snap: Snapshot, text: str) -> bytes:
    """Return the new text in the file's own encoding, with its byte-order mark if it had one."""
    encoding = encoding_of(snap.data)
    return encoding.bom + text.encode(encoding.codec)


def replace(snap: Snapshot, text: str) -> None:
    """Write `text` over the file read as `snap`; raise WriteRefusedError or OSError, leaving it unchanged."""
    _check_may_write(snap)
    fd, tmp = tempfile.mkstemp(prefix=f".{snap.real.name}.", suffix=".langcheck", dir=snap.real.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(encode(snap, text))
            handle.flush()
            _keep_owner(handle.fileno(), snap)
            os.fchmod(handle.fileno(), snap.mode)
            os.fsync(handle.fileno())  # the new text is on disk before the name points at it
        _check_unchanged(snap)
        os.replace(tmp, snap.real)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(snap.real.parent)


def _check_may_write(snap: Snapshot) -> None:
    if snap.links > 1:
        raise WriteRefusedError(
            f"has {snap.links} names (hard links), and replacing it would leave the old text under the others; "
            "apply the fix by hand"
        )
    try:  # the real test: could this user open the file itself for writing?
        os.close(os.open(snap.real, os.O_WRONLY | os.O_NONBLOCK))
    except PermissionError:
        raise WriteRefusedError("is a file you may not change (permission denied); ask its owner to fix it") from None
    except OSError as exc:
        raise WriteRefusedError(f"cannot be changed ({exc.strerror})") from None


def _keep_owner(fd: int, snap: Snapshot) -> None:
    info = os.fstat(fd)
    if (info.st_uid, info.st_gid) == (snap.uid, snap.gid):
        return
    try:
        os.fchown(fd, snap.uid, snap.gid)
    except PermissionError:
        raise WriteRefusedError(
            "belongs to another user or group, and rewriting it would change its owner; ask its owner to fix it"
        ) from None


def _check_unchanged(snap: Snapshot) -> None:
    try:
        info = os.stat(snap.real)
        now = snap.real.read_bytes() if info.st_size == snap.size else None
    except OSError:
        info, now = None, None
    same = (
        info is not None
        and (info.st_dev, info.st_ino, info.st_mtime_ns) == (snap.device, snap.inode, snap.mtime_ns)
        and now == snap.data
    )
    if not same:
        raise WriteRefusedError(
            "changed while langcheck was fixing it, so it was left as it is; run langcheck fix again"
        )


def _sync_folder(folder: Path) -> None:
    """Flush the rename itself to disk (best effort: not every file system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
