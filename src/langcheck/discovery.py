"""Turn the paths a user gives into the documents to check, in a stable order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".rst"})
STDIN = "-"
_SKIP_DIRS = frozenset({"node_modules", "__pycache__", "venv", ".venv"})


@dataclass(frozen=True, slots=True)
class Target:
    """A document to check, or a path that could not be turned into any (with the reason)."""

    path: str
    problem: str | None = None


def expand(paths: Iterable[str]) -> list[Target]:
    """Return a target per file: files as given, folders searched for text documents."""
    out: list[Target] = []
    for raw in paths:
        if raw == STDIN:
            out.append(Target(STDIN))
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in TEXT_SUFFIXES and p.is_file() and not _hidden(p.relative_to(path))
            )
            if not found:
                out.append(
                    Target(
                        raw,
                        "is a folder with no text or Markdown files in it; "
                        "give the files to check (.txt, .md, .rst)",
                    )
                )
            out += [Target(str(p)) for p in found]
        else:
            out.append(Target(raw))
    return out


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") or part in _SKIP_DIRS for part in rel.parts[:-1]) or rel.name.startswith(
        "."
    )
