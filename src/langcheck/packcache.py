"""Keep a loaded, validated rule pack on disk between runs.

Reading and validating ~200 YAML files and expanding their phrases takes longer than
importing the rest of langcheck; a pre-commit hook on clean files pays it on every commit. So
a pack, once loaded, is pickled into the user's cache folder under a key made from the exact
bytes of every file in it (and langcheck's version): any edit to any rule file makes a new key,
so a stale pack is never used. The cache holds rules only, never checked text. If the cache
cannot be read or written, the pack is simply loaded from YAML. Set LANGCHECK_NO_CACHE=1 to
turn it off.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from langcheck.version import __version__

T = TypeVar("T")


def cache_dir() -> Path:
    """Return the folder for cached packs (XDG_CACHE_HOME or ~/.cache, then langcheck)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "langcheck"


@functools.cache
def code_fingerprint() -> bytes:
    """Return a digest of langcheck's own source: every module of the package, with its version.

    Part of every key, so an edit to any module (the loader, the matcher, a condition) is
    never hidden by a value cached before it, even while the version number stays the same.
    Every module counts, not a hand-kept list: a list once left out the conditions, and a pack
    cached before a condition was renamed gave "internal error: KeyError: 'peer_age'".
    Worked out once per process (reading the package's sources takes a few milliseconds).
    """
    return source_digest(Path(__file__).resolve().parent)


def source_digest(package: Path) -> bytes:
    """Return a digest of langcheck's version and every module under `package`, by name and bytes."""
    digest = hashlib.sha256(__version__.encode() + b"\0")
    try:
        for path in sorted(package.rglob("*.py")):
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:  # a zipped or frozen install: the version alone must do
        pass
    return digest.digest()


def fingerprint(directory: Path) -> str:
    """Return a key that changes whenever any file of the pack (or any of langcheck's modules) changes."""
    digest = hashlib.sha256(code_fingerprint())
    for path in sorted(p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()):
        digest.update(path.relative_to(directory).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    digest.update(str(directory.resolve()).encode())
    return digest.hexdigest()[:40]


def cached(directory: Path, build: Callable[[Path], T]) -> T:
    """Return build(directory), from the cache when the pack is unchanged since it was stored."""
    if os.environ.get("LANGCHECK_NO_CACHE"):
        return build(directory)
    try:
        key = f"pack-{fingerprint(directory)}"
    except OSError:
        return build(directory)
    return cached_value(key, lambda: build(directory))


def cached_value(key: str, build: Callable[[], T]) -> T:
    """Return the value stored under `key`, or build, store and return it.

    `key` must change whenever anything the value depends on changes (it names the file).
    Any failure to read or write the cache falls back to building, silently: a cache is
    never a reason for a check to fail.
    """
    if os.environ.get("LANGCHECK_NO_CACHE"):
        return build()
    path = cache_dir() / f"{key}.pickle"
    try:
        with path.open("rb") as handle:
            value: T = pickle.load(handle)
        return value
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".pack-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        _prune(path.parent, key.split("-", maxsplit=1)[0])
    except OSError:
        pass
    return value


KEEP = 16
"""How many cached packs to keep: enough for a few packs and versions, never a growing pile."""


def _prune(folder: Path, kind: str) -> None:
    """Delete all but the most recently written cached values of one kind ("pack", ...)."""
    packs = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in packs[KEEP:]:
        old.unlink(missing_ok=True)
