"""Turn the paths a user gives into the documents to check, in a stable order.

Files named on the command line are always checked (unless a config `exclude` matches them).
Folders, and glob patterns such as `notes/**/*.docx`, are searched: sorted by name at every
level, hidden files and folders left out, `.gitignore` rules honoured as git honours them
(the files in the folder and above it up to the repository's top, later and deeper rules
winning, `!` re-including), `exclude` applied, and symbolic links followed only when they lead
to somewhere inside the folder. Files of a type langcheck does not read are counted, not
reported one by one.
"""

from __future__ import annotations

import enum
import errno
import glob
import os
import stat
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from langcheck.sources import SUFFIXES, UNREADABLE

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".rst"})
"""The plain-text suffixes (kept for callers from before other formats were read)."""
STDIN = "-"
_SKIP_DIRS = frozenset({"node_modules", "__pycache__", "venv", ".venv"})
_GLOB_CHARS = frozenset("*?[")

UNSUPPORTED = "unsupported type"
BINARY = "binary"
OUTSIDE = "link outside the folder"
SPECIAL = "special file (pipe, device or socket)"


@dataclass(frozen=True, slots=True)
class Target:
    """A document to check, or a path that could not be turned into any (with the reason).

    `found` is True for a file found by searching a folder or glob rather than named by the
    user: such a file that turns out to be binary is skipped and counted, not an error.
    """

    path: str
    problem: str | None = None
    found: bool = False


@dataclass(frozen=True, slots=True)
class Discovery:
    """The documents to check, and how many files a search passed over, by reason."""

    targets: tuple[Target, ...]
    skipped: tuple[tuple[str, int], ...] = ()


def expand(paths: Iterable[str]) -> list[Target]:
    """Return a target per file: files as given, folders searched for documents."""
    return list(discover(paths).targets)


def discover(paths: Iterable[str], *, excluded: Callable[[Path], bool] | None = None) -> Discovery:
    """Return the documents named by `paths`, searching folders and globs.

    `excluded` says whether a file or folder found by a search is excluded by configuration;
    an excluded folder is not entered.
    """
    targets: list[Target] = []
    skipped: Counter[str] = Counter()
    is_excluded = excluded or (lambda _path: False)
    for raw in paths:
        if raw == STDIN:
            targets.append(Target(STDIN))
            continue
        kind, problem = _kind(raw)
        if problem is not None:
            targets.append(Target(raw, problem))
        elif kind == _Kind.FOLDER:
            targets += _search_folder(raw, is_excluded, skipped)
        elif kind == _Kind.MISSING and _GLOB_CHARS & set(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                targets.append(Target(raw, "matches no files; check the pattern (quote it so the shell leaves it)"))
            seen: set[tuple[int, int]] = set()
            for match in matches:
                match_kind, match_problem = _kind(match)
                if match_kind == _Kind.FOLDER:
                    targets += _search_folder(match, is_excluded, skipped)
                elif match_kind == _Kind.SPECIAL:
                    skipped[SPECIAL] += 1
                elif match_problem is not None:
                    targets.append(Target(match, match_problem))
                elif not is_excluded(Path(match)) and _first_time(Path(match), seen):
                    _add_found(Path(match), targets, skipped)
        else:
            targets.append(Target(raw))
    return Discovery(tuple(targets), tuple(sorted(skipped.items())))


class _Kind(enum.Enum):
    """What a path names, as far as a search cares."""

    FILE = "file"
    FOLDER = "folder"
    SPECIAL = "special"
    MISSING = "missing"


_SPECIAL_NAMES = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def special_kind(mode: int) -> str | None:
    """Return what a file that is neither a regular file nor a folder is ("a named pipe (FIFO)")."""
    return next((name for test, name in _SPECIAL_NAMES if test(mode)), None)


def _kind(raw: str) -> tuple[_Kind, str | None]:
    """Return what a path names, and the problem (one clause) if it cannot be used at all.

    Decided from one stat, never by opening: opening a named pipe waits for a writer forever,
    and a symbolic link that leads back to itself has no end to resolve.
    """
    try:
        mode = os.stat(raw).st_mode
    except FileNotFoundError:
        return (_Kind.MISSING, None) if not os.path.islink(raw) else (_Kind.MISSING, _broken_link())
    except OSError as exc:
        return _Kind.MISSING, path_problem(exc)
    if stat.S_ISDIR(mode):
        return _Kind.FOLDER, None
    special = special_kind(mode)
    if special is not None:
        return _Kind.SPECIAL, f"is {special}, not a file; give the file or folder to check"
    return _Kind.FILE, None


def _broken_link() -> str:
    return "is a symbolic link to a file that does not exist; check the link"


def path_problem(exc: OSError) -> str:
    """Return the problem (one clause with what to do) for an error met while finding a path."""
    if exc.errno == errno.ELOOP:
        return "is a symbolic link that leads round in a loop and never reaches a file; check the link"
    if isinstance(exc, PermissionError):
        return "cannot be reached (permission denied); check the permissions of the file and the folders above it"
    reason = exc.strerror or os.strerror(exc.errno or 0)
    return f"cannot be used ({reason}); check the path"


def _first_time(path: Path, seen: set[tuple[int, int]]) -> bool:
    """Return True the first time a file (by device and inode) is met, so no file is checked twice."""
    try:
        info = os.stat(path)
    except OSError:
        return True
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def _search_folder(raw: str, excluded: Callable[[Path], bool], skipped: Counter[str]) -> list[Target]:
    root = Path(raw)
    before = sum(skipped.values())
    search = _Search(root.resolve(), excluded, skipped)
    search.walk(root, _Ignores.above(root, search.root_real))
    if search.unreadable:
        return search.found + search.unreadable
    if not search.found:
        passed = sum(skipped.values()) - before
        also = f" ({passed} file{'s' if passed != 1 else ''} of other types)" if passed else ""
        kinds = ", ".join(sorted(SUFFIXES))
        return [Target(raw, f"is a folder with no documents to check{also}; langcheck reads {kinds}")]
    return search.found


class _Search:
    """One folder's search: what it found, what it passed over, where it has been."""

    def __init__(self, root_real: Path, excluded: Callable[[Path], bool], skipped: Counter[str]) -> None:
        self.root_real = root_real
        self.excluded = excluded
        self.skipped = skipped
        self.found: list[Target] = []
        self.unreadable: list[Target] = []
        self.visited = {_identity(root_real)}

    def walk(self, folder: Path, ignores: _Ignores) -> None:
        """Add the documents in `folder` and the folders below it, in name order.

        Every folder is entered once, by its device and inode: a link back up the tree
        (`a/b/loop -> ..`) never makes the files below it count twice.
        """
        ignores = ignores.inside(folder)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:  # say so: the documents in it would otherwise go unchecked unseen
            self.unreadable.append(Target(str(folder), f"is a folder that {_listing_problem(exc)}"))
            return
        for entry in entries:
            path = folder / entry.name
            if entry.name.startswith(".") or entry.name in _SKIP_DIRS:
                continue
            try:
                is_dir = entry.is_dir()
                if entry.is_symlink() and not self._may_follow(path):
                    continue
                info = entry.stat()
            except OSError:
                continue  # a broken link, or a link that loops: nothing to check
            if ignores.ignored(path, is_dir) or self.excluded(path):
                continue
            key = (info.st_dev, info.st_ino)
            if is_dir:
                if key not in self.visited:
                    self.visited.add(key)
                    self.walk(path, ignores)
            elif not stat.S_ISREG(info.st_mode):
                self.skipped[SPECIAL] += 1  # a pipe would block whoever opened it
            else:
                _add_found(path, self.found, self.skipped)

    def _may_follow(self, link: Path) -> bool:
        """Return True for a link to a file or folder inside the searched folder."""
        target = link.resolve()
        if target != self.root_real and self.root_real not in target.parents:
            self.skipped[OUTSIDE] += 1
            return False
        return True


def _identity(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino


def _listing_problem(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "cannot be read (permission denied), so nothing in it was checked; check its permissions"
    reason = exc.strerror or os.strerror(exc.errno or 0)
    return f"cannot be read ({reason}), so nothing in it was checked; check the folder"


def _add_found(path: Path, out: list[Target], skipped: Counter[str]) -> None:
    suffix = path.suffix.lower()
    if suffix in SUFFIXES:
        out.append(Target(str(path), found=True))
    elif suffix not in UNREADABLE and not _looks_like_text(path):
        skipped[BINARY] += 1
    else:
        skipped[UNSUPPORTED] += 1


def _looks_like_text(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return b"\x00" not in handle.read(1024)
    except OSError:
        return False


class _Ignores:
    """The .gitignore rules in force in one folder: its own file's and those of folders above."""

    def __init__(self, specs: tuple[tuple[Path, PurePosixPath, Any], ...]) -> None:
        # each: (the folder a path is taken relative to, a prefix for that relative path, spec)
        self.specs = specs

    @classmethod
    def above(cls, root: Path, real: Path) -> _Ignores:
        """Return the rules of the folders above `root`, up to its repository's top, if any."""
        top = next((d for d in (real, *real.parents) if _exists(d / ".git")), None)
        if top is None:
            return cls(())
        specs: list[tuple[Path, PurePosixPath, Any]] = []
        rules = [(top, top / ".git" / "info" / "exclude")]
        rules += [
            (d, d / ".gitignore") for d in (*reversed(real.parents), real) if d != real and top in (d, *d.parents)
        ]
        for folder, file in rules:
            spec = _load(file)
            if spec is not None:
                specs.append((root, PurePosixPath(real.relative_to(folder).as_posix()), spec))
        return cls(tuple(specs))

    def inside(self, folder: Path) -> _Ignores:
        """Return the rules in force inside `folder`: these, and its own .gitignore's."""
        spec = _load(folder / ".gitignore")
        return self if spec is None else _Ignores((*self.specs, (folder, PurePosixPath("."), spec)))

    def ignored(self, path: Path, is_dir: bool) -> bool:
        """Return True if the deepest rule that speaks about `path` ignores it."""
        for anchor, prefix, spec in reversed(self.specs):
            rel = (prefix / path.relative_to(anchor).as_posix()).as_posix()
            result = spec.check_file(rel + "/" if is_dir else rel)
            if result.include is not None:
                return bool(result.include)
        return False


def _exists(path: Path) -> bool:
    """Return True if the path exists; a folder above that cannot be searched counts as no."""
    try:
        return path.exists()
    except OSError:
        return False


def _load(path: Path) -> Any:
    """Return the compiled rules of a .gitignore file, or None if there is none (or it is unreadable)."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)
